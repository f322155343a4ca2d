// A small, strict reader and writer of PDF object syntax (ISO 32000-1 §7.2-7.3). The verifier,
// the snapshot extractor and the countersignature writer all read files through this one
// parser, so what we check is what we extract and what we append to. It is written for hostile
// input: every read is bounded, nesting is limited, and any surprise throws PdfSyntaxError
// (never a TypeError or an endless loop).

export class PdfSyntaxError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'PdfSyntaxError';
  }
}

export type PdfRef = { kind: 'ref'; num: number; gen: number };
export type PdfDict = {
  kind: 'dict';
  entries: Map<string, PdfValue>;
  /** Byte span of each entry's value in the file, so a signature's /Contents can be located. */
  spans: Map<string, { start: number; end: number }>;
};
export type PdfValue =
  | { kind: 'null' }
  | { kind: 'bool'; value: boolean }
  | { kind: 'number'; value: number; raw: string; integer: boolean }
  | { kind: 'name'; value: string }
  | { kind: 'string'; bytes: Uint8Array; hex: boolean }
  | { kind: 'array'; items: PdfValue[] }
  | PdfDict
  | PdfRef;

export const MAX_NESTING = 64;

const WS = new Set([0x00, 0x09, 0x0a, 0x0c, 0x0d, 0x20]);
const DELIM = new Set([0x28, 0x29, 0x3c, 0x3e, 0x5b, 0x5d, 0x7b, 0x7d, 0x2f, 0x25]);

export const isWhite = (b: number | undefined): boolean => b !== undefined && WS.has(b);
const isRegular = (b: number | undefined): boolean =>
  b !== undefined && !WS.has(b) && !DELIM.has(b);
const isDigit = (b: number | undefined): boolean => b !== undefined && b >= 0x30 && b <= 0x39;

function hexValue(b: number): number {
  if (b >= 0x30 && b <= 0x39) return b - 0x30;
  if (b >= 0x41 && b <= 0x46) return b - 0x37;
  if (b >= 0x61 && b <= 0x66) return b - 0x57;
  return -1;
}

const latin1 = (bytes: Uint8Array, start: number, end: number): string => {
  let s = '';
  for (let i = start; i < end; i++) s += String.fromCharCode(bytes[i]!);
  return s;
};

/** A cursor over the file's bytes that parses one token or value at a time. */
export class PdfLexer {
  pos: number;
  constructor(
    readonly bytes: Uint8Array,
    start = 0,
    /** Reads never go past this offset (e.g. the end of a signed revision). */
    readonly limit = bytes.length,
  ) {
    this.pos = start;
  }

  peekByte(): number | undefined {
    return this.pos < this.limit ? this.bytes[this.pos] : undefined;
  }

  skipWhitespaceAndComments(): void {
    while (this.pos < this.limit) {
      const b = this.bytes[this.pos]!;
      if (WS.has(b)) {
        this.pos++;
      } else if (b === 0x25) {
        while (
          this.pos < this.limit &&
          this.bytes[this.pos] !== 0x0a &&
          this.bytes[this.pos] !== 0x0d
        )
          this.pos++;
      } else {
        return;
      }
    }
  }

  /** Reads a bare keyword or number token (regular characters). */
  readRegularToken(): string {
    this.skipWhitespaceAndComments();
    const start = this.pos;
    while (this.pos < this.limit && isRegular(this.bytes[this.pos])) this.pos++;
    if (this.pos - start > 255) throw new PdfSyntaxError(`Token too long at offset ${start}.`);
    return latin1(this.bytes, start, this.pos);
  }

  expectKeyword(word: string): void {
    const at = this.pos;
    const token = this.readRegularToken();
    if (token !== word) throw new PdfSyntaxError(`Expected "${word}" at offset ${at}.`);
  }

  /** True (and consumed) when the next token is exactly `word`. */
  tryKeyword(word: string): boolean {
    const save = this.pos;
    this.skipWhitespaceAndComments();
    const token = this.readRegularToken();
    if (token === word) return true;
    this.pos = save;
    return false;
  }

