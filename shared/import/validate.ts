import type { z } from 'zod';
import {
  IMPORT_DEVICE_FIELDS,
  type EnumLabelKind,
  type FieldKind,
} from '../domain/device-fields.ts';
import { RackSchema, RoomSchema, SiteSchema } from '../domain/schemas.ts';
import type { Bilingual } from '../i18n/lang.ts';
import { unescapeFormulaCell } from '../exchange/formula-escape.ts';
import { parseDateCell, type DateOrder } from './dates.ts';
import { FIELD_INFO, IDENTITY_FIELDS, type ImportField } from './fields.ts';
import {
  checkColumnMapping,
  resolveMapping,
  type ColumnMapping,
  type ResolvedMapping,
} from './mapping.ts';
import { ImportError, rowIssue, type RowIssue } from './messages.ts';
import { normalizeIp, normalizeMac } from './network-addresses.ts';
import type { Sheet } from './sheet.ts';
import {
  CLASSIFICATION_VOCABULARY,
  DEVICE_TYPE_VOCABULARY,
  LAST_SEEN_SOURCE_VOCABULARY,
  NETWORK_STATE_VOCABULARY,
  POWER_VOCABULARY,
  STATUS_VOCABULARY,
  TRI_STATE_VOCABULARY,
  type Vocabulary,
} from './vocabulary.ts';

// Row by row, cell by cell: each mapped cell becomes a typed device value or a reason the row
// is rejected (row as the spreadsheet numbers it, column by its header). A row with any problem
// is rejected whole, with every problem listed, so one pass over the file shows all fixes.
// Empty cells mean "no information": an update leaves the field as it is.

type ImportDeviceField = (typeof IMPORT_DEVICE_FIELDS)[number];
type ImportValue<F extends ImportDeviceField> = F['kind'] extends { kind: 'enum' }
  ? NonNullable<z.output<F['type']>>
  : F['kind'] extends { kind: 'flag' }
    ? boolean
    : F['kind'] extends { kind: 'list' }
      ? string[]
      : F['kind'] extends { kind: 'u' }
        ? number
        : string;

/** The values one row provides, typed; absent keys were empty or unmapped. */
export type ImportedDevice = Partial<{ [F in ImportDeviceField as F['id']]: ImportValue<F> }>;

export type ImportRecord = { row: number; values: ImportedDevice };

export type ValidationResult = {
  /** Accepted rows, in file order. */
  records: ImportRecord[];
  /** Every problem of every rejected row, by row then column. */
  rejected: RowIssue[];
  /** How many distinct rows were rejected. */
  rejectedRows: number;
  resolved: ResolvedMapping;
};

export type ValidateOptions = {
  /** Overrides the mapping's date order for this run. */
  dateOrder?: DateOrder | null;
};

type Kind =
  | { kind: 'text'; max: number }
  | { kind: 'enum'; vocabulary: Vocabulary<string> }
  | { kind: 'boolean' }
  | { kind: 'date' }
  | { kind: 'position' }
  | { kind: 'height' }
  | { kind: 'ips' }
  | { kind: 'macs' };

const VOCABULARIES: Readonly<Record<EnumLabelKind, Vocabulary<string>>> = {
  deviceType: DEVICE_TYPE_VOCABULARY,
  lastSeenSource: LAST_SEEN_SOURCE_VOCABULARY,
  lifecycleStatus: STATUS_VOCABULARY,
  triState: TRI_STATE_VOCABULARY,
  powerState: POWER_VOCABULARY,
  networkState: NETWORK_STATE_VOCABULARY,
  classification: CLASSIFICATION_VOCABULARY,
};
const PLACE_NAME_MAX = {
  site: SiteSchema.shape.name.maxLength ?? 200,
  room: RoomSchema.shape.name.maxLength ?? 200,
  rack: RackSchema.shape.name.maxLength ?? 100,
};
const MAX_LIST = 64;

