// Character sets the report tests write names with.

/**
 * Every character GB2312 encodes: its 682 symbols (rows 1-9: full-width forms, Greek,
 * Cyrillic, pinyin, box drawing...) and its 6,763 hanzi (rows 16-87). Decoding each two-byte
 * code with the GB18030 decoder (a superset) yields the Unicode code point.
 */
export function gb2312CodePoints(): number[] {
  const decoder = new TextDecoder('gb18030', { fatal: true });
  const out: number[] = [];
  for (let lead = 0xa1; lead <= 0xf7; lead++) {
    for (let trail = 0xa1; trail <= 0xfe; trail++) {
      // Rows 10-15 and the tail of row 87 are unassigned in GB2312; GB18030 maps them to the
      // Private Use Area, which no font covers and no report needs.
      let text: string;
      try {
        text = decoder.decode(new Uint8Array([lead, trail]));
      } catch {
        continue;
      }
      const cp = text.codePointAt(0);
      if (cp === undefined || (cp >= 0xe000 && cp <= 0xf8ff)) continue;
      out.push(cp);
    }
  }
  return out;
}

/** Every code point from `from` to `to`, inclusive. */
export function codePointRange(from: number, to: number): number[] {
  const out: number[] = [];
  for (let cp = from; cp <= to; cp++) out.push(cp);
  return out;
}
