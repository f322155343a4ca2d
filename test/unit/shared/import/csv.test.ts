import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectDelimiter, parseCsv, type CsvDelimiter } from '../../../../shared/import/csv.ts';
import { ImportError } from '../../../../shared/import/messages.ts';

/** An independent RFC 4180 writer: the oracle the reader is checked against. */
function writeCsv(
  table: string[][],
  delimiter: CsvDelimiter,
  eol: string,
  quoteAll = false,
): string {
  return table
    .map((row) =>
      row
        .map((cell) =>
          quoteAll || /[",;\t\r\n]/.test(cell) || cell === ''
            ? `"${cell.replaceAll('"', '""')}"`
            : cell,
        )
        .join(delimiter),
    )
    .join(eol);
}

describe('parseCsv', () => {
  it('reads a header and rows with spreadsheet row numbers', () => {
    const sheet = parseCsv('asset_tag,name\nA-1,Core switch\nA-2,Camera\n');
    expect(sheet.delimiter).toBe(',');
    expect(sheet.headers).toEqual(['asset_tag', 'name']);
    expect(sheet.headerRow).toBe(1);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['A-1', 'Core switch'] },
      { row: 3, cells: ['A-2', 'Camera'] },
    ]);
  });

  it('reads quoted fields with delimiters, doubled quotes and newlines as one row', () => {
    const text =
      'tag,notes,name\r\n' +
      'A-1,"rack 3, top; ""spare""\r\nsecond line\nthird",sw1\r\n' +
      'A-2,plain,sw2\r\n';
    const sheet = parseCsv(text);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['A-1', 'rack 3, top; "spare"\r\nsecond line\nthird', 'sw1'] },
      { row: 3, cells: ['A-2', 'plain', 'sw2'] },
    ]);
  });

  it('keeps counting blank rows so row numbers match the spreadsheet', () => {
    const sheet = parseCsv('\n,,\ntag,name\nA-1,x\n,\n\nA-2,y');
    expect(sheet.headerRow).toBe(3);
    expect(sheet.rows.map((r) => r.row)).toEqual([4, 7]);
  });

  it('accepts old Mac CR line ends and a missing final line end', () => {
    expect(parseCsv('a,b\r1,2\r3,4').rows).toEqual([
      { row: 2, cells: ['1', '2'] },
      { row: 3, cells: ['3', '4'] },
    ]);
  });

  it('takes a quote inside an unquoted field literally, as Excel does', () => {
    expect(parseCsv('a,b\n12" rack,x').rows[0]!.cells).toEqual(['12" rack', 'x']);
  });

  it('honours an Excel "sep=" line and does not count it as a row', () => {
    const sheet = parseCsv('sep=;\ntag;name\nA-1;x,y\n');
    expect(sheet.delimiter).toBe(';');
    expect(sheet.headers).toEqual(['tag', 'name']);
    expect(sheet.rows).toEqual([{ row: 2, cells: ['A-1', 'x,y'] }]);
  });

  it('reports an unterminated quote with the row and the line it opened on', () => {
    const text = 'tag,notes\nA-1,ok\nA-2,"multi\nline\nA-3,never closed\n';
    let error: unknown;
    try {
      parseCsv(text);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(ImportError);
    expect((error as ImportError).message).toBe(
      'Row 3: the quoted field that opens on line 3 is never closed (unterminated quote).',
    );
    expect((error as ImportError).detail.code).toBe('csv_unterminated_quote');
  });

  it('counts lines inside earlier multi-line fields when reporting an unterminated quote', () => {
    const text = 'a,b\n"x\ny",1\n2,"open\n';
    expect(() => parseCsv(text)).toThrow(/^Row 3: the quoted field that opens on line 4/);
  });

  it('refuses text after a closing quote, naming row, column and line', () => {
    expect(() => parseCsv('a,b\n1,"x"y\n')).toThrow(
      'Row 2, column 2: text follows the closing quote on line 2',
    );
  });

  it('refuses a file with no header', () => {
    expect(() => parseCsv('')).toThrow(/no header row/);
    expect(() => parseCsv('\n\n,,\n')).toThrow(/no header row/);
  });

  it('refuses 10,000 columns with a clear message', () => {
    const wide = Array.from({ length: 10_000 }, (_, i) => `c${i}`).join(',');
    expect(() => parseCsv(`${wide}\n${wide}\n`)).toThrow(
      'Row 1 has 10000 columns; at most 1000 are supported.',
    );
  });

  it('refuses more rows than the limit', () => {
    const text = 'a,b\n' + '1,2\n'.repeat(11);
    expect(() => parseCsv(text, { maxRows: 10 })).toThrow(/more than 10 rows/);
    expect(parseCsv(text, { maxRows: 11 }).rows).toHaveLength(11);
  });

  it('reads an extremely long cell intact (length limits belong to each field)', () => {
    const long = 'x'.repeat(2_000_000);
    const sheet = parseCsv(`a,b\n"${long}",1\n`);
    expect(sheet.rows[0]!.cells[0]!.length).toBe(2_000_000);
  });
});

