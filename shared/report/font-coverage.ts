// Which characters a TrueType font can draw, read from its `cmap` table: what the report's
// font stack chooses a face by, and what the renderer's character set is generated from.

/** Code points the font maps to a real glyph (glyph 0, .notdef, does not count). */
export type FontCoverage = ReadonlySet<number>;

export class FontReader {
  private readonly view: DataView;
  constructor(private readonly bytes: Uint8Array) {
    this.view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  }
  private check(offset: number, length: number): void {
    if (offset < 0 || offset + length > this.bytes.byteLength) {
      throw new Error('The font file is truncated or malformed (cmap points outside the file).');
    }
  }
  u16(offset: number): number {
    this.check(offset, 2);
    return this.view.getUint16(offset);
  }
  i16(offset: number): number {
    this.check(offset, 2);
    return this.view.getInt16(offset);
  }
  u32(offset: number): number {
    this.check(offset, 4);
    return this.view.getUint32(offset);
  }
  tag(offset: number): string {
    this.check(offset, 4);
    return String.fromCharCode(...this.bytes.subarray(offset, offset + 4));
  }
}

/** Unicode subtables: platform 0 (any), or Windows with UCS-2 (1) or UCS-4 (10). */
function isUnicodeSubtable(platformId: number, encodingId: number): boolean {
  return platformId === 0 || (platformId === 3 && (encodingId === 1 || encodingId === 10));
}

function readFormat4(r: FontReader, at: number, out: Map<number, number>): void {
  const segCountX2 = r.u16(at + 6);
  const endCodes = at + 14;
  const startCodes = endCodes + segCountX2 + 2;
  const idDeltas = startCodes + segCountX2;
  const idRangeOffsets = idDeltas + segCountX2;
  for (let i = 0; i < segCountX2; i += 2) {
    const end = r.u16(endCodes + i);
    const start = r.u16(startCodes + i);
    const delta = r.i16(idDeltas + i);
    const rangeOffsetAt = idRangeOffsets + i;
    const rangeOffset = r.u16(rangeOffsetAt);
    for (let cp = start; cp <= end && cp !== 0xffff; cp++) {
      let glyph: number;
      if (rangeOffset === 0) {
        glyph = (cp + delta) & 0xffff;
      } else {
        const raw = r.u16(rangeOffsetAt + rangeOffset + 2 * (cp - start));
        glyph = raw === 0 ? 0 : (raw + delta) & 0xffff;
      }
      if (glyph !== 0 && !out.has(cp)) out.set(cp, glyph);
    }
  }
}

function readFormat12(r: FontReader, at: number, out: Map<number, number>): void {
  const groups = r.u32(at + 12);
  for (let g = 0; g < groups; g++) {
    const base = at + 16 + g * 12;
    const start = r.u32(base);
    const end = r.u32(base + 4);
    const startGlyph = r.u32(base + 8);
    if (end < start || end > 0x10ffff) {
      throw new Error('The font file is malformed (a cmap group has an invalid range).');
    }
    for (let cp = start; cp <= end; cp++) {
      const glyph = startGlyph + (cp - start);
      if (glyph !== 0 && !out.has(cp)) out.set(cp, glyph);
    }
  }
}

/** Offset of a table in the font, or -1 when the font has none. */
function findTable(font: Uint8Array, tag: string): number {
  const r = new FontReader(font);
  const numTables = r.u16(4);
  for (let i = 0; i < numTables; i++) {
    const record = 12 + i * 16;
    if (r.tag(record) === tag) return r.u32(record + 8);
  }
  return -1;
}

/** Code point -> glyph id, from the font's Unicode cmap subtables (formats 4 and 12). */
export function readCmap(font: Uint8Array): Map<number, number> {
  const r = new FontReader(font);
  const cmap = findTable(font, 'cmap');
  if (cmap < 0) throw new Error('The font file has no cmap table, so it maps no characters.');

  const out = new Map<number, number>();
  const subtables = r.u16(cmap + 2);
  let readAny = false;
  for (let i = 0; i < subtables; i++) {
    const record = cmap + 4 + i * 8;
    if (!isUnicodeSubtable(r.u16(record), r.u16(record + 2))) continue;
    const at = cmap + r.u32(record + 4);
    const format = r.u16(at);
    if (format === 4) readFormat4(r, at, out);
    else if (format === 12) readFormat12(r, at, out);
    else continue;
    readAny = true;
  }
  if (!readAny) {
    throw new Error('The font file has no Unicode cmap subtable of format 4 or 12.');
  }
  return out;
}

/** Reads the code points a TrueType/OpenType font covers from its Unicode cmap subtables. */
export function readFontCoverage(font: Uint8Array): FontCoverage {
  return new Set(readCmap(font).keys());
}
