import { utils, write } from '@e965/xlsx';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { ImportError } from '../../../../shared/import/messages.ts';
import { MAX_UNPACKED_BYTES, parseXlsx } from '../../../../shared/import/xlsx.ts';
import { deflatedPart, zipArchive, type ZipPart } from './zip-builder.ts';

// Zip bombs that lie: every header declares a few bytes, the deflate streams unpack to
// hundreds of megabytes. What counts is what actually inflates, measured as it comes.

const MB = 1024 * 1024;

/** A real workbook (written by SheetJS), its parts re-deflated so extra parts can join them. */
function workbookParts(): ZipPart[] {
  const wb = utils.book_new();
  utils.book_append_sheet(
    wb,
    utils.aoa_to_sheet([
      ['asset tag', 'name'],
      ['A-1', 'core switch'],
    ]),
    'S',
  );
  const bytes = new Uint8Array(write(wb, { type: 'array', bookType: 'xlsx' }) as ArrayBuffer);
  return Object.entries(unzipSync(bytes)).map(([name, data]) => deflatedPart(name, data));
}

/** `count` parts of `size` zero bytes each whose headers all claim 100 bytes. */
function lyingParts(count: number, size: number): ZipPart[] {
  const bomb = deflatedPart('x', new Uint8Array(size));
  return Array.from({ length: count }, (_, i) => ({
    ...bomb,
    name: `xl/media/image${i + 1}.png`,
    declaredSize: 100,
  }));
}

function refusal(run: () => unknown): ImportError {
  try {
    run();
  } catch (err) {
    if (err instanceof ImportError) return err;
    throw err;
  }
  throw new Error('the workbook was not refused');
}

describe('parseXlsx against zip bombs that lie about their sizes', () => {
  it('counts the bytes that really inflate, not the sizes the headers declare', () => {
    const bytes = zipArchive([...workbookParts(), ...lyingParts(1, 4 * MB)]);
    const err = refusal(() => parseXlsx(bytes, 'lies.xlsx', { maxUnpackedBytes: 1 * MB }));
    expect(err.detail.code).toBe('zip_unpacks_over_limit');
    expect(err.message).toBe(
      'The workbook unpacks to more than 1 MB; workbooks above 1 MB unpacked are refused.',
    );
  });

  it(
    'refuses a bomb far above the limit quickly, without unpacking it whole',
    () => {
      // 24 parts of 16 MB: 384 MB of zeros in ~400 KB that claims to unpack to 2.4 KB.
      const bytes = zipArchive([...workbookParts(), ...lyingParts(24, 16 * MB)]);
      expect(bytes.length).toBeLessThan(1 * MB);
      const before = process.memoryUsage().arrayBuffers;
      const err = refusal(() => parseXlsx(bytes, 'bomb.xlsx'));
      expect(err.detail.code).toBe('zip_unpacks_over_limit');
      // Inflated bytes are counted and dropped, not kept: far less than the limit stays held.
      expect(process.memoryUsage().arrayBuffers - before).toBeLessThan(MAX_UNPACKED_BYTES / 4);
    },
    // The refusal takes well under a second here; the bound leaves room for a loaded machine.
    20_000,
  );

  it('still reads an honest workbook whose parts are deflated', () => {
    const sheet = parseXlsx(zipArchive(workbookParts()), 'ok.xlsx');
    expect(sheet.headers).toEqual(['asset tag', 'name']);
    expect(sheet.rows.map((r) => r.cells)).toEqual([['A-1', 'core switch']]);
  });

  it('refuses a part whose deflate stream does not end within its declared compressed size', () => {
    const parts = workbookParts();
    const sheet = parts.find((p) => p.name === 'xl/worksheets/sheet1.xml')!;
    const cut = { ...sheet, body: sheet.body.subarray(0, Math.floor(sheet.body.length / 2)) };
    const err = refusal(() =>
      parseXlsx(zipArchive(parts.map((p) => (p === sheet ? cut : p))), 'cut.xlsx'),
    );
    expect(err.detail.code).toBe('zip_damaged');
  });

  it('refuses a part that declares an unknown compression method', () => {
    const parts = workbookParts();
    const odd = parts.map((p) =>
      p.name === 'xl/workbook.xml' ? { ...p, method: 12 as unknown as 8 } : p,
    );
    expect(refusal(() => parseXlsx(zipArchive(odd), 'odd.xlsx')).detail.code).toBe('zip_damaged');
  });
});
