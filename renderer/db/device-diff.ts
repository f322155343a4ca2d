import type { Device } from '../../shared/domain/schemas.ts';

// Which recorded fields of a device differ between two versions of it: the preview of an
// import shows these, field by field, before the user decides which version to keep.

/** Bookkeeping fields that differ between any two copies and say nothing about the device. */
const IGNORED: ReadonlySet<keyof Device> = new Set(['id', 'createdAt', 'updatedAt']);

export type DeviceFieldChange = {
  field: keyof Device;
  /** Display text of the value on each side (JSON for nested records). */
  from: string;
  to: string;
};

export function displayValue(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value.join(', ');
  return JSON.stringify(value);
}

/** Fields whose values differ, compared as stored JSON (key order does not matter). */
export function diffDevices(from: Device, to: Device): DeviceFieldChange[] {
  const changes: DeviceFieldChange[] = [];
  for (const field of Object.keys(to) as (keyof Device)[]) {
    if (IGNORED.has(field)) continue;
    if (canonical(from[field]) !== canonical(to[field])) {
      changes.push({ field, from: displayValue(from[field]), to: displayValue(to[field]) });
    }
  }
  return changes;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
      : v,
  );
}
