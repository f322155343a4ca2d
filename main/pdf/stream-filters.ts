import { constants, inflateSync } from 'node:zlib';
import type { WorkBudget } from './budget.ts';
import {
  asInt,
  asName,
  dictGet,
  PdfSyntaxError,
  type PdfDict,
  type PdfValue,
} from './pdf-syntax.ts';

// The stream filters a verifier needs to read structure (cross-reference and object streams),
// attachments and metadata: FlateDecode with PNG and TIFF predictors, ASCIIHexDecode,
// ASCII85Decode and RunLengthDecode, chained up to four deep. Every byte produced is spent from
// the file's budget, so a zip bomb stops at the budget, not at the machine's memory. Image
// filters (DCT, JPX, CCITT, JBIG2) are never needed to check a signature and are refused.

const MAX_CHAIN = 4;

/** A stream decodes to more than the caller's cap for it (not the file's budget). */
export class StreamTooLarge extends PdfSyntaxError {
  constructor() {
    super('Stream inflates beyond the size limit.');
  }
}

function filterList(dict: PdfDict): { name: string; parms: PdfValue | undefined }[] {
  const filter = dictGet(dict, 'Filter');
  const parms = dictGet(dict, 'DecodeParms') ?? dictGet(dict, 'DP');
  if (filter === undefined || filter.kind === 'null') return [];
  const names = filter.kind === 'array' ? filter.items : [filter];
  if (names.length > MAX_CHAIN) throw new PdfSyntaxError('Too many stream filters in a chain.');
  return names.map((f, i) => {
    const name = asName(f);
    if (!name) throw new PdfSyntaxError('A stream filter is not a name.');
    return { name, parms: parms?.kind === 'array' ? parms.items[i] : parms };
  });
}

function inflate(data: Uint8Array, max: number): Uint8Array {
  try {
    // Z_SYNC_FLUSH reads what a truncated stream holds instead of failing, as viewers do.
    return inflateSync(data, {
      maxOutputLength: Math.max(1, max),
      finishFlush: constants.Z_SYNC_FLUSH,
    });
  } catch (err) {
    const code = (err as { code?: string }).code;
    if (code === 'ERR_BUFFER_TOO_LARGE') throw new TooLarge();
    throw new PdfSyntaxError('Stream data is corrupt.');
  }
}

class TooLarge extends Error {}

function asciiHex(data: Uint8Array): Uint8Array {
  const out = new Uint8Array(Math.ceil(data.length / 2));
  let n = 0;
  let high = -1;
  for (const c of data) {
    if (c === 0x3e) break;
    const v =
      c >= 0x30 && c <= 0x39
        ? c - 0x30
        : c >= 0x41 && c <= 0x46
          ? c - 0x37
          : c >= 0x61 && c <= 0x66
            ? c - 0x57
            : -1;
    if (v < 0) {
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09 || c === 0x0c || c === 0x00)
        continue;
      throw new PdfSyntaxError('Bad character in ASCIIHexDecode data.');
    }
    if (high < 0) high = v;
    else {
      out[n++] = high * 16 + v;
      high = -1;
    }
  }
  if (high >= 0) out[n++] = high * 16;
  return out.subarray(0, n);
}

function ascii85(data: Uint8Array, max: number): Uint8Array {
  const out = new Uint8Array(Math.min(max, Math.ceil((data.length * 4) / 5) + 4 * 64));
  let n = 0;
  const group: number[] = [];
  const flush = (count: number) => {
    let v = 0;
    for (let i = 0; i < 5; i++) v = v * 85 + (group[i] ?? 84);
    for (let i = 0; i < count - 1; i++) {
      if (n >= out.length) throw new TooLarge();
      out[n++] = (v >>> (24 - 8 * i)) & 0xff;
    }
    group.length = 0;
  };
  for (let i = 0; i < data.length; i++) {
    const c = data[i]!;
    if (c === 0x7e) break; // "~>"
    if (c <= 0x20) continue;
    if (c === 0x7a && group.length === 0) {
      for (let k = 0; k < 4; k++) {
        if (n >= out.length) throw new TooLarge();
        out[n++] = 0;
      }
      continue;
    }
    if (c < 0x21 || c > 0x75) throw new PdfSyntaxError('Bad character in ASCII85Decode data.');
    group.push(c - 0x21);
    if (group.length === 5) flush(5);
  }
  if (group.length > 0) flush(group.length);
  return out.subarray(0, n);
}

