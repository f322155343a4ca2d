import { jsPDF } from 'jspdf';
import {
  autoTable,
  type CellHookData,
  type RowInput,
  type Styles,
  type UserOptions,
} from 'jspdf-autotable';
import {
  describeCharacters,
  readFontCoverage,
  uncoveredCharacters,
  type FontCoverage,
} from './font-coverage.ts';
import { readFontMetrics, type FontMetrics } from './font-metrics.ts';
import {
  FaceWriter,
  bytesToBinary,
  hexToPdfRgb,
  isPlainTextOptions,
  num,
  rgbOperands,
  useLinearGlyfEncoding,
  withFastFlate,
  type JsPdfTtfFont,
} from './jspdf-direct.ts';
import type { ReportStrings } from './strings.ts';
import { latinQuotes, wrapText } from './text-wrap.ts';

// The drawing surface every report section uses: an A4 jsPDF document with the embedded
// Noto Sans SC fonts, a cursor that flows onto new pages, CJK-aware wrapping, tables with
// repeated headers, and a font-coverage check on every string that reaches the page.

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

export type ReportFonts = { regular: Uint8Array; bold?: Uint8Array };

export type TextStyle = { size?: number; bold?: boolean; color?: Rgb };

/** Per-font work done once per process: jsPDF wants a binary string; we want metrics. */
type PreparedFont = {
  binary: string;
  metrics: FontMetrics;
  coverage: FontCoverage;
  /** 1 where a BMP code unit is covered (or is a line break), for a fast first pass. */
  bmp: Uint8Array;
};
const prepared = new WeakMap<Uint8Array, PreparedFont>();

function prepare(font: Uint8Array): PreparedFont {
  let p = prepared.get(font);
  if (!p) {
    const coverage = readFontCoverage(font);
    const bmp = new Uint8Array(0x10000);
    for (const cp of coverage) if (cp < 0x10000) bmp[cp] = 1;
    for (const cp of [0x09, 0x0a, 0x0d]) bmp[cp] = 1;
    p = { binary: bytesToBinary(font), metrics: readFontMetrics(font), coverage, bmp };
    prepared.set(font, p);
  }
  return p;
}

