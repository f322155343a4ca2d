// The characters the UI's web font keeps (see build-font-subset.ts and assets/fonts/README.md).

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let cp = from; cp <= to; cp++) out.push(cp);
  return out;
}

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

/** Characters the report draws itself (bullets, arrows, check marks) beyond the blocks. */
const REPORT_SYMBOLS = '•·–—‘’“”…→←↑↓≤≥±×÷°§№✓✔✗■□▲△▼▽●○◆◇★';

export function subsetCodePoints(): number[] {
  const set = new Set<number>([
    ...range(0x20, 0x7e), // ASCII
    ...range(0xa0, 0xff), // Latin-1 Supplement
    ...range(0x2000, 0x206f), // General Punctuation: dashes, quotes, bullet, ellipsis
    ...range(0x3000, 0x303f), // CJK Symbols and Punctuation: 、。「」【】〔〕
    ...range(0xff00, 0xffef), // Halfwidth and Fullwidth Forms: ，：；（）！？
    ...gb2312CodePoints(),
    ...[...REPORT_SYMBOLS].map((c) => c.codePointAt(0) ?? 0),
  ]);
  return [...set].sort((a, b) => a - b);
}
