// Line breaking for mixed Chinese and Latin text. jsPDF's splitTextToSize breaks only at
// spaces, so a Chinese sentence (no spaces) overflows or is chopped at random. Here a line may
// break between any two hanzi or at a space; Latin words stay whole unless longer than a line;
// and the usual Chinese rules apply: closing punctuation never starts a line, opening
// punctuation never ends one.

/** Width of a string, in the same unit as the maximum line width. */
export type Measure = (text: string) => number;

const NO_LINE_START = new Set([...'，。、；：？！）」』】〕〉》’”…—·%‰,.;:?!)]}・～']);
const NO_LINE_END = new Set([...'（「『【〔〈《‘“([{']);

function isCjk(cp: number): boolean {
  return (
    (cp >= 0x2e80 && cp <= 0x9fff) ||
    (cp >= 0xf900 && cp <= 0xfaff) ||
    (cp >= 0xfe30 && cp <= 0xfe4f) ||
    (cp >= 0xff00 && cp <= 0xffef) ||
    cp >= 0x20000
  );
}

type Segment = { text: string; space: boolean };

/**
 * Words, single hanzi and spaces, with punctuation glued to its neighbour. Walked by code unit
 * and cut with slices: it runs for every cell and line of a report, and building it from
 * one-character strings was a fifth of the layout's garbage.
 */
function segments(paragraph: string): Segment[] {
  const out: Segment[] = [];
  const push = (text: string) => {
    const prev = out[out.length - 1];
    // The rules' characters are all in the BMP: the first and last code unit decide.
    if (
      prev &&
      !prev.space &&
      (NO_LINE_START.has(text.charAt(0)) || NO_LINE_END.has(prev.text.charAt(prev.text.length - 1)))
    ) {
      prev.text += text;
    } else {
      out.push({ text, space: false });
    }
  };
  let wordStart = -1;
  const flush = (end: number) => {
    if (wordStart >= 0) push(paragraph.slice(wordStart, end));
    wordStart = -1;
  };
  for (let i = 0; i < paragraph.length; i++) {
    const code = paragraph.charCodeAt(i);
    if (code === 0x20 || code === 0x09) {
      flush(i);
      if (!out[out.length - 1]?.space) out.push({ text: ' ', space: true });
      continue;
    }
    let cp = code;
    let units = 1;
    if (code >= 0xd800 && code <= 0xdbff && i + 1 < paragraph.length) {
      const low = paragraph.charCodeAt(i + 1);
      if (low >= 0xdc00 && low <= 0xdfff) {
        cp = ((code - 0xd800) << 10) + (low - 0xdc00) + 0x10000;
        units = 2;
      }
    }
    if (isCjk(cp)) {
      flush(i);
      push(paragraph.slice(i, i + units));
    } else if (wordStart < 0) {
      wordStart = i;
    }
    i += units - 1;
  }
  flush(paragraph.length);
  return out;
}

const LETTER = /\p{L}/u;
/** U+2010 HYPHEN marks a break inside a word: unlike "-", it is never part of the text. */
export const BREAK_HYPHEN = '\u2010';

/**
 * Breaks a segment wider than a line into pieces that fit, character by character; a break
 * between two letters gets a hyphen, so a word cut in a narrow column reads as one
 * ("Decommission-" / "ing"), never as two.
 */
function breakByCharacter(text: string, maxWidth: number, measure: Measure): string[] {
  const pieces: string[] = [];
  let piece = '';
  const chars = [...text];
  chars.forEach((ch, i) => {
    const last = piece.slice(-1);
    const hyphenate = LETTER.test(last) && LETTER.test(ch);
    if (
      piece &&
      measure(piece + ch + (LETTER.test(chars[i + 1] ?? '') ? BREAK_HYPHEN : '')) > maxWidth
    ) {
      pieces.push(hyphenate ? piece + BREAK_HYPHEN : piece);
      piece = ch;
    } else {
      piece += ch;
    }
  });
  if (piece) pieces.push(piece);
  return pieces;
}

/**
 * The width of the widest part of `text` that no line break may split: a word, or a piece of
 * an identifier between the characters it may break after. A column at least this wide never
 * has to cut a word.
 */
export function widestUnbreakable(text: string, measure: Measure): number {
  let widest = 0;
  for (const paragraph of text.split(/\r\n?|\n/)) {
    for (const seg of segments(paragraph)) {
      if (seg.space) continue;
      for (const part of seg.text.split(/(?<=[-/_.:])(?=.)/))
        widest = Math.max(widest, measure(part));
    }
  }
  return widest;
}

/**
 * A word wider than the line ("XH-2026-0318-07", "HDD/SSD/USB/optical") breaks after a hyphen,
 * slash, dot, colon or underscore where it can, and between characters only where it must.
 */
function breakLong(text: string, maxWidth: number, measure: Measure): string[] {
  const parts = text.split(/(?<=[-/_.:])(?=.)/);
  const pieces: string[] = [];
  let piece = '';
  for (const part of parts) {
    if (piece && measure(piece + part) <= maxWidth) {
      piece += part;
      continue;
    }
    if (piece) pieces.push(piece);
    if (measure(part) <= maxWidth) {
      piece = part;
    } else {
      const chars = breakByCharacter(part, maxWidth, measure);
      piece = chars.pop() ?? '';
      pieces.push(...chars);
    }
  }
  if (piece) pieces.push(piece);
  return pieces;
}

/** The lines `text` takes in a column `maxWidth` wide; explicit line breaks are kept. */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
  const lines: string[] = [];
  const spaceWidth = measure(' ');
  for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
    let line = '';
    let width = 0;
    let pendingSpace = false;
    for (const seg of segments(paragraph)) {
      if (seg.space) {
        pendingSpace = line !== '';
        continue;
      }
      const segWidth = measure(seg.text);
      const gap = pendingSpace ? spaceWidth : 0;
      if (line && width + gap + segWidth <= maxWidth) {
        line += (pendingSpace ? ' ' : '') + seg.text;
        width += gap + segWidth;
      } else {
        if (line) lines.push(line);
        if (segWidth <= maxWidth) {
          line = seg.text;
          width = segWidth;
        } else {
          const pieces = breakLong(seg.text, maxWidth, measure);
          const last = pieces.pop() ?? '';
          lines.push(...pieces);
          line = last;
          width = measure(last);
        }
      }
      pendingSpace = false;
    }
    lines.push(line);
  }
  return lines;
}

const ASCII_WORD = /[A-Za-z0-9]/;

/**
 * Noto Sans SC draws curly quotes full-width, as Chinese typesetting wants; between Latin
 * letters that opens a gap ("camera’ s"). In Latin context they become straight quotes; in
 * Chinese context they stay as they are.
 */
export function latinQuotes(text: string): string {
  if (!/[‘’“”]/.test(text)) return text;
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const ch = text.charAt(i);
    const prev = text.charAt(i - 1);
    const next = text.charAt(i + 1);
    if ((ch === '’' || ch === '‘') && (ASCII_WORD.test(prev) || ASCII_WORD.test(next))) out += "'";
    else if (ch === '“' && /[\x21-\x7e]/.test(next)) out += '"';
    else if (ch === '”' && /[\x21-\x7e]/.test(prev)) out += '"';
    else out += ch;
  }
  return out;
}
