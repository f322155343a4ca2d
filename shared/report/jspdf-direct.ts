import { zlibSync } from 'fflate';
import { jsPDF } from 'jspdf';

// Shortcuts past jsPDF's slow paths for the report's embedded TrueType fonts: text written
// straight into the content stream as Identity-H glyph ids (with jsPDF's glyph bookkeeping kept
// up to date), and stream compression done in bulk. Only the report canvas uses them, on its
// own document.

/** Bytes as a JS string of char codes 0-255: jsPDF's representation of binary data. */
export function bytesToBinary(bytes: Uint8Array): string {
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += 0x8000) {
    parts.push(
      String.fromCharCode.apply(null, bytes.subarray(i, i + 0x8000) as unknown as number[]),
    );
  }
  return parts.join('');
}

export function binaryToBytes(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) bytes[i] = text.charCodeAt(i);
  return bytes;
}

type ProcessDataByFilters = (
  data: string,
  filters: string | string[] | undefined,
) => { data: string; reverseChain: string };

function isFlateOnly(filters: string | string[] | undefined): boolean {
  const chain = typeof filters === 'string' ? [filters] : (filters ?? []);
  return chain.length === 1 && (chain[0] === 'FlateEncode' || chain[0] === '/FlateEncode');
}

/** The parts of jsPDF's TrueType font object that its own text path keeps up to date. */
export type JsPdfTtfFont = {
  id: string;
  metadata: {
    characterToGlyph(code: number): number;
    widthOfGlyph(glyph: number): number;
    glyIdsUsed: number[];
    toUnicode: Record<number, number>;
    Unicode: { widths: Array<number | number[]> };
  };
};

/** A PDF literal-string byte: parentheses, backslash and line ends escaped (a raw CR or LF
 * inside a literal string would be read back as LF and change the glyph id). */
function literalByte(byte: number): string {
  if (byte === 0x28 || byte === 0x29 || byte === 0x5c) return `\\${String.fromCharCode(byte)}`;
  if (byte === 0x0d) return '\\r';
  if (byte === 0x0a) return '\\n';
  return String.fromCharCode(byte);
}

/**
 * Encodes text as Identity-H glyph ids (two bytes each, as a literal string: half the size of
 * hex) and records each new glyph the way jsPDF's own text path does, so its font subset,
 * widths and ToUnicode map include it.
 */
export class FaceWriter {
  readonly id: string;
  private readonly bytesByCode = new Map<number, string>();
  private readonly glyphsRecorded = new Set<number>();
  constructor(private readonly font: JsPdfTtfFont) {
    this.id = font.id;
  }
  encode(text: string): string {
    let out = '';
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let bytes = this.bytesByCode.get(code);
      if (bytes === undefined) {
        const meta = this.font.metadata;
        const glyph = meta.characterToGlyph(code);
        // Glyph 0 draws nothing; the coverage check has already named the character.
        bytes = glyph === 0 ? '' : literalByte(glyph >> 8) + literalByte(glyph & 0xff);
        if (glyph !== 0 && !this.glyphsRecorded.has(glyph)) {
          this.glyphsRecorded.add(glyph);
          meta.glyIdsUsed.push(glyph);
          meta.Unicode.widths.push(glyph, [Math.trunc(meta.widthOfGlyph(glyph))]);
        }
        // Characters can share a glyph (hyphen and U+2010, middle dot and U+00B7...); text
        // extraction gets one of them back. The lower code point wins, so an ASCII hyphen
        // stays a hyphen and "RC-SRV-0117" can be found with search.
        const mapped = meta.toUnicode[glyph];
        if (glyph !== 0 && (mapped === undefined || code < mapped)) meta.toUnicode[glyph] = code;
        this.bytesByCode.set(code, bytes);
      }
      out += bytes;
    }
    return out;
  }
}

/** Bidi flags that autotable always passes (false: plain left-to-right text); options left
 * undefined say nothing either. */
const HARMLESS_TEXT_OPTIONS = new Set(['isInputVisual', 'isInputRtl', 'isSymmetricSwapping']);

export function isPlainTextOptions(options: Record<string, unknown> | undefined): boolean {
  if (!options) return true;
  return Object.entries(options).every(
    ([key, value]) => value === undefined || (HARMLESS_TEXT_OPTIONS.has(key) && !value),
  );
}

export function num(n: number): string {
  return (Math.round(n * 100) / 100).toString();
}

export function rgbOperands(r: number, g: number, b: number): string {
  return `${num(r / 255)} ${num(g / 255)} ${num(b / 255)}`;
}

export function hexToPdfRgb(hex: string): string {
  const m = /^#?([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(hex);
  return m
    ? rgbOperands(parseInt(m[1] ?? '0', 16), parseInt(m[2] ?? '0', 16), parseInt(m[3] ?? '0', 16))
    : '0 0 0';
}

type EncodableGlyph = { encode(old2new: unknown): ArrayLike<number> };
type GlyfTable = {
  encode(
    glyphs: Record<string, EncodableGlyph | null | undefined>,
    mapping: ArrayLike<string | number>,
    old2new: unknown,
  ): { table: number[]; offsets: number[] };
};

/**
 * jsPDF builds the subset font's glyf table with `table = table.concat(glyph)` per glyph:
 * quadratic, so 2,000 distinct characters (a long Chinese report) cost about ten seconds and
 * 4,000 nearly a minute. Same bytes, appended in place, on this font object only.
 */
export function useLinearGlyfEncoding(font: JsPdfTtfFont): void {
  const glyf = (font.metadata as unknown as { glyf: GlyfTable }).glyf;
  glyf.encode = (glyphs, mapping, old2new) => {
    const table: number[] = [];
    const offsets: number[] = [];
    for (let i = 0; i < mapping.length; i++) {
      offsets.push(table.length);
      const glyph = glyphs[String(mapping[i])];
      if (!glyph) continue;
      const data = glyph.encode(old2new);
      for (let j = 0; j < data.length; j++) table.push(data[j] ?? 0);
    }
    offsets.push(table.length);
    return { table, offsets };
  };
}

/**
 * Runs `output` with jsPDF's Flate step replaced by a bulk one. jsPDF copies every stream byte
 * by byte and rebuilds the deflated result with a string reduce (a third of a 300-page
 * report's time); the replacement does the same deflate (fflate, which jsPDF itself uses).
 * The hook is global to jsPDF, so it is swapped only for this one synchronous call and put
 * back even if the output fails.
 */
export function withFastFlate<T>(output: () => T): T {
  const api = jsPDF.API as unknown as { processDataByFilters: ProcessDataByFilters };
  const original = api.processDataByFilters;
  api.processDataByFilters = (data, filters) =>
    isFlateOnly(filters)
      ? { data: bytesToBinary(zlibSync(binaryToBytes(data))), reverseChain: '/FlateDecode' }
      : original(data, filters);
  try {
    return output();
  } finally {
    api.processDataByFilters = original;
  }
}
