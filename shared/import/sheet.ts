// The common shape every tabular source (CSV, TSV, XLSX) is read into before columns are mapped
// to device fields. Row numbers are what a spreadsheet program shows, so a rejected row can be
// found in the file: the header is normally row 1, and a quoted CSV field spanning several
// lines is still one row.

export type SheetRow = {
  /** Spreadsheet row number (1-based, header included in the count). */
  row: number;
  /** Cell text as read, untrimmed; may be shorter or longer than `headers`. */
  cells: string[];
};

export type Sheet = {
  /** Header cells, trimmed. */
  headers: string[];
  /** Spreadsheet row number of the header (1 unless blank rows precede it). */
  headerRow: number;
  /** Data rows after the header; rows whose cells are all blank are left out. */
  rows: SheetRow[];
};

/** Bounds on what a sheet may hold, so a hostile file cannot exhaust memory or time. */
export const SHEET_LIMITS = {
  /** Data rows; a room's inventory is thousands, a site's tens of thousands. */
  maxRows: 200_000,
  /** Columns; NetBox and Snipe-IT exports with custom fields stay well below. */
  maxColumns: 1_000,
} as const;

export function isBlankRow(cells: readonly string[]): boolean {
  for (const cell of cells) if (cell.trim() !== '') return false;
  return true;
}
