import { REPORT_CHARSET } from './report-charset.ts';

// Whether a report can show a character: the one check behind the import preview's and the
// device form's warnings, answered from the report fonts' character set (REPORT_CHARSET, made
// from the fonts themselves) so the renderer need not load them. A character no font has is
// still printed, as a visible substitute, and listed in the report's appendix.

/** Tabs and line breaks are layout, never drawn. */
const LAYOUT_CONTROLS = new Set([0x09, 0x0a, 0x0d]);
/** Code points that draw nothing (joiners, variation selectors...): never substituted. */
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;

export function isInvisible(cp: number): boolean {
  return LAYOUT_CONTROLS.has(cp) || INVISIBLE.test(String.fromCodePoint(cp));
}

function inCharset(cp: number): boolean {
  let lo = 0;
  let hi = REPORT_CHARSET.length / 2 - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const first = REPORT_CHARSET[2 * mid] ?? 0;
    const last = REPORT_CHARSET[2 * mid + 1] ?? 0;
    if (cp < first) hi = mid - 1;
    else if (cp > last) lo = mid + 1;
    else return true;
  }
  return false;
}

/** True when a report draws `cp` with a real glyph (or it is layout and draws nothing). */
export function reportShows(cp: number): boolean {
  return inCharset(cp) || isInvisible(cp);
}

/** The distinct characters of `text` that a report prints as a substitute, in order. */
export function charactersReportsCannotShow(text: string): string[] {
  const out = new Set<string>();
  for (const ch of text) {
    if (!reportShows(ch.codePointAt(0) ?? 0)) out.add(ch);
  }
  return [...out];
}

/** The distinct unshowable characters of every string inside `value` (a device, a row...). */
export function charactersReportsCannotShowIn(value: unknown): string[] {
  const out = new Set<string>();
  const walk = (v: unknown, depth: number): void => {
    if (typeof v === 'string') for (const ch of charactersReportsCannotShow(v)) out.add(ch);
    else if (depth < 8 && v !== null && typeof v === 'object') {
      for (const item of Array.isArray(v) ? v : Object.values(v)) walk(item, depth + 1);
    }
  };
  walk(value, 0);
  return [...out];
}
