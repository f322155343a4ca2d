// A tiny BER reader for the few places where exact bytes matter and a parser's object model is
// not enough: how long a BER value in a signature's /Contents is (definite or indefinite
// lengths), and re-encoding signed attributes as DER when a signer sent them in BER. Semantic
// parsing is pkijs's job; this only walks tag-length-value.

export class BerError extends Error {}

export type Tlv = {
  start: number;
  /** First content byte. */
  contentStart: number;
  /** One past the last content byte (for indefinite lengths: before the end-of-contents). */
  contentEnd: number;
  /** One past the whole value. */
  end: number;
  constructed: boolean;
  indefinite: boolean;
  /** The identifier octets. */
  tag: Uint8Array;
};

const MAX_DEPTH = 64;

export function readTlv(bytes: Uint8Array, at: number, limit = bytes.length, depth = 0): Tlv {
  if (depth > MAX_DEPTH) throw new BerError('ASN.1 nested too deeply.');
  let p = at;
  const first = bytes[p++];
  if (first === undefined || p > limit) throw new BerError('Truncated ASN.1.');
  const constructed = (first & 0x20) !== 0;
  if ((first & 0x1f) === 0x1f) {
    let n = 0;
    while ((bytes[p] ?? 0) & 0x80) {
      if (++n > 4 || p >= limit) throw new BerError('Bad ASN.1 tag.');
      p++;
    }
    p++;
  }
  const tag = bytes.subarray(at, p);
  const lenByte = bytes[p++];
  if (lenByte === undefined || p > limit) throw new BerError('Truncated ASN.1.');
  if (lenByte === 0x80) {
    if (!constructed) throw new BerError('Indefinite length on a primitive value.');
    let q = p;
    for (;;) {
      if (q + 2 > limit) throw new BerError('Unterminated indefinite-length value.');
      if (bytes[q] === 0 && bytes[q + 1] === 0)
        return {
          start: at,
          contentStart: p,
          contentEnd: q,
          end: q + 2,
          constructed,
          indefinite: true,
          tag,
        };
      q = readTlv(bytes, q, limit, depth + 1).end;
    }
  }
  let len = lenByte;
  if (lenByte & 0x80) {
    const n = lenByte & 0x7f;
    if (n > 4) throw new BerError('ASN.1 length too large.');
    len = 0;
    for (let i = 0; i < n; i++) len = len * 256 + (bytes[p++] ?? 0);
  }
  const end = p + len;
  if (end > limit) throw new BerError('Truncated ASN.1.');
  return { start: at, contentStart: p, contentEnd: end, end, constructed, indefinite: false, tag };
}

export function children(bytes: Uint8Array, t: Tlv, depth = 0): Tlv[] {
  const out: Tlv[] = [];
  for (let p = t.contentStart; p < t.contentEnd;) {
    const c = readTlv(bytes, p, t.contentEnd, depth + 1);
    out.push(c);
    p = c.end;
  }
  return out;
}

function lengthBytes(n: number): number[] {
  if (n < 0x80) return [n];
  const out: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) out.unshift(v & 0xff);
  return [0x80 | out.length, ...out];
}

function compare(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function encode(bytes: Uint8Array, t: Tlv, depth: number): Uint8Array {
  let content: Uint8Array;
  if (t.constructed) {
    const parts = children(bytes, t, depth).map((c) => encode(bytes, c, depth + 1));
    // DER orders the members of a SET OF by their encodings.
    if (t.tag.length === 1 && t.tag[0] === 0x31) parts.sort(compare);
    content = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let at = 0;
    for (const p of parts) {
      content.set(p, at);
      at += p.length;
    }
  } else content = bytes.subarray(t.contentStart, t.contentEnd);
  const head = [...t.tag, ...lengthBytes(content.length)];
  const out = new Uint8Array(head.length + content.length);
  out.set(head);
  out.set(content, head.length);
  return out;
}

/** Re-encodes one BER value as DER: definite lengths, SET OF members sorted. */
export function toDer(bytes: Uint8Array): Uint8Array {
  return encode(bytes, readTlv(bytes, 0), 0);
}
