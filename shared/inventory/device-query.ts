import {
  DEVICE_TYPES,
  LIFECYCLE_STATUSES,
  type DeviceType,
  type LifecycleStatus,
} from '../domain/enums.ts';
import type { Device, Rack } from '../domain/schemas.ts';
import { isIpv4 } from './network-address.ts';

// Search, filter and sort of a room's devices for the inventory list. Runs on every keystroke
// over up to a few thousand devices, so the searchable text of a device is built once per
// device object and matching is plain substring tests.

/** '' means "any". 'none' for rackId means "not in a rack". */
export interface DeviceFilter {
  text: string;
  type: DeviceType | '';
  status: LifecycleStatus | '';
  rackId: string;
}

export const NO_RACK_FILTER = 'none';

export const EMPTY_FILTER: DeviceFilter = { text: '', type: '', status: '', rackId: '' };

export const DEVICE_SORT_KEYS = [
  'name',
  'assetTag',
  'type',
  'status',
  'location',
  'ip',
  'owner',
  'network',
] as const;
export type DeviceSortKey = (typeof DEVICE_SORT_KEYS)[number];

export interface DeviceSort {
  key: DeviceSortKey;
  direction: 'asc' | 'desc';
}

const haystacks = new WeakMap<Device, string>();

/**
 * Everything free text can match: name, asset tag, serial, hostname, IPs and MACs, the latter
 * also without separators so "001a2b" finds "00:1A:2B:…".
 */
function haystack(device: Device): string {
  let text = haystacks.get(device);
  if (text === undefined) {
    text = [
      device.name,
      device.assetTag,
      device.serial,
      device.hostname,
      ...device.ips,
      ...device.macs,
      ...device.macs.map((mac) => mac.replace(/[:.-]/g, '')),
    ]
      .join('\u0000')
      .toLowerCase();
    haystacks.set(device, text);
  }
  return text;
}

export function matchesFilter(device: Device, filter: DeviceFilter): boolean {
  if (filter.type !== '' && device.type !== filter.type) return false;
  if (filter.status !== '' && device.status !== filter.status) return false;
  if (filter.rackId === NO_RACK_FILTER) {
    if (device.rackId !== null) return false;
  } else if (filter.rackId !== '' && device.rackId !== filter.rackId) return false;
  const terms = filter.text.toLowerCase().split(/\s+/).filter(Boolean);
  if (terms.length === 0) return true;
  const text = haystack(device);
  return terms.every((term) => text.includes(term));
}

// Names mix Chinese and English and carry numbers ("CAM-2" before "CAM-10").
const collator = new Intl.Collator(['zh-Hans-CN', 'en'], { numeric: true, sensitivity: 'base' });

const typeRank = new Map(DEVICE_TYPES.map((t, i) => [t, i]));
const statusRank = new Map(LIFECYCLE_STATUSES.map((s, i) => [s, i]));
const networkRank = { connected: 0, unknown: 1, disconnected: 2 } as const;

/** IPv4 first in numeric order, then IPv6 by text, then devices without an address. */
function ipKey(device: Device): string {
  const ip = device.ips[0];
  if (ip === undefined) return '2';
  if (isIpv4(ip))
    return `0${ip
      .split('.')
      .map((octet) => octet.padStart(3, '0'))
      .join('.')}`;
  return `1${ip}`;
}

type Keyed = { device: Device; primary: number | string; empty: boolean };

/**
 * Filters and sorts. Empty values sort last in both directions (an inspector sorting by owner
 * wants the named owners first, not a screen of blanks). Ties fall back to name, then id, so the
 * order is total and stable across renders.
 */
export function queryDevices(
  devices: readonly Device[],
  racks: readonly Rack[],
  filter: DeviceFilter,
  sort: DeviceSort,
): Device[] {
  const rackById = new Map(racks.map((r) => [r.id, r]));
  const keyOf = (device: Device): Keyed => {
    switch (sort.key) {
      case 'name':
        return { device, primary: device.name, empty: device.name === '' };
      case 'assetTag':
        return { device, primary: device.assetTag, empty: device.assetTag === '' };
      case 'owner':
        return { device, primary: device.owner, empty: device.owner === '' };
      case 'type':
        return { device, primary: typeRank.get(device.type) ?? 0, empty: false };
      case 'status':
        return { device, primary: statusRank.get(device.status) ?? 0, empty: false };
      case 'network':
        return { device, primary: networkRank[device.network.state], empty: false };
      case 'ip':
        return { device, primary: ipKey(device), empty: device.ips.length === 0 };
      case 'location': {
        const rack = device.rackId === null ? undefined : rackById.get(device.rackId);
        if (!rack) return { device, primary: '', empty: true };
        // Walk order, then from the top U down, as the inspector meets devices in the room.
        const top = device.positionU === null ? 0 : device.positionU + device.heightU - 1;
        const key = `${String(rack.walkOrder).padStart(6, '0')}|${rack.name}|${String(99 - top).padStart(2, '0')}`;
        return { device, primary: key, empty: false };
      }
    }
  };
  const keyed = devices.filter((d) => matchesFilter(d, filter)).map(keyOf);
  const sign = sort.direction === 'asc' ? 1 : -1;
  keyed.sort((a, b) => {
    if (a.empty !== b.empty) return a.empty ? 1 : -1;
    let order = 0;
    if (typeof a.primary === 'number' && typeof b.primary === 'number')
      order = a.primary - b.primary;
    else order = collator.compare(String(a.primary), String(b.primary));
    if (order !== 0) return order * sign;
    return (
      collator.compare(a.device.name, b.device.name) ||
      (a.device.id < b.device.id ? -1 : a.device.id > b.device.id ? 1 : 0)
    );
  });
  return keyed.map((k) => k.device);
}
