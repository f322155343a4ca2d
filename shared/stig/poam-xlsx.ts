import { utils, write } from '@e965/xlsx';
import type { StigAuditSource } from './audit-source.ts';
import { POAM_COLUMNS, poamRows, usDate, type PoamOptions } from './poam.ts';

// The POA&M as an XLSX workbook laid out as eMASS exports one: a title block in rows 1-6 and
// the column headers in row 7, which is where C-PAT's eMASS importer reads them. Every cell is
// a plain value (text or number), never a formula, so nothing in a finding's text can run when
// the workbook is opened; no apostrophe escaping is needed or wanted here (it would show).

/** Row (1-based) of the column headers, as in eMASS's POA&M export. */
export const POAM_HEADER_ROW = 7;

const WIDE: ReadonlySet<string> = new Set([
  'Control Vulnerability Description',
  'Milestone with Completion Dates',
  'Comments',
  'Recommendations',
]);

export function poamXlsx(
  source: StigAuditSource,
  options: PoamOptions & { exportedAt: string; appVersion: string },
): Uint8Array {
  const rows = poamRows(source, options);
  const title: (string | number)[][] = [
    ['Plan of Action and Milestones (POA&M)'],
    ['Date Exported:', usDate(options.exportedAt.slice(0, 10))],
    ['Exported By:', `Roomcheck ${options.appVersion}`],
    ['System / Project Name:', `${source.site.name}: ${source.audit.title || source.audit.id}`],
    ['Office/Org:', options.office ?? source.site.organisation],
    [],
  ];
  const sheet = utils.aoa_to_sheet([...title, [...POAM_COLUMNS], ...rows]);
  sheet['!cols'] = POAM_COLUMNS.map((c) => ({ wch: WIDE.has(c) ? 60 : 20 }));
  sheet['!autofilter'] = {
    ref: utils.encode_range({
      s: { r: POAM_HEADER_ROW - 1, c: 0 },
      e: { r: POAM_HEADER_ROW - 1 + rows.length, c: POAM_COLUMNS.length - 1 },
    }),
  };
  const book = utils.book_new();
  utils.book_append_sheet(book, sheet, 'POA&M');
  // A fixed creation date keeps the same audit's export the same bytes.
  book.Props = { Title: 'POA&M', Author: 'Roomcheck', CreatedDate: new Date(options.exportedAt) };
  return new Uint8Array(
    write(book, { type: 'array', bookType: 'xlsx', compression: true }) as ArrayBuffer,
  );
}
