import type { WorkBudget } from './budget.ts';
import { objectHeaderAt, readIndirectObject } from './object-reader.ts';
import { decodeFilters } from './stream-filters.ts';
import {
  asInt,
  asName,
  dictGet,
  isWhite,
  PdfLexer,
  PdfSyntaxError,
  type PdfDict,
} from './pdf-syntax.ts';

// The cross-reference data of a file, read the way mature readers do: from the last
// `startxref` through the chain of sections (classic tables with any end-of-line, streams,
// hybrid files whose table names an /XRefStm, linearized files whose first-page section comes
// first in the file), tolerating a `startxref` that is off by a few bytes. When the chain cannot
// be read at all, the objects are found by scanning the file, as qpdf and pdf.js do, and the
// caller is told so. The sections are grouped into revisions (one per incremental update):
// what a signature covers and what the verifier compares.

export type XrefEntry =
  | { type: 'free' }
  | { type: 'offset'; offset: number; gen: number }
  | { type: 'compressed'; stream: number; index: number };

const FREE: XrefEntry = { type: 'free' };

export type XrefSection = {
  /** Where the section starts: the `xref` keyword or the xref stream object. */
  offset: number;
  /** The offset the `startxref` or /Prev named (differs from `offset` when it was repaired). */
  requested: number;
  kind: 'table' | 'stream';
  entries: Map<number, XrefEntry>;
  trailer: PdfDict;
  /** Offset past the `startxref N %%EOF` (and one end-of-line) closing the section. */
  end: number;
  /** A `startxref ... %%EOF` follows the section (every revision must end with one). */
  closed: boolean;
  /** A hybrid file's cross-reference stream (the table's /XRefStm), read with the table. */
  hybrid?: XrefSection;
};

export type Revision = {
  index: number;
  /** Oldest first. Usually one; a linearized file's first-page and main sections form one. */
  sections: XrefSection[];
  /** Offset just past the revision's closing %%EOF and its end-of-line. */
  end: number;
  closed: boolean;
  /** The offset the revision's own `startxref` names (its newest section). */
  startxref: number;
  trailer: PdfDict;
  /** The entries this revision's sections define, free ones included. */
  defined: Map<number, XrefEntry>;
};

/** How far from a wrong `startxref` offset the section is looked for. */
const REPAIR_WINDOW = 64;
const TAIL_SEARCH = 64 * 1024;

const ascii = (s: string) => Uint8Array.from(s, (c) => c.charCodeAt(0));
const STARTXREF = ascii('startxref');
const EOF_MARK = ascii('%%EOF');
const XREF = ascii('xref');
const OBJ = ascii('obj');
const TRAILER = ascii('trailer');

function matchAt(bytes: Uint8Array, at: number, needle: Uint8Array): boolean {
  if (at < 0 || at + needle.length > bytes.length) return false;
  for (let j = 0; j < needle.length; j++) if (bytes[at + j] !== needle[j]) return false;
  return true;
}

export function lastIndexOf(bytes: Uint8Array, needle: Uint8Array, from: number, to: number) {
  for (let i = Math.min(to, bytes.length) - needle.length; i >= Math.max(0, from); i--)
    if (bytes[i] === needle[0] && matchAt(bytes, i, needle)) return i;
  return -1;
}

const isDigit = (b: number | undefined) => b !== undefined && b >= 0x30 && b <= 0x39;
const isDelimiterOrWhite = (b: number | undefined) =>
  b === undefined || isWhite(b) || '()<>[]{}/%'.includes(String.fromCharCode(b));

/** After `startxref`: its offset, then `%%EOF`. Returns where the revision ends, or null. */
function closingEof(bytes: Uint8Array, at: number): { end: number; offset: number | null } | null {
  const lx = new PdfLexer(bytes, at);
  let offset: number | null = null;
  try {
    offset = lx.readInteger();
  } catch {
    lx.pos = at;
  }
  let p = lx.pos;
  while (p < bytes.length && isWhite(bytes[p])) p++;
  if (!matchAt(bytes, p, EOF_MARK)) return null;
  let end = p + EOF_MARK.length;
  if (bytes[end] === 0x0d) end++;
  if (bytes[end] === 0x0a) end++;
  return { end, offset };
}

