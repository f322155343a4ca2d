import { jsPDF } from 'jspdf';
import {
  autoTable,
  type CellHookData,
  type RowInput,
  type Styles,
  type UserOptions,
} from 'jspdf-autotable';
import { FontStack, type TextRun } from './font-stack.ts';
import {
  bytesToBinary,
  hexToPdfRgb,
  isPlainTextOptions,
  num,
  rgbOperands,
  withFastFlate,
} from './jspdf-direct.ts';
import type { EmbeddedFont, PdfObjectSink } from './pdf-font.ts';
import type { ReportStrings } from './strings.ts';
import { latinQuotes, widestUnbreakable, wrapText } from './text-wrap.ts';

// The drawing surface every report section uses: an A4 jsPDF document with the report fonts
// (Noto Sans SC with a Latin fallback, embedded per document with only the glyphs it uses),
// a cursor that flows onto new pages, CJK-aware wrapping and tables with repeated headers.

export type Rgb = readonly [number, number, number];

export const COLORS = {
  ink: [33, 37, 41],
  muted: [96, 104, 112],
  faint: [150, 156, 162],
  rule: [206, 212, 218],
  panel: [244, 246, 248],
  accent: [31, 58, 95],
  accentLight: [226, 233, 242],
  high: [176, 32, 38],
  medium: [214, 120, 20],
  low: [52, 112, 160],
  good: [36, 122, 64],
  white: [255, 255, 255],
} as const satisfies Record<string, Rgb>;

export const FONT_FAMILY = 'NotoSansSC';
const PT_TO_MM = 25.4 / 72;

/** TrueType fonts per style, in fallback order (the first is the report's face). */
export type ReportFonts = { regular: readonly Uint8Array[]; bold?: readonly Uint8Array[] };

export type TextStyle = { size?: number; bold?: boolean; color?: Rgb };

type JsPdfFontEntry = { id: string; objectNumber?: number; isAlreadyPutted?: boolean };
type JsPdfInternals = {
  events: {
    getTopics(): Record<string, unknown>;
    subscribe(topic: string, callback: (args: { font: JsPdfFontEntry }) => void): string;
  };
  pages: string[][];
  write(op: string): void;
  out(text: string): void;
  newObjectDeferred(): number;
  newObjectDeferredBegin(num: number, output: boolean): void;
  putStream(options: {
    data: string;
    objectId: number;
    addLength1?: boolean;
    additionalKeyValues?: Array<{ key: string; value: string }>;
  }): void;
};

/**
 * Registers a font name with jsPDF without giving it a font file: jsPDF's TrueType plugin
 * would parse the whole 10 MB font for every document, and we embed our own subset anyway
 * (see the putFont hook in ReportCanvas). The encoding named here is never written; it only
 * keeps jsPDF's Unicode text plugin, which acts on Identity-H fonts, out of the way.
 */
function registerFontName(doc: jsPDF, postScriptName: string, family: string, style: string) {
  const topics = (doc.internal as unknown as JsPdfInternals).events.getTopics();
  const handlers = topics.addFont;
  delete topics.addFont;
  try {
    return doc.addFont(postScriptName, family, style, 'StandardEncoding');
  } finally {
    if (handlers) topics.addFont = handlers;
  }
}

export type Page = {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
};

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

export class ReportCanvas {
  readonly doc: jsPDF;
  readonly page: Page = { width: 210, height: 297, left: 18, right: 192, top: 24, bottom: 276 };
  y: number;
  private readonly stacks: { normal: FontStack; bold: FontStack };
  private readonly hasBold: boolean;
  /** jsPDF's name for each embedded font; `id` is the /F name in content streams. */
  private readonly fontIds = new Map<EmbeddedFont, { id: string; family: string; style: string }>();
  private readonly k: number;
  private readonly pageHeight: number;

