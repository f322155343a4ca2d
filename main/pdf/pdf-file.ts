import { inflateSync } from 'node:zlib';
import {
  asInt,
  asName,
  asRef,
  dictGet,
  PdfLexer,
  PdfSyntaxError,
  isWhite,
  type PdfDict,
  type PdfRef,
  type PdfValue,
} from './pdf-syntax.ts';

// Reads a PDF the way a viewer does: from `startxref` at the end, through the cross-reference
// sections and their /Prev chain, to objects at the offsets they name. A "state" is the file as
// it stood at the end of one revision (an incremental update adds a revision), which is what a
// signature covers and what the verifier compares. Limits below bound work on hostile files.

const MAX_SECTIONS = 1000;
const MAX_XREF_ENTRIES = 5_000_000;
const MAX_OBJSTM_OBJECTS = 100_000;
/** Largest decoded stream we accept (embedded snapshots with photos stay well below). */
export const MAX_DECODED_STREAM = 256 * 1024 * 1024;
const TAIL_WINDOW = 2048;

export type XrefEntry =
  | { type: 'free' }
  | { type: 'offset'; offset: number; gen: number }
  | { type: 'compressed'; stream: number; index: number };

export type XrefSection = {
  /** Where the section starts: the `xref` keyword or the xref stream object. */
  offset: number;
  kind: 'table' | 'stream';
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
  /** Offset just after the `%%EOF` (and its end-of-line) that closes this section's revision. */
  end: number;
};

export type PdfObject = {
  num: number;
  gen: number;
  value: PdfValue;
  /** Offset of "N G obj" in the file (for compressed objects: of their object stream). */
  offset: number;
  /** Compressed objects' byte positions are inside a decoded stream, not the file. */
  inObjectStream?: boolean;
  stream?: { dict: PdfDict; dataStart: number; dataEnd: number };
};

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));
const STARTXREF = ascii('startxref');
const EOF_MARK = ascii('%%EOF');

export function indexOfBytes(
  hay: Uint8Array,
  needle: Uint8Array,
  from = 0,
  to = hay.length,
): number {
  const last = Math.min(to, hay.length) - needle.length;
  outer: for (let i = Math.max(0, from); i <= last; i++) {
    for (let j = 0; j < needle.length; j++) if (hay[i + j] !== needle[j]) continue outer;
    return i;
  }
  return -1;
}

export function lastIndexOfBytes(
  hay: Uint8Array,
  needle: Uint8Array,
  from: number,
  to: number,
): number {
  for (let i = Math.min(to, hay.length) - needle.length; i >= Math.max(0, from); i--) {
    let ok = true;
    for (let j = 0; j < needle.length; j++)
      if (hay[i + j] !== needle[j]) {
        ok = false;
        break;
      }
    if (ok) return i;
  }
  return -1;
}

export function hasPdfHeader(bytes: Uint8Array): boolean {
  return indexOfBytes(bytes, ascii('%PDF-'), 0, Math.min(bytes.length, 1024)) >= 0;
}

/** After `startxref N`, expects `%%EOF` and returns the offset past it and one end-of-line. */
function readEofAfter(lx: PdfLexer): number {
  while (isWhite(lx.peekByte())) lx.pos++;
  for (let j = 0; j < EOF_MARK.length; j++) {
    if (lx.bytes[lx.pos + j] !== EOF_MARK[j] || lx.pos + j >= lx.limit)
      throw new PdfSyntaxError(`Expected %%EOF at offset ${lx.pos}.`);
  }
  let end = lx.pos + EOF_MARK.length;
  if (lx.bytes[end] === 0x0d && end < lx.limit) end++;
  if (lx.bytes[end] === 0x0a && end < lx.limit) end++;
  return end;
}

