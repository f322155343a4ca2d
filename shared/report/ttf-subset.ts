import type { FontFace } from './font-face.ts';

// Cuts a TrueType font down to the glyphs one document uses, in the order the document asks
// for them, so a PDF font can use CID = glyph id (/CIDToGIDMap /Identity). The full Noto Sans
// SC is 10.5 MB; a report's few thousand glyphs are a few hundred kilobytes. Written here
// rather than through HarfBuzz because the report is laid out synchronously and the cut is
// simple byte copying: glyph outlines, their metrics, the composite glyphs' components, and
// the tables a PDF reader needs (head, hhea, maxp, hmtx, loca, glyf; cmap, OS/2, name and a
// short post so tools can still identify the font). Layout tables (GSUB, GPOS) and hinting are
// left out: the report neither shapes nor hints.

const ARG_1_AND_2_ARE_WORDS = 0x0001;
const WE_HAVE_A_SCALE = 0x0008;
const MORE_COMPONENTS = 0x0020;
const WE_HAVE_AN_X_AND_Y_SCALE = 0x0040;
const WE_HAVE_A_TWO_BY_TWO = 0x0080;
/** Bounds the component walk of a malformed font. */
const MAX_COMPONENTS = 64;

class Bytes {
  private buf = new Uint8Array(1024);
  length = 0;
  private grow(n: number): void {
    if (this.length + n <= this.buf.length) return;
    let size = this.buf.length * 2;
    while (size < this.length + n) size *= 2;
    const next = new Uint8Array(size);
    next.set(this.buf.subarray(0, this.length));
    this.buf = next;
  }
  u8(v: number): void {
    this.grow(1);
    this.buf[this.length++] = v & 0xff;
  }
  u16(v: number): void {
    this.u8(v >> 8);
    this.u8(v);
  }
  u32(v: number): void {
    this.u16(Math.floor(v / 0x10000) & 0xffff);
    this.u16(v & 0xffff);
  }
  bytes(data: Uint8Array): void {
    this.grow(data.length);
    this.buf.set(data, this.length);
    this.length += data.length;
  }
  pad4(): void {
    while (this.length % 4) this.u8(0);
  }
  done(): Uint8Array {
    return this.buf.slice(0, this.length);
  }
}

function u16At(b: Uint8Array, at: number): number {
  return ((b[at] ?? 0) << 8) | (b[at + 1] ?? 0);
}

/**
 * The subset font. `glyphs[i]` is the original glyph drawn as new glyph `i` (the same glyph may
 * appear more than once, so that two characters sharing a glyph keep separate ids); glyph 0
 * should be 0 (.notdef). Components of composite glyphs are appended after them. `cmap` maps
 * code points to new glyph ids.
 */
export function subsetTrueType(
  face: FontFace,
  glyphs: readonly number[],
  cmap: ReadonlyArray<readonly [number, number]>,
): Uint8Array {
  const order = [...glyphs];
  const componentIndex = new Map<number, number>();
  const outlines: Uint8Array[] = [];
  for (let i = 0; i < order.length; i++) {
    const old = order[i] ?? 0;
    if (old >= face.numGlyphs) throw new RangeError(`Glyph ${old} is not in the font.`);
    const { start, end } = face.glyphRange(old);
    let data = face.bytes.subarray(start, end);
    if (data.length >= 10 && (u16At(data, 0) & 0x8000) !== 0) {
      // A composite glyph: copy it with each component's glyph id renumbered.
      data = data.slice();
      let at = 10;
      for (let n = 0; n < MAX_COMPONENTS && at + 4 <= data.length; n++) {
        const flags = u16At(data, at);
        const component = u16At(data, at + 2);
        let next = componentIndex.get(component);
        if (next === undefined) {
          next = order.length;
          order.push(component);
          componentIndex.set(component, next);
        }
        data[at + 2] = next >> 8;
        data[at + 3] = next & 0xff;
        at += 4 + (flags & ARG_1_AND_2_ARE_WORDS ? 4 : 2);
        if (flags & WE_HAVE_A_SCALE) at += 2;
        else if (flags & WE_HAVE_AN_X_AND_Y_SCALE) at += 4;
        else if (flags & WE_HAVE_A_TWO_BY_TWO) at += 8;
        if (!(flags & MORE_COMPONENTS)) break;
      }
    }
    outlines.push(data);
  }
  if (order.length > 0xffff) throw new RangeError('A font cannot hold more than 65,535 glyphs.');

  const src = face.bytes;
  const tableBytes = (tag: string): Uint8Array => {
    const t = face.tables.get(tag);
    if (!t) throw new Error(`The font file has no ${tag} table.`);
    return src.slice(t.offset, t.offset + t.length);
  };

  const glyf = new Bytes();
  const loca = new Bytes();
  for (const data of outlines) {
    loca.u32(glyf.length);
    glyf.bytes(data);
    glyf.pad4();
  }
  loca.u32(glyf.length);

  const hmtx = new Bytes();
  for (const old of order) {
    hmtx.u16(face.advance(old));
    hmtx.u16(face.leftSideBearing(old) & 0xffff);
  }

  const head = tableBytes('head');
  head.set([0, 0, 0, 0], 8); // checkSumAdjustment, set at the end
  head.set([0, 1], 50); // indexToLocFormat: long offsets
  const hhea = tableBytes('hhea');
  hhea.set([order.length >> 8, order.length & 0xff], 34); // numberOfHMetrics
  const maxp = tableBytes('maxp');
  maxp.set([order.length >> 8, order.length & 0xff], 4); // numGlyphs

  // post format 3: the header (italic angle, underline, fixed pitch) without glyph names.
  const post = tableBytes('post').slice(0, 32);
  post.set([0, 3, 0, 0], 0);

  const out: Array<[string, Uint8Array]> = [
    ['cmap', buildCmap(cmap)],
    ['glyf', glyf.done()],
    ['head', head],
    ['hhea', hhea],
    ['hmtx', hmtx.done()],
    ['loca', loca.done()],
    ['maxp', maxp],
    ['post', post],
  ];
  for (const tag of ['OS/2', 'name']) if (face.tables.has(tag)) out.push([tag, tableBytes(tag)]);
  return assemble(out);
}