  constructor(
    fonts: ReportFonts,
    readonly strings: ReportStrings,
  ) {
    this.hasBold = fonts.bold !== undefined && fonts.bold.length > 0;
    const normal = new FontStack(fonts.regular);
    this.stacks = { normal, bold: this.hasBold ? new FontStack(fonts.bold ?? []) : normal };
    // putOnlyUsedFonts: jsPDF would otherwise list its 14 standard fonts in every page's
    // resources although the report never uses them.
    this.doc = new jsPDF({
      unit: 'mm',
      format: 'a4',
      compress: true,
      floatPrecision: 2,
      putOnlyUsedFonts: true,
    });
    for (const [style, stack] of [
      ['normal', this.stacks.normal],
      ['bold', this.stacks.bold],
    ] as const) {
      if (style === 'bold' && !this.hasBold) break;
      stack.fonts.forEach((font, i) => {
        const family = i === 0 ? FONT_FAMILY : `${FONT_FAMILY}-fallback-${i}`;
        const id = registerFontName(this.doc, font.face.postScriptName, family, style);
        this.fontIds.set(font, { id, family, style });
      });
    }
    this.embedFontsOnOutput();
    this.k = this.doc.internal.scaleFactor;
    this.pageHeight = this.doc.internal.pageSize.getHeight();
    this.tuneForSpeed();
    this.doc.setFont(FONT_FAMILY, 'normal');
    this.doc.setLineHeightFactor(1.3);
    this.y = this.page.top;
  }

  private get internals(): JsPdfInternals {
    return this.doc.internal as unknown as JsPdfInternals;
  }

  /** When jsPDF writes the document, each font that drew something is embedded as a subset. */
  private embedFontsOnOutput(): void {
    const internals = this.internals;
    const sink: PdfObjectSink = {
      reserve: () => internals.newObjectDeferred(),
      object: (num, body) => {
        internals.newObjectDeferredBegin(num, true);
        internals.out(body);
        internals.out('endobj');
      },
      stream: (num, entries, data, options) => {
        internals.newObjectDeferredBegin(num, true);
        internals.putStream({
          data: bytesToBinary(data),
          objectId: num,
          addLength1: options?.length1 ?? false,
          additionalKeyValues: entries.map(([key, value]) => ({ key, value })),
        });
        internals.out('endobj');
      },
    };
    const byId = new Map([...this.fontIds].map(([font, { id }]) => [id, font]));
    internals.events.subscribe('putFont', ({ font }) => {
      const embedded = byId.get(font.id);
      if (!embedded) return;
      font.objectNumber = embedded.write(sink);
      font.isAlreadyPutted = true;
    });
  }

  /**
   * jsPDF lists a font in the page resources only once its own text path has used it; ours
   * bypasses that path. So each font that drew something is used once, off the record: a
   * space written and taken back out of the page's content.
   */
  private markFontsUsed(): void {
    const content = this.internals.pages[this.doc.getCurrentPageInfo().pageNumber];
    if (!content) return;
    const before = content.length;
    const original = this.originalText;
    const active = this.doc.getFont();
    for (const [font, { family, style }] of this.fontIds) {
      if (!font.used) continue;
      this.doc.setFont(family, style);
      original(' ', 0, 0);
    }
    content.length = before;
    this.doc.setFont(active.fontName, active.fontStyle);
  }

  private originalText: (text: string, x: number, y: number) => unknown = () => undefined;

