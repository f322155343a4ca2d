import { COLORS, type Rgb } from './colors.ts';
import { widestUnbreakable } from './text-wrap.ts';

// The report's tables, drawn straight into the content stream: a header row repeated on every
// page the table spans, banded rows with a rule under each, wrapped cells, rows kept whole on a
// page (or split line by line where asked). It replaces jspdf-autotable, which measured and
// styled every cell through jsPDF's state machine: about half of a 500-device report's layout
// time went there. The look is autotable's 'plain' theme as the report configured it.

const PT_TO_MM = 25.4 / 72;
const PAD_X = 1.6;
const PAD_Y = 1.3;
/** Lines in a cell are this many font sizes apart (jsPDF's line height factor in the report). */
const LINE_FACTOR = 1.3;
/** Where a cell's first baseline sits below its text top, in font sizes (autotable's rule). */
const BASELINE = 2 - 1.15;
/** A cell's text may run this far past its padding before it wraps (autotable's 1 pt slack). */
const SLACK = 0.3;
const RULE_WIDTH = 0.15;

export type TableColumn = {
  header: string;
  width: number;
  align?: 'left' | 'center' | 'right';
  bold?: boolean;
};

export type TableOptions = {
  columns: TableColumn[];
  rows: string[][];
  fontSize?: number;
  /** Colour a cell's text, e.g. an overdue date in red. */
  cellColor?: (row: number, column: number) => Rgb | null;
  /** Keeps a row on one page where it fits (the default: rows do not split). */
  splitRows?: boolean;
};

export type CellStyle = { size: number; bold: boolean; color: Rgb };

/** What a table needs from the page it is drawn on (ReportCanvas). */
export type TableSurface = {
  y: number;
  readonly page: { left: number; bottom: number };
  /** Where the cursor is on a new page of the current section (below any "(continued)"). */
  continuedTop(): number;
  readonly boldAvailable: boolean;
  measure(text: string, style: { size: number; bold: boolean }): number;
  wrap(text: string, width: number, style: { size: number; bold: boolean }): string[];
  /** Moves to a new page unless `height` fits below the cursor (drawing any pending heading). */
  ensure(height: number): void;
  /** A new page, its "(continued)" line drawn, the cursor below it. */
  newPage(): void;
  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void;
  line(x1: number, y1: number, x2: number, y2: number, color: Rgb, lineWidth: number): void;
  textOnBaseline(text: string, x: number, baseline: number, style: CellStyle): void;
};

type Row = { lines: string[][]; fill: Rgb | null; colors: Array<Rgb | null> };

/**
 * Column widths that need no word cut: a column narrower than its widest word (header or
 * cell) takes the difference from columns with room to spare. Where the columns cannot all
 * fit, words are hyphenated where they are cut (text-wrap.ts).
 */
export function fitColumns(
  opts: TableOptions,
  measure: (text: string, bold: boolean) => number,
): number[] {
  const pad = 2 * PAD_X + 0.4;
  // Cells repeat (types, statuses, racks): each distinct text is measured once per column.
  const need = opts.columns.map((col, i) => {
    const bold = col.bold ?? false;
    let widest = widestUnbreakable(col.header, (t) => measure(t, true));
    const seen = new Set<string>();
    for (const row of opts.rows) {
      const cell = row[i] ?? '';
      if (seen.has(cell)) continue;
      seen.add(cell);
      widest = Math.max(
        widest,
        widestUnbreakable(cell, (t) => measure(t, bold)),
      );
    }
    return widest + pad;
  });
  const widths = opts.columns.map((c) => c.width);
  const short = widths.reduce((sum, w, i) => sum + Math.max(0, (need[i] ?? 0) - w), 0);
  const spare = widths.reduce((sum, w, i) => sum + Math.max(0, w - (need[i] ?? 0)), 0);
  if (short <= 0 || spare < short) return widths;
  return widths.map((w, i) => {
    const n = need[i] ?? 0;
    return n > w ? n : w - ((w - n) / spare) * short;
  });
}

