import type { LifecycleStatus, MediaKind, SanitizationMethod } from '../domain/enums.ts';
import type { z } from 'zod';
import {
  fieldValue,
  FORM_FIELDS,
  setFieldValue,
  type ManagementInterface,
} from '../domain/device-fields.ts';
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

type FormField = (typeof FORM_FIELDS)[number];

/** What the editor holds for the records that are not one value. */
type RecordValues = {
  managementInterfaces: ManagementInterface[];
  media: MediaFormValues[];
  /** null = no sanitization recorded. */
  sanitization: SanitizationFormValues | null;
};

/** An input's value: enums and flags as stored, text for what is typed (numbers, dates, lists). */
type FormValue<F extends FormField> = F['id'] extends keyof RecordValues
  ? RecordValues[F['id']]
  : F['kind'] extends { kind: 'enum' }
    ? z.output<F['type']>
    : F['kind'] extends { kind: 'flag' }
      ? boolean
      : string;

type FormKey<F> = F extends { path: readonly [infer A extends string] } ? A : never;
type FormGroup<F> = F extends { path: readonly [infer A extends string, string] } ? A : never;

/**
 * The editor's values, laid out as the device is (derived from the device field table): ips and
 * macs one per line, '' for a date or number not recorded, rackId '' for no rack.
 */
export type DeviceFormValues = {
  [F in FormField as FormKey<F>]: FormValue<F>;
} & {
  [G in FormGroup<FormField>]: {
    [
      F in FormField as F['path'] extends readonly [G, infer B extends string] ? B : never
    ]: FormValue<F>;
  };
};

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

const RECORDS_TO_FORM: { [K in keyof RecordValues]: (v: DeviceFields[K]) => RecordValues[K] } = {
  managementInterfaces: (list) => list.map((m) => ({ ...m })),
  media: (list) =>
    list.map((m) => ({
      count: String(m.count),
      kind: m.kind,
      // Serials of one media record stay on one line of the editor.
      serials: m.serials.join(', '),
    })),
  sanitization: (record) => (record ? { ...record } : null),
};

function formValue(f: FormField, value: unknown): unknown {
  switch (f.kind.kind) {
    case 'record':
      return (RECORDS_TO_FORM[f.id as keyof RecordValues] as (v: unknown) => unknown)(value);
    case 'list':
      return (value as string[]).join('\n');
    case 'enum':
    case 'flag':
      return value;
    default:
      return value === null ? '' : String(value);
  }
}

export function toFormValues(device: DeviceFields): DeviceFormValues {
  const out: Record<string, unknown> = {};
  for (const f of FORM_FIELDS) {
    setFieldValue(out, f, formValue(f, fieldValue(device as Device, f)));
  }
  return out as DeviceFormValues;
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
  const out: Record<string, unknown> = {};
  for (const f of FORM_FIELDS) {
    const path = f.path.join('.');
    const raw = fieldValue(values as unknown as Device, f);
    setFieldValue(out, f, readField(f, path, raw, context, fail));
  }
  const fields = out as DeviceFields;
  checkPosition(fields, context, fail);

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

type Fail = (path: string, problem: DeviceFieldProblem) => void;

/** One input's text (or choice) as the stored value, or a problem recorded with `fail`. */
function readField(
  f: FormField,
  path: string,
  raw: unknown,
  context: DeviceFormContext,
  fail: Fail,
): unknown {
  const k = f.kind;
  switch (k.kind) {
    case 'text': {
      const text = raw as string;
      if ('required' in f.form && text.trim() === '') fail(path, { code: 'required' });
      // Several lines (notes) are kept as typed; a one-line value loses stray spaces.
      return 'rows' in f.form ? text : text.trim();
    }
    case 'date':
      return readDate(path, raw as string, k.past ? context.today : undefined, fail);
    case 'list':
      return readList(path, raw as string, k.of, fail);
    case 'u': {
      const [min, max] = [1, 60];
      const n = wholeNumber(raw as string, min, max);
      if (n === 'bad' || (n === null && k.role === 'height'))
        fail(path, { code: 'whole_number', min, max });
      return typeof n === 'number' ? n : k.role === 'height' ? 1 : null;
    }
    case 'place':
      return raw === '' ? null : raw;
    case 'record':
      return readRecord(f.id as keyof RecordValues, raw, context, fail);
    default:
      return raw;
  }
}

function readDate(path: string, raw: string, today: string | undefined, fail: Fail) {
  const check = checkDateInput(raw, today);
  if (check.ok) return check.value;
  fail(path, { code: check.problem });
  return null;
}

function readList(path: string, raw: string, of: 'ip' | 'mac', fail: Fail): string[] {
  const out: string[] = [];
  for (const item of splitList(raw)) {
    const check = of === 'ip' ? checkIpAddress(item) : checkMacAddress(item);
    if (!check.ok)
      fail(path, {
        code: of === 'ip' ? `ip_${(check as { problem: IpProblem }).problem}` : 'mac_invalid',
        value: item,
      });
    else if (out.includes(check.normalized)) fail(path, { code: `${of}_duplicate`, value: item });
    else out.push(check.normalized);
  }
  return out;
}

function readRecord(id: keyof RecordValues, raw: unknown, context: DeviceFormContext, fail: Fail) {
  if (id === 'managementInterfaces') {
    return (raw as RecordValues['managementInterfaces']).map((m) => ({
      ...m,
      address: m.address.trim(),
    }));
  }
  if (id === 'media') {
    return (raw as MediaFormValues[]).map((m, i) => {
      const count = wholeNumber(m.count, 0, 10_000);
      if (count === 'bad' || count === null)
        fail(`media.${i}.count`, { code: 'whole_number', min: 0, max: 10_000 });
      return {
        count: typeof count === 'number' ? count : 0,
        kind: m.kind,
        serials: splitList(m.serials),
      };
    });
  }
  const s = raw as SanitizationFormValues | null;
  if (!s) return null;
  let sanitizedOn: string | null = null;
  if (s.date.trim() === '') fail('sanitization.date', { code: 'required' });
  else sanitizedOn = readDate('sanitization.date', s.date, context.today, fail);
  return {
    method: s.method,
    tool: s.tool.trim(),
    verifiedBy: s.verifiedBy.trim(),
    witness: s.witness.trim(),
    date: sanitizedOn ?? '',
    certificateId: s.certificateId.trim(),
    destination: s.destination.trim(),
  };
}

/** A U position needs a rack and must fit in it; without a rack the device has none. */
function checkPosition(fields: DeviceFields, context: DeviceFormContext, fail: Fail): void {
  const { positionU, heightU, rackId } = fields;
  if (typeof positionU === 'number') {
    if (rackId === null || context.rackHeightU === null) {
      fail('positionU', { code: 'position_without_rack' });
    } else if (positionU + heightU - 1 > context.rackHeightU) {
      fail('positionU', { code: 'position_outside_rack', rackHeight: context.rackHeightU });
    }
  }
  if (rackId === null) fields.positionU = null;
}

/** An item of a list field ("ips.3") is reported on the list's own input ("ips"). */
function schemaPath(path: readonly PropertyKey[]): string {
  const [head] = path;
  if (head === 'ips' || head === 'macs') return head;
  if (head === 'media' && path[2] === 'serials') return `media.${String(path[1])}.serials`;
  return path.map(String).join('.');
}
