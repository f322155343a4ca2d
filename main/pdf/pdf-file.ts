import { WorkBudget } from './budget.ts';
import { readIndirectObject, type PdfObject } from './object-reader.ts';
import {
  asInt,
  asName,
  asRef,
  dictGet,
  PdfLexer,
  PdfSyntaxError,
  type PdfDict,
  type PdfRef,
  type PdfValue,
} from './pdf-syntax.ts';
import { decodeFilters } from './stream-filters.ts';
import {
  groupRevisions,
  readChain,
  rebuildByScan,
  XrefIndex,
  type Revision,
  type XrefEntry,
} from './xref.ts';

// A PDF file as a list of revisions (the original and each incremental update), each readable
// as the document stood at its end: what a signature covers, and what the verifier compares.
// Objects are parsed on demand, at most once per offset, with every parse and every decoded
// byte spent from one budget for the whole file.

export type { PdfObject } from './object-reader.ts';
export type { XrefEntry, Revision } from './xref.ts';

/** Largest decoded stream we accept unless a caller asks for less. */
export const MAX_DECODED_STREAM = 256 * 1024 * 1024;
const MAX_OBJSTM_OBJECTS = 100_000;
/** Parsed objects kept; past this the cache starts over (memory stays bounded, work is budgeted). */
const CACHE_LIMIT = 50_000;

/** Why the file was read in a way a strict reader would not have. */
export type ReadWarning = 'xref_repaired' | 'xref_rebuilt';

const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0));

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

export function hasPdfHeader(bytes: Uint8Array): boolean {
  return indexOfBytes(bytes, ascii('%PDF-'), 0, Math.min(bytes.length, 1024)) >= 0;
}

type ObjStm = { data: Uint8Array; offsets: Map<number, number>; first: number };

export class PdfDocument {
  readonly revisions: readonly Revision[];
  readonly index: XrefIndex;
  readonly warnings: ReadWarning[] = [];
  private readonly parsed = new Map<number, PdfObject>();
  private readonly objStms = new Map<number, ObjStm>();
  private readonly views: RevisionView[] = [];

  constructor(
    readonly bytes: Uint8Array,
    readonly budget: WorkBudget = new WorkBudget(),
  ) {
    let revisions: Revision[];
    try {
      const chain = readChain(bytes, budget);
      if (chain.repaired) this.warnings.push('xref_repaired');
      revisions = groupRevisions(chain.sections);
      this.revisions = revisions;
      this.index = new XrefIndex(revisions);
      void this.view(revisions.length - 1).catalog;
    } catch (err) {
      if (!(err instanceof PdfSyntaxError)) throw err;
      // As qpdf and pdf.js do: find the objects by scanning the file.
      this.warnings.length = 0;
      this.warnings.push('xref_rebuilt');
      this.views.length = 0;
      this.parsed.clear();
      this.objStms.clear();
      revisions = groupRevisions([rebuildByScan(bytes, budget)]);
      this.revisions = revisions;
      this.index = new XrefIndex(revisions);
      void this.view(0).catalog;
    }
  }

  get recovered(): boolean {
    return this.warnings.includes('xref_rebuilt');
  }

  get last(): RevisionView {
    return this.view(this.revisions.length - 1);
  }

  view(rev: number): RevisionView {
    let v = this.views[rev];
    if (!v) {
      if (rev < 0 || rev >= this.revisions.length)
        throw new PdfSyntaxError(`There is no revision ${rev + 1}.`);
      v = new RevisionView(this, rev);
      this.views[rev] = v;
    }
    return v;
  }

  /** An indirect object at a file offset, read no further than `limit`. */
  readAt(offset: number, num: number, limit: number, view: RevisionView): PdfObject {
    const cached = this.parsed.get(offset);
    if (cached && cached.end <= limit && cached.num === num) return cached;
    const obj = readIndirectObject(this.bytes, offset, limit, this.budget, {
      expectNum: num,
      resolveLength: (ref) => (ref.num === num ? undefined : asInt(view.resolve(ref, 1))),
    });
    if (this.parsed.size >= CACHE_LIMIT) this.parsed.clear();
    this.parsed.set(offset, obj);
    return obj;
  }

  /** A stream's decoded data; `maxOutput` caps this stream, the budget caps the file. */
  decodeStream(obj: PdfObject, maxOutput = MAX_DECODED_STREAM): Uint8Array {
    if (!obj.stream) throw new PdfSyntaxError(`Object ${obj.num} is not a stream.`);
    const { dict, dataStart, dataEnd } = obj.stream;
    return decodeFilters(this.bytes.subarray(dataStart, dataEnd), dict, this.budget, maxOutput);
  }

