import { execFileSync } from 'node:child_process';

// Encoders the tests need to build fixtures the way other programs write them. Node can decode
// GB18030 but not encode it, so the encoder is the decoder run backwards over every two-byte
// code (GBK, which is what Chinese Excel writes); characters outside GBK are not needed.

let gbkTable: Map<string, [number, number]> | null = null;

function gbk(): Map<string, [number, number]> {
  if (gbkTable) return gbkTable;
  const table = new Map<string, [number, number]>();
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const pair = new Uint8Array(2);
  for (let lead = 0x81; lead <= 0xfe; lead++) {
    for (let trail = 0x40; trail <= 0xfe; trail++) {
      if (trail === 0x7f) continue;
      pair[0] = lead;
      pair[1] = trail;
      let ch: string;
      try {
        ch = decoder.decode(pair);
      } catch {
        continue;
      }
      if (ch.length === 1 && !table.has(ch)) table.set(ch, [lead, trail]);
    }
  }
  gbkTable = table;
  return table;
}

/** The GBK characters, for generators of Chinese text that GB18030 files can hold. */
export function gbkCharacters(): string[] {
  return [...gbk().keys()];
}

export function encodeGb18030(text: string): Uint8Array {
  const table = gbk();
  const out: number[] = [];
  for (const ch of text) {
    const code = ch.codePointAt(0)!;
    if (code < 0x80) {
      out.push(code);
      continue;
    }
    const bytes = table.get(ch);
    if (!bytes) throw new Error(`test encoder: ${JSON.stringify(ch)} is not a GBK character`);
    out.push(bytes[0], bytes[1]);
  }
  return Uint8Array.from(out);
}

/** The same through the system's iconv, when it exists, to check the encoder above. */
export function iconvGb18030(text: string): Uint8Array | null {
  try {
    return new Uint8Array(
      execFileSync('iconv', ['-f', 'UTF-8', '-t', 'GB18030'], { input: text, stdio: 'pipe' }),
    );
  } catch {
    return null;
  }
}

export const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);

export const utf8WithBom = (text: string): Uint8Array =>
  Uint8Array.from([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(text)]);

/** UTF-16LE with BOM, as Excel's "Unicode text" saves a sheet. */
export function utf16leWithBom(text: string): Uint8Array {
  const body = Buffer.from(text, 'utf16le');
  return Uint8Array.from([0xff, 0xfe, ...body]);
}

export function utf16beWithBom(text: string): Uint8Array {
  const le = Buffer.from(text, 'utf16le');
  const be = new Uint8Array(le.length);
  for (let i = 0; i + 1 < le.length; i += 2) {
    be[i] = le[i + 1]!;
    be[i + 1] = le[i]!;
  }
  return Uint8Array.from([0xfe, 0xff, ...be]);
}
