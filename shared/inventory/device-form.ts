import type {
  Classification,
  DeviceType,
  LifecycleStatus,
  ManagementInterfaceKind,
  MediaKind,
  NetworkState,
  PowerState,
  SanitizationMethod,
  TriState,
} from '../domain/enums.ts';
import { DeviceSchema, type Device } from '../domain/schemas.ts';
import { checkDateInput, type DateProblem } from './date-input.ts';
import { checkIpAddress, checkMacAddress, splitList, type IpProblem } from './network-address.ts';

// The device editor's model: what the inspector types (text for numbers, dates and address
// lists) on one side, the stored Device on the other, and one function that turns the first
// into the second or says, per field, what is wrong. Pure, so every message the form can show is
// unit-tested, and anything this accepts is accepted by the repository's schema too.

/** The fields of a device the editor owns (not ids, site/room, audit links or timestamps). */
export type DeviceFields = Omit<
  Device,
  'id' | 'siteId' | 'roomId' | 'firstSeenAuditId' | 'createdAt' | 'updatedAt'
>;

export interface MediaFormValues {
  count: string;
  kind: MediaKind;
  /** Serial numbers, one per line or separated by commas. */
  serials: string;
}

export interface SanitizationFormValues {
  method: SanitizationMethod;
  tool: string;
  verifiedBy: string;
  witness: string;
  date: string;
  certificateId: string;
  destination: string;
}

export interface DeviceFormValues {
  name: string;
  assetTag: string;
  serial: string;
  manufacturer: string;
  model: string;
  type: DeviceType;
  hostname: string;
  /** One per line or separated by commas. */
  ips: string;
  macs: string;
  /** '' = not in a rack. */
  rackId: string;
  positionU: string;
  heightU: string;
  owner: string;
  department: string;
  status: LifecycleStatus;
  idleSince: string;
  firmwareVersion: string;
  firmwareDate: string;
  endOfSupport: string;
  credentials: {
    defaultChanged: TriState;
    unique: TriState;
    lastRotated: string;
    storesOtherCredentials: boolean;
  };
  power: PowerState;
  network: {
    state: NetworkState;
    switchName: string;
    switchPort: string;
    portEnabled: TriState;
  };
  managementInterfaces: {
    kind: ManagementInterfaceKind;
    address: string;
    enabled: TriState;
    isolated: TriState;
    credentialsChanged: TriState;
  }[];
  media: MediaFormValues[];
  classification: Classification;
  /** null = no sanitization recorded. */
  sanitization: SanitizationFormValues | null;
  notes: string;
}

export type DeviceFieldProblem =
  | { code: 'required' }
  | { code: 'too_long'; max: number }
  | { code: 'too_many'; max: number }
  | { code: 'whole_number'; min: number; max: number }
  | { code: `ip_${IpProblem}`; value: string }
  | { code: 'ip_duplicate'; value: string }
  | { code: 'mac_invalid'; value: string }
  | { code: 'mac_duplicate'; value: string }
  | { code: DateProblem }
  | { code: 'position_without_rack' }
  | { code: 'position_outside_rack'; rackHeight: number }
  | { code: 'invalid' };

/** Dotted paths as zod reports them: "ips", "credentials.lastRotated", "media.0.count". */
export type DeviceFieldErrors = Record<string, DeviceFieldProblem>;

export interface DeviceFormContext {
  /** The inspection day, YYYY-MM-DD: dates of past facts may not lie after it. */
  today: string;
  /** Height of the rack chosen in the form, or null when none is chosen. */
  rackHeightU: number | null;
}

export type DeviceFormResult =
  { ok: true; fields: DeviceFields } | { ok: false; errors: DeviceFieldErrors };

/** Statuses in which a sanitization record is expected, so the editor shows that section. */
export const SANITIZATION_STATUSES: readonly LifecycleStatus[] = [
  'decommissioning',
  'awaiting_sanitization',
  'sanitized',
  'disposed',
];

