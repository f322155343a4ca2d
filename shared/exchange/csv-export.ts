import type { Device, Finding, Rack, Room, Site } from '../domain/schemas.ts';
import { fieldValue, IMPORT_DEVICE_FIELDS } from '../domain/device-fields.ts';
import { label } from '../i18n/labels.ts';
import { type Lang } from '../i18n/lang.ts';
import { FIELD_INFO, IMPORT_FIELDS, type ImportField } from '../import/fields.ts';
import { escapeFormulaCell } from './formula-escape.ts';

// CSV for people with spreadsheets: RFC 4180 with CRLF, every cell guarded against formula
// injection, and written as UTF-8 with a BOM, without which Excel reads UTF-8 as the local
// code page and Chinese turns to mojibake. The inventory export uses exactly the columns the
// `roomcheck` import profile reads, so an exported inventory imports back unchanged; with a
// language it uses that language's headers and value names, which import reads back too.

export type CsvCell = string | number | boolean | null | undefined;

function quoteCell(text: string, delimiter: string): string {
  const needsQuotes =
    text.includes('"') ||
    text.includes(delimiter) ||
    text.includes('\n') ||
    text.includes('\r') ||
    text.trim() !== text;
  return needsQuotes ? `"${text.replaceAll('"', '""')}"` : text;
}

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'yes' : 'no';
  return String(cell);
}

/** Rows to CSV text: formula-escaped, quoted where needed, CRLF line ends. */
export function toCsv(
  rows: readonly (readonly CsvCell[])[],
  delimiter: ',' | ';' | '\t' = ',',
): string {
  let out = '';
  for (const row of rows) {
    out += row.map((c) => quoteCell(escapeFormulaCell(cellText(c)), delimiter)).join(delimiter);
    out += '\r\n';
  }
  return out;
}

/** The bytes to save: UTF-8 with a BOM, as Excel expects. */
export function csvFileBytes(text: string): Uint8Array {
  const body = new TextEncoder().encode(text);
  const out = new Uint8Array(body.length + 3);
  out.set([0xef, 0xbb, 0xbf]);
  out.set(body, 3);
  return out;
}

/** Inventory columns in export order: every importable field. */
export const INVENTORY_COLUMNS: readonly ImportField[] = IMPORT_FIELDS;

export type InventoryRefs = {
  rooms: readonly Room[];
  racks: readonly Rack[];
  sites?: readonly Site[];
};

/**
 * The inventory as CSV text. Without `lang`: Roomcheck's column names and stored values
 * (stable for scripts). With `lang`: headers and enum values in that language.
 */
export function inventoryCsv(devices: readonly Device[], refs: InventoryRefs, lang?: Lang): string {
  const names = {
    site: new Map((refs.sites ?? []).map((s) => [s.id, s.name])),
    room: new Map(refs.rooms.map((r) => [r.id, r.name])),
    rack: new Map(refs.racks.map((r) => [r.id, r.name])),
  };
  const cell = (f: (typeof IMPORT_DEVICE_FIELDS)[number], d: Device): CsvCell => {
    const value = fieldValue(d, f);
    const k = f.kind;
    switch (k.kind) {
      case 'place':
        return typeof value === 'string' ? (names[k.of].get(value) ?? '') : '';
      case 'enum':
        return lang ? label(k.labels, value as never, lang) : (value as string);
      case 'flag':
        return lang ? label('triState', value ? 'yes' : 'no', lang) : (value as boolean);
      case 'list':
        return (value as string[]).join('; ');
      default:
        return value as CsvCell;
    }
  };
  const header = IMPORT_DEVICE_FIELDS.map((f) =>
    lang ? FIELD_INFO[f.id].label[lang] : FIELD_INFO[f.id].column,
  );
  const rows: CsvCell[][] = [header];
  for (const d of devices) rows.push(IMPORT_DEVICE_FIELDS.map((f) => cell(f, d)));
  return toCsv(rows);
}

const FINDING_HEADERS: Readonly<Record<Lang, readonly string[]>> = {
  en: [
    'Finding id',
    'Severity',
    'Category',
    'Status',
    'Title',
    'Detail',
    'Remediation',
    'Owner',
    'Due date',
    'Check item',
    'Room',
    'Device asset tag',
    'Device name',
    'First seen in audit',
    'First seen at',
    'Status reason',
    'Created at',
    'Updated at',
  ],
  zh: [
    '问题编号',
    '严重程度',
    '类别',
    '状态',
    '标题',
    '详情',
    '整改措施',
    '负责人',
    '整改期限',
    '检查项',
    '机房',
    '设备资产编号',
    '设备名称',
    '首次发现的检查',
    '首次发现时间',
    '状态说明',
    '创建时间',
    '更新时间',
  ],
};

/** Findings as CSV text for follow-up in a spreadsheet, in the reader's language. */
export function findingsCsv(
  findings: readonly Finding[],
  refs: { devices: readonly Device[]; rooms: readonly Room[] },
  lang: Lang,
): string {
  const devices = new Map(refs.devices.map((d) => [d.id, d]));
  const rooms = new Map(refs.rooms.map((r) => [r.id, r]));
  const rows: CsvCell[][] = [[...FINDING_HEADERS[lang]]];
  for (const f of findings) {
    const device = f.deviceId ? devices.get(f.deviceId) : undefined;
    rows.push([
      f.id,
      label('severity', f.severity, lang),
      label('severityCat', f.severity, lang),
      label('findingStatus', f.status, lang),
      f.title,
      f.detail,
      f.remediation,
      f.owner,
      f.dueDate,
      f.itemId ?? '',
      rooms.get(f.roomId)?.name ?? '',
      device?.assetTag ?? '',
      device?.name ?? '',
      f.firstSeenAuditId,
      f.firstSeenAt,
      f.statusReason,
      f.createdAt,
      f.updatedAt,
    ]);
  }
  return toCsv(rows);
}