  objectStream(host: PdfObject): ObjStm {
    let stm = this.objStms.get(host.offset);
    if (stm) return stm;
    if (!host.stream || asName(dictGet(host.value, 'Type')) !== 'ObjStm')
      throw new PdfSyntaxError(`Object ${host.num} is not an object stream.`);
    const n = asInt(dictGet(host.value, 'N'));
    const first = asInt(dictGet(host.value, 'First'));
    if (n === undefined || first === undefined || n < 0 || n > MAX_OBJSTM_OBJECTS || first < 0)
      throw new PdfSyntaxError(`Bad object stream ${host.num}.`);
    const data = this.decodeStream(host);
    const lx = new PdfLexer(data, 0, Math.min(first, data.length));
    const offsets = new Map<number, number>();
    for (let i = 0; i < n; i++) {
      const objNum = lx.readInteger();
      const rel = lx.readInteger();
      if (!offsets.has(objNum)) offsets.set(objNum, rel);
    }
    stm = { data, offsets, first };
    this.objStms.set(host.offset, stm);
    return stm;
  }
}

/** The document as it stood at the end of one revision. */
export class RevisionView {
  readonly bytes: Uint8Array;
  private readonly cache = new Map<number, PdfObject | null>();
  private entriesCache: Map<number, XrefEntry> | undefined;

  constructor(
    readonly doc: PdfDocument,
    readonly revision: number,
  ) {
    this.bytes = doc.bytes;
  }

  get info(): Revision {
    return this.doc.revisions[this.revision]!;
  }

  /** Where this revision ends in the file (after its %%EOF). */
  get end(): number {
    return Math.min(this.info.end, this.bytes.length);
  }

  get trailer(): PdfDict {
    return this.info.trailer;
  }

  /** The offset this revision's `startxref` names. */
  get startXref(): number {
    return this.info.startxref;
  }

  entry(num: number): XrefEntry | undefined {
    return this.doc.index.entry(num, this.revision);
  }

  /** Every object number this revision knows, with its entry (built on demand). */
  get entries(): Map<number, XrefEntry> {
    this.entriesCache ??= this.doc.index.entriesAt(this.revision);
    return this.entriesCache;
  }

  /** The object an entry names in this revision, or null when it is free or missing. */
  getObject(num: number, depth = 0): PdfObject | null {
    if (this.cache.has(num)) return this.cache.get(num)!;
    const entry = this.entry(num);
    let obj: PdfObject | null = null;
    // Reads stop at the end of the revision, except in a rebuilt file (one revision: the file).
    const limit = this.doc.recovered ? this.bytes.length : this.end;
    if (entry?.type === 'offset') obj = this.doc.readAt(entry.offset, num, limit, this);
    else if (entry?.type === 'compressed') obj = this.readCompressed(num, entry.stream, depth);
    if (this.cache.size >= CACHE_LIMIT) this.cache.clear();
    this.cache.set(num, obj);
    return obj;
  }

  private readCompressed(num: number, streamNum: number, depth: number): PdfObject {
    if (depth > 2) throw new PdfSyntaxError('Object streams are nested.');
    const host = this.getObject(streamNum, depth + 1);
    if (!host || this.entry(streamNum)?.type !== 'offset')
      throw new PdfSyntaxError(`Object stream ${streamNum} is missing.`);
    const stm = this.doc.objectStream(host);
    const rel = stm.offsets.get(num);
    if (rel === undefined)
      throw new PdfSyntaxError(`Object ${num} is not in object stream ${streamNum}.`);
    this.doc.budget.spend('objects');
    const lx = new PdfLexer(stm.data, stm.first + rel);
    const value = lx.parseValue();
    return { num, gen: 0, value, offset: host.offset, end: host.end, inObjectStream: true };
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

  decodeStream(obj: PdfObject, maxOutput = MAX_DECODED_STREAM): Uint8Array {
    return this.doc.decodeStream(obj, maxOutput);
  }
}

/**
 * The file as a viewer shows it: its last revision. Kept for the countersignature writer and
 * the snapshot reader, which need no history.
 */
export class PdfState extends RevisionView {
  constructor(bytes: Uint8Array, budget?: WorkBudget) {
    const doc = new PdfDocument(bytes, budget);
    super(doc, doc.revisions.length - 1);
  }
}