  /**
   * jsPDF's own text path costs about 50 microseconds per call plus work per character (Arabic
   * shaping, bidi, a linear search per glyph), and jspdf-autotable also measures every cell
   * through it and asks for the font list on every style change: most of the time of a
   * 300-page report. On this one document, answer measuring from the fonts' own metrics, and
   * write left-aligned text straight into the content stream in the embedded fonts. Anything
   * unusual (rotation, alignment, other fonts) still goes through jsPDF.
   */
  private tuneForSpeed(): void {
    const doc = this.doc as jsPDF & Record<string, unknown>;
    const fontList = this.doc.getFontList();
    doc.getFontList = () => fontList;
    const currentStack = () =>
      this.doc.getFont().fontStyle === 'bold' ? this.stacks.bold : this.stacks.normal;
    doc.getTextWidth = (text: string) =>
      currentStack().width(text, this.doc.getFontSize()) * PT_TO_MM;
    doc.getStringUnitWidth = (text: string) => currentStack().width(text, 1);

    const originalText = this.doc.text.bind(this.doc);
    this.originalText = (text, x, y) => originalText(text, x, y);
    doc.text = ((
      text: string | string[],
      x: number,
      y: number,
      options?: Record<string, unknown>,
      ...rest: unknown[]
    ) => {
      const font = this.doc.getFont();
      const plain = rest.length === 0 && isPlainTextOptions(options);
      if (
        !plain ||
        font.fontName !== FONT_FAMILY ||
        typeof x !== 'number' ||
        typeof y !== 'number'
      ) {
        return originalText(text, x, y, options, ...(rest as []));
      }
      const bold = font.fontStyle === 'bold';
      const size = this.doc.getFontSize();
      const color = hexToPdfRgb(this.doc.getTextColor());
      const lines = Array.isArray(text) ? text : String(text).split(/\r\n|\r|\n/);
      const step = (size / this.k) * this.doc.getLineHeightFactor();
      lines.forEach((line, i) => {
        this.writeRun(line, x, y + i * step, bold, size, color);
      });
      return this.doc;
    }) as typeof this.doc.text;
  }

  /** One line of text in the report fonts, written as PDF operators; baseline at `baseline`. */
  private writeRun(
    text: string,
    x: number,
    baseline: number,
    bold: boolean,
    size: number,
    color: string,
  ): void {
    if (!text) return;
    const runs: TextRun[] = (bold ? this.stacks.bold : this.stacks.normal).runs(text);
    if (runs.length === 0) return;
    let ops = `q BT ${color} rg ${num(x * this.k)} ${num((this.pageHeight - baseline) * this.k)} Td`;
    for (const run of runs) {
      ops += ` /${this.fontIds.get(run.font)?.id ?? ''} ${num(size)} Tf (${run.encoded}) Tj`;
    }
    this.internals.write(`${ops} ET Q`);
  }

  get contentWidth(): number {
    return this.page.right - this.page.left;
  }

  /** Characters no report font has, each with the first text it appeared in (drawn as □). */
  substitutedCharacters(): Map<string, string> {
    const out = new Map(this.stacks.normal.substituted);
    for (const [ch, where] of this.stacks.bold.substituted) if (!out.has(ch)) out.set(ch, where);
    return out;
  }

  /** Whether some report font has a glyph for `cp` in both styles (layout characters count). */
  shows(cp: number): boolean {
    return this.stacks.normal.shows(cp) && this.stacks.bold.shows(cp);
  }

  measure(text: string, style: TextStyle = {}): number {
    const stack = style.bold && this.hasBold ? this.stacks.bold : this.stacks.normal;
    return stack.width(text, style.size ?? 9.5) * PT_TO_MM;
  }

  lineHeight(size = 9.5, factor = 1.45): number {
    return size * PT_TO_MM * factor;
  }

  wrap(text: string, width: number, style: TextStyle = {}): string[] {
    return wrapText(latinQuotes(text), width, (t) => this.measure(t, style));
  }

  /** One line of text with its top at `top` (not the baseline), so layout reasons in boxes. */
  textAt(
    text: string,
    x: number,
    top: number,
    style: TextStyle & { align?: 'left' | 'center' | 'right' } = {},
  ): void {
    if (!text) return;
    text = latinQuotes(text);
    const size = style.size ?? 9.5;
    const baseline = top + size * PT_TO_MM * 1.08;
    if (style.align === 'right') x -= this.measure(text, style);
    else if (style.align === 'center') x -= this.measure(text, style) / 2;
    const [r, g, b] = style.color ?? COLORS.ink;
    this.writeRun(
      text,
      x,
      baseline,
      (style.bold ?? false) && this.hasBold,
      size,
      rgbOperands(r, g, b),
    );
  }

  /**
   * What a page that continues a section says at its top, e.g. "Findings by severity
   * (continued)"; null at the start of a section. Set by the section and sub-headings.
   */
  continuation: string | null = null;
  private pending: { height: number; keepWith: number; draw: () => void } | null = null;

