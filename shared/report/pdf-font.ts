import type { FontFace } from './font-face.ts';
import { subsetTrueType } from './ttf-subset.ts';

// One embedded font of one PDF: a Type0 font with Identity-H encoding over a CIDFontType2 whose
// font program holds only the glyphs this document drew. Each character gets its own CID on
// first use (1, 2, 3 ...), and the subset is laid out so that CID n is glyph n; its ToUnicode
// map says which character each CID stands for, so text extraction and search return exactly
// what was written, including for a character drawn as a substitute. Used by the report canvas
// (through jsPDF) and by the countersignature's appearance (an incremental update).

/** Where the font's objects go: jsPDF's writer, or the countersignature's update. */
export type PdfObjectSink = {
  /** Reserves an object number for an object written later. */
  reserve(): number;
  /** Writes object `num` whose body is `body` (a dictionary). */
  object(num: number, body: string): void;
  /** Writes stream object `num` with extra dictionary entries; the sink compresses the data. */
  stream(
    num: number,
    entries: ReadonlyArray<readonly [string, string]>,
    data: Uint8Array,
    options?: { length1?: boolean },
  ): void;
};

const MAX_CID = 0xffff;

/** A PDF literal-string byte: parentheses, backslash and line ends escaped. */
function literalByte(byte: number): string {
  if (byte === 0x28 || byte === 0x29 || byte === 0x5c) return `\\${String.fromCharCode(byte)}`;
  if (byte === 0x0d) return '\\r';
  if (byte === 0x0a) return '\\n';
  return String.fromCharCode(byte);
}

function hex4(n: number): string {
  return n.toString(16).toUpperCase().padStart(4, '0');
}

/** UTF-16BE hex of a code point, as a ToUnicode map writes it. */
function utf16Hex(cp: number): string {
  if (cp < 0x10000) return hex4(cp);
  const v = cp - 0x10000;
  return hex4(0xd800 + (v >> 10)) + hex4(0xdc00 + (v & 0x3ff));
}

/** Six capital letters from the font's name and content: the same subset gets the same tag. */
export function subsetTag(name: string, codePoints: readonly number[]): string {
  let h = 0x811c9dc5;
  const mix = (n: number) => {
    h ^= n;
    h = Math.imul(h, 0x01000193) >>> 0;
  };
  for (let i = 0; i < name.length; i++) mix(name.charCodeAt(i));
  for (const cp of codePoints) mix(cp);
  let tag = '';
  for (let i = 0; i < 6; i++) {
    tag += String.fromCharCode(65 + (h % 26));
    h = Math.floor(h / 26) ^ Math.imul(h, 31 + i);
    h >>>= 0;
  }
  return tag;
}

export function toUnicodeCMap(unicodeOfCid: readonly number[]): string {
  const lines: string[] = [];
  const entries: string[] = [];
  for (let cid = 1; cid < unicodeOfCid.length; cid++) {
    entries.push(`<${hex4(cid)}> <${utf16Hex(unicodeOfCid[cid] ?? 0xfffd)}>`);
  }
  for (let i = 0; i < entries.length; i += 100) {
    const chunk = entries.slice(i, i + 100);
    lines.push(`${chunk.length} beginbfchar`, ...chunk, 'endbfchar');
  }
  return [
    '/CIDInit /ProcSet findresource begin',
    '12 dict begin',
    'begincmap',
    '/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def',
    '/CMapName /Adobe-Identity-UCS def',
    '/CMapType 2 def',
    '1 begincodespacerange',
    '<0000> <FFFF>',
    'endcodespacerange',
    ...lines,
    'endcmap',
    'CMapName currentdict /CMap defineresource pop',
    'end',
    'end',
  ].join('\n');
}

export class EmbeddedFont {
  /** Original glyph id per CID (index 0: .notdef). */
  private readonly glyphOfCid: number[] = [0];
  /** The character each CID stands for. */
  private readonly unicodeOfCid: number[] = [0];
  /** CIDs that draw a substitute rather than the character's own glyph. */
  private readonly substituted = new Set<number>();
  /** The two content-stream bytes per code point, memoised (an array for the BMP). */
  private readonly encodedOf = new Map<number, string>();
  private readonly encodedBmp: Array<string | undefined> = [];

