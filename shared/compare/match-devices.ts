import type { Device } from '../domain/schemas.ts';

// Which device of one inventory is which device of another. Devices imported from a prior
// audit keep their ids, so the id is tried first; then the identifiers a person would use to
// recognise a box: asset tag, serial, MAC. A key that is shared by several unmatched devices
// on either side is ambiguous and matches nothing, rather than pairing the wrong two.

export const MATCH_KEYS = ['id', 'asset_tag', 'serial', 'mac'] as const;
export type MatchKey = (typeof MATCH_KEYS)[number];

export interface DevicePair {
  readonly prior: Device;
  readonly current: Device;
  readonly matchedBy: MatchKey;
}

export interface DeviceMatching {
  readonly pairs: readonly DevicePair[];
  /** In the prior inventory only. */
  readonly priorOnly: readonly Device[];
  /** In the current inventory only. */
  readonly currentOnly: readonly Device[];
}

/** Full-width letters typed with a Chinese input method, case and spaces do not matter. */
export const normaliseIdentifier = (value: string): string =>
  value.normalize('NFKC').trim().toLowerCase();

/** 00:1A:2b-... , 001a.2b..., 001A2B...: the same MAC. */
export const normaliseMac = (value: string): string =>
  value
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^0-9a-f]/g, '');

const KEY_VALUES: Readonly<Record<Exclude<MatchKey, 'id'>, (d: Device) => string[]>> = {
  asset_tag: (d) => [normaliseIdentifier(d.assetTag)].filter(Boolean),
  serial: (d) => [normaliseIdentifier(d.serial)].filter(Boolean),
  mac: (d) => [...new Set(d.macs.map(normaliseMac).filter((m) => m.length === 12))],
};

function index(devices: readonly Device[], values: (d: Device) => string[]) {
  const byValue = new Map<string, Device[]>();
  for (const device of devices) {
    for (const value of values(device)) {
      const list = byValue.get(value);
      if (list) list.push(device);
      else byValue.set(value, [device]);
    }
  }
  return byValue;
}

export function matchDevices(prior: readonly Device[], current: readonly Device[]): DeviceMatching {
  const pairs: DevicePair[] = [];
  const pairedPrior = new Set<Device>();
  const pairedCurrent = new Set<Device>();

  const priorById = new Map<string, Device>();
  for (const device of prior) if (!priorById.has(device.id)) priorById.set(device.id, device);
  for (const device of current) {
    const match = priorById.get(device.id);
    if (match && !pairedPrior.has(match) && !pairedCurrent.has(device)) {
      pairs.push({ prior: match, current: device, matchedBy: 'id' });
      pairedPrior.add(match);
      pairedCurrent.add(device);
    }
  }

  for (const key of ['asset_tag', 'serial', 'mac'] as const) {
    const values = KEY_VALUES[key];
    const priorLeft = prior.filter((d) => !pairedPrior.has(d));
    const currentLeft = current.filter((d) => !pairedCurrent.has(d));
    const priorIndex = index(priorLeft, values);
    const currentIndex = index(currentLeft, values);
    for (const device of currentLeft) {
      for (const value of values(device)) {
        const candidates = priorIndex.get(value);
        const rivals = currentIndex.get(value);
        if (candidates?.length !== 1 || rivals?.length !== 1) continue;
        const match = candidates[0]!;
        if (pairedPrior.has(match)) continue;
        pairs.push({ prior: match, current: device, matchedBy: key });
        pairedPrior.add(match);
        pairedCurrent.add(device);
        break;
      }
    }
  }

  return {
    pairs,
    priorOnly: prior.filter((d) => !pairedPrior.has(d)),
    currentOnly: current.filter((d) => !pairedCurrent.has(d)),
  };
}
