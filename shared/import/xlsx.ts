import { read, SSF, type CellObject, type WorkBook } from '@e965/xlsx';
import { excelSerialToIsoDate } from './dates.ts';
import { formatBytes, formatSizeOverLimit, importError, ImportError } from './messages.ts';
import { isBlankRow, SHEET_LIMITS, type Sheet, type SheetRow } from './sheet.ts';
import { readZipDirectory } from './zip-directory.ts';
import { storedArchive, unpackZip } from './zip-unpack.ts';

// XLSX through SheetJS 0.20.3 (@e965/xlsx): the npm `xlsx` package stopped at 0.18.5, before
// the fixes for crafted-file prototype pollution (CVE-2023-30533) and a ReDoS (CVE-2024-22363).
// Options keep the library to reading cell values: no formulas (SheetJS never evaluates them;
// the cached value is what Excel showed), no HTML, styles, VBA or file dumps, and dates are
// converted here from serials so no time zone can shift a day.

export type XlsxOptions = {
  /** Sheet to read; the first sheet when absent. */
  sheet?: string;
  maxRows?: number;
  maxColumns?: number;
  /** Refuse workbooks whose parts unpack to more than this (zip bombs). */
  maxUnpackedBytes?: number;
};

export type ParsedXlsx = Sheet & {
  sheetName: string;
  /** Every sheet in the workbook, for a sheet picker. */
  sheetNames: string[];
};

export const MAX_UNPACKED_BYTES = 256 * 1024 * 1024;

/** Excel's error values by code, shown as Excel shows them so validation can name them. */
const EXCEL_ERRORS: Readonly<Record<number, string>> = {
  0x00: '#NULL!',
  0x07: '#DIV/0!',
  0x0f: '#VALUE!',
  0x17: '#REF!',
  0x1d: '#NAME?',
  0x24: '#NUM!',
  0x2a: '#N/A',
  0x2b: '#GETTING_DATA',
};

function cellText(cell: CellObject | undefined, date1904: boolean): string {
  if (!cell) return '';
  switch (cell.t) {
    case 's':
      return typeof cell.v === 'string' ? cell.v : String(cell.v ?? '');
    case 'n': {
      const v = typeof cell.v === 'number' ? cell.v : Number(cell.v);
      if (typeof cell.z === 'string' && SSF.is_date(cell.z)) {
        return excelSerialToIsoDate(v, date1904) ?? String(v);
      }
      return String(v);
    }
    case 'b':
      return cell.v ? 'TRUE' : 'FALSE';
    case 'e':
      return EXCEL_ERRORS[Number(cell.v)] ?? '#ERROR';
    case 'd':
      // Only produced with cellDates, which is off; kept so no value is ever dropped.
      return cell.v instanceof Date ? cell.v.toISOString().slice(0, 10) : String(cell.v ?? '');
    default:
      return '';
  }
}

/**
 * Checks the archive and unpacks it before SheetJS sees it; throws ImportError when it is not
 * for us. Returns the same contents as a stored archive, so SheetJS never inflates a stream
 * whose real size was not counted here.
 */
function checkedArchive(bytes: Uint8Array, fileName: string, maxUnpacked: number): Uint8Array {
  const entries = readZipDirectory(bytes);
  if (!entries) throw importError('zip_damaged', { fileName });
  if (!entries.some((e) => e.name === 'xl/workbook.xml')) {
    throw importError('zip_not_xlsx', { fileName });
  }
  // An archive honest about its size is refused before anything is inflated.
  let declared = 0;
  for (const e of entries) declared += e.uncompressedSize;
  if (declared > maxUnpacked) {
    throw importError('zip_too_large_uncompressed', formatSizeOverLimit(declared, maxUnpacked));
  }
  const unpacked = unpackZip(bytes, maxUnpacked);
  if (!unpacked.ok) {
    throw unpacked.reason === 'over_limit'
      ? importError('zip_unpacks_over_limit', { max: formatBytes(maxUnpacked) })
      : importError('zip_damaged', { fileName });
  }
  return storedArchive(unpacked.files);
}

/**
 * Reads one sheet of an XLSX workbook into a Sheet: the header is the first non-blank row,
 * row numbers are Excel's. Throws ImportError for anything that is not a readable XLSX, an
 * unknown sheet name, or too many rows or columns.
 */
export function parseXlsx(
  bytes: Uint8Array,
  fileName: string,
  options: XlsxOptions = {},
): ParsedXlsx {
  const maxRows = options.maxRows ?? SHEET_LIMITS.maxRows;
  const maxColumns = options.maxColumns ?? SHEET_LIMITS.maxColumns;
  const archive = checkedArchive(bytes, fileName, options.maxUnpackedBytes ?? MAX_UNPACKED_BYTES);

  let names: WorkBook;
  try {
    names = read(archive, { type: 'array', bookSheets: true });
  } catch {
    throw importError('zip_damaged', { fileName });
  }
  const sheetNames = names.SheetNames.slice();
  if (sheetNames.length === 0) throw importError('workbook_empty', {});
  const sheetName = options.sheet ?? sheetNames[0]!;
  if (!sheetNames.includes(sheetName)) {
    throw importError('sheet_not_found', {
      sheet: sheetName,
      available: sheetNames.map((n) => `"${n}"`).join(', '),
    });
  }

  let book: WorkBook;
  try {
    book = read(archive, {
      type: 'array',
      dense: true,
      sheets: sheetName,
      // One row past the limit (plus the header) is enough to know the limit is exceeded.
      sheetRows: maxRows + 2,
      cellFormula: false,
      cellHTML: false,
      cellText: false,
      cellNF: true,
      cellDates: false,
      cellStyles: false,
      bookVBA: false,
      bookFiles: false,
      bookDeps: false,
      WTF: false,
    });
  } catch (err) {
    if (err instanceof ImportError) throw err;
    throw importError('zip_damaged', { fileName });
  }
  const sheet = book.Sheets[sheetName];
  const data = sheet?.['!data'] ?? [];
  const date1904 = Boolean(book.Workbook?.WBProps?.date1904);

  if (data.length > maxRows + 1) throw importError('too_many_rows', { max: maxRows });

  let header: string[] | null = null;
  let headerRow = 0;
  const rows: SheetRow[] = [];
  for (let r = 0; r < data.length; r++) {
    const source = data[r];
    if (!source) continue;
    if (source.length > maxColumns) {
      throw importError('too_many_columns', { row: r + 1, count: source.length, max: maxColumns });
    }
    const cells: string[] = new Array<string>(source.length);
    for (let c = 0; c < source.length; c++) cells[c] = cellText(source[c], date1904);
    if (isBlankRow(cells)) continue;
    if (header === null) {
      header = cells.map((h) => h.trim());
      headerRow = r + 1;
    } else {
      rows.push({ row: r + 1, cells });
    }
  }
  if (header === null) throw importError('no_header', {});
  return { headers: header, headerRow, rows, sheetName, sheetNames };
}