/** Skips whitespace and comments, but stops at a `%%EOF`, which ends a revision. */
function skipToToken(bytes: Uint8Array, at: number): number {
  let p = at;
  while (p < bytes.length) {
    if (isWhite(bytes[p])) p++;
    else if (bytes[p] === 0x25 && !matchAt(bytes, p, EOF_MARK)) {
      while (p < bytes.length && bytes[p] !== 0x0a && bytes[p] !== 0x0d) p++;
    } else break;
  }
  return p;
}

function closeSection(bytes: Uint8Array, after: number): { end: number; closed: boolean } {
  const p = skipToToken(bytes, after);
  if (matchAt(bytes, p, STARTXREF)) {
    const eof = closingEof(bytes, p + STARTXREF.length);
    if (eof) return { end: eof.end, closed: true };
  }
  return { end: after, closed: false };
}

/** The offset named by the file's last `startxref`, looking back past trailing bytes. */
export function lastStartxref(bytes: Uint8Array): number | null {
  for (const from of [bytes.length - TAIL_SEARCH, 0]) {
    let to = bytes.length;
    for (;;) {
      const at = lastIndexOf(bytes, STARTXREF, from, to);
      if (at < 0) break;
      const lx = new PdfLexer(bytes, at + STARTXREF.length);
      try {
        return lx.readInteger();
      } catch {
        to = at + STARTXREF.length - 1;
      }
    }
    if (from <= 0) break;
  }
  return null;
}

function readTable(bytes: Uint8Array, offset: number, budget: WorkBudget): XrefSection {
  const lx = new PdfLexer(bytes, offset);
  lx.expectKeyword('xref');
  const entries = new Map<number, XrefEntry>();
  let firstSubsection = true;
  for (;;) {
    lx.skipWhitespaceAndComments();
    if (lx.tryKeyword('trailer')) break;
    let first = lx.readInteger();
    const count = lx.readInteger();
    if (count * 6 > bytes.length - lx.pos)
      throw new PdfSyntaxError('A cross-reference table is larger than the file.');
    budget.spend('xrefEntries', count);
    for (let i = 0; i < count; i++) {
      const off = lx.readInteger();
      const gen = lx.readInteger();
      const type = lx.readRegularToken();
      if (type !== 'n' && type !== 'f')
        throw new PdfSyntaxError(`Bad cross-reference entry near offset ${lx.pos}.`);
      // Some writers number the first subsection from 1 though it lists object 0 (free, 65535).
      if (firstSubsection && i === 0 && first === 1 && type === 'f' && gen === 65535) first = 0;
      const num = first + i;
      if (entries.has(num))
        throw new PdfSyntaxError(`Object ${num} appears twice in one cross-reference section.`);
      entries.set(num, type === 'f' ? FREE : { type: 'offset', offset: off, gen });
    }
    firstSubsection = false;
  }
  const trailer = lx.parseValue();
  if (trailer.kind !== 'dict') throw new PdfSyntaxError('The trailer is not a dictionary.');
  return {
    offset,
    requested: offset,
    kind: 'table',
    entries,
    trailer,
    ...closeSection(bytes, lx.pos),
  };
}