describe('detectDelimiter', () => {
  it('detects comma, semicolon and tab', () => {
    expect(detectDelimiter('a,b,c\n1,2,3')).toBe(',');
    expect(detectDelimiter('a;b;c\n1,5;2;3')).toBe(';');
    expect(detectDelimiter('a\tb\tc\n"x, y"\t2\t3')).toBe('\t');
  });

  it('ignores delimiters inside quoted cells', () => {
    expect(detectDelimiter('name;notes\n"a,b,c,d";"e,f"\n"g,h";i')).toBe(';');
  });

  it('defaults to comma for a single column', () => {
    expect(detectDelimiter('asset_tag\nA-1\nA-2')).toBe(',');
  });
});

describe('fuzz', () => {
  const cell = fc.oneof(
    fc.string({ maxLength: 12 }),
    fc.constantFrom('"', '""', ',', ';', '\t', '\n', '\r\n', '\r', ' x ', '资产', '=1+2'),
    fc
      .array(fc.constantFrom('a', '"', ',', ';', '\t', '\n', '\r', ' ', '中'), { maxLength: 8 })
      .map((a) => a.join('')),
  );

  const table = (minWidth: number) =>
    fc.integer({ min: minWidth, max: 6 }).chain((width) =>
      fc.array(
        fc
          .array(cell, { minLength: width, maxLength: width })
          // Rows of blank cells are dropped by design; the oracle table must not hold any.
          .filter((r) => r.some((c) => c.trim() !== '')),
        { minLength: 1, maxLength: 8 },
      ),
    );

  it('reads back exactly what an RFC 4180 writer wrote, with consecutive row numbers', () => {
    fc.assert(
      fc.property(
        table(1),
        fc.constantFrom<CsvDelimiter>(',', ';', '\t'),
        fc.constantFrom('\n', '\r\n'),
        fc.boolean(),
        fc.boolean(),
        (tbl, delimiter, eol, quoteAll, finalEol) => {
          const text = writeCsv(tbl, delimiter, eol, quoteAll) + (finalEol ? eol : '');
          const sheet = parseCsv(text, { delimiter });
          expect(sheet.headers).toEqual(tbl[0]!.map((h) => h.trim()));
          expect(sheet.rows.map((r) => r.cells)).toEqual(tbl.slice(1));
          expect(sheet.rows.map((r) => r.row)).toEqual(tbl.slice(1).map((_, i) => i + 2));
        },
      ),
      { numRuns: 200 },
    );
  });

  it('detects the delimiter of consistent multi-column tables', () => {
    fc.assert(
      fc.property(table(2), fc.constantFrom<CsvDelimiter>(',', ';', '\t'), (tbl, delimiter) => {
        expect(detectDelimiter(writeCsv(tbl, delimiter, '\r\n'))).toBe(delimiter);
      }),
      { numRuns: 200 },
    );
  });

  it('either parses arbitrary text or refuses it with an ImportError, never anything else', () => {
    const noisy = fc
      .array(fc.oneof(fc.constantFrom('"', ',', ';', '\t', '\n', '\r', 'a', ' '), fc.string()), {
        maxLength: 40,
      })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(noisy, (text) => {
        try {
          const sheet = parseCsv(text);
          for (let i = 1; i < sheet.rows.length; i++) {
            expect(sheet.rows[i]!.row).toBeGreaterThan(sheet.rows[i - 1]!.row);
          }
        } catch (err) {
          expect(err).toBeInstanceOf(ImportError);
        }
      }),
      { numRuns: 300 },
    );
  });
});
