import { utils, write, type WorkBook } from '@e965/xlsx';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { excelSerialToIsoDate } from '../../../../shared/import/dates.ts';
import { ImportError } from '../../../../shared/import/messages.ts';
import { parseXlsx } from '../../../../shared/import/xlsx.ts';
import { readZipDirectory } from '../../../../shared/import/zip-directory.ts';
import { storedZip } from './zip-builder.ts';

function workbook(sheets: Record<string, unknown[][]>, date1904 = false): Uint8Array {
  const wb: WorkBook = utils.book_new();
  for (const [name, aoa] of Object.entries(sheets)) {
    utils.book_append_sheet(wb, utils.aoa_to_sheet(aoa), name);
  }
  if (date1904) wb.Workbook = { ...(wb.Workbook ?? {}), WBProps: { date1904: true } };
  return new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
}

/** A date cell as Excel stores it: a serial number with a date format. */
const dateCell = (serial: number) => ({ t: 'n', v: serial, z: 'yyyy-mm-dd' });

describe('parseXlsx', () => {
  it('reads the first sheet with Excel row numbers, dates, numbers and booleans', () => {
    const bytes = workbook({
      Inventory: [
        ['资产编号', '名称', '启用日期', 'U位', '默认口令已修改'],
        ['A-001', '核心交换机', dateCell(45356), 12, true],
        [],
        ['A-002', '摄像机', dateCell(45000), 3.5, false],
      ],
      Other: [['x'], ['y']],
    });
    const sheet = parseXlsx(bytes, 'inv.xlsx');
    expect(sheet.sheetName).toBe('Inventory');
    expect(sheet.sheetNames).toEqual(['Inventory', 'Other']);
    expect(sheet.headers).toEqual(['资产编号', '名称', '启用日期', 'U位', '默认口令已修改']);
    expect(sheet.headerRow).toBe(1);
    expect(sheet.rows).toEqual([
      { row: 2, cells: ['A-001', '核心交换机', '2024-03-05', '12', 'TRUE'] },
      { row: 4, cells: ['A-002', '摄像机', '2023-03-15', '3.5', 'FALSE'] },
    ]);
  });

  it('reads a named sheet and lists the sheets when the name is wrong', () => {
    const bytes = workbook({ First: [['a'], ['1']], 机房清单: [['asset_tag'], ['B-7']] });
    expect(parseXlsx(bytes, 'x.xlsx', { sheet: '机房清单' }).rows).toEqual([
      { row: 2, cells: ['B-7'] },
    ]);
    expect(() => parseXlsx(bytes, 'x.xlsx', { sheet: 'Nope' })).toThrow(
      'The workbook has no sheet named "Nope"; its sheets are: "First", "机房清单".',
    );
  });

  it('reads dates of a workbook that uses the 1904 date system', () => {
    const bytes = workbook({ S: [['d'], [dateCell(43894)]] }, true);
    expect(parseXlsx(bytes, 'mac.xlsx').rows[0]!.cells).toEqual(['2024-03-05']);
  });

  it('keeps the header where it is when title rows are blank', () => {
    const bytes = workbook({ S: [[], [], ['tag', 'name'], ['A', 'b']] });
    const sheet = parseXlsx(bytes, 's.xlsx');
    expect(sheet.headerRow).toBe(3);
    expect(sheet.rows).toEqual([{ row: 4, cells: ['A', 'b'] }]);
  });

  it('shows Excel error values as Excel does, so validation can name them', () => {
    const bytes = workbook({ S: [['ip'], [{ t: 'e', v: 0x2a }]] });
    expect(parseXlsx(bytes, 's.xlsx').rows[0]!.cells).toEqual(['#N/A']);
  });

  it('does not let __proto__ or constructor as sheet name or header pollute prototypes', () => {
    // fromEntries makes "__proto__" an own key; an object literal would set the prototype.
    const bytes = workbook(
      Object.fromEntries([
        [
          '__proto__',
          [
            ['__proto__', 'constructor', 'prototype'],
            ['{"polluted":1}', 'x', 'y'],
          ],
        ],
      ]),
    );
    const sheet = parseXlsx(bytes, 'p.xlsx');
    expect(sheet.sheetName).toBe('__proto__');
    expect(sheet.headers).toEqual(['__proto__', 'constructor', 'prototype']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
  });

  it('refuses more rows or columns than the limits', () => {
    const rows = [['a', 'b'], ...Array.from({ length: 12 }, (_, i) => [`${i}`, 'x'])];
    expect(() => parseXlsx(workbook({ S: rows }), 's.xlsx', { maxRows: 10 })).toThrow(
      /more than 10 rows/,
    );
    expect(parseXlsx(workbook({ S: rows }), 's.xlsx', { maxRows: 12 }).rows).toHaveLength(12);
    const wide = [Array.from({ length: 30 }, (_, i) => `c${i}`)];
    expect(() => parseXlsx(workbook({ S: wide }), 's.xlsx', { maxColumns: 20 })).toThrow(
      'Row 1 has 30 columns; at most 20 are supported.',
    );
  });

  it('refuses a truncated workbook as damaged', () => {
    const bytes = workbook({ S: [['a'], ['b']] });
    for (const cut of [bytes.length - 10, Math.floor(bytes.length / 2), 30]) {
      expect(() => parseXlsx(bytes.subarray(0, cut), 'cut.xlsx')).toThrow(
        '"cut.xlsx" looks like an XLSX workbook but is damaged or truncated.',
      );
    }
  });

  it('refuses a ZIP that is not a workbook', () => {
    const zip = storedZip([{ name: 'readme.txt', data: new TextEncoder().encode('hello') }]);
    expect(readZipDirectory(zip)?.map((e) => e.name)).toEqual(['readme.txt']);
    expect(() => parseXlsx(zip, 'a.zip')).toThrow('"a.zip" is a ZIP archive but not an XLSX');
  });

  it('refuses a workbook that declares it unpacks to more than the limit (zip bomb)', () => {
    const bytes = workbook({ S: [['a'], ['b']] });
    expect(() => parseXlsx(bytes, 'b.xlsx', { maxUnpackedBytes: 1000 })).toThrow(
      /unpacks to .*; workbooks above 1000 bytes unpacked are refused/,
    );
  });

  it('fails closed with an ImportError on corrupted workbooks', () => {
    const bytes = workbook({
      S: [
        ['tag', 'name'],
        ['A-1', 'x'],
        ['A-2', 'y'],
      ],
    });
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(bytes.length - 1), fc.integer({ min: 0, max: 255 })), {
          minLength: 1,
          maxLength: 8,
        }),
        (flips) => {
          const copy = bytes.slice();
          for (const [at, value] of flips) copy[at] = value;
          try {
            parseXlsx(copy, 'f.xlsx');
          } catch (err) {
            expect(err).toBeInstanceOf(ImportError);
          }
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('excelSerialToIsoDate', () => {
  it('follows Excel, including its non-existent 1900-02-29', () => {
    expect(excelSerialToIsoDate(1)).toBe('1900-01-01');
    expect(excelSerialToIsoDate(59)).toBe('1900-02-28');
    expect(excelSerialToIsoDate(60)).toBeNull();
    expect(excelSerialToIsoDate(61)).toBe('1900-03-01');
    expect(excelSerialToIsoDate(45356)).toBe('2024-03-05');
    expect(excelSerialToIsoDate(45356.99)).toBe('2024-03-05');
    expect(excelSerialToIsoDate(0, true)).toBe('1904-01-01');
  });
});