  /** Height of the "(continued)" line at the top of a continuation page. */
  private readonly continuationHeight = 7;

  private drawContinuation(): void {
    if (!this.continuation) return;
    this.textAt(this.continuation, this.page.left, this.page.top - 1, {
      size: 9,
      bold: true,
      color: COLORS.muted,
    });
  }

  newPage(): void {
    this.doc.addPage();
    this.y = this.page.top;
    if (this.continuation) {
      this.drawContinuation();
      this.y += this.continuationHeight;
    }
  }

  /**
   * Defers a heading (`draw` draws it at the cursor and moves the cursor `height` down) until
   * the block after it is placed, so the heading always shares a page with at least `keepWith`
   * millimetres of what follows: never a heading alone at the bottom of a page.
   */
  keepWithNext(height: number, keepWith: number, draw: () => void): void {
    this.flushPending();
    this.pending = { height, keepWith, draw };
  }

  /** Draws a deferred heading now (wherever the cursor is). */
  flushPending(following = 0): void {
    const p = this.pending;
    if (!p) return;
    this.pending = null;
    if (this.y + p.height + Math.max(following, p.keepWith) > this.page.bottom) this.newPage();
    p.draw();
  }

  /** Moves to a new page unless `height` more fits below the cursor (after any heading). */
  ensure(height: number): void {
    this.flushPending(height);
    if (this.y + height > this.page.bottom) this.newPage();
  }

  /** Wrapped text at the cursor, flowing onto new pages line by line. */
  paragraph(
    text: string,
    opts: TextStyle & { x?: number; width?: number; gapAfter?: number; lineFactor?: number } = {},
  ): void {
    const x = opts.x ?? this.page.left;
    const width = opts.width ?? this.page.right - x;
    const lh = this.lineHeight(opts.size, opts.lineFactor);
    for (const line of this.wrap(text, width, opts)) {
      this.ensure(lh);
      this.textAt(line, x, this.y, opts);
      this.y += lh;
    }
    this.y += opts.gapAfter ?? 2;
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    this.doc.setFillColor(color[0], color[1], color[2]);
    this.doc.rect(x, y, w, h, 'F');
  }

  strokeRect(x: number, y: number, w: number, h: number, color: Rgb, lineWidth = 0.2): void {
    this.doc.setDrawColor(color[0], color[1], color[2]);
    this.doc.setLineWidth(lineWidth);
    this.doc.rect(x, y, w, h, 'S');
  }

  line(x1: number, y1: number, x2: number, y2: number, color: Rgb, lineWidth = 0.2): void {
    this.doc.setDrawColor(color[0], color[1], color[2]);
    this.doc.setLineWidth(lineWidth);
    this.doc.line(x1, y1, x2, y2);
  }

  /** A small filled label such as a severity or "OVERDUE"; returns its width. */
  chip(
    text: string,
    x: number,
    top: number,
    fill: Rgb,
    color: Rgb = COLORS.white,
    size = 7.5,
  ): number {
    const padX = 1.6;
    const h = size * PT_TO_MM * 1.55;
    const w = this.measure(text, { size, bold: true }) + 2 * padX;
    this.doc.setFillColor(fill[0], fill[1], fill[2]);
    this.doc.roundedRect(x, top, w, h, 0.8, 0.8, 'F');
    this.textAt(text, x + padX, top + h * 0.14, { size, bold: true, color });
    return w;
  }

