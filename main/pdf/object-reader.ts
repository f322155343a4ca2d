import type { WorkBudget } from './budget.ts';
import {
  asInt,
  asRef,
  dictGet,
  isWhite,
  PdfLexer,
  PdfSyntaxError,
  type PdfDict,
  type PdfRef,
  type PdfValue,
} from './pdf-syntax.ts';

// Reads one indirect object, "N G obj ... endobj", at a byte offset, never past a limit (the
// end of the revision being read). Tolerant where viewers are (a stream /Length that is wrong
// or indirect is found again by its "endstream"; a missing "endobj" is not fatal), strict where
// it matters to a signature (the object must be the one the cross-reference entry names, and
// every byte of it lies before the limit).

export type PdfObject = {
  num: number;
  gen: number;
  value: PdfValue;
  /** Offset of "N G obj" in the file (for compressed objects: of their object stream). */
  offset: number;
  /** Offset just past the object (its "endobj"); compressed objects: their stream's end. */
  end: number;
  /** Compressed objects' byte positions are inside a decoded stream, not the file. */
  inObjectStream?: boolean;
  stream?: { dict: PdfDict; dataStart: number; dataEnd: number };
};

const ENDSTREAM = Uint8Array.from('endstream', (c) => c.charCodeAt(0));

function findBytes(hay: Uint8Array, needle: Uint8Array, from: number, to: number): number {
  const last = Math.min(to, hay.length) - needle.length;
  const first = needle[0]!;
  for (let i = Math.max(0, from); i <= last; i++) {
    if (hay[i] !== first) continue;
    let j = 1;
    while (j < needle.length && hay[i + j] === needle[j]) j++;
    if (j === needle.length) return i;
  }
  return -1;
}

function endstreamAt(bytes: Uint8Array, at: number, limit: number): number {
  let p = at;
  while (p < limit && isWhite(bytes[p])) p++;
  for (let j = 0; j < ENDSTREAM.length; j++) if (bytes[p + j] !== ENDSTREAM[j]) return -1;
  return p + ENDSTREAM.length <= limit ? p : -1;
}

export function readIndirectObject(
  bytes: Uint8Array,
  offset: number,
  limit: number,
  budget: WorkBudget,
  options: { expectNum?: number; resolveLength?: (ref: PdfRef) => number | undefined } = {},
): PdfObject {
  if (offset < 0 || offset >= limit)
    throw new PdfSyntaxError(`Object offset ${offset} is out of range.`);
  budget.spend('objects');
  const lx = new PdfLexer(bytes, offset, limit);
  const num = lx.readInteger();
  const gen = lx.readInteger();
  lx.expectKeyword('obj');
  if (options.expectNum !== undefined && num !== options.expectNum)
    throw new PdfSyntaxError(
      `The cross-reference entry for object ${options.expectNum} points at object ${num}.`,
    );
  const value = lx.parseValue();
  if (value.kind === 'dict' && lx.tryKeyword('stream')) {
    let dataStart = lx.pos;
    if (bytes[dataStart] === 0x0d) dataStart++;
    if (bytes[dataStart] === 0x0a) dataStart++;
    const lengthValue = dictGet(value, 'Length');
    const lengthRef = asRef(lengthValue);
    let length = asInt(lengthValue);
    if (length === undefined && lengthRef && lengthRef.num !== num)
      length = options.resolveLength?.(lengthRef);
    let dataEnd = -1;
    let after = -1;
    if (length !== undefined && length >= 0 && dataStart + length <= limit) {
      const at = endstreamAt(bytes, dataStart + length, limit);
      if (at >= 0) {
        dataEnd = dataStart + length;
        after = at + ENDSTREAM.length;
      }
    }
    if (dataEnd < 0) {
      // The length is missing or wrong: the data runs to the next "endstream", as viewers read it.
      const at = findBytes(bytes, ENDSTREAM, dataStart, limit);
      if (at < 0) throw new PdfSyntaxError(`Object ${num} has no end of stream.`);
      dataEnd = at;
      if (bytes[dataEnd - 1] === 0x0a) dataEnd--;
      if (bytes[dataEnd - 1] === 0x0d) dataEnd--;
      dataEnd = Math.max(dataStart, dataEnd);
      after = at + ENDSTREAM.length;
    }
    const tail = new PdfLexer(bytes, after, limit);
    const end = tail.tryKeyword('endobj') ? tail.pos : after;
    return { num, gen, value, offset, end, stream: { dict: value, dataStart, dataEnd } };
  }
  lx.tryKeyword('endobj');
  return { num, gen, value, offset, end: lx.pos };
}

/** Reads "N G obj" at an offset without the body: for the recovery scan and startxref repair. */
export function objectHeaderAt(
  bytes: Uint8Array,
  offset: number,
  limit: number,
): { num: number; gen: number; bodyStart: number } | null {
  try {
    const lx = new PdfLexer(bytes, offset, limit);
    const num = lx.readInteger();
    const gen = lx.readInteger();
    lx.expectKeyword('obj');
    return { num, gen, bodyStart: lx.pos };
  } catch {
    return null;
  }
}