export function sanitizationRelevant(status: LifecycleStatus, hasRecord: boolean): boolean {
  return hasRecord || SANITIZATION_STATUSES.includes(status);
}

export function emptySanitization(): SanitizationFormValues {
  return {
    method: 'purge',
    tool: '',
    verifiedBy: '',
    witness: '',
    date: '',
    certificateId: '',
    destination: '',
  };
}

const dateText = (date: string | null) => date ?? '';

export function toFormValues(device: DeviceFields): DeviceFormValues {
  return {
    name: device.name,
    assetTag: device.assetTag,
    serial: device.serial,
    manufacturer: device.manufacturer,
    model: device.model,
    type: device.type,
    hostname: device.hostname,
    ips: device.ips.join('\n'),
    macs: device.macs.join('\n'),
    rackId: device.rackId ?? '',
    positionU: device.positionU === null ? '' : String(device.positionU),
    heightU: String(device.heightU),
    owner: device.owner,
    department: device.department,
    status: device.status,
    idleSince: dateText(device.idleSince),
    firmwareVersion: device.firmwareVersion,
    firmwareDate: dateText(device.firmwareDate),
    endOfSupport: dateText(device.endOfSupport),
    credentials: {
      ...device.credentials,
      lastRotated: dateText(device.credentials.lastRotated),
    },
    power: device.power,
    network: { ...device.network },
    managementInterfaces: device.managementInterfaces.map((m) => ({ ...m })),
    media: device.media.map((m) => ({
      count: String(m.count),
      kind: m.kind,
      // Serials of one media record stay on one line of the editor.
      serials: m.serials.join(', '),
    })),
    classification: device.classification,
    sanitization: device.sanitization ? { ...device.sanitization } : null,
    notes: device.notes,
  };
}

const FieldsSchema = DeviceSchema.omit({
  id: true,
  siteId: true,
  roomId: true,
  firstSeenAuditId: true,
  createdAt: true,
  updatedAt: true,
});

function wholeNumber(text: string, min: number, max: number): number | null | 'bad' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  if (!/^\d+$/.test(trimmed)) return 'bad';
  const n = Number(trimmed);
  return n >= min && n <= max ? n : 'bad';
}

/**
 * Turns the editor's values into device fields, or explains per field what is wrong. The first
 * problem of each field is kept: one clear sentence beats a list.
 */