function runLength(data: Uint8Array, max: number): Uint8Array {
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let i = 0; i < data.length;) {
    const len = data[i++]!;
    if (len === 128) break;
    const chunk =
      len < 128 ? data.subarray(i, i + len + 1) : new Uint8Array(257 - len).fill(data[i] ?? 0);
    i += len < 128 ? len + 1 : 1;
    total += chunk.length;
    if (total > max) throw new TooLarge();
    chunks.push(chunk);
  }
  const out = new Uint8Array(total);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function unPredict(data: Uint8Array, parms: PdfValue | undefined): Uint8Array {
  const predictor = asInt(dictGet(parms, 'Predictor')) ?? 1;
  if (predictor === 1) return data;
  const columns = asInt(dictGet(parms, 'Columns')) ?? 1;
  const colors = asInt(dictGet(parms, 'Colors')) ?? 1;
  const bpc = asInt(dictGet(parms, 'BitsPerComponent')) ?? 8;
  if (
    columns < 1 ||
    columns > 1 << 20 ||
    colors < 1 ||
    colors > 32 ||
    ![1, 2, 4, 8, 16].includes(bpc)
  )
    throw new PdfSyntaxError('Unsupported predictor parameters.');
  const bpp = Math.max(1, Math.ceil((colors * bpc) / 8));
  const rowLen = Math.ceil((columns * colors * bpc) / 8);
  if (predictor === 2) {
    if (bpc !== 8) throw new PdfSyntaxError('Unsupported TIFF predictor parameters.');
    const out = data.slice();
    for (let r = 0; r * rowLen < out.length; r++)
      for (let i = bpp; i < rowLen && r * rowLen + i < out.length; i++)
        out[r * rowLen + i] = (out[r * rowLen + i]! + out[r * rowLen + i - bpp]!) & 0xff;
    return out;
  }
  if (predictor < 10 || predictor > 15)
    throw new PdfSyntaxError(`Predictor ${predictor} is not supported.`);
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
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
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
 * Decodes a stream's data through its filters. `maxOutput` caps this one stream (e.g. a small
 * cap for metadata); the budget caps all streams of the file together.
 */
export function decodeFilters(
  raw: Uint8Array,
  dict: PdfDict,
  budget: WorkBudget,
  maxOutput = Number.MAX_SAFE_INTEGER,
): Uint8Array {
  let data = raw;
  const filters = filterList(dict);
  if (filters.length === 0 && data.length > maxOutput) throw new StreamTooLarge();
  for (const { name, parms } of filters) {
    const max = Math.min(maxOutput, budget.remaining('decodedBytes'));
    try {
      data = applyFilter(name, parms, data, max + 1);
    } catch (err) {
      if (!(err instanceof TooLarge)) throw err;
      if (maxOutput <= budget.remaining('decodedBytes')) throw new StreamTooLarge();
      budget.spend('decodedBytes', max + 1); // past the file's budget: throws
      throw err;
    }
    if (data.length > maxOutput && maxOutput <= budget.remaining('decodedBytes'))
      throw new StreamTooLarge();
    budget.spend('decodedBytes', data.length);
  }
  return data;
}

function applyFilter(
  name: string,
  parms: PdfValue | undefined,
  data: Uint8Array,
  max: number,
): Uint8Array {
  switch (name) {
    case 'FlateDecode':
    case 'Fl':
      return unPredict(inflate(data, max), parms);
    case 'ASCIIHexDecode':
    case 'AHx':
      return asciiHex(data);
    case 'ASCII85Decode':
    case 'A85':
      return ascii85(data, max);
    case 'RunLengthDecode':
    case 'RL':
      return runLength(data, max);
    case 'Crypt':
      if ((asName(dictGet(parms, 'Name')) ?? 'Identity') !== 'Identity')
        throw new PdfSyntaxError('Encrypted streams are not supported.');
      return data;
    default:
      throw new PdfSyntaxError(`Stream filter ${name} is not supported.`);
  }
}