/** Draws a table at the surface's cursor and leaves the cursor 4 mm below it. */
export function drawTable(s: TableSurface, opts: TableOptions): void {
  const size = opts.fontSize ?? 8;
  const boldCells = (col: TableColumn) => (col.bold ?? false) && s.boldAvailable;
  const widths = fitColumns(opts, (t, bold) =>
    s.measure(t, { size, bold: bold && s.boldAvailable }),
  );
  const lineH = size * PT_TO_MM * LINE_FACTOR;
  const heightOf = (lines: readonly string[][]) =>
    Math.max(1, ...lines.map((l) => l.length)) * lineH + 2 * PAD_Y;
  const wrapCell = (text: string, i: number, bold: boolean) =>
    text === '' ? [''] : s.wrap(text, (widths[i] ?? 0) - 2 * PAD_X + SLACK, { size, bold });

  const head = opts.columns.map((col, i) => wrapCell(col.header, i, s.boldAvailable));
  const headHeight = heightOf(head);
  const rows: Row[] = opts.rows.map((cells, r) => ({
    lines: opts.columns.map((col, i) => wrapCell(cells[i] ?? '', i, boldCells(col))),
    // Banding as autotable's alternateRowStyles: the first body row and every second one.
    fill: r % 2 === 0 ? COLORS.panel : null,
    colors: opts.columns.map((_, i) => opts.cellColor?.(r, i) ?? null),
  }));

  const drawRow = (lines: readonly string[][], height: number, header: boolean, row?: Row) => {
    let x = s.page.left;
    const top = s.y;
    const fill = header ? COLORS.accent : (row?.fill ?? null);
    const total = widths.reduce((sum, w) => sum + w, 0);
    if (fill) s.fillRect(x, top, total, height, fill);
    opts.columns.forEach((col, i) => {
      const w = widths[i] ?? 0;
      const style: CellStyle = {
        size,
        bold: header ? s.boldAvailable : boldCells(col),
        color: header ? COLORS.white : (row?.colors[i] ?? COLORS.ink),
      };
      let baseline = top + PAD_Y + size * PT_TO_MM * BASELINE;
      for (const text of lines[i] ?? []) {
        let tx = x + PAD_X;
        if (col.align === 'right') tx = x + w - PAD_X - s.measure(text, style);
        else if (col.align === 'center') tx = x + w / 2 - s.measure(text, style) / 2;
        s.textOnBaseline(text, tx, baseline, style);
        baseline += lineH;
      }
      x += w;
    });
    if (!header) s.line(s.page.left, top + height, x, top + height, COLORS.rule, RULE_WIDTH);
    s.y = top + height;
  };

  const nextPage = () => {
    s.newPage();
    drawRow(head, headHeight, true);
  };

  // The heading above, the header row and the first row stay together.
  s.ensure(headHeight + heightOf(rows[0]?.lines ?? [['']]));
  drawRow(head, headHeight, true);
  // A row taller than this never fits a page: it is split wherever it falls.
  const maxRowHeight = s.page.bottom - s.continuedTop() - headHeight;
  let atPageStart = false;
  for (const row of rows) {
    let lines = row.lines;
    for (;;) {
      const height = heightOf(lines);
      const room = s.page.bottom - s.y;
      if (height <= room) {
        drawRow(lines, height, false, row);
        break;
      }
      const fits = Math.floor((room - 2 * PAD_Y) / lineH);
      if ((opts.splitRows || height > maxRowHeight || atPageStart) && fits >= 1) {
        const first = lines.map((l) => l.slice(0, fits));
        drawRow(first, heightOf(first), false, row);
        lines = lines.map((l) => l.slice(fits));
      } else if (atPageStart) {
        // Not one line fits on a fresh page (never with the report's sizes): draw it anyway
        // rather than loop.
        drawRow(lines, height, false, row);
        break;
      }
      nextPage();
      atPageStart = true;
    }
    atPageStart = false;
  }
  s.y += 4;
}