  constructor(readonly face: FontFace) {}

  get used(): boolean {
    return this.glyphOfCid.length > 1;
  }

  /**
   * The content-stream bytes (a binary string for a literal string) that draw code point `cp`
   * with glyph `glyph`; pass the substitute's glyph for a character no font has.
   */
  /** The memoised bytes of a BMP character already drawn, if any. */
  encoded(code: number): string | undefined {
    return this.encodedBmp[code];
  }

  encode(cp: number, glyph: number, substitute = false): string {
    const known = cp < 0x10000 ? this.encodedBmp[cp] : this.encodedOf.get(cp);
    if (known !== undefined) return known;
    if (this.glyphOfCid.length > MAX_CID) {
      throw new RangeError('A document font cannot hold more than 65,535 characters.');
    }
    const cid = this.glyphOfCid.length;
    this.glyphOfCid.push(glyph);
    this.unicodeOfCid.push(cp);
    if (substitute) this.substituted.add(cid);
    const bytes = literalByte(cid >> 8) + literalByte(cid & 0xff);
    if (cp < 0x10000) this.encodedBmp[cp] = bytes;
    else this.encodedOf.set(cp, bytes);
    return bytes;
  }

  /** Width of a CID in 1/1000 em, as the /W array states it. */
  private width(cid: number): number {
    return Math.round((this.face.advance(this.glyphOfCid[cid] ?? 0) * 1000) / this.face.unitsPerEm);
  }

  /** The font program holding this document's glyphs only. */
  subset(): Uint8Array {
    const cmap: Array<[number, number]> = [];
    for (let cid = 1; cid < this.unicodeOfCid.length; cid++) {
      if (!this.substituted.has(cid)) cmap.push([this.unicodeOfCid[cid] ?? 0, cid]);
    }
    return subsetTrueType(this.face, this.glyphOfCid, cmap);
  }

  /** Writes the font's five objects and returns the number of the Type0 font dictionary. */
  write(sink: PdfObjectSink): number {
    const d = this.face.descriptor;
    const name = `${subsetTag(this.face.postScriptName, this.unicodeOfCid)}+${this.face.postScriptName}`;
    const program = sink.reserve();
    sink.stream(program, [], this.subset(), { length1: true });
    const toUnicode = sink.reserve();
    sink.stream(toUnicode, [], new TextEncoder().encode(toUnicodeCMap(this.unicodeOfCid)));
    const descriptor = sink.reserve();
    // Flags: Symbolic (4), and FixedPitch (1) for a monospaced face.
    sink.object(
      descriptor,
      `<< /Type /FontDescriptor /FontName /${name} /Flags ${4 | (d.fixedPitch ? 1 : 0)} ` +
        `/FontBBox [${d.bbox.join(' ')}] /ItalicAngle ${d.italicAngle} /Ascent ${d.ascent} ` +
        `/Descent ${d.descent} /CapHeight ${d.capHeight} /StemV ${d.stemV} /FontFile2 ${program} 0 R >>`,
    );
    const widths: number[] = [];
    for (let cid = 1; cid < this.glyphOfCid.length; cid++) widths.push(this.width(cid));
    const cidFont = sink.reserve();
    sink.object(
      cidFont,
      `<< /Type /Font /Subtype /CIDFontType2 /BaseFont /${name} ` +
        '/CIDSystemInfo << /Registry (Adobe) /Ordering (Identity) /Supplement 0 >> ' +
        `/FontDescriptor ${descriptor} 0 R /DW 1000 /W [1 [${widths.join(' ')}]] /CIDToGIDMap /Identity >>`,
    );
    const type0 = sink.reserve();
    sink.object(
      type0,
      `<< /Type /Font /Subtype /Type0 /BaseFont /${name} /Encoding /Identity-H ` +
        `/DescendantFonts [${cidFont} 0 R] /ToUnicode ${toUnicode} 0 R >>`,
    );
    return type0;
  }
}