/** A format 12 cmap (Windows, UCS-4): one group per run of consecutive code points and ids. */
function buildCmap(entries: ReadonlyArray<readonly [number, number]>): Uint8Array {
  const sorted = [...entries].sort((a, b) => a[0] - b[0]);
  const groups: Array<[number, number, number]> = [];
  for (const [cp, gid] of sorted) {
    const last = groups[groups.length - 1];
    if (last && cp === last[1] + 1 && gid === last[2] + (cp - last[0])) last[1] = cp;
    else if (!last || cp !== last[1]) groups.push([cp, cp, gid]);
  }
  const b = new Bytes();
  b.u16(0); // version
  b.u16(1); // one encoding record
  b.u16(3); // Windows
  b.u16(10); // UCS-4
  b.u32(12); // subtable offset
  b.u16(12); // format
  b.u16(0);
  b.u32(16 + groups.length * 12);
  b.u32(0); // language
  b.u32(groups.length);
  for (const [start, end, gid] of groups) {
    b.u32(start);
    b.u32(end);
    b.u32(gid);
  }
  return b.done();
}

function checksum(data: Uint8Array): number {
  let sum = 0;
  for (let i = 0; i < data.length; i += 4) {
    sum =
      (sum +
        (((data[i] ?? 0) << 24) >>> 0) +
        ((data[i + 1] ?? 0) << 16) +
        ((data[i + 2] ?? 0) << 8) +
        (data[i + 3] ?? 0)) >>>
      0;
  }
  return sum;
}

/** The sfnt file: table directory sorted by tag, tables 4-byte aligned, checksums filled in. */
function assemble(tables: Array<[string, Uint8Array]>): Uint8Array {
  tables.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
  const n = tables.length;
  const pow = 2 ** Math.floor(Math.log2(n));
  const b = new Bytes();
  b.u32(0x00010000);
  b.u16(n);
  b.u16(pow * 16);
  b.u16(Math.log2(pow));
  b.u16(n * 16 - pow * 16);
  let offset = 12 + n * 16;
  const offsets: number[] = [];
  for (const [tag, data] of tables) {
    for (let i = 0; i < 4; i++) b.u8(tag.charCodeAt(i));
    b.u32(checksum(data));
    b.u32(offset);
    b.u32(data.length);
    offsets.push(offset);
    offset += Math.ceil(data.length / 4) * 4;
  }
  for (const [, data] of tables) {
    b.bytes(data);
    b.pad4();
  }
  const font = b.done();
  const headAt = offsets[tables.findIndex(([tag]) => tag === 'head')];
  if (headAt !== undefined) {
    const adjustment = (0xb1b0afba - checksum(font)) >>> 0;
    new DataView(font.buffer).setUint32(headAt + 8, adjustment);
  }
  return font;
}
