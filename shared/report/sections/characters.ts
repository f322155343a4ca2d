import { COLORS } from '../pdf-canvas.ts';
import { sectionHeading, type ReportContext } from '../report-context.ts';

// Appendix: characters no report font has (an emoji, a rare ideograph from CJK Extension B).
// They are printed as a visible substitute wherever they occur and listed here with their code
// point and where they first occur, so a reader knows what the boxes stand for; the PDF's text
// layer and the embedded audit data keep the original characters.

export type UnshowableCharacter = { character: string; firstSeenIn: string };

/** Fields that hold data, not text: never printed. */
const NOT_TEXT = new Set(['dataBase64']);
const CONTEXT_CHARS = 80;

/**
 * Every character of the audit record (and of `extra`, e.g. the signer's name) that `shows`
 * rejects, in order of first appearance, found before drawing so the appendix can precede the
 * sign-off page. Everything the report prints comes from these strings or from its own fixed
 * words, which a test keeps within the fonts.
 */
function flatJson(record: unknown): string | null {
  try {
    return JSON.stringify(record) ?? '';
  } catch {
    return null; // not plain data (a cycle, say): the walk below still reads it
  }
}

export function findUnshowable(
  record: unknown,
  extra: readonly string[],
  shows: (cp: number) => boolean,
): UnshowableCharacter[] {
  // A 500-device record holds two million characters in a hundred thousand strings: walking
  // them costs a quarter of a second, one flat JSON text a few milliseconds. So first ask
  // whether every code unit of the JSON is shown (keys and escapes are ASCII, which is); only
  // when one is not, or a lone surrogate was escaped, walk the record to say where.
  // Every BMP code unit asked about once, up front (a few milliseconds); surrogates are never
  // "shown" as units, so a pair is then checked as one character.
  const shown = new Uint8Array(0x10000);
  for (let code = 0; code < 0x10000; code++) {
    if (code < 0xd800 || code > 0xdfff) shown[code] = shows(code) ? 1 : 0;
  }
  const everyUnitShown = (text: string): boolean => {
    for (let i = 0; i < text.length; i++) if (shown[text.charCodeAt(i)] === 0) return false;
    return true;
  };
  const json = flatJson(record);
  if (
    json !== null &&
    !/\\u[dD][89a-fA-F]/.test(json) &&
    everyUnitShown(json) &&
    extra.every(everyUnitShown)
  ) {
    return [];
  }
  const found = new Map<string, string>();
  const scan = (text: string) => {
    // Nearly every character is shown: check that by code unit, and only then by character.
    if (everyUnitShown(text)) return;
    for (const ch of text) {
      if (found.has(ch) || shows(ch.codePointAt(0) ?? 0)) continue;
      found.set(ch, text.length > CONTEXT_CHARS ? `${text.slice(0, CONTEXT_CHARS - 1)}…` : text);
    }
  };
  const walk = (value: unknown, depth: number): void => {
    if (typeof value === 'string') scan(value);
    else if (depth > 32 || value === null || typeof value !== 'object') return;
    else if (Array.isArray(value)) for (const v of value) walk(v, depth + 1);
    else {
      for (const [key, v] of Object.entries(value)) if (!NOT_TEXT.has(key)) walk(v, depth + 1);
    }
  };
  walk(record, 0);
  for (const text of extra) scan(text);
  return [...found].map(([character, firstSeenIn]) => ({ character, firstSeenIn }));
}

export function codePointLabel(ch: string): string {
  return `U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`;
}

export function drawCharactersAppendix(
  ctx: ReportContext,
  characters: readonly UnshowableCharacter[],
): void {
  if (characters.length === 0) return;
  const { c, s } = ctx;
  sectionHeading(ctx, s.appendixCharacters);
  c.paragraph(s.charactersIntro, { size: 9.5, gapAfter: 3 });
  c.table({
    columns: [
      { header: s.colCharacter, width: 20, align: 'center' },
      { header: s.colCodePoint, width: 28 },
      { header: s.colFirstSeenIn, width: c.contentWidth - 48 },
    ],
    rows: characters.map((u) => [u.character, codePointLabel(u.character), u.firstSeenIn]),
    fontSize: 8.5,
    cellColor: (_row, col) => (col === 0 ? COLORS.muted : null),
  });
}