function readStreamSection(bytes: Uint8Array, offset: number, budget: WorkBudget): XrefSection {
  const obj = readIndirectObject(bytes, offset, bytes.length, budget);
  const dict = obj.stream?.dict;
  if (!dict || asName(dictGet(dict, 'Type')) !== 'XRef')
    throw new PdfSyntaxError(`No cross-reference data at offset ${offset}.`);
  const w = dictGet(dict, 'W');
  const widths = w?.kind === 'array' ? w.items.map(asInt) : [];
  if (widths.length !== 3 || widths.some((x) => x === undefined || x < 0 || x > 8))
    throw new PdfSyntaxError('Bad /W in a cross-reference stream.');
  const [w0, w1, w2] = widths as [number, number, number];
  const size = asInt(dictGet(dict, 'Size'));
  if (size === undefined || size < 0) throw new PdfSyntaxError('Bad /Size.');
  const idx = dictGet(dict, 'Index');
  const ranges: number[] = idx?.kind === 'array' ? idx.items.map((x) => asInt(x) ?? -1) : [0, size];
  if (ranges.length % 2 !== 0 || ranges.some((x) => x < 0)) throw new PdfSyntaxError('Bad /Index.');
  const rowLen = w0 + w1 + w2;
  let rows = 0;
  for (let r = 1; r < ranges.length; r += 2) rows += ranges[r]!;
  const { dataStart, dataEnd } = obj.stream!;
  const data = decodeFilters(
    bytes.subarray(dataStart, dataEnd),
    dict,
    budget,
    rows * rowLen + 1024,
  );
  if (rows * rowLen > data.length)
    throw new PdfSyntaxError('A cross-reference stream is shorter than its /Index says.');
  budget.spend('xrefEntries', rows);
  const field = (start: number, width: number): number => {
    let v = 0;
    for (let i = 0; i < width; i++) v = v * 256 + data[start + i]!;
    return v;
  };
  const entries = new Map<number, XrefEntry>();
  let row = 0;
  for (let r = 0; r < ranges.length; r += 2) {
    const first = ranges[r]!;
    const count = ranges[r + 1]!;
    for (let i = 0; i < count; i++, row++) {
      const base = row * rowLen;
      const type = w0 === 0 ? 1 : field(base, w0);
      const a = field(base + w0, w1);
      const b = field(base + w0 + w1, w2);
      const num = first + i;
      if (entries.has(num))
        throw new PdfSyntaxError(`Object ${num} appears twice in one cross-reference section.`);
      if (type === 0) entries.set(num, FREE);
      else if (type === 1) entries.set(num, { type: 'offset', offset: a, gen: b });
      else if (type === 2) entries.set(num, { type: 'compressed', stream: a, index: b });
      // Other types are reserved and mean "the null object".
    }
  }
  return {
    offset,
    requested: offset,
    kind: 'stream',
    entries,
    trailer: dict,
    ...closeSection(bytes, obj.end),
  };
}

/** The section at exactly `offset`: a table (`xref`) or a stream (`N G obj`). */
function readSectionAt(bytes: Uint8Array, offset: number, budget: WorkBudget): XrefSection {
  if (offset < 0 || offset >= bytes.length)
    throw new PdfSyntaxError('A cross-reference offset is out of range.');
  let p = offset;
  while (p < bytes.length && isWhite(bytes[p])) p++;
  if (matchAt(bytes, p, XREF)) return readTable(bytes, p, budget);
  return readStreamSection(bytes, p, budget);
}

/** True where a section could start: `xref` or an object header. */
function looksLikeSection(bytes: Uint8Array, at: number): boolean {
  if (!isDelimiterOrWhite(bytes[at - 1])) return false;
  if (matchAt(bytes, at, XREF) && isDelimiterOrWhite(bytes[at + 4])) return true;
  return isDigit(bytes[at]) && objectHeaderAt(bytes, at, Math.min(bytes.length, at + 64)) !== null;
}

/**
 * Reads the section a `startxref` or /Prev names. Writers that miscount by a few bytes are
 * common; the nearest place a section starts within a small window is used instead, and the
 * caller is told the offset was repaired.
 */
function locateSection(
  bytes: Uint8Array,
  offset: number,
  budget: WorkBudget,
): { section: XrefSection; repaired: boolean } {
  try {
    return { section: readSectionAt(bytes, offset, budget), repaired: false };
  } catch (err) {
    if (!(err instanceof PdfSyntaxError)) throw err;
    for (let d = 1; d <= REPAIR_WINDOW; d++) {
      for (const at of [offset - d, offset + d]) {
        if (at <= 0 || at >= bytes.length || !looksLikeSection(bytes, at)) continue;
        try {
          return { section: readSectionAt(bytes, at, budget), repaired: true };
        } catch (inner) {
          if (!(inner instanceof PdfSyntaxError)) throw inner;
        }
      }
    }
    throw err;
  }
}