/** Finds `startxref N %%EOF` closing the revision that ends at `end`; returns N. */
export function findStartXref(bytes: Uint8Array, end: number): number {
  const at = lastIndexOfBytes(bytes, STARTXREF, Math.max(0, end - TAIL_WINDOW), end);
  if (at < 0) throw new PdfSyntaxError('No "startxref" near the end of the file.');
  const lx = new PdfLexer(bytes, at + STARTXREF.length, end);
  const offset = lx.readInteger();
  readEofAfter(lx);
  if (offset >= end) throw new PdfSyntaxError('startxref points past the end of the file.');
  return offset;
}

export function decodeStream(
  bytes: Uint8Array,
  obj: PdfObject,
  maxOutput = MAX_DECODED_STREAM,
): Uint8Array {
  if (!obj.stream) throw new PdfSyntaxError(`Object ${obj.num} is not a stream.`);
  const { dict, dataStart, dataEnd } = obj.stream;
  const raw = bytes.subarray(dataStart, dataEnd);
  let filter = dictGet(dict, 'Filter');
  let parms = dictGet(dict, 'DecodeParms');
  if (filter?.kind === 'array') {
    if (filter.items.length > 1)
      throw new PdfSyntaxError('Chained stream filters are not supported.');
    filter = filter.items[0];
    if (parms?.kind === 'array') parms = parms.items[0];
  }
  if (filter === undefined) {
    if (raw.length > maxOutput) throw new PdfSyntaxError('Stream is too large.');
    return raw;
  }
  if (asName(filter) !== 'FlateDecode')
    throw new PdfSyntaxError(`Stream filter ${asName(filter) ?? '?'} is not supported.`);
  let out: Uint8Array;
  try {
    out = inflateSync(raw, { maxOutputLength: maxOutput });
  } catch (err) {
    const code = (err as { code?: string }).code;
    throw new PdfSyntaxError(
      code === 'ERR_BUFFER_TOO_LARGE'
        ? 'Stream inflates beyond the size limit.'
        : 'Stream data is corrupt.',
    );
  }
  const predictor = asInt(dictGet(parms, 'Predictor')) ?? 1;
  if (predictor === 1) return out;
  if (predictor < 10) throw new PdfSyntaxError(`Predictor ${predictor} is not supported.`);
  const columns = asInt(dictGet(parms, 'Columns')) ?? 1;
  const colors = asInt(dictGet(parms, 'Colors')) ?? 1;
  const bpc = asInt(dictGet(parms, 'BitsPerComponent')) ?? 8;
  if (columns < 1 || columns > 1 << 20 || colors < 1 || colors > 32 || bpc !== 8)
    throw new PdfSyntaxError('Unsupported predictor parameters.');
  return unPng(out, columns * colors, colors);
}

function unPng(data: Uint8Array, rowLen: number, bpp: number): Uint8Array {
  const rows = Math.floor(data.length / (rowLen + 1));
  const out = new Uint8Array(rows * rowLen);
  for (let r = 0; r < rows; r++) {
    const type = data[r * (rowLen + 1)]!;
    const src = r * (rowLen + 1) + 1;
    const dst = r * rowLen;
    for (let i = 0; i < rowLen; i++) {
      const x = data[src + i]!;
      const left = i >= bpp ? out[dst + i - bpp]! : 0;
      const up = r > 0 ? out[dst - rowLen + i]! : 0;
      const upLeft = r > 0 && i >= bpp ? out[dst - rowLen + i - bpp]! : 0;
      let v: number;
      switch (type) {
        case 0:
          v = x;
          break;
        case 1:
          v = x + left;
          break;
        case 2:
          v = x + up;
          break;
        case 3:
          v = x + ((left + up) >> 1);
          break;
        case 4: {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left),
            pb = Math.abs(p - up),
            pc = Math.abs(p - upLeft);
          v = x + (pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft);
          break;
        }
        default:
          throw new PdfSyntaxError('Corrupt PNG predictor data.');
      }
      out[dst + i] = v & 0xff;
    }
  }
  return out;
}

/**
 * The document as it stood at the end of one revision: reads never look past `end`, so the
 * same bytes give the same objects whatever was appended later.
 */