/** Raised when report text contains characters the embedded font cannot draw. */
export class UncoveredTextError extends Error {
  constructor(
    readonly characters: string[],
    readonly examples: string[],
  ) {
    super(
      `The report cannot be drawn: the embedded font has no glyph for ${describeCharacters(characters)} ` +
        `(first seen in: ${examples.map((e) => `"${e}"`).join('; ')}). ` +
        'jsPDF would silently leave these characters out; change the text or extend the font subset.',
    );
    this.name = 'UncoveredTextError';
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
  private readonly regular: PreparedFont;
  private readonly bold: PreparedFont;
  private readonly hasBold: boolean;
  private readonly uncovered = new Map<string, string>();
  private readonly faces: { normal: FaceWriter; bold: FaceWriter };
  private readonly k: number;
  private readonly pageHeight: number;

  constructor(
    fonts: ReportFonts,
    readonly strings: ReportStrings,
  ) {
    this.regular = prepare(fonts.regular);
    this.hasBold = fonts.bold !== undefined;
    this.bold = fonts.bold ? prepare(fonts.bold) : this.regular;
    this.doc = new jsPDF({ unit: 'mm', format: 'a4', compress: true, floatPrecision: 2 });
    this.doc.addFileToVFS('NotoSansSC-Regular.ttf', this.regular.binary);
    this.doc.addFont('NotoSansSC-Regular.ttf', FONT_FAMILY, 'normal');
    if (fonts.bold) {
      this.doc.addFileToVFS('NotoSansSC-Bold.ttf', this.bold.binary);
      this.doc.addFont('NotoSansSC-Bold.ttf', FONT_FAMILY, 'bold');
    }
    this.k = this.doc.internal.scaleFactor;
    this.pageHeight = this.doc.internal.pageSize.getHeight();
    this.doc.setFont(FONT_FAMILY, 'normal');
    const normalFont = this.doc.getFont() as unknown as JsPdfTtfFont;
    useLinearGlyfEncoding(normalFont);
    const normal = new FaceWriter(normalFont);
    let bold = normal;
    if (fonts.bold) {
      this.doc.setFont(FONT_FAMILY, 'bold');
      const boldFont = this.doc.getFont() as unknown as JsPdfTtfFont;
      useLinearGlyfEncoding(boldFont);
      bold = new FaceWriter(boldFont);
    }
    this.faces = { normal, bold };
    this.tuneForSpeed();
    this.doc.setFont(FONT_FAMILY, 'normal');
    this.doc.setLineHeightFactor(1.3);
    this.y = this.page.top;
  }

  /**
   * jsPDF's own text path costs about 50 microseconds per call plus work per character (Arabic
   * shaping, bidi, a linear search per glyph), and jspdf-autotable also measures every cell
   * through it and asks for the font list on every style change: most of the time of a
   * 300-page report. On this one document, answer measuring from the font's own hmtx, and
   * write left-aligned text in the embedded font straight into the content stream, keeping
   * jsPDF's books (glyphs used, widths, ToUnicode) so its subsetting and text extraction work
   * as before. Anything unusual (rotation, alignment, other fonts) still goes through jsPDF.
   */
  private tuneForSpeed(): void {
    const doc = this.doc as jsPDF & Record<string, unknown>;
    const fontList = this.doc.getFontList();
    doc.getFontList = () => fontList;
    const currentMetrics = () =>
      this.doc.getFont().fontStyle === 'bold' ? this.bold.metrics : this.regular.metrics;
    doc.getTextWidth = (text: string) =>
      currentMetrics().width(text, this.doc.getFontSize()) * PT_TO_MM;
    doc.getStringUnitWidth = (text: string) => currentMetrics().width(text, 1);

    const originalText = this.doc.text.bind(this.doc);
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
        this.check(line, bold);
        this.writeRun(line, x, y + i * step, bold, size, color);
      });
      return this.doc;
    }) as typeof this.doc.text;
  }

  /** One line of text in the embedded font, written as PDF operators; baseline at `baseline`. */
  private writeRun(
    text: string,
    x: number,
    baseline: number,
    bold: boolean,
    size: number,
    color: string,
  ): void {
    if (!text) return;
    const face = bold ? this.faces.bold : this.faces.normal;
    const encoded = face.encode(text);
    if (!encoded) return;
    (this.doc.internal as unknown as { write(op: string): void }).write(
      `q BT /${face.id} ${num(size)} Tf ${color} rg ${num(x * this.k)} ${num((this.pageHeight - baseline) * this.k)} Td (${encoded}) Tj ET Q`,
    );
  }

  get contentWidth(): number {
    return this.page.right - this.page.left;
  }

  /** Records characters the font lacks; the build fails with all of them named at the end. */
  check(text: string, bold = false): string {
    const face = bold ? this.bold : this.regular;
    // Nearly every string is fully covered: confirm that with a table lookup per code unit
    // and only then take the careful path (surrogate pairs, naming the characters).
    let covered = true;
    for (let i = 0; i < text.length && covered; i++) covered = face.bmp[text.charCodeAt(i)] === 1;
    if (covered) return text;
    for (const ch of uncoveredCharacters(text, face.coverage)) {
      if (!this.uncovered.has(ch))
        this.uncovered.set(ch, text.length > 80 ? `${text.slice(0, 77)}...` : text);
    }
    return text;
  }

  assertCovered(): void {
    if (this.uncovered.size > 0) {
      const chars = [...this.uncovered.keys()];
      const examples = [...new Set(this.uncovered.values())].slice(0, 3);
      throw new UncoveredTextError(chars, examples);
    }
  }

  measure(text: string, style: TextStyle = {}): number {
    const metrics = style.bold && this.hasBold ? this.bold.metrics : this.regular.metrics;
    return metrics.width(text, style.size ?? 9.5) * PT_TO_MM;
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
    this.check(text, style.bold);
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

  newPage(): void {
    this.doc.addPage();
    this.y = this.page.top;
  }

  /** Moves to a new page unless `height` more fits below the cursor. */
  ensure(height: number): void {
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
  table(opts: TableOptions): void {
    const size = opts.fontSize ?? 8;
    const head = opts.columns.map((c) => this.check(c.header, true));
    for (const row of opts.rows) for (const cell of row) this.check(cell);
    const columnStyles: Record<number, Partial<Styles>> = {};
    opts.columns.forEach((c, i) => {
      columnStyles[i] = {
        cellWidth: c.width,
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
        top: this.page.top,
        bottom: this.page.height - this.page.bottom,
      },
      theme: 'plain',
      showHead: 'everyPage',
      rowPageBreak: opts.splitRows ? 'auto' : 'avoid',
      tableWidth: opts.columns.reduce((sum, c) => sum + c.width, 0),
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
    return withFastFlate(() => new Uint8Array(this.doc.output('arraybuffer')));
  }
}
