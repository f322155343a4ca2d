import { z } from 'zod';
import {
  FIELD_INFO,
  IDENTITY_FIELDS,
  type ImportField,
  ImportFieldSchema,
  normalizeKey,
} from './fields.ts';
import { importMessage, type ImportMessage } from './messages.ts';
import {
  detectProfile,
  headerMeaning,
  isProfileHeader,
  type ProfileDetection,
  type ProfileId,
  ProfileIdSchema,
} from './profiles.ts';
import { SHEET_LIMITS } from './sheet.ts';
import { describeZodError } from './zod-message.ts';

// A column mapping says which file column feeds which device field. It is plain JSON so the app
// can save one per source ("our CMDB export") and apply it to next quarter's file: columns are
// named by header text (compared normalised), not by position, so a reordered export still
// maps. The date order belongs here too: it is a property of the exporting system.

export const COLUMN_MAPPING_FORMAT = 'roomcheck.column-mapping';
const MAX_HEADER_LENGTH = 500;

export const ColumnMappingSchema = z.strictObject({
  format: z.literal(COLUMN_MAPPING_FORMAT),
  formatVersion: z.literal(1),
  name: z.string().max(100),
  /** The profile the mapping started from (informational once edited). */
  profile: ProfileIdSchema,
  columns: z
    .array(
      z.strictObject({
        header: z.string().min(1).max(MAX_HEADER_LENGTH),
        /** null: the column is deliberately not imported. */
        field: ImportFieldSchema.nullable(),
      }),
    )
    .max(SHEET_LIMITS.maxColumns),
  /** How a/b/yyyy dates in this source are written; null: reject them when ambiguous. */
  dateOrder: z.enum(['dmy', 'mdy']).nullable(),
});
export type ColumnMapping = z.infer<typeof ColumnMappingSchema>;

/** Column letters as a spreadsheet shows them: 0 -> A, 25 -> Z, 26 -> AA. */
export function columnLetter(index: number): string {
  let n = index + 1;
  let out = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    out = String.fromCharCode(65 + r) + out;
    n = Math.floor((n - 1) / 26);
  }
  return out;
}

/** Problems that make a mapping unusable; empty when it is sound. */
export function checkColumnMapping(mapping: ColumnMapping): ImportMessage[] {
  const problems: ImportMessage[] = [];
  const seen = new Set<string>();
  const byField = new Map<ImportField, string[]>();
  for (const { header, field } of mapping.columns) {
    const key = normalizeKey(header);
    if (seen.has(key)) problems.push(importMessage('mapping_duplicate_source', { column: header }));
    seen.add(key);
    if (field) byField.set(field, [...(byField.get(field) ?? []), header]);
  }
  for (const [field, headers] of byField) {
    if (headers.length > 1 && !FIELD_INFO[field].multi) {
      problems.push(
        importMessage('mapping_duplicate_field', {
          field: FIELD_INFO[field].label,
          columns: headers.map((h) => `"${h}"`).join(', '),
        }),
      );
    }
  }
  if (!IDENTITY_FIELDS.some((f) => byField.has(f))) {
    problems.push(importMessage('mapping_no_identity', {}));
  }
  return problems;
}

export type MappingParse =
  { ok: true; mapping: ColumnMapping } | { ok: false; problems: ImportMessage[] };

/** Validates a saved mapping (from storage or a file): shape first, then meaning. */
export function parseColumnMapping(input: unknown): MappingParse {
  const parsed = ColumnMappingSchema.safeParse(input);
  if (!parsed.success) {
    const { path, detail } = describeZodError(parsed.error);
    return { ok: false, problems: [importMessage('mapping_invalid', { path, detail })] };
  }
  const problems = checkColumnMapping(parsed.data);
  return problems.length ? { ok: false, problems } : { ok: true, mapping: parsed.data };
}

