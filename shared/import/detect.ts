import {
  AUDIT_BUNDLE_FORMAT,
  parseAuditBundle,
  parseAuditSnapshotFile,
} from '../exchange/audit-bundle.ts';
import { BACKUP_FORMAT, parseBackup, type Backup } from '../exchange/backup.ts';
import { formatOf, readStrictJson, type Sha256 } from '../exchange/exchange-file.ts';
import { SNAPSHOT_FORMAT, type AuditSnapshot } from '../snapshot/schema.ts';
import { parseCsv, type CsvDelimiter, type ParsedCsv } from './csv.ts';
import type { DateOrder } from './dates.ts';
import { decodeText, looksBinary, type DecodedText, type TextEncodingName } from './decode-text.ts';
import { autoMapping, type AutoMapping, type ColumnMapping } from './mapping.ts';
import { formatSizeOverLimit, importError, ImportError } from './messages.ts';
import type { ProfileId } from './profiles.ts';
import { validateRows, type ValidationResult } from './validate.ts';
import { parseXlsx, type ParsedXlsx } from './xlsx.ts';
import { hasZipMagic } from './zip-directory.ts';

// The one entry point for a file the user picked: recognise what it is by its bytes (never by
// its name, which anyone can change), read it with the matching reader, and validate it. PDFs
// are only recognised here: verifying a signature needs Node (main/verify), so the caller
// verifies and extracts the embedded snapshot. Nothing is written anywhere.

export const MAX_IMPORT_BYTES = 50 * 1024 * 1024;

export type ImportFileFormat =
  'csv' | 'xlsx' | 'audit-bundle' | 'audit-snapshot' | 'backup' | 'pdf';

export type ImportFileOptions = {
  /** How to map columns when no saved mapping is given; default 'auto'. */
  profile?: ProfileId | 'auto';
  /** A saved mapping; overrides `profile`. */
  mapping?: ColumnMapping;
  /** XLSX: the sheet to read (default: the first). */
  sheet?: string;
  /** CSV: skip delimiter detection. */
  delimiter?: CsvDelimiter;
  /** Day/month order for a/b/yyyy dates; overrides the mapping's. */
  dateOrder?: DateOrder | null;
  /** Needed for audit exports and backups, whose evidence is proved against its SHA-256. */
  sha256: Sha256;
  /** Refuse files above this many bytes (default 50 MB). */
  maxBytes?: number;
};

type Tabular = {
  /** The mapping proposed for the headers (null when a saved mapping was given). */
  auto: AutoMapping | null;
  mapping: ColumnMapping;
  validation: ValidationResult;
};

export type ParsedImportFile =
  | ({
      format: 'csv';
      encoding: TextEncodingName;
      bom: boolean;
      delimiter: CsvDelimiter;
      sheet: ParsedCsv;
    } & Tabular)
  | ({ format: 'xlsx'; encoding: null; sheet: ParsedXlsx } & Tabular)
  | {
      format: 'audit-bundle';
      encoding: TextEncodingName;
      snapshot: AuditSnapshot;
      evidenceBytes: Map<string, Uint8Array>;
    }
  | {
      /** A bare snapshot (`roomcheck demo`/`extract` output); evidence may lack bytes. */
      format: 'audit-snapshot';
      encoding: TextEncodingName;
      snapshot: AuditSnapshot;
      evidenceBytes: Map<string, Uint8Array>;
      evidenceWithoutBytes: string[];
    }
  | { format: 'backup'; encoding: TextEncodingName; backup: Backup }
  | { format: 'pdf'; encoding: null; bytes: Uint8Array };

const CFB_MAGIC = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

/** Whether `%PDF-` starts within the first 1024 bytes, where PDF readers look for it. */
export function hasPdfMagic(bytes: Uint8Array): boolean {
  const end = Math.min(bytes.length - 5, 1024);
  for (let i = 0; i <= end; i++) {
    if (
      bytes[i] === 0x25 &&
      bytes[i + 1] === 0x50 &&
      bytes[i + 2] === 0x44 &&
      bytes[i + 3] === 0x46 &&
      bytes[i + 4] === 0x2d
    ) {
      return true;
    }
  }
  return false;
}

function tabular(sheet: ParsedCsv | ParsedXlsx, options: ImportFileOptions): Tabular {
  const auto = options.mapping ? null : autoMapping(sheet.headers, options.profile ?? 'auto');
  const mapping = options.mapping ?? auto!.mapping;
  const validation = validateRows(
    sheet,
    mapping,
    options.dateOrder !== undefined ? { dateOrder: options.dateOrder } : {},
  );
  return { auto, mapping, validation };
}

/**
 * Reads any file Roomcheck imports. Throws ImportError with one clear sentence when the file
 * is too large, empty, of no supported format, or unreadable in its format.
 */
export async function parseImportFile(
  fileName: string,
  bytes: Uint8Array,
  options: ImportFileOptions,
): Promise<ParsedImportFile> {
  const max = options.maxBytes ?? MAX_IMPORT_BYTES;
  if (bytes.length > max) {
    throw importError('file_too_large', formatSizeOverLimit(bytes.length, max));
  }
  if (bytes.length === 0) throw importError('file_empty', {});
  if (hasPdfMagic(bytes)) return { format: 'pdf', encoding: null, bytes };
  if (hasZipMagic(bytes)) {
    const sheet = parseXlsx(bytes, fileName, options.sheet ? { sheet: options.sheet } : {});
    return { format: 'xlsx', encoding: null, sheet, ...tabular(sheet, options) };
  }
  if (CFB_MAGIC.every((b, i) => bytes[i] === b)) throw importError('legacy_xls', { fileName });

  let decoded: DecodedText;
  try {
    decoded = decodeText(bytes);
  } catch (err) {
    // A broken UTF-16 file is text that was damaged; anything else undecodable is not text.
    if (err instanceof ImportError && err.detail.code === 'bad_utf16') throw err;
    throw importError('binary_content', { fileName });
  }
  if (looksBinary(decoded.text)) throw importError('binary_content', { fileName });
  const { text, encoding, bom } = decoded;

  // Our JSON formats are objects with keys; a CSV's first cell almost never starts with `{"`.
  if (/^\s*\{\s*["}]/.test(text.slice(0, 256))) {
    const json = readStrictJson(text);
    const format = formatOf(json.json);
    if (format === AUDIT_BUNDLE_FORMAT) {
      const { snapshot, evidenceBytes } = await parseAuditBundle(json, options);
      return { format: 'audit-bundle', encoding, snapshot, evidenceBytes };
    }
    if (format === SNAPSHOT_FORMAT) {
      return {
        format: 'audit-snapshot',
        encoding,
        ...(await parseAuditSnapshotFile(json, options)),
      };
    }
    if (format === BACKUP_FORMAT) {
      return { format: 'backup', encoding, backup: await parseBackup(json, options) };
    }
    throw importError('unsupported_format', { fileName });
  }

  if (text.trim() === '') throw importError('file_empty', {});
  const sheet = parseCsv(text, options.delimiter ? { delimiter: options.delimiter } : {});
  return {
    format: 'csv',
    encoding,
    bom,
    delimiter: sheet.delimiter,
    sheet,
    ...tabular(sheet, options),
  };
}
