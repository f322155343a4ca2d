import { FontReader, readCmap } from './font-coverage.ts';

// One TrueType font read once per process: which characters it maps to which glyphs, how wide
// each glyph is, where each glyph's outline lives, and the numbers a PDF font descriptor
// states. The report measures text with it, and the subsetter cuts each report's glyphs from it.

export type TableRecord = { offset: number; length: number };

export type FontFace = {
  readonly bytes: Uint8Array;
  /** The PostScript name (name ID 6), e.g. "NotoSansSC-Regular". */
  readonly postScriptName: string;
  readonly unitsPerEm: number;
  readonly numGlyphs: number;
  readonly tables: ReadonlyMap<string, TableRecord>;
  /** Code point -> glyph id (never 0: characters the font lacks are absent). */
  readonly glyphOf: ReadonlyMap<number, number>;
  /** Glyph id per BMP code unit, 0 where the font has none: the measuring fast path. */
  readonly bmpGlyph: Uint16Array;
  /** Advance width of a glyph, in font units. */
  advance(glyph: number): number;
  /** Left side bearing of a glyph, in font units. */
  leftSideBearing(glyph: number): number;
  /** Byte range of a glyph's outline within the font (empty for blank glyphs such as space). */
  glyphRange(glyph: number): { start: number; end: number };
  /** What a PDF /FontDescriptor says about the face, in 1/1000 em. */
  readonly descriptor: FontDescriptorMetrics;
};

export type FontDescriptorMetrics = {
  bbox: [number, number, number, number];
  ascent: number;
  descent: number;
  capHeight: number;
  italicAngle: number;
  stemV: number;
  fixedPitch: boolean;
  bold: boolean;
};

const faces = new WeakMap<Uint8Array, FontFace>();

function table(tables: Map<string, TableRecord>, tag: string): TableRecord {
  const t = tables.get(tag);
  if (!t) throw new Error(`The font file has no ${tag} table.`);
  return t;
}

/** The PostScript name from the name table (Windows Unicode first, then Macintosh Roman). */
function readPostScriptName(r: FontReader, bytes: Uint8Array, name: TableRecord): string {
  const count = r.u16(name.offset + 2);
  const strings = name.offset + r.u16(name.offset + 4);
  let fallback = '';
  for (let i = 0; i < count; i++) {
    const rec = name.offset + 6 + i * 12;
    if (r.u16(rec + 6) !== 6) continue;
    const platform = r.u16(rec);
    const length = r.u16(rec + 8);
    const start = strings + r.u16(rec + 10);
    if (start + length > bytes.length) continue;
    if (platform === 3) {
      let s = '';
      for (let j = 0; j + 1 < length; j += 2) s += String.fromCharCode(r.u16(start + j));
      return s;
    }
    if (platform === 1) fallback = String.fromCharCode(...bytes.subarray(start, start + length));
  }
  return fallback;
}

/** A PDF name may hold only these characters unescaped; anything else becomes a hyphen. */
function pdfSafeName(name: string): string {
  return name.replace(/[^A-Za-z0-9_.-]/g, '-') || 'Font';
}

export function readFontFace(bytes: Uint8Array): FontFace {
  const known = faces.get(bytes);
  if (known) return known;
  const r = new FontReader(bytes);
  const numTables = r.u16(4);
  const tables = new Map<string, TableRecord>();
  for (let i = 0; i < numTables; i++) {
    const rec = 12 + i * 16;
    const offset = r.u32(rec + 8);
    const length = r.u32(rec + 12);
    if (offset + length > bytes.length) {
      throw new Error('The font file is truncated or malformed (a table ends past the file).');
    }
    tables.set(r.tag(rec), { offset, length });
  }
  if (tables.has('CFF ') || tables.has('CFF2')) {
    throw new Error(
      'The font has PostScript (CFF) outlines; the report embeds TrueType fonts only.',
    );
  }
  const head = table(tables, 'head');
  const hhea = table(tables, 'hhea');
  const maxp = table(tables, 'maxp');
  const hmtx = table(tables, 'hmtx');
  const loca = table(tables, 'loca');
  const glyf = table(tables, 'glyf');
  const unitsPerEm = r.u16(head.offset + 18);
  const longLoca = r.i16(head.offset + 50) === 1;
  const numGlyphs = r.u16(maxp.offset + 4);
  const numberOfHMetrics = r.u16(hhea.offset + 34);
  if (unitsPerEm === 0 || numberOfHMetrics === 0 || numGlyphs === 0) {
    throw new Error('The font file has no usable glyphs or horizontal metrics.');
  }
  // Checked once here so that per-glyph reads below cannot run off the file.
  r.u16(hmtx.offset + 4 * numberOfHMetrics - 2);
  r.u16(loca.offset + (longLoca ? 4 : 2) * (numGlyphs + 1) - 2);

  const glyphOf = readCmap(bytes);
  for (const [cp, glyph] of glyphOf) if (glyph >= numGlyphs) glyphOf.delete(cp);
  const bmpGlyph = new Uint16Array(0x10000);
  for (const [cp, glyph] of glyphOf) if (cp < 0x10000) bmpGlyph[cp] = glyph;

  const locaAt = (g: number): number =>
    longLoca ? r.u32(loca.offset + 4 * g) : 2 * r.u16(loca.offset + 2 * g);
  const metricAt = (g: number) => hmtx.offset + 4 * Math.min(g, numberOfHMetrics - 1);

  const scale = (v: number) => Math.round((v * 1000) / unitsPerEm);
  const os2 = tables.get('OS/2');
  const post = tables.get('post');
  const weightClass = os2 ? r.u16(os2.offset + 4) : 400;
  const capHeight =
    os2 && r.u16(os2.offset) >= 2 && os2.length >= 90
      ? r.i16(os2.offset + 88)
      : r.i16(hhea.offset + 4);
  const italicAngle = post ? r.i16(post.offset + 4) + r.u16(post.offset + 6) / 65536 : 0;
  const descriptor: FontDescriptorMetrics = {
    bbox: [
      scale(r.i16(head.offset + 36)),
      scale(r.i16(head.offset + 38)),
      scale(r.i16(head.offset + 40)),
      scale(r.i16(head.offset + 42)),
    ],
    ascent: scale(r.i16(hhea.offset + 4)),
    descent: scale(r.i16(hhea.offset + 6)),
    capHeight: scale(capHeight),
    italicAngle: Math.round(italicAngle * 100) / 100,
    // The usual estimate from the weight class (PDF readers use StemV only for substitution).
    stemV: Math.round(50 + (weightClass / 65) ** 2),
    fixedPitch: post ? r.u32(post.offset + 12) !== 0 : false,
    bold: weightClass >= 600,
  };

  const face: FontFace = {
    bytes,
    postScriptName: pdfSafeName(readPostScriptName(r, bytes, table(tables, 'name'))),
    unitsPerEm,
    numGlyphs,
    tables,
    glyphOf,
    bmpGlyph,
    advance: (g) => r.u16(metricAt(g)),
    leftSideBearing: (g) =>
      g < numberOfHMetrics
        ? r.i16(hmtx.offset + 4 * g + 2)
        : r.i16(hmtx.offset + 4 * numberOfHMetrics + 2 * (g - numberOfHMetrics)),
    glyphRange: (g) => {
      const start = glyf.offset + locaAt(g);
      const end = glyf.offset + locaAt(g + 1);
      if (end < start || end > glyf.offset + glyf.length) {
        throw new Error(`The font file is malformed (glyph ${g} lies outside the glyf table).`);
      }
      return { start, end };
    },
    descriptor,
  };
  faces.set(bytes, face);
  return face;
}
