import { jsPDF } from 'jspdf';
import { COLORS, type Rgb } from './colors.ts';
import { FontStack } from './font-stack.ts';
import { bytesToBinary, num, rgbOperands, withFastFlate } from './jspdf-direct.ts';
import type { EmbeddedFont, PdfObjectSink } from './pdf-font.ts';
import { drawTable, type CellStyle, type TableOptions, type TableSurface } from './pdf-table.ts';
import type { ReportStrings } from './strings.ts';
import { latinQuotes, wrapText } from './text-wrap.ts';

// The drawing surface every report section uses: an A4 jsPDF document with the report fonts
// (Noto Sans SC with a Latin fallback, embedded per document with only the glyphs it uses),
// a cursor that flows onto new pages, CJK-aware wrapping and tables with repeated headers.

export { COLORS, type Rgb };
export type { TableColumn, TableOptions } from './pdf-table.ts';

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

export class ReportCanvas implements TableSurface {
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

  /** jsPDF's own text call: used only to make jsPDF list a font in the page resources. */
  private readonly originalText = (text: string, x: number, y: number): unknown =>
    this.doc.text(text, x, y);

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
    const runs = (bold ? this.stacks.bold : this.stacks.normal).runs(text);
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

  /**
   * Operators written straight into the page's content stream, wrapped in q/Q so jsPDF's own
   * graphics state (which it tracks and we bypass) stays as it was; the dash pattern in force
   * applies inside. jsPDF's rect and line calls cost a colour parse and a rounding per number,
   * thousands of times in a long report.
   */
  private paint(ops: string): void {
    this.internals.write(`q ${ops} Q`);
  }

  /** A point on the page in PDF user space (points from the bottom left). */
  private pt(x: number, y: number): string {
    return `${num(x * this.k)} ${num((this.pageHeight - y) * this.k)}`;
  }

  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const [r, g, b] = color;
    this.paint(
      `${rgbOperands(r, g, b)} rg ${this.pt(x, y + h)} ${num(w * this.k)} ${num(h * this.k)} re f`,
    );
  }

  strokeRect(x: number, y: number, w: number, h: number, color: Rgb, lineWidth = 0.2): void {
    const [r, g, b] = color;
    this.paint(
      `${rgbOperands(r, g, b)} RG ${num(lineWidth * this.k)} w ${this.pt(x, y + h)} ${num(w * this.k)} ${num(h * this.k)} re S`,
    );
  }

  line(x1: number, y1: number, x2: number, y2: number, color: Rgb, lineWidth = 0.2): void {
    const [r, g, b] = color;
    this.paint(
      `${rgbOperands(r, g, b)} RG ${num(lineWidth * this.k)} w ${this.pt(x1, y1)} m ${this.pt(x2, y2)} l S`,
    );
  }

  /** A filled rectangle with corners rounded by `radius` (Bézier quarter circles). */
  private fillRoundedRect(x: number, y: number, w: number, h: number, radius: number, color: Rgb) {
    const rad = Math.min(radius, w / 2, h / 2);
    const c = rad * (1 - 0.5523);
    const [r, g, b] = color;
    const right = x + w;
    const bottom = y + h;
    this.paint(
      [
        `${rgbOperands(r, g, b)} rg ${this.pt(x + rad, y)} m`,
        `${this.pt(right - rad, y)} l`,
        `${this.pt(right - c, y)} ${this.pt(right, y + c)} ${this.pt(right, y + rad)} c`,
        `${this.pt(right, bottom - rad)} l`,
        `${this.pt(right, bottom - c)} ${this.pt(right - c, bottom)} ${this.pt(right - rad, bottom)} c`,
        `${this.pt(x + rad, bottom)} l`,
        `${this.pt(x + c, bottom)} ${this.pt(x, bottom - c)} ${this.pt(x, bottom - rad)} c`,
        `${this.pt(x, y + rad)} l`,
        `${this.pt(x, y + c)} ${this.pt(x + c, y)} ${this.pt(x + rad, y)} c f`,
      ].join(' '),
    );
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
    this.fillRoundedRect(x, top, w, h, 0.8, fill);
    this.textAt(text, x + padX, top + h * 0.14, { size, bold: true, color });
    return w;
  }

  /** A table at the cursor with its header repeated on every page it spans (pdf-table.ts). */
  table(opts: TableOptions): void {
    drawTable(this, opts);
  }

  get boldAvailable(): boolean {
    return this.hasBold;
  }

  continuedTop(): number {
    return this.page.top + (this.continuation ? this.continuationHeight : 0);
  }

  textOnBaseline(text: string, x: number, baseline: number, style: CellStyle): void {
    const [r, g, b] = style.color;
    this.writeRun(text, x, baseline, style.bold && this.hasBold, style.size, rgbOperands(r, g, b));
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
