import { NETWORK_SECURITY_TYPES, type DeviceType, type Severity } from '../domain/enums.ts';
import type { CheckItem, Device } from '../domain/schemas.ts';

// Some items of the built-in checklist are more severe on some devices (DOMAIN.md: F1 is High
// for network/security devices, I2 is High for a missing data-bearing item). The template stores
// the base severity; the escalation lives here so a user's copy of the template (same item ids)
// keeps it. Escalation only ever raises: a user who made an item High keeps High everywhere.

/** Types that hold data by nature even when no media record has been entered yet. */
export const INHERENTLY_DATA_BEARING_TYPES: readonly DeviceType[] = [
  'server',
  'virtualization_host',
  'storage',
  'nvr_vms',
  'workstation',
  'loose_media',
];

type DeviceFacts = Pick<Device, 'type' | 'media'>;

export function isDataBearing(device: DeviceFacts): boolean {
  return (
    INHERENTLY_DATA_BEARING_TYPES.includes(device.type) ||
    device.media.some((record) => record.count > 0)
  );
}

const ESCALATIONS: Readonly<Record<string, (device: DeviceFacts) => boolean>> = {
  F1: (device) => NETWORK_SECURITY_TYPES.includes(device.type),
  I2: isDataBearing,
};

const RANK: Readonly<Record<Severity, number>> = { low: 0, medium: 1, high: 2 };

/** The severity an item carries for this device (the room, when device is null). */
export function effectiveSeverity(
  item: Pick<CheckItem, 'id' | 'severity'>,
  device: DeviceFacts | null,
): Severity {
  const escalates = Object.hasOwn(ESCALATIONS, item.id) ? ESCALATIONS[item.id] : undefined;
  if (device && escalates?.(device) && RANK[item.severity] < RANK.high) return 'high';
  return item.severity;
}
