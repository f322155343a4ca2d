import { importError } from './messages.ts';
import { isBlankRow, SHEET_LIMITS, type Sheet, type SheetRow } from './sheet.ts';

// A small RFC 4180 reader written here rather than papaparse because imports need two things
// papaparse does not give: the spreadsheet row number of every record (a quoted field spanning
// lines is one row) and strictness (papaparse recovers from a missing closing quote by guessing,
// which silently swallows rows). Accepted beyond RFC 4180, as Excel does: CR, LF or CRLF line
// ends, `;` and tab delimiters, and a quote inside an unquoted field taken literally.

export const CSV_DELIMITERS = [',', ';', '\t'] as const;
export type CsvDelimiter = (typeof CSV_DELIMITERS)[number];

export type ParsedCsv = Sheet & {
  delimiter: CsvDelimiter;
};

export type CsvOptions = {
  /** Skip detection and use this delimiter. */
  delimiter?: CsvDelimiter;
  /** Stop after this many records (used by detection); no limit error is raised then. */
  maxRecords?: number;
  maxRows?: number;
  maxColumns?: number;
};

const QUOTE = 0x22;
const CR = 0x0d;
const LF = 0x0a;

function countLineBreaks(text: string, from: number, to: number): number {
  let count = 0;
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === LF) count++;
    else if (c === CR && text.charCodeAt(i + 1) !== LF) count++;
  }
  return count;
}

function readRecords(
  text: string,
  delimiter: CsvDelimiter,
  lineOffset: number,
  limits: { maxRecords: number; maxColumns: number; maxRows: number },
  stats?: { strayQuotes: number },
): string[][] {
  const delim = delimiter.charCodeAt(0);
  const n = text.length;
  const records: string[][] = [];
  if (n === 0) return records;
  let row: string[] = [];
  let line = 1 + lineOffset;
  let i = 0;
  for (;;) {
    if (i < n && text.charCodeAt(i) === QUOTE) {
      const openLine = line;
      i++;
      let value = '';
      let segment = i;
      for (;;) {
        const q = text.indexOf('"', i);
        if (q === -1) {
          throw importError('csv_unterminated_quote', {
            row: records.length + 1,
            line: openLine,
          });
        }
        line += countLineBreaks(text, i, q);
        if (text.charCodeAt(q + 1) === QUOTE) {
          value += text.slice(segment, q + 1);
          i = q + 2;
          segment = i;
          continue;
        }
        value += text.slice(segment, q);
        i = q + 1;
        break;
      }
      const next = text.charCodeAt(i);
      if (i < n && next !== delim && next !== CR && next !== LF) {
        throw importError('csv_text_after_quote', {
          row: records.length + 1,
          column: row.length + 1,
          line,
        });
      }
      row.push(value);
    } else {
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === delim || c === CR || c === LF) break;
        j++;
      }
      const value = text.slice(i, j);
      if (stats && value.includes('"')) stats.strayQuotes++;
      row.push(value);
      i = j;
    }
    if (i >= n) {
      records.push(row);
      break;
    }
    const c = text.charCodeAt(i);
    if (c === delim) {
      i++;
      continue;
    }
    i += c === CR && text.charCodeAt(i + 1) === LF ? 2 : 1;
    line++;
    records.push(row);
    if (row.length > limits.maxColumns) {
      throw importError('too_many_columns', {
        row: records.length,
        count: row.length,
        max: limits.maxColumns,
      });
    }
    row = [];
    if (records.length >= limits.maxRecords) return records;
    // The header row comes on top of the data rows.
    if (records.length > limits.maxRows + 1) {
      throw importError('too_many_rows', { max: limits.maxRows });
    }
    if (i >= n) break;
  }
  const last = records[records.length - 1];
  if (last && last.length > limits.maxColumns) {
    throw importError('too_many_columns', {
      row: records.length,
      count: last.length,
      max: limits.maxColumns,
    });
  }
  if (records.length > limits.maxRows + 1) {
    throw importError('too_many_rows', { max: limits.maxRows });
  }
  return records;
}