/** The sections from the last `startxref` back through /Prev, newest first. */
export function readChain(
  bytes: Uint8Array,
  budget: WorkBudget,
): { sections: XrefSection[]; repaired: boolean } {
  const start = lastStartxref(bytes);
  if (start === null) throw new PdfSyntaxError('No "startxref" near the end of the file.');
  const sections: XrefSection[] = [];
  const seen = new Set<number>();
  let repaired = false;
  let offset: number | undefined = start;
  while (offset !== undefined) {
    if (seen.has(offset)) throw new PdfSyntaxError('The cross-reference chain loops.');
    seen.add(offset);
    budget.spend('sections');
    const found = locateSection(bytes, offset, budget);
    const section = found.section;
    section.requested = offset;
    repaired ||= found.repaired;
    const xrefStm = asInt(dictGet(section.trailer, 'XRefStm'));
    if (xrefStm !== undefined && section.kind === 'table') {
      budget.spend('sections');
      try {
        section.hybrid = readSectionAt(bytes, xrefStm, budget);
      } catch (err) {
        // A reader that ignores /XRefStm (a PDF 1.4 reader) still reads the table: so do we,
        // but objects only the stream lists will then be missing.
        if (!(err instanceof PdfSyntaxError)) throw err;
        repaired = true;
      }
    }
    sections.push(section);
    const prev = dictGet(section.trailer, 'Prev');
    if (prev !== undefined && asInt(prev) === undefined)
      throw new PdfSyntaxError('Bad /Prev in a trailer.');
    offset = asInt(prev);
  }
  return { sections, repaired };
}

/**
 * Rebuilds cross-reference data by scanning the file for "N G obj" (later definitions win) and
 * for the last trailer or cross-reference stream that names a /Root.
 */
export function rebuildByScan(bytes: Uint8Array, budget: WorkBudget): XrefSection {
  const entries = new Map<number, XrefEntry>();
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length);
  let rootDict: PdfDict | null = null;
  let catalogNum: number | null = null;
  const objStms: number[] = [];
  for (let at = buf.indexOf(OBJ, 0); at >= 0; at = buf.indexOf(OBJ, at + 3)) {
    if (!isDelimiterOrWhite(bytes[at + 3])) continue;
    // Walk back over "num gen " before "obj".
    let p = at - 1;
    if (!isWhite(bytes[p])) continue;
    while (p > 0 && isWhite(bytes[p])) p--;
    const genEnd = p + 1;
    while (p >= 0 && isDigit(bytes[p])) p--;
    if (genEnd - p - 1 < 1 || genEnd - p - 1 > 5 || !isWhite(bytes[p])) continue;
    while (p > 0 && isWhite(bytes[p])) p--;
    const numEnd = p + 1;
    while (p >= 0 && isDigit(bytes[p])) p--;
    const numStart = p + 1;
    if (numEnd - numStart < 1 || numEnd - numStart > 10 || !isDelimiterOrWhite(bytes[p])) continue;
    const header = objectHeaderAt(bytes, numStart, at + 3);
    if (!header) continue;
    budget.spend('xrefEntries');
    entries.set(header.num, { type: 'offset', offset: numStart, gen: header.gen });
    // Only objects that may matter to the structure are parsed during the scan.
    const peek = buf.toString('latin1', at + 3, Math.min(bytes.length, at + 3 + 256));
    if (/\/Type\s*\/(XRef|ObjStm|Catalog)\b/.test(peek)) {
      try {
        const obj = readIndirectObject(bytes, numStart, bytes.length, budget);
        const type = asName(dictGet(obj.value, 'Type'));
        if (type === 'XRef' && dictGet(obj.value, 'Root') && obj.value.kind === 'dict')
          rootDict = obj.value;
        else if (type === 'ObjStm') objStms.push(header.num);
        else if (type === 'Catalog') catalogNum = header.num;
      } catch (err) {
        if (!(err instanceof PdfSyntaxError)) throw err;
      }
    }
  }
  for (let at = lastIndexOf(bytes, TRAILER, 0, bytes.length); at >= 0 && !rootDict;) {
    try {
      const v = new PdfLexer(bytes, at + TRAILER.length).parseValue();
      if (v.kind === 'dict' && dictGet(v, 'Root')) rootDict = v;
    } catch (err) {
      if (!(err instanceof PdfSyntaxError)) throw err;
    }
    at = lastIndexOf(bytes, TRAILER, 0, at);
  }
  if (!rootDict && catalogNum !== null) {
    rootDict = {
      kind: 'dict',
      entries: new Map([['Root', { kind: 'ref', num: catalogNum, gen: 0 }]]),
      spans: new Map(),
    };
  }
  if (!rootDict) throw new PdfSyntaxError('No document catalog could be found in the file.');
  // Objects inside object streams, where no direct definition exists.
  for (const stm of objStms) {
    const entry = entries.get(stm);
    if (entry?.type !== 'offset') continue;
    try {
      const obj = readIndirectObject(bytes, entry.offset, bytes.length, budget);
      const n = asInt(dictGet(obj.value, 'N')) ?? 0;
      const first = asInt(dictGet(obj.value, 'First')) ?? 0;
      if (!obj.stream || n < 0 || first < 0) continue;
      const data = decodeFilters(
        bytes.subarray(obj.stream.dataStart, obj.stream.dataEnd),
        obj.stream.dict,
        budget,
        first + 1,
      ).subarray(0, first);
      const lx = new PdfLexer(data);
      for (let i = 0; i < n; i++) {
        const num = lx.readInteger();
        lx.readInteger();
        budget.spend('xrefEntries');
        if (!entries.has(num)) entries.set(num, { type: 'compressed', stream: stm, index: i });
      }
    } catch (err) {
      if (!(err instanceof PdfSyntaxError)) throw err;
    }
  }
  return {
    offset: 0,
    requested: -1,
    kind: 'table',
    entries,
    trailer: rootDict,
    end: bytes.length,
    closed: true,
  };
}