/** How a cell of each field is read, from the field's kind in the device field table. */
function kindOf(f: ImportDeviceField): Kind {
  const k: FieldKind = f.kind;
  switch (k.kind) {
    case 'text':
      return { kind: 'text', max: (f.type as z.ZodString).maxLength ?? 10_000 };
    case 'place':
      return { kind: 'text', max: PLACE_NAME_MAX[k.of] };
    case 'enum':
      return { kind: 'enum', vocabulary: VOCABULARIES[k.labels] };
    case 'flag':
      return { kind: 'boolean' };
    case 'date':
      return { kind: 'date' };
    case 'u':
      return { kind: k.role };
    case 'list':
      return { kind: k.of === 'ip' ? 'ips' : 'macs' };
    default:
      throw new Error(`field ${f.id} has no cell`);
  }
}

const KINDS = Object.fromEntries(IMPORT_DEVICE_FIELDS.map((f) => [f.id, kindOf(f)])) as Record<
  ImportField,
  Kind
>;

const EXCEL_ERROR =
  /^#(NULL!|DIV\/0!|VALUE!|REF!|NAME\?|NUM!|N\/A|GETTING_DATA|SPILL!|CALC!|ERROR)$/;
const LIST_SEPARATORS = /[\s,;|，；、]+/;
const U_VALUE = /^(?:u\s*)?(\d+(?:\.\d+)?)(?:\s*u)?$/i;
const U_RANGE = /^(?:u\s*)?(\d+)\s*(?:u\s*)?[-~～至到]\s*(?:u\s*)?(\d+)(?:\s*u)?$/i;

/** Same-looking identifiers compare equal: full-width folded, trimmed, case-insensitive. */
export function identityKey(value: string): string {
  // NFKC leaves printable ASCII unchanged; skipping it matters at 10,000 rows.
  for (let i = 0; i < value.length; i++) {
    const c = value.charCodeAt(i);
    if (c < 0x20 || c > 0x7e) return value.normalize('NFKC').trim().toUpperCase();
  }
  return value.trim().toUpperCase();
}

/** `excelError`: the cell held an Excel error value (#N/A...), not text escaped to look like one. */
type Cell = { value: string; column: number; excelError: boolean };

/** The cleaned, non-empty cells feeding one field in one row. */
function cellsFor(cells: readonly string[], columns: readonly number[]): Cell[] {
  const out: Cell[] = [];
  for (const column of columns) {
    const raw = cells[column];
    if (raw === undefined) continue;
    const trimmed = raw.trim();
    const value = unescapeFormulaCell(trimmed).trim();
    if (value !== '') out.push({ value, column, excelError: EXCEL_ERROR.test(trimmed) });
  }
  return out;
}

class RowReader {
  readonly issues: RowIssue[] = [];
  readonly values: ImportedDevice = {};
  /** For `a/b/yyyy` dates read without a declared order: the order each value proved. */
  readonly provedOrders: { field: ImportField; column: number; order: DateOrder; value: string }[] =
    [];

  constructor(
    readonly row: number,
    readonly names: readonly string[],
    readonly dateOrder: DateOrder | null,
  ) {}

  issue(column: number | null, ...args: DistributiveTail): void {
    const name = column === null ? '' : (this.names[column] ?? '');
    this.issues.push((rowIssue as (...a: unknown[]) => RowIssue)(this.row, name, ...args));
  }