export function fromFormValues(
  values: DeviceFormValues,
  context: DeviceFormContext,
): DeviceFormResult {
  const errors: DeviceFieldErrors = {};
  const fail = (path: string, problem: DeviceFieldProblem) => {
    errors[path] ??= problem;
  };

  if (values.name.trim() === '') fail('name', { code: 'required' });

  const ips: string[] = [];
  for (const raw of splitList(values.ips)) {
    const check = checkIpAddress(raw);
    if (!check.ok) fail('ips', { code: `ip_${check.problem}`, value: raw });
    else if (ips.includes(check.normalized)) fail('ips', { code: 'ip_duplicate', value: raw });
    else ips.push(check.normalized);
  }

  const macs: string[] = [];
  for (const raw of splitList(values.macs)) {
    const check = checkMacAddress(raw);
    if (!check.ok) fail('macs', { code: 'mac_invalid', value: raw });
    else if (macs.includes(check.normalized)) fail('macs', { code: 'mac_duplicate', value: raw });
    else macs.push(check.normalized);
  }

  const date = (path: string, raw: string, pastOnly: boolean): string | null => {
    const check = checkDateInput(raw, pastOnly ? context.today : undefined);
    if (check.ok) return check.value;
    fail(path, { code: check.problem });
    return null;
  };
  const idleSince = date('idleSince', values.idleSince, true);
  const firmwareDate = date('firmwareDate', values.firmwareDate, true);
  const endOfSupport = date('endOfSupport', values.endOfSupport, false);
  const lastRotated = date('credentials.lastRotated', values.credentials.lastRotated, true);

  const heightU = wholeNumber(values.heightU, 1, 60);
  if (heightU === 'bad' || heightU === null)
    fail('heightU', { code: 'whole_number', min: 1, max: 60 });
  const positionU = wholeNumber(values.positionU, 1, 60);
  if (positionU === 'bad') fail('positionU', { code: 'whole_number', min: 1, max: 60 });
  const rackId = values.rackId === '' ? null : values.rackId;
  if (typeof positionU === 'number') {
    if (rackId === null || context.rackHeightU === null) {
      fail('positionU', { code: 'position_without_rack' });
    } else if (positionU + (typeof heightU === 'number' ? heightU : 1) - 1 > context.rackHeightU) {
      fail('positionU', { code: 'position_outside_rack', rackHeight: context.rackHeightU });
    }
  }

  const media = values.media.map((m, i) => {
    const count = wholeNumber(m.count, 0, 10_000);
    if (count === 'bad' || count === null)
      fail(`media.${i}.count`, { code: 'whole_number', min: 0, max: 10_000 });
    return {
      count: typeof count === 'number' ? count : 0,
      kind: m.kind,
      serials: splitList(m.serials),
    };
  });

  let sanitization: DeviceFields['sanitization'] = null;
  if (values.sanitization) {
    const s = values.sanitization;
    let sanitizedOn: string | null = null;
    if (s.date.trim() === '') fail('sanitization.date', { code: 'required' });
    else sanitizedOn = date('sanitization.date', s.date, true);
    sanitization = {
      method: s.method,
      tool: s.tool.trim(),
      verifiedBy: s.verifiedBy.trim(),
      witness: s.witness.trim(),
      date: sanitizedOn ?? '',
      certificateId: s.certificateId.trim(),
      destination: s.destination.trim(),
    };
  }

  const fields: DeviceFields = {
    rackId,
    positionU: typeof positionU === 'number' && rackId !== null ? positionU : null,
    heightU: typeof heightU === 'number' ? heightU : 1,
    assetTag: values.assetTag.trim(),
    serial: values.serial.trim(),
    manufacturer: values.manufacturer.trim(),
    model: values.model.trim(),
    type: values.type,
    name: values.name.trim(),
    hostname: values.hostname.trim(),
    ips,
    macs,
    owner: values.owner.trim(),
    department: values.department.trim(),
    status: values.status,
    idleSince,
    firmwareVersion: values.firmwareVersion.trim(),
    firmwareDate,
    endOfSupport,
    credentials: {
      defaultChanged: values.credentials.defaultChanged,
      unique: values.credentials.unique,
      lastRotated,
      storesOtherCredentials: values.credentials.storesOtherCredentials,
    },
    power: values.power,
    network: {
      state: values.network.state,
      switchName: values.network.switchName.trim(),
      switchPort: values.network.switchPort.trim(),
      portEnabled: values.network.portEnabled,
    },
    managementInterfaces: values.managementInterfaces.map((m) => ({
      ...m,
      address: m.address.trim(),
    })),
    media,
    classification: values.classification,
    sanitization,
    notes: values.notes,
  };

  // Lengths and counts come from the domain schema itself, so the form cannot drift from it.
  const parsed = FieldsSchema.safeParse(fields);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) {
      const path = schemaPath(issue.path);
      if (issue.code === 'too_big' && issue.origin === 'string')
        fail(path, { code: 'too_long', max: Number(issue.maximum) });
      else if (issue.code === 'too_big' && issue.origin === 'array')
        fail(path, { code: 'too_many', max: Number(issue.maximum) });
      else fail(path, { code: 'invalid' });
    }
  }

  if (Object.keys(errors).length > 0) return { ok: false, errors };
  return { ok: true, fields };
}

/** An item of a list field ("ips.3") is reported on the list's own input ("ips"). */
function schemaPath(path: readonly PropertyKey[]): string {
  const [head] = path;
  if (head === 'ips' || head === 'macs') return head;
  if (head === 'media' && path[2] === 'serials') return `media.${String(path[1])}.serials`;
  return path.map(String).join('.');
}
