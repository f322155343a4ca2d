// Base64 (RFC 4648, standard alphabet, padded) without Buffer or atob, so shared code runs
// the same in the renderer, main and the CLI. Decoding is strict (no whitespace, no missing
// padding, no bits under the padding, nothing outside the alphabet): a damaged or tampered
// file is refused, not half-read.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DECODE = new Int16Array(128).fill(-1);
for (let k = 0; k < ALPHABET.length; k++) DECODE[ALPHABET.charCodeAt(k)] = k;

export function bytesToBase64(bytes: Uint8Array): string {
  const parts: string[] = [];
  let chunk = '';
  const n = bytes.length;
  let i = 0;
  for (; i + 2 < n; i += 3) {
    const v = (bytes[i]! << 16) | (bytes[i + 1]! << 8) | bytes[i + 2]!;
    chunk +=
      ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]! + ALPHABET[(v >> 6) & 63]! + ALPHABET[v & 63]!;
    // Bounded pieces keep string building linear for multi-megabyte photos.
    if (chunk.length >= 65_536) {
      parts.push(chunk);
      chunk = '';
    }
  }
  if (i < n) {
    const rest = n - i;
    const v = (bytes[i]! << 16) | (rest === 2 ? bytes[i + 1]! << 8 : 0);
    chunk += ALPHABET[v >> 18]! + ALPHABET[(v >> 12) & 63]!;
    chunk += rest === 2 ? `${ALPHABET[(v >> 6) & 63]!}=` : '==';
  }
  parts.push(chunk);
  return parts.join('');
}

/** The bytes, or null when `text` is not canonical padded base64. */
export function decodeBase64(text: string): Uint8Array | null {
  const n = text.length;
  if (n % 4 !== 0) return null;
  let padding = 0;
  if (n > 0 && text.charCodeAt(n - 1) === 0x3d) padding++;
  if (n > 1 && text.charCodeAt(n - 2) === 0x3d) padding++;
  const out = new Uint8Array((n / 4) * 3 - padding);
  let o = 0;
  for (let i = 0; i < n; i += 4) {
    const last = i + 4 === n;
    const a = sextet(text, i);
    const b = sextet(text, i + 1);
    const c = last && padding === 2 ? 0 : sextet(text, i + 2);
    const d = last && padding >= 1 ? 0 : sextet(text, i + 3);
    if (a < 0 || b < 0 || c < 0 || d < 0) return null;
    const v = (a << 18) | (b << 12) | (c << 6) | d;
    out[o++] = v >> 16;
    if (o < out.length) out[o++] = (v >> 8) & 255;
    if (o < out.length) out[o++] = v & 255;
    // Non-zero bits under the padding mean a non-canonical (or tampered) encoding.
    if (last && ((padding === 1 && (v & 0xff) !== 0) || (padding === 2 && (v & 0xffff) !== 0))) {
      return null;
    }
  }
  return out;
}

function sextet(text: string, at: number): number {
  const c = text.charCodeAt(at);
  return c < 128 ? DECODE[c]! : -1;
}

/** Like decodeBase64, for callers that want an exception rather than null. */
export function base64ToBytes(text: string): Uint8Array {
  const bytes = decodeBase64(text);
  if (!bytes) throw new Error('The base64 text is damaged (not canonical padded base64).');
  return bytes;
}