  read(field: ImportField, cells: Cell[]): void {
    for (const c of cells) {
      if (c.excelError) {
        this.issue(c.column, 'excel_error', { value: c.value });
        return;
      }
    }
    const info = FIELD_INFO[field];
    const spec = KINDS[field];
    if (spec.kind === 'ips' || spec.kind === 'macs') {
      this.readList(field as 'ips' | 'macs', cells);
      return;
    }
    let cell = cells[0]!;
    if (info.multi) {
      if (cells.length > 1) {
        const value = cells.map((c) => c.value).join('\n');
        cell = { value, column: cell.column, excelError: false };
      }
    } else {
      for (let i = 1; i < cells.length; i++) {
        if (cells[i]!.value !== cell.value) {
          const column = cells[i]!.column;
          this.issue(column, 'duplicate_column_value', { column: this.names[column]! });
          return;
        }
      }
    }
    const v = cell.value;
    const limit = spec.kind === 'text' ? spec.max : undefined;
    if (limit !== undefined && v.length > limit) {
      this.issue(cell.column, 'cell_too_long', { length: v.length, max: limit });
      return;
    }
    // The value's type is guaranteed by KINDS; the record is keyed by the same field.
    const values = this.values as Record<string, unknown>;
    switch (spec.kind) {
      case 'text':
        values[field] = v;
        return;
      case 'enum': {
        const r = spec.vocabulary.read(v);
        if (r.ok) values[field] = r.value;
        else if (r.code === 'ambiguous_value') {
          this.issue(cell.column, 'ambiguous_value', {
            value: v,
            field: info.label,
            candidates: r.candidates.join(', '),
          });
        } else {
          this.issue(cell.column, 'unknown_value', {
            value: clip(v),
            field: info.label,
            accepted: spec.vocabulary.accepted,
          });
        }
        return;
      }
      case 'boolean': {
        const r = TRI_STATE_VOCABULARY.read(v);
        if (r.ok && r.value !== 'unknown') values[field] = r.value === 'yes';
        else {
          this.issue(cell.column, 'unknown_value', {
            value: clip(v),
            field: info.label,
            accepted: YES_NO,
          });
        }
        return;
      }
      case 'date': {
        const r = parseDateCell(v, this.dateOrder);
        if (!r.ok) {
          const order = this.dateOrder === 'mdy' ? 'month/day/year' : 'day/month/year';
          this.issue(cell.column, r.code, { value: clip(v), order } as never);
          return;
        }
        if (r.provedOrder) {
          this.provedOrders.push({ field, column: cell.column, order: r.provedOrder, value: v });
        }
        values[field] = r.date;
        return;
      }
      case 'position':
        this.readPosition(cell);
        return;
      case 'height': {
        const n = uNumber(v);
        if (n === null || n < 1 || n > 60) {
          this.issue(cell.column, 'invalid_number', { value: clip(v), min: 1, max: 60 });
        } else values[field] = n;
        return;
      }
    }
  }

  private readPosition(cell: Cell): void {
    const v = cell.value;
    const range = U_RANGE.exec(v);
    if (range) {
      const a = Number(range[1]);
      const b = Number(range[2]);
      const low = Math.min(a, b);
      const high = Math.max(a, b);
      if (low < 1 || high > 60) {
        this.issue(cell.column, 'invalid_number', { value: v, min: 1, max: 60 });
        return;
      }
      this.values.positionU = low;
      this.spanFromPosition = { span: high - low + 1, column: cell.column, value: v };
      return;
    }
    const m = U_VALUE.exec(v);
    if (m && !Number.isInteger(Number(m[1]))) {
      this.issue(cell.column, 'half_u_position', { value: v });
      return;
    }
    const n = uNumber(v);
    if (n === null || n < 1 || n > 60) {
      this.issue(cell.column, 'invalid_number', { value: clip(v), min: 1, max: 60 });
      return;
    }
    this.values.positionU = n;
  }

  spanFromPosition: { span: number; column: number; value: string } | null = null;

  private readList(field: 'ips' | 'macs', cells: Cell[]): void {
    const out: string[] = [];
    const seen = new Set<string>();
    let count = 0;
    for (const cell of cells) {
      for (const part of cell.value.split(LIST_SEPARATORS)) {
        if (part === '') continue;
        count++;
        const r = field === 'ips' ? normalizeIp(part) : normalizeMac(part);
        if (!r.ok) {
          this.issue(cell.column, r.code, { value: clip(part) });
          continue;
        }
        if (!seen.has(r.value)) {
          seen.add(r.value);
          out.push(r.value);
        }
      }
    }
    if (count > MAX_LIST) {
      this.issue(cells[0]!.column, 'too_many_values', { count, max: MAX_LIST });
      return;
    }
    if (out.length) this.values[field] = out;
  }

  finish(): void {
    const span = this.spanFromPosition;
    if (span) {
      const height = this.values.heightU;
      if (height === undefined) this.values.heightU = span.span;
      else if (height !== span.span) {
        this.issue(span.column, 'height_conflict', { value: span.value, span: span.span, height });
      }
    }
  }
}

type IssueArgs<C> = C extends RowIssue['message']['code']
  ? [code: C, params: Extract<RowIssue['message'], { code: C }>['params']]
  : never;
type DistributiveTail = IssueArgs<RowIssue['message']['code']>;

const YES_NO: Bilingual = { en: 'yes, no', zh: '是、否' };

