import { z } from 'zod';
import { IMPORT_DEVICE_FIELDS } from '../domain/device-fields.ts';
import { LABELS } from '../i18n/labels.ts';
import { type Bilingual } from '../i18n/lang.ts';

// The device fields a spreadsheet column can be mapped to: those of the device field table
// (shared/domain/device-fields.ts) that have an import column. Nested records (management
// interfaces, media, sanitization) do not fit one cell and travel in audit exports and backups
// instead. `column` is Roomcheck's own inventory column name: the CSV export writes it and the
// `roomcheck` profile reads it, so an exported inventory imports back unchanged.

export type ImportField = (typeof IMPORT_DEVICE_FIELDS)[number]['id'];
export const IMPORT_FIELDS = IMPORT_DEVICE_FIELDS.map((f) => f.id) as [
  ImportField,
  ...ImportField[],
];
export const ImportFieldSchema = z.enum(IMPORT_FIELDS);

export type FieldInfo = {
  /** Roomcheck's inventory column name. */
  column: string;
  label: Bilingual;
  /** Several columns may feed it (values are joined); every other field takes one column. */
  multi: boolean;
  /** Other headers meaning this field, English and Chinese. */
  aliases: readonly string[];
};

/** A field's name inside a sentence or a header: "lifecycle status", but "IP addresses". */
function inSentence(name: Bilingual): Bilingual {
  const { en } = name;
  const acronym = en.length > 1 && en[1] === en[1]!.toUpperCase() && /[A-Z]/.test(en[1]!);
  return { en: acronym ? en : en.charAt(0).toLowerCase() + en.slice(1), zh: name.zh };
}

export const FIELD_INFO = Object.fromEntries(
  IMPORT_DEVICE_FIELDS.map((f) => [
    f.id,
    {
      column: f.import.column,
      label: inSentence(LABELS.deviceField[f.id]),
      multi: f.import.multi === true,
      aliases: f.import.aliases,
    },
  ]),
) as Readonly<Record<ImportField, FieldInfo>>;

/** Fields that identify a device for matching; a row needs at least one of them. */
export const IDENTITY_FIELDS: readonly ImportField[] = ['assetTag', 'serial', 'macs'];

/**
 * The comparison key of a header or enum value: full-width forms folded (NFKC), lower case,
 * spaces and the punctuation people sprinkle into headers removed, so "IP 地址", "ip_address"
 * and "IP-Address" meet.
 */
export function normalizeKey(text: string): string {
  return text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[\s_\-./\\()[\]{}（）【】:：#*'"`’‘“”、,，;；]+/g, '');
}
