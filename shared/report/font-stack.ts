import { readFontFace, type FontFace } from './font-face.ts';
import { EmbeddedFont } from './pdf-font.ts';
import { isInvisible } from './showable.ts';

// The faces of one text style in fallback order (Noto Sans SC, then Noto Sans for the Latin
// letters Noto Sans SC lacks, such as Ł and ź), measured and drawn character by character:
// each character comes from the first face that has it. A character no face has is drawn as
// SUBSTITUTE (visible, never silently dropped) while its CID still maps back to the original
// character, so search and copy return what the audit recorded.

/** What a character no shipped font has is drawn as: the white square of Chinese typesetting
 * for a missing character (缺字). */
export const SUBSTITUTE = '□';

const NONE = 255;

export type TextRun = { readonly font: EmbeddedFont; readonly encoded: string };

/** Per style, once per process: which face draws each BMP character and how wide it is. */
type StyleTables = {
  faces: FontFace[];
  /** Face index per BMP code unit; NONE where no face has it. */
  faceOf: Uint8Array;
  /** Advance in em per BMP code unit (the substitute's for missing characters). */
  em: Float32Array;
  substituteGlyph: number;
  substituteEm: number;
};

const tablesCache = new WeakMap<Uint8Array, Map<string, StyleTables>>();

function styleTables(fonts: readonly Uint8Array[]): StyleTables {
  const first = fonts[0];
  if (!first) throw new Error('A text style needs at least one font.');
  const key = fonts.length.toString();
  let byKey = tablesCache.get(first);
  const cachedTables = byKey?.get(key);
  if (cachedTables && cachedTables.faces.every((f, i) => f.bytes === fonts[i])) return cachedTables;
  const faces = fonts.map(readFontFace);
  const primary = faces[0] as FontFace;
  const substituteGlyph = primary.glyphOf.get(SUBSTITUTE.codePointAt(0) ?? 0) ?? 0;
  const substituteEm = primary.advance(substituteGlyph) / primary.unitsPerEm;
  const faceOf = new Uint8Array(0x10000).fill(NONE);
  const em = new Float32Array(0x10000).fill(substituteEm);
  for (let i = faces.length - 1; i >= 0; i--) {
    const face = faces[i] as FontFace;
    for (let cp = 0; cp < 0x10000; cp++) {
      const glyph = face.bmpGlyph[cp] ?? 0;
      if (glyph === 0) continue;
      faceOf[cp] = i;
      em[cp] = face.advance(glyph) / face.unitsPerEm;
    }
  }
  for (let cp = 0; cp < 0x10000; cp++) {
    if (faceOf[cp] === NONE && isInvisible(cp)) em[cp] = 0;
  }
  const tables: StyleTables = { faces, faceOf, em, substituteGlyph, substituteEm };
  if (!byKey) {
    byKey = new Map();
    tablesCache.set(first, byKey);
  }
  byKey.set(key, tables);
  return tables;
}

/** The fonts of one style within one document. */
export class FontStack {
  private readonly t: StyleTables;
  readonly fonts: EmbeddedFont[];
  /** Characters drawn as the substitute, each with the first text it appeared in. */
  readonly substituted = new Map<string, string>();

  constructor(fonts: readonly Uint8Array[]) {
    this.t = styleTables(fonts);
    this.fonts = this.t.faces.map((f) => new EmbeddedFont(f));
  }

  /** Which face draws `cp`, or -1 when none has it. */
  faceIndex(cp: number): number {
    if (cp < 0x10000) {
      const i = this.t.faceOf[cp] ?? NONE;
      return i === NONE ? -1 : i;
    }
    return this.t.faces.findIndex((f) => f.glyphOf.has(cp));
  }

  /** Whether some face of this style draws `cp` itself (layout and invisible ones count). */
  shows(cp: number): boolean {
    return this.faceIndex(cp) >= 0 || isInvisible(cp);
  }

  /** Width of `text` in points at `fontSize` points. */
  width(text: string, fontSize: number): number {
    let em = 0;
    const table = this.t.em;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      if (code >= 0xd800 && code <= 0xdbff && i + 1 < text.length) {
        const cp = text.codePointAt(i) ?? 0;
        const face = this.t.faces[this.faceIndex(cp)];
        const glyph = face?.glyphOf.get(cp);
        em +=
          face && glyph !== undefined ? face.advance(glyph) / face.unitsPerEm : this.t.substituteEm;
        i++;
      } else {
        em += table[code] ?? 0;
      }
    }
    return em * fontSize;
  }

  /**
   * Runs already encoded, per text: most of a report's text repeats (labels, statuses, dates,
   * headers), about 60 % of its characters, and encoding builds a string per character.
   * Encoding is the same every time; its side effects (glyphs marked used, substitutes noted)
   * happen on the first.
   */
  private readonly encodedRuns = new Map<string, TextRun[]>();

  /** The text as runs of content-stream bytes, one per stretch drawn by the same face. */
  runs(text: string): readonly TextRun[] {
    let runs = this.encodedRuns.get(text);
    if (!runs) {
      runs = this.encodeRuns(text);
      this.encodedRuns.set(text, runs);
    }
    return runs;
  }

  private encodeRuns(text: string): TextRun[] {
    const runs: Array<{ font: EmbeddedFont; encoded: string }> = [];
    let current: { font: EmbeddedFont; encoded: string } | null = null;
    const faceOf = this.t.faceOf;
    for (let i = 0; i < text.length; i++) {
      const code = text.charCodeAt(i);
      let font: EmbeddedFont;
      let bytes: string | undefined;
      const index = code < 0xd800 || code > 0xdfff ? (faceOf[code] ?? NONE) : NONE;
      if (index !== NONE) {
        // The common case: a BMP character some face has, its bytes memoised per font.
        font = this.fonts[index] as EmbeddedFont;
        bytes = font.encoded(code) ?? font.encode(code, this.t.faces[index]?.bmpGlyph[code] ?? 0);
      } else {
        const cp = text.codePointAt(i) ?? code;
        if (cp > 0xffff) i++;
        const found = this.faceIndex(cp);
        if (found >= 0) {
          font = this.fonts[found] as EmbeddedFont;
          bytes = font.encode(cp, (this.t.faces[found] as FontFace).glyphOf.get(cp) ?? 0);
        } else {
          if (isInvisible(cp)) continue;
          const ch = String.fromCodePoint(cp);
          if (!this.substituted.has(ch)) {
            this.substituted.set(ch, text.length > 80 ? `${text.slice(0, 77)}...` : text);
          }
          font = this.fonts[0] as EmbeddedFont;
          bytes = font.encode(cp, this.t.substituteGlyph, true);
        }
      }
      if (current && current.font === font) current.encoded += bytes;
      else {
        current = { font, encoded: bytes };
        runs.push(current);
      }
    }
    return runs;
  }
}