/** Long junk in a message helps nobody; the cell is in the file. */
function clip(value: string): string {
  return value.length > 80 ? `${value.slice(0, 77)}...` : value;
}

function uNumber(value: string): number | null {
  const m = U_VALUE.exec(value);
  if (!m) return null;
  const n = Number(m[1]);
  return Number.isInteger(n) ? n : null;
}

/**
 * Validates every data row of a sheet under a column mapping. Throws ImportError when the
 * mapping itself is unusable for this file (no identity column present). Pure: nothing is
 * written anywhere.
 */
export function validateRows(
  sheet: Sheet,
  mapping: ColumnMapping,
  options: ValidateOptions = {},
): ValidationResult {
  const problems = checkColumnMapping(mapping).filter((p) => p.code !== 'mapping_no_identity');
  if (problems[0]) throw new ImportError(problems[0]);
  const resolved = resolveMapping(sheet.headers, mapping);
  if (!IDENTITY_FIELDS.some((f) => resolved.columnsOf.has(f))) {
    throw new ImportError({ code: 'mapping_no_identity', params: {} });
  }
  const dateOrder = options.dateOrder !== undefined ? options.dateOrder : mapping.dateOrder;
  const fields = [...resolved.columnsOf.entries()];
  const width = sheet.headers.length;

  const readers: RowReader[] = [];
  for (const { row, cells } of sheet.rows) {
    const reader = new RowReader(row, resolved.columnNames, dateOrder);
    for (const [field, columns] of fields) {
      const present = cellsFor(cells, columns);
      if (present.length) reader.read(field, present);
    }
    reader.finish();
    let extra = 0;
    for (let c = width; c < cells.length; c++) if (cells[c]!.trim() !== '') extra++;
    if (extra) reader.issue(null, 'extra_cells', { count: extra });
    if (!IDENTITY_FIELDS.some((f) => reader.values[f] !== undefined)) {
      // Only when the identity cells were empty, not when they held an invalid value.
      const identityColumns = IDENTITY_FIELDS.flatMap((f) => resolved.columnsOf.get(f) ?? []);
      if (cellsFor(cells, identityColumns).length === 0) reader.issue(null, 'no_identity', {});
    }
    readers.push(reader);
  }

  rejectMixedDateOrders(readers);
  rejectDuplicateAssetTags(readers, resolved);

  const records: ImportRecord[] = [];
  const rejected: RowIssue[] = [];
  let rejectedRows = 0;
  for (const reader of readers) {
    if (reader.issues.length === 0) records.push({ row: reader.row, values: reader.values });
    else {
      rejectedRows++;
      rejected.push(...reader.issues);
    }
  }
  return { records, rejected, rejectedRows, resolved };
}

/**
 * A column whose a/b/yyyy dates prove day-first in one row and month-first in another was
 * written by two conventions; each such date could be either, so all of them are rejected.
 */
function rejectMixedDateOrders(readers: RowReader[]): void {
  const first = new Map<ImportField, { dmy?: number; mdy?: number }>();
  for (const r of readers) {
    for (const p of r.provedOrders) {
      const seen = first.get(p.field) ?? {};
      seen[p.order] ??= r.row;
      first.set(p.field, seen);
    }
  }
  for (const r of readers) {
    for (const p of r.provedOrders) {
      const seen = first.get(p.field)!;
      if (seen.dmy !== undefined && seen.mdy !== undefined) {
        r.issue(p.column, 'mixed_date_order', {
          value: p.value,
          dayFirstRow: seen.dmy,
          monthFirstRow: seen.mdy,
        });
      }
    }
  }
}

function rejectDuplicateAssetTags(readers: RowReader[], resolved: ResolvedMapping): void {
  const column = resolved.columnsOf.get('assetTag')?.[0];
  if (column === undefined) return;
  const firstRow = new Map<string, number>();
  for (const r of readers) {
    const tag = r.values.assetTag;
    if (tag === undefined) continue;
    const key = identityKey(tag);
    const earlier = firstRow.get(key);
    if (earlier === undefined) firstRow.set(key, r.row);
    else r.issue(column, 'duplicate_asset_tag', { value: tag, earlierRow: earlier });
  }
}