  readInteger(): number {
    const at = this.pos;
    const token = this.readRegularToken();
    if (!/^\d{1,15}$/.test(token)) throw new PdfSyntaxError(`Expected an integer at offset ${at}.`);
    return Number(token);
  }

  parseValue(depth = 0): PdfValue {
    if (depth > MAX_NESTING) throw new PdfSyntaxError('Objects are nested too deeply.');
    this.skipWhitespaceAndComments();
    const start = this.pos;
    const b = this.peekByte();
    if (b === undefined) throw new PdfSyntaxError('Unexpected end of data.');
    if (b === 0x2f) return this.parseName();
    if (b === 0x28) return this.parseLiteralString();
    if (b === 0x3c) {
      if (this.bytes[this.pos + 1] === 0x3c && this.pos + 1 < this.limit)
        return this.parseDict(depth);
      return this.parseHexString();
    }
    if (b === 0x5b) {
      this.pos++;
      const items: PdfValue[] = [];
      for (;;) {
        this.skipWhitespaceAndComments();
        const c = this.peekByte();
        if (c === undefined) throw new PdfSyntaxError('Unterminated array.');
        if (c === 0x5d) {
          this.pos++;
          return { kind: 'array', items };
        }
        items.push(this.parseValue(depth + 1));
      }
    }
    const token = this.readRegularToken();
    if (token === '')
      throw new PdfSyntaxError(`Unexpected byte 0x${b.toString(16)} at offset ${start}.`);
    if (token === 'true' || token === 'false') return { kind: 'bool', value: token === 'true' };
    if (token === 'null') return { kind: 'null' };
    if (/^[+-]?(\d+\.?\d*|\.\d+)$/.test(token)) {
      const integer = /^[+-]?\d+$/.test(token);
      const value = Number(token);
      if (!Number.isFinite(value)) throw new PdfSyntaxError(`Bad number at offset ${start}.`);
      // "N G R" is an indirect reference; look ahead without committing.
      if (integer && value >= 0 && /^\d+$/.test(token)) {
        const save = this.pos;
        this.skipWhitespaceAndComments();
        if (isDigit(this.peekByte())) {
          const genToken = this.readRegularToken();
          if (/^\d{1,5}$/.test(genToken)) {
            this.skipWhitespaceAndComments();
            const r = this.readRegularToken();
            if (r === 'R') return { kind: 'ref', num: value, gen: Number(genToken) };
          }
        }
        this.pos = save;
      }
      return { kind: 'number', value, raw: token, integer };
    }
    throw new PdfSyntaxError(`Unexpected token "${token.slice(0, 20)}" at offset ${start}.`);
  }

  private parseName(): PdfValue {
    this.pos++; // '/'
    let out = '';
    const start = this.pos;
    while (this.pos < this.limit && isRegular(this.bytes[this.pos])) {
      const c = this.bytes[this.pos]!;
      if (c === 0x23) {
        const h = hexValue(this.bytes[this.pos + 1] ?? 0);
        const l = hexValue(this.bytes[this.pos + 2] ?? 0);
        if (h < 0 || l < 0)
          throw new PdfSyntaxError(`Bad #-escape in a name at offset ${this.pos}.`);
        out += String.fromCharCode(h * 16 + l);
        this.pos += 3;
      } else {
        out += String.fromCharCode(c);
        this.pos++;
      }
      if (this.pos - start > 127 * 3) throw new PdfSyntaxError('Name too long.');
    }
    return { kind: 'name', value: out };
  }