export class PdfState {
  readonly sections: XrefSection[] = [];
  readonly entries = new Map<number, XrefEntry>();
  readonly trailer: PdfDict;
  readonly startXref: number;
  private cache = new Map<number, PdfObject | null>();
  private objStmCache = new Map<
    number,
    { data: Uint8Array; offsets: Map<number, number>; first: number }
  >();

  constructor(
    readonly bytes: Uint8Array,
    readonly end: number = bytes.length,
  ) {
    this.startXref = findStartXref(bytes, end);
    const seen = new Set<number>();
    let offset: number | undefined = this.startXref;
    while (offset !== undefined) {
      if (seen.has(offset)) throw new PdfSyntaxError('The cross-reference chain loops.');
      if (seen.size >= MAX_SECTIONS) throw new PdfSyntaxError('Too many cross-reference sections.');
      seen.add(offset);
      const section = this.readSection(offset);
      this.sections.push(section);
      for (const [num, entry] of section.entries)
        if (!this.entries.has(num)) this.entries.set(num, entry);
      const xrefStm = asInt(dictGet(section.trailer, 'XRefStm'));
      if (xrefStm !== undefined && section.kind === 'table' && !seen.has(xrefStm)) {
        // Hybrid files: the table's own entries win, the stream fills the gaps.
        seen.add(xrefStm);
        const hybrid = this.readSection(xrefStm);
        for (const [num, entry] of hybrid.entries)
          if (!this.entries.has(num)) this.entries.set(num, entry);
      }
      const prev = dictGet(section.trailer, 'Prev');
      if (prev !== undefined && asInt(prev) === undefined)
        throw new PdfSyntaxError('Bad /Prev in a trailer.');
      offset = asInt(prev);
    }
    this.trailer = this.sections[0]!.trailer;
  }

  readSection(offset: number): XrefSection {
    if (offset < 0 || offset >= this.end)
      throw new PdfSyntaxError('A cross-reference offset is out of range.');
    const lx = new PdfLexer(this.bytes, offset, this.end);
    if (lx.tryKeyword('xref')) return this.readTable(lx, offset);
    lx.pos = offset;
    return this.readXrefStream(offset);
  }

  private readTable(lx: PdfLexer, offset: number): XrefSection {
    const entries = new Map<number, XrefEntry>();
    let total = 0;
    for (;;) {
      lx.skipWhitespaceAndComments();
      if (lx.tryKeyword('trailer')) break;
      const first = lx.readInteger();
      const count = lx.readInteger();
      total += count;
      if (total > MAX_XREF_ENTRIES || count * 18 > this.end - lx.pos)
        throw new PdfSyntaxError('A cross-reference table is larger than the file.');
      for (let i = 0; i < count; i++) {
        const off = lx.readInteger();
        const gen = lx.readInteger();
        const type = lx.readRegularToken();
        if (type !== 'n' && type !== 'f')
          throw new PdfSyntaxError(`Bad cross-reference entry near offset ${lx.pos}.`);
        if (gen > 65535) throw new PdfSyntaxError('Bad generation number.');
        const num = first + i;
        if (entries.has(num))
          throw new PdfSyntaxError(`Object ${num} appears twice in one cross-reference section.`);
        entries.set(num, type === 'f' ? { type: 'free' } : { type: 'offset', offset: off, gen });
      }
    }
    const trailer = lx.parseValue();
    if (trailer.kind !== 'dict') throw new PdfSyntaxError('The trailer is not a dictionary.');
    lx.expectKeyword('startxref');
    lx.readInteger();
    const end = readEofAfter(lx);
    return { offset, kind: 'table', entries, trailer, end };
  }