/** Excel honours a first line `sep=;` naming the delimiter and does not show it as a row. */
function sepHint(text: string): { delimiter: CsvDelimiter; skip: number } | null {
  const m = /^sep=(.)(\r\n|\r|\n|$)/.exec(text.slice(0, 8));
  if (!m) return null;
  const d = m[1] as CsvDelimiter;
  if (!CSV_DELIMITERS.includes(d)) return null;
  return { delimiter: d, skip: m[0].length };
}

/**
 * Picks the delimiter under which the first records agree best: the header splits into more
 * than one column and later records have the header's width. Quote-aware, so delimiters inside
 * quoted cells do not count. A single-column file reads the same under any delimiter: comma.
 */
export function detectDelimiter(text: string): CsvDelimiter {
  const hint = sepHint(text);
  if (hint) return hint.delimiter;
  let best: CsvDelimiter = ',';
  let bestScore = -1;
  let bestStray = Number.MAX_SAFE_INTEGER;
  let bestWidth = 1;
  const sample = text.slice(0, 65_536);
  for (const delimiter of CSV_DELIMITERS) {
    let records: string[][];
    const stats = { strayQuotes: 0 };
    try {
      records = readRecords(
        sample,
        delimiter,
        0,
        { maxRecords: 50, maxColumns: Number.MAX_SAFE_INTEGER, maxRows: Number.MAX_SAFE_INTEGER },
        stats,
      );
    } catch {
      // A cut-off quoted field at the sample's end is not evidence against the delimiter;
      // scoring only what parsed would need a second pass, and a real file has a header line.
      continue;
    }
    // Drop the last record when the sample was cut mid-file: it may be partial.
    if (sample.length < text.length && records.length > 1) records.pop();
    const nonBlank = records.filter((r) => !isBlankRow(r));
    const header = nonBlank[0];
    if (!header || header.length < 2) continue;
    const rest = nonBlank.slice(1);
    const agree = rest.filter((r) => r.length === header.length).length;
    const score = rest.length === 0 ? 1 : agree / rest.length;
    // Quote characters left inside unquoted cells mean the quoting was meant for another
    // delimiter: with equal agreement, the reading with fewer of them wins, then the wider one.
    const better =
      score > bestScore ||
      (score === bestScore &&
        (stats.strayQuotes < bestStray ||
          (stats.strayQuotes === bestStray && header.length > bestWidth)));
    if (better) {
      best = delimiter;
      bestScore = score;
      bestStray = stats.strayQuotes;
      bestWidth = header.length;
    }
  }
  return best;
}

/**
 * Reads CSV or tab-separated text into a Sheet. The header is the first non-blank row; blank
 * rows are dropped but counted, so row numbers match the spreadsheet. Throws ImportError for
 * an unterminated quote or text after a closing quote (with the row and line), a missing
 * header, or too many rows or columns.
 */
export function parseCsv(text: string, options: CsvOptions = {}): ParsedCsv {
  const hint = sepHint(text);
  const delimiter = options.delimiter ?? hint?.delimiter ?? detectDelimiter(text);
  const body = hint ? text.slice(hint.skip) : text;
  const maxRows = options.maxRows ?? SHEET_LIMITS.maxRows;
  const records = readRecords(body, delimiter, hint ? 1 : 0, {
    maxRecords: options.maxRecords ?? Number.MAX_SAFE_INTEGER,
    maxColumns: options.maxColumns ?? SHEET_LIMITS.maxColumns,
    maxRows,
  });
  let headerIndex = 0;
  while (headerIndex < records.length && isBlankRow(records[headerIndex]!)) headerIndex++;
  const header = records[headerIndex];
  if (!header) throw importError('no_header', {});
  const rows: SheetRow[] = [];
  for (let r = headerIndex + 1; r < records.length; r++) {
    const cells = records[r]!;
    if (!isBlankRow(cells)) rows.push({ row: r + 1, cells });
  }
  return {
    delimiter,
    headers: header.map((h) => h.trim()),
    headerRow: headerIndex + 1,
    rows,
  };
}

/** The delimiter's name for messages and the CLI. */
export function describeDelimiter(delimiter: CsvDelimiter): string {
  return delimiter === ',' ? 'comma' : delimiter === ';' ? 'semicolon' : 'tab';
}