  private parseLiteralString(): PdfValue {
    this.pos++; // '('
    const out: number[] = [];
    let nesting = 1;
    while (this.pos < this.limit) {
      const c = this.bytes[this.pos++]!;
      if (c === 0x5c) {
        const e = this.bytes[this.pos++];
        if (e === undefined || this.pos > this.limit) break;
        const simple: Record<number, number> = {
          0x6e: 0x0a,
          0x72: 0x0d,
          0x74: 0x09,
          0x62: 0x08,
          0x66: 0x0c,
          0x28: 0x28,
          0x29: 0x29,
          0x5c: 0x5c,
        };
        if (simple[e] !== undefined) out.push(simple[e]);
        else if (e >= 0x30 && e <= 0x37) {
          let v = e - 0x30;
          for (let k = 0; k < 2 && this.pos < this.limit; k++) {
            const d = this.bytes[this.pos]!;
            if (d < 0x30 || d > 0x37) break;
            v = v * 8 + (d - 0x30);
            this.pos++;
          }
          out.push(v & 0xff);
        } else if (e === 0x0d) {
          if (this.bytes[this.pos] === 0x0a) this.pos++;
        } else if (e !== 0x0a) out.push(e);
      } else if (c === 0x28) {
        nesting++;
        out.push(c);
      } else if (c === 0x29) {
        nesting--;
        if (nesting === 0) return { kind: 'string', bytes: Uint8Array.from(out), hex: false };
        out.push(c);
      } else out.push(c);
    }
    throw new PdfSyntaxError('Unterminated string.');
  }

  private parseHexString(): PdfValue {
    this.pos++; // '<'
    const start = this.pos;
    let end = start;
    while (end < this.limit && this.bytes[end] !== 0x3e) end++;
    if (end >= this.limit) throw new PdfSyntaxError('Unterminated hex string.');
    const out = new Uint8Array(Math.ceil((end - start) / 2));
    let n = 0;
    let high = -1;
    for (let i = start; i < end; i++) {
      const c = this.bytes[i]!;
      if (WS.has(c)) continue;
      const v = hexValue(c);
      if (v < 0) throw new PdfSyntaxError(`Bad character in a hex string at offset ${i}.`);
      if (high < 0) high = v;
      else {
        out[n++] = high * 16 + v;
        high = -1;
      }
    }
    if (high >= 0) out[n++] = high * 16;
    this.pos = end + 1;
    return { kind: 'string', bytes: out.slice(0, n), hex: true };
  }

  private parseDict(depth: number): PdfDict {
    this.pos += 2;
    const entries = new Map<string, PdfValue>();
    const spans = new Map<string, { start: number; end: number }>();
    for (;;) {
      this.skipWhitespaceAndComments();
      const c = this.peekByte();
      if (c === undefined) throw new PdfSyntaxError('Unterminated dictionary.');
      if (c === 0x3e) {
        if (this.bytes[this.pos + 1] !== 0x3e)
          throw new PdfSyntaxError(`Bad dictionary end at offset ${this.pos}.`);
        this.pos += 2;
        return { kind: 'dict', entries, spans };
      }
      if (c !== 0x2f) throw new PdfSyntaxError(`Expected a name key at offset ${this.pos}.`);
      const key = this.parseName() as { kind: 'name'; value: string };
      this.skipWhitespaceAndComments();
      const valueStart = this.pos;
      const value = this.parseValue(depth + 1);
      // A repeated key makes the dictionary ambiguous: readers disagree on which one wins.
      if (entries.has(key.value))
        throw new PdfSyntaxError(`Duplicate key /${key.value} in a dictionary.`);
      entries.set(key.value, value);
      spans.set(key.value, { start: valueStart, end: this.pos });
    }
  }
}

// ---- Convenience accessors (all return undefined instead of throwing on a wrong type) ----

export const dictGet = (d: PdfValue | undefined, key: string): PdfValue | undefined =>
  d?.kind === 'dict' ? d.entries.get(key) : undefined;

export const asName = (v: PdfValue | undefined): string | undefined =>
  v?.kind === 'name' ? v.value : undefined;

export const asInt = (v: PdfValue | undefined): number | undefined =>
  v?.kind === 'number' && v.integer ? v.value : undefined;

export const asRef = (v: PdfValue | undefined): PdfRef | undefined =>
  v?.kind === 'ref' ? v : undefined;

/** A PDF text string: UTF-16BE or UTF-8 with a BOM, otherwise PDFDocEncoding (≈ Latin-1). */
export function decodeTextString(v: PdfValue | undefined): string | undefined {
  if (v?.kind !== 'string') return undefined;
  const b = v.bytes;
  if (b[0] === 0xfe && b[1] === 0xff) return new TextDecoder('utf-16be').decode(b.subarray(2));
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf)
    return new TextDecoder().decode(b.subarray(3));
  return latin1(b, 0, b.length);
}

