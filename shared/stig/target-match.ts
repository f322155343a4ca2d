import type { Device } from '../domain/schemas.ts';
import { normalizeIp, normalizeMac } from '../import/network-addresses.ts';
import { splitList } from '../inventory/network-address.ts';
import { ROOMCHECK_ID_LABEL } from './checklist.ts';
import type { ReadTarget } from './read-model.ts';

// Which inventory device a checklist is about. The evidence is tried strongest first, and the
// first kind that points anywhere decides:
// 1. the "Roomcheck-ID: device/<id>" line a Roomcheck export writes in the target comments;
// 2. the host name (or FQDN), ignoring case: the full name, then its first label, so "web01"
//    and "web01.example.mil" meet;
// 3. any IP address (Evaluate-STIG lists several as "a, b");
// 4. any MAC address, whatever its notation.
// One device found is a match; several are a tie, narrowed by the weaker kinds when they
// single one out, otherwise left to the person at the preview. Nothing is guessed.

export type MatchBasis = 'roomcheck_id' | 'host_name' | 'ip_address' | 'mac_address';

export type TargetMatch =
  | { kind: 'matched'; deviceId: string; by: MatchBasis }
  | { kind: 'ambiguous'; deviceIds: string[]; by: MatchBasis }
  | { kind: 'unmatched' };

type MatchTarget = Pick<ReadTarget, 'hostName' | 'fqdn' | 'ipAddress' | 'macAddress' | 'comments'>;
type MatchDevice = Pick<Device, 'id' | 'hostname' | 'ips' | 'macs'>;

const firstLabel = (name: string) => name.split('.')[0] ?? name;

function addTo(index: Map<string, Set<string>>, key: string, id: string) {
  if (!key) return;
  let ids = index.get(key);
  if (!ids) index.set(key, (ids = new Set()));
  ids.add(id);
}

const ips = (list: readonly string[]) =>
  list.flatMap((raw) => {
    const r = normalizeIp(raw);
    return r.ok ? [r.value] : [];
  });
const macs = (list: readonly string[]) =>
  list.flatMap((raw) => {
    const r = normalizeMac(raw);
    return r.ok ? [r.value] : [];
  });

const DEVICE_LINE = new RegExp(`^\\s*${ROOMCHECK_ID_LABEL}\\s*device/(\\S+)\\s*$`, 'm');

const roomcheckDeviceId = (comments: string): string | null =>
  DEVICE_LINE.exec(comments)?.[1] ?? null;

/** Indexes the inventory once; the returned function matches one target in O(its names). */
export function createTargetMatcher(
  devices: readonly MatchDevice[],
): (t: MatchTarget) => TargetMatch {
  const ids = new Set(devices.map((d) => d.id));
  const fullName = new Map<string, Set<string>>();
  const shortName = new Map<string, Set<string>>();
  const byIp = new Map<string, Set<string>>();
  const byMac = new Map<string, Set<string>>();
  for (const d of devices) {
    const host = d.hostname.trim().toLowerCase();
    addTo(fullName, host, d.id);
    addTo(shortName, firstLabel(host), d.id);
    for (const ip of ips(d.ips)) addTo(byIp, ip, d.id);
    for (const mac of macs(d.macs)) addTo(byMac, mac, d.id);
  }
  const lookup = (index: Map<string, Set<string>>, keys: readonly string[]) => {
    const found = new Set<string>();
    for (const key of keys) for (const id of index.get(key) ?? []) found.add(id);
    return found;
  };

  return (target) => {
    const rcId = roomcheckDeviceId(target.comments);
    if (rcId !== null && ids.has(rcId))
      return { kind: 'matched', deviceId: rcId, by: 'roomcheck_id' };
    const names = [target.hostName, target.fqdn].map((n) => n.trim().toLowerCase()).filter(Boolean);
    const byFull = lookup(fullName, names);
    const tiers: [MatchBasis, Set<string>][] = [
      ['host_name', byFull.size ? byFull : lookup(shortName, names.map(firstLabel))],
      ['ip_address', lookup(byIp, ips(splitList(target.ipAddress)))],
      ['mac_address', lookup(byMac, macs(splitList(target.macAddress)))],
    ];
    const first = tiers.findIndex(([, found]) => found.size > 0);
    if (first < 0) return { kind: 'unmatched' };
    const [by, found] = tiers[first]!;
    let candidates = [...found];
    for (const [, weaker] of tiers.slice(first + 1)) {
      if (candidates.length === 1) break;
      const narrowed = candidates.filter((id) => weaker.has(id));
      if (narrowed.length > 0) candidates = narrowed;
    }
    return candidates.length === 1
      ? { kind: 'matched', deviceId: candidates[0]!, by }
      : { kind: 'ambiguous', deviceIds: candidates.sort(), by };
  };
}
