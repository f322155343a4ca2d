import { FontReader, findTable, readCmap } from './font-coverage.ts';

// Advance widths straight from the font's hmtx table: the same numbers jsPDF uses for custom
// TrueType fonts (it applies no kerning to them), read once per font so line breaking costs a
// table lookup per character instead of a trip through jsPDF for every word.

export type FontMetrics = {
  /** Width of `text` in points at `fontSize` points. */
  width(text: string, fontSize: number): number;
};

export function readFontMetrics(font: Uint8Array): FontMetrics {
  const r = new FontReader(font);
  const head = findTable(font, 'head');
  const hhea = findTable(font, 'hhea');
  const hmtx = findTable(font, 'hmtx');
  if (head < 0 || hhea < 0 || hmtx < 0) {
    throw new Error('The font file lacks the head, hhea or hmtx table needed to measure text.');
  }
  const unitsPerEm = r.u16(head + 18);
  const numberOfHMetrics = r.u16(hhea + 34);
  if (unitsPerEm === 0 || numberOfHMetrics === 0) {
    throw new Error('The font file has no usable horizontal metrics.');
  }
  const advanceOfGlyph = (glyph: number): number =>
    r.u16(hmtx + 4 * Math.min(glyph, numberOfHMetrics - 1));

  // Per code point, in em units; 0 for characters the font lacks (the coverage check reports
  // those before anything is drawn).
  const byCodePoint = new Map<number, number>();
  for (const [cp, glyph] of readCmap(font)) byCodePoint.set(cp, advanceOfGlyph(glyph) / unitsPerEm);
  const bmp = new Float32Array(0x10000);
  for (const [cp, em] of byCodePoint) if (cp < 0x10000) bmp[cp] = em;

  return {
    width(text, fontSize) {
      let em = 0;
      for (let i = 0; i < text.length; i++) {
        const code = text.charCodeAt(i);
        if (code >= 0xd800 && code <= 0xdbff) {
          const cp = text.codePointAt(i) ?? 0;
          em += byCodePoint.get(cp) ?? 0;
          i++;
        } else {
          em += bmp[code] ?? 0;
        }
      }
      return em * fontSize;
    },
  };
}