// ---- Writing ----

const NAME_PLAIN = /^[!-~]$/;
function writeName(name: string): string {
  let out = '/';
  for (const ch of name) {
    const code = ch.charCodeAt(0);
    const needsEscape = code > 0x7e || !NAME_PLAIN.test(ch) || ch === '#' || DELIM.has(code);
    out += needsEscape ? `#${code.toString(16).padStart(2, '0')}` : ch;
  }
  return out;
}

const toHex = (bytes: Uint8Array): string => {
  let s = '';
  for (const b of bytes) s += b.toString(16).padStart(2, '0');
  return s;
};

const isPlainAscii = (bytes: Uint8Array): boolean =>
  bytes.every((b) => b >= 0x20 && b <= 0x7e && b !== 0x28 && b !== 0x29 && b !== 0x5c);

/** Serialises a value. Strings that would need escaping are written as hex instead. */
export function serialize(v: PdfValue): string {
  switch (v.kind) {
    case 'null':
      return 'null';
    case 'bool':
      return v.value ? 'true' : 'false';
    case 'number':
      return v.raw;
    case 'name':
      return writeName(v.value);
    case 'string':
      return isPlainAscii(v.bytes) && !v.hex
        ? `(${latin1(v.bytes, 0, v.bytes.length)})`
        : `<${toHex(v.bytes)}>`;
    case 'array':
      return `[${v.items.map(serialize).join(' ')}]`;
    case 'ref':
      return `${v.num} ${v.gen} R`;
    case 'dict': {
      const parts = [...v.entries].map(([k, val]) => `${writeName(k)} ${serialize(val)}`);
      return `<<${parts.join(' ')}>>`;
    }
  }
}

// ---- Building values ----

export const pdfName = (value: string): PdfValue => ({ kind: 'name', value });
export const pdfInt = (value: number): PdfValue => ({
  kind: 'number',
  value,
  raw: String(Math.trunc(value)),
  integer: true,
});
export const pdfRef = (num: number, gen = 0): PdfRef => ({ kind: 'ref', num, gen });
export const pdfArray = (items: PdfValue[]): PdfValue => ({ kind: 'array', items });
export function pdfDict(entries: Record<string, PdfValue>): PdfDict {
  return { kind: 'dict', entries: new Map(Object.entries(entries)), spans: new Map() };
}
/** A text string: plain ASCII stays readable, anything else becomes UTF-16BE with a BOM. */
export function pdfText(text: string): PdfValue {
  if (/^[\x20-\x7e]*$/.test(text)) {
    return { kind: 'string', bytes: new TextEncoder().encode(text), hex: false };
  }
  const out = new Uint8Array(2 + text.length * 2);
  out[0] = 0xfe;
  out[1] = 0xff;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out[2 + i * 2] = c >> 8;
    out[3 + i * 2] = c & 0xff;
  }
  return { kind: 'string', bytes: out, hex: true };
}

/** Structural equality; references compare by number, never by what they point at. */
export function pdfEqual(a: PdfValue, b: PdfValue, depth = 0): boolean {
  if (depth > MAX_NESTING) return false;
  if (a.kind !== b.kind) return false;
  switch (a.kind) {
    case 'null':
      return true;
    case 'bool':
      return a.value === (b as typeof a).value;
    case 'number':
      return a.value === (b as typeof a).value;
    case 'name':
      return a.value === (b as typeof a).value;
    case 'ref':
      return a.num === (b as PdfRef).num && a.gen === (b as PdfRef).gen;
    case 'string': {
      const o = (b as typeof a).bytes;
      return a.bytes.length === o.length && a.bytes.every((x, i) => x === o[i]);
    }
    case 'array': {
      const o = (b as typeof a).items;
      return a.items.length === o.length && a.items.every((x, i) => pdfEqual(x, o[i]!, depth + 1));
    }
    case 'dict': {
      const o = (b as PdfDict).entries;
      if (a.entries.size !== o.size) return false;
      for (const [k, v] of a.entries) {
        const w = o.get(k);
        if (!w || !pdfEqual(v, w, depth + 1)) return false;
      }
      return true;
    }
  }
}

export const latin1String = latin1;