function mergeEntries(sections: readonly XrefSection[]): Map<number, XrefEntry> {
  if (sections.length === 1 && !sections[0]!.hybrid) return sections[0]!.entries;
  const out = new Map<number, XrefEntry>();
  for (const s of sections) {
    // In a hybrid section the table's own entries win over its stream's.
    if (s.hybrid) for (const [n, e] of s.hybrid.entries) out.set(n, e);
    for (const [n, e] of s.entries) out.set(n, e);
  }
  return out;
}

/**
 * Groups the chain (newest first) into revisions, oldest first. A section that lies before the
 * end of the revision read just before it belongs to that revision: that is a linearized
 * file's first-page section, or a forged one, which then leaves a signature not ending on a
 * revision of its own.
 */
export function groupRevisions(chain: readonly XrefSection[]): Revision[] {
  const groups: XrefSection[][] = [];
  let end = -1;
  for (const s of [...chain].reverse()) {
    const last = groups[groups.length - 1];
    if (last && s.offset < end) last.push(s);
    else groups.push([s]);
    end = Math.max(end, s.end);
  }
  return groups.map((sections, index) => {
    const newest = sections[sections.length - 1]!;
    const endSection = sections.reduce((a, b) => (b.end > a.end ? b : a));
    return {
      index,
      sections,
      end: endSection.end,
      closed: endSection.closed,
      startxref: newest.offset,
      trailer: newest.trailer,
      defined: mergeEntries(sections),
    };
  });
}

/** Which entry each object number has in each revision, in O(log revisions) per lookup. */
export class XrefIndex {
  private readonly history: Map<number, number[]> | null = null;

  constructor(readonly revisions: readonly Revision[]) {
    if (revisions.length > 1) {
      this.history = new Map();
      for (const r of revisions)
        for (const num of r.defined.keys()) {
          const list = this.history.get(num);
          if (list) list.push(r.index);
          else this.history.set(num, [r.index]);
        }
    }
  }

  entry(num: number, rev: number): XrefEntry | undefined {
    if (!this.history) return rev >= 0 ? this.revisions[0]?.defined.get(num) : undefined;
    const list = this.history.get(num);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    let found = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      if (list[mid]! <= rev) {
        found = list[mid]!;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    return found < 0 ? undefined : this.revisions[found]!.defined.get(num);
  }

  /** Every object number defined in revisions up to `rev`, with its entry there. */
  entriesAt(rev: number): Map<number, XrefEntry> {
    const out = new Map<number, XrefEntry>();
    for (let r = 0; r <= rev && r < this.revisions.length; r++)
      for (const [n, e] of this.revisions[r]!.defined) out.set(n, e);
    return out;
  }
}