  private readXrefStream(offset: number): XrefSection {
    const obj = this.readObjectAt(offset, undefined);
    const dict = obj.stream?.dict;
    if (!dict || asName(dictGet(dict, 'Type')) !== 'XRef')
      throw new PdfSyntaxError(`No cross-reference data at offset ${offset}.`);
    const w = dictGet(dict, 'W');
    const widths = w?.kind === 'array' ? w.items.map(asInt) : [];
    if (widths.length !== 3 || widths.some((x) => x === undefined || x < 0 || x > 8))
      throw new PdfSyntaxError('Bad /W in a cross-reference stream.');
    const [w0, w1, w2] = widths as [number, number, number];
    const size = asInt(dictGet(dict, 'Size'));
    if (size === undefined || size < 0 || size > MAX_XREF_ENTRIES)
      throw new PdfSyntaxError('Bad /Size.');
    const idx = dictGet(dict, 'Index');
    const ranges: number[] =
      idx?.kind === 'array' ? idx.items.map((x) => asInt(x) ?? -1) : [0, size];
    if (ranges.length % 2 !== 0 || ranges.some((x) => x < 0))
      throw new PdfSyntaxError('Bad /Index.');
    const data = decodeStream(this.bytes, obj, 64 * 1024 * 1024);
    const rowLen = w0 + w1 + w2;
    const entries = new Map<number, XrefEntry>();
    let row = 0;
    let total = 0;
    const field = (start: number, width: number): number => {
      let v = 0;
      for (let i = 0; i < width; i++) v = v * 256 + data[start + i]!;
      return v;
    };
    for (let r = 0; r < ranges.length; r += 2) {
      const first = ranges[r]!;
      const count = ranges[r + 1]!;
      total += count;
      if (total > MAX_XREF_ENTRIES || (row + count) * rowLen > data.length)
        throw new PdfSyntaxError('A cross-reference stream is shorter than its /Index says.');
      for (let i = 0; i < count; i++, row++) {
        const base = row * rowLen;
        const type = w0 === 0 ? 1 : field(base, w0);
        const a = field(base + w0, w1);
        const b = field(base + w0 + w1, w2);
        const num = first + i;
        if (entries.has(num))
          throw new PdfSyntaxError(`Object ${num} appears twice in one cross-reference section.`);
        if (type === 0) entries.set(num, { type: 'free' });
        else if (type === 1) entries.set(num, { type: 'offset', offset: a, gen: b });
        else if (type === 2) entries.set(num, { type: 'compressed', stream: a, index: b });
        // Other types are reserved and mean "null object".
      }
    }
    const lx = new PdfLexer(this.bytes, obj.stream!.dataEnd, this.end);
    lx.expectKeyword('endstream');
    lx.expectKeyword('endobj');
    lx.expectKeyword('startxref');
    lx.readInteger();
    const end = readEofAfter(lx);
    return { offset, kind: 'stream', entries, trailer: dict, end };
  }

  /** Parses "N G obj ... endobj" at an offset; `expectNum` checks it is the object we wanted. */
  readObjectAt(offset: number, expectNum: number | undefined, depth = 0): PdfObject {
    if (offset < 0 || offset >= this.end)
      throw new PdfSyntaxError(`Object offset ${offset} is out of range.`);
    const lx = new PdfLexer(this.bytes, offset, this.end);
    const num = lx.readInteger();
    const gen = lx.readInteger();
    lx.expectKeyword('obj');
    if (expectNum !== undefined && num !== expectNum)
      throw new PdfSyntaxError(
        `The cross-reference entry for object ${expectNum} points at object ${num}.`,
      );
    const value = lx.parseValue();
    if (value.kind === 'dict' && lx.tryKeyword('stream')) {
      let dataStart = lx.pos;
      if (this.bytes[dataStart] === 0x0d) dataStart++;
      if (this.bytes[dataStart] !== 0x0a)
        throw new PdfSyntaxError(`Bad stream start in object ${num}.`);
      dataStart++;
      const lengthValue = dictGet(value, 'Length');
      let length = asInt(lengthValue);
      const lengthRef = asRef(lengthValue);
      if (length === undefined && lengthRef && lengthRef.num !== num && depth === 0) {
        length = asInt(this.resolve(lengthRef, depth + 1));
      }
      if (length === undefined || length < 0 || dataStart + length > this.end)
        throw new PdfSyntaxError(`Bad stream length in object ${num}.`);
      const dataEnd = dataStart + length;
      const after = new PdfLexer(this.bytes, dataEnd, this.end);
      after.expectKeyword('endstream');
      after.expectKeyword('endobj');
      return { num, gen, value, offset, stream: { dict: value, dataStart, dataEnd } };
    }
    lx.expectKeyword('endobj');
    return { num, gen, value, offset };
  }