export type AutoMapping = {
  mapping: ColumnMapping;
  detection: ProfileDetection;
  /** Headers that looked like a field another column already fills; left unmapped. */
  displaced: { header: string; field: ImportField; keptHeader: string }[];
  /** Headers no profile knows; left unmapped. */
  unknownHeaders: string[];
};

/**
 * Proposes a mapping for a file's headers under a profile ('auto' detects it). When two
 * columns could fill the same single-valued field, the profile's own header beats a generic
 * alias, then the leftmost column wins; the others are reported in `displaced`.
 */
export function autoMapping(
  headers: readonly string[],
  profile: ProfileId | 'auto',
  name = '',
): AutoMapping {
  const detection: ProfileDetection =
    profile === 'auto' ? detectProfile(headers) : { profile, evidence: [] };
  const id = detection.profile;
  const seen = new Set<string>();
  const candidates: { header: string; field: ImportField | null; specific: boolean }[] = [];
  const unknownHeaders: string[] = [];
  for (const header of headers) {
    const key = normalizeKey(header);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    if (header.length > MAX_HEADER_LENGTH) {
      // No real header is this long; a mapping cannot store it, so it stays unmapped.
      unknownHeaders.push(header);
      continue;
    }
    const meaning = headerMeaning(id, header);
    if (meaning === undefined) unknownHeaders.push(header);
    candidates.push({ header, field: meaning ?? null, specific: isProfileHeader(id, header) });
  }
  const taken = new Map<ImportField, string>();
  const displaced: AutoMapping['displaced'] = [];
  for (const pass of [true, false]) {
    for (const c of candidates) {
      if (!c.field || c.specific !== pass || FIELD_INFO[c.field].multi) continue;
      const kept = taken.get(c.field);
      if (kept === undefined) taken.set(c.field, c.header);
      else {
        displaced.push({ header: c.header, field: c.field, keptHeader: kept });
        c.field = null;
      }
    }
  }
  return {
    mapping: {
      format: COLUMN_MAPPING_FORMAT,
      formatVersion: 1,
      name,
      profile: id,
      columns: candidates.map(({ header, field }) => ({ header, field })),
      dateOrder: null,
    },
    detection,
    displaced,
    unknownHeaders,
  };
}

export type ResolvedMapping = {
  /** The field each file column feeds, by column index (null: not imported). */
  byColumn: (ImportField | null)[];
  /** The file columns feeding each mapped field, left to right. */
  columnsOf: Map<ImportField, number[]>;
  /** How each column is named in messages: its header, or its letter when it has none. */
  columnNames: string[];
  /** Mapping entries whose header is not in this file. */
  missingHeaders: string[];
  /** File columns that are not imported, named as in `columnNames`. */
  unmappedColumns: string[];
};

/** Applies a mapping to one file's headers. */
export function resolveMapping(
  headers: readonly string[],
  mapping: ColumnMapping,
): ResolvedMapping {
  const fieldOf = new Map<string, ImportField | null>();
  for (const { header, field } of mapping.columns) {
    const key = normalizeKey(header);
    if (!fieldOf.has(key)) fieldOf.set(key, field);
  }
  const byColumn: (ImportField | null)[] = [];
  const columnsOf = new Map<ImportField, number[]>();
  const columnNames: string[] = [];
  const unmappedColumns: string[] = [];
  const present = new Set<string>();
  headers.forEach((header, index) => {
    const key = normalizeKey(header);
    present.add(key);
    const name = header === '' ? `column ${columnLetter(index)}` : header;
    columnNames.push(name);
    const field = key ? (fieldOf.get(key) ?? null) : null;
    byColumn.push(field);
    if (field) columnsOf.set(field, [...(columnsOf.get(field) ?? []), index]);
    else unmappedColumns.push(name);
  });
  const missingHeaders = mapping.columns
    .filter((c) => c.field !== null && !present.has(normalizeKey(c.header)))
    .map((c) => c.header);
  return { byColumn, columnsOf, columnNames, missingHeaders, unmappedColumns };
}