  /** A table at the cursor with its header repeated on every page it spans. */
  /**
   * Column widths that need no word cut: a column narrower than its widest word (header or
   * cell) takes the difference from columns with room to spare. Where the columns cannot all
   * fit, words are hyphenated where they are cut (text-wrap.ts).
   */
  private fitColumns(opts: TableOptions, size: number): number[] {
    const pad = 3.2 + 0.4;
    const need = opts.columns.map((col, i) => {
      let widest = widestUnbreakable(col.header, (t) => this.measure(t, { size, bold: true }));
      for (const row of opts.rows) {
        widest = Math.max(
          widest,
          widestUnbreakable(row[i] ?? '', (t) => this.measure(t, { size, bold: col.bold })),
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

  /** Height of a table row as drawn: its tallest cell, wrapped, plus padding. */
  private rowHeight(
    cells: readonly string[],
    widths: readonly number[],
    size: number,
    bold = false,
  ): number {
    const lines = cells.map((cell, i) =>
      cell ? this.wrap(cell, (widths[i] ?? 0) - 3.2 + 0.3, { size, bold }).length : 1,
    );
    return Math.max(1, ...lines) * size * PT_TO_MM * 1.15 + 2.6;
  }

  table(opts: TableOptions): void {
    const size = opts.fontSize ?? 8;
    const head = opts.columns.map((c) => c.header);
    const widths = this.fitColumns(opts, size);
    // The heading above, the header row and the first row stay together.
    this.ensure(
      this.rowHeight(head, widths, size, true) + this.rowHeight(opts.rows[0] ?? [], widths, size),
    );
    const columnStyles: Record<number, Partial<Styles>> = {};
    opts.columns.forEach((c, i) => {
      columnStyles[i] = {
        cellWidth: widths[i] ?? c.width,
        halign: c.align ?? 'left',
        fontStyle: c.bold && this.hasBold ? 'bold' : 'normal',
      };
    });
    const options: UserOptions = {
      head: [head],
      body: opts.rows as RowInput[],
      startY: this.y,
      margin: {
        left: this.page.left,
        right: this.page.width - this.page.right,
        // Continuation pages start below their "(continued)" line.
        top: this.page.top + (this.continuation ? this.continuationHeight : 0),
        bottom: this.page.height - this.page.bottom,
      },
      theme: 'plain',
      showHead: 'everyPage',
      rowPageBreak: opts.splitRows ? 'auto' : 'avoid',
      tableWidth: widths.reduce((sum, w) => sum + w, 0),
      willDrawPage: (data) => {
        if (data.pageNumber > 1) this.drawContinuation();
      },
      styles: {
        font: FONT_FAMILY,
        fontStyle: 'normal',
        fontSize: size,
        textColor: [...COLORS.ink],
        cellPadding: { top: 1.3, bottom: 1.3, left: 1.6, right: 1.6 },
        lineColor: [...COLORS.rule],
        lineWidth: { bottom: 0.15 },
        valign: 'top',
        overflow: (text: string | string[], width: number) =>
          (Array.isArray(text) ? text.join('\n') : text) === ''
            ? ['']
            : this.wrap(Array.isArray(text) ? text.join('\n') : text, width + 0.3, { size }),
      },
      headStyles: {
        fontStyle: this.hasBold ? 'bold' : 'normal',
        fillColor: [...COLORS.accent],
        textColor: [...COLORS.white],
        lineWidth: 0,
        overflow: (text: string | string[], width: number) =>
          this.wrap(Array.isArray(text) ? text.join('\n') : text, width + 0.3, {
            size,
            bold: true,
          }),
      },
      alternateRowStyles: { fillColor: [...COLORS.panel] },
      columnStyles,
      didParseCell: (data: CellHookData) => {
        const column = opts.columns[data.column.index];
        if (data.section === 'head') {
          data.cell.styles.halign = column?.align ?? 'left';
          return;
        }
        const color = opts.cellColor?.(data.row.index, data.column.index);
        if (color) data.cell.styles.textColor = [...color];
      },
    };
    autoTable(this.doc, options);
    const finalY = (this.doc as jsPDF & { lastAutoTable?: { finalY?: number } }).lastAutoTable
      ?.finalY;
    this.y = (finalY ?? this.y) + 4;
  }

  pageCount(): number {
    return this.doc.getNumberOfPages();
  }

  goToPage(n: number): void {
    this.doc.setPage(n);
  }

  /** The finished PDF (streams deflated in bulk: see withFastFlate). */
  output(): Uint8Array {
    this.markFontsUsed();
    return withFastFlate(() => new Uint8Array(this.doc.output('arraybuffer')));
  }
}