  /** The object an xref entry names in this state, or null when it is free or missing. */
  getObject(num: number, depth = 0): PdfObject | null {
    if (this.cache.has(num)) return this.cache.get(num)!;
    const entry = this.entries.get(num);
    let obj: PdfObject | null = null;
    if (entry?.type === 'offset') obj = this.readObjectAt(entry.offset, num, depth);
    else if (entry?.type === 'compressed')
      obj = this.readCompressed(num, entry.stream, entry.index);
    this.cache.set(num, obj);
    return obj;
  }

  private readCompressed(num: number, streamNum: number, index: number): PdfObject {
    let stm = this.objStmCache.get(streamNum);
    const entry = this.entries.get(streamNum);
    if (entry?.type !== 'offset')
      throw new PdfSyntaxError(`Object stream ${streamNum} is missing.`);
    const host = this.getObject(streamNum, 1);
    if (!stm) {
      if (!host?.stream || asName(dictGet(host.value, 'Type')) !== 'ObjStm')
        throw new PdfSyntaxError(`Object ${streamNum} is not an object stream.`);
      const n = asInt(dictGet(host.value, 'N'));
      const first = asInt(dictGet(host.value, 'First'));
      if (n === undefined || first === undefined || n < 0 || n > MAX_OBJSTM_OBJECTS || first < 0)
        throw new PdfSyntaxError(`Bad object stream ${streamNum}.`);
      const data = decodeStream(this.bytes, host);
      const lx = new PdfLexer(data);
      const offsets = new Map<number, number>();
      for (let i = 0; i < n; i++) {
        const objNum = lx.readInteger();
        const rel = lx.readInteger();
        if (!offsets.has(objNum)) offsets.set(objNum, rel);
      }
      stm = { data, offsets, first };
      this.objStmCache.set(streamNum, stm);
    }
    const rel = stm.offsets.get(num);
    if (rel === undefined || index > MAX_OBJSTM_OBJECTS)
      throw new PdfSyntaxError(`Object ${num} is not in object stream ${streamNum}.`);
    const lx = new PdfLexer(stm.data, stm.first + rel);
    const value = lx.parseValue();
    return { num, gen: 0, value, offset: host!.offset, inObjectStream: true };
  }

  /** Follows references (a chain of them too) to a direct value; missing objects are null. */
  resolve(v: PdfValue | undefined, depth = 0): PdfValue | undefined {
    let cur = v;
    for (let hops = 0; cur?.kind === 'ref'; hops++) {
      if (hops > 16) throw new PdfSyntaxError('A reference chain is too long.');
      const obj = this.getObject(cur.num, depth);
      cur = obj ? obj.value : { kind: 'null' };
    }
    return cur;
  }

  /** Looks up `key` in a dictionary and resolves the result. */
  lookup(d: PdfValue | undefined, key: string): PdfValue | undefined {
    return this.resolve(dictGet(this.resolve(d), key));
  }

  get rootRef(): PdfRef {
    const root = asRef(dictGet(this.trailer, 'Root'));
    if (!root) throw new PdfSyntaxError('The trailer has no /Root.');
    return root;
  }

  get catalog(): PdfDict {
    const c = this.resolve(this.rootRef);
    if (c?.kind !== 'dict') throw new PdfSyntaxError('The document catalog is missing.');
    return c;
  }
}
