import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseDateCell } from '../../../../shared/import/dates.ts';

const ok = (date: string, provedOrder?: 'dmy' | 'mdy') =>
  provedOrder ? { ok: true, date, provedOrder } : { ok: true, date };
const no = (code: string) => ({ ok: false, code });

describe('parseDateCell', () => {
  it.each([
    ['2024-03-05', '2024-03-05'],
    ['2024/3/5', '2024-03-05'],
    ['2024.3.5', '2024-03-05'],
    ['2024-03-05 00:00:00', '2024-03-05'],
    ['2024-03-05T10:20:30Z', '2024-03-05'],
    ['2024-03-05T10:20:30.123+08:00', '2024-03-05'],
    ['2024年3月5日', '2024-03-05'],
    ['2024 年 03 月 05 日', '2024-03-05'],
    ['２０２４年３月５日', '2024-03-05'],
    ['20240305', '2024-03-05'],
    ['05.03.2024', '2024-03-05'],
    ['5.3.2024', '2024-03-05'],
    ['45356', '2024-03-05'],
    ['45356.75', '2024-03-05'],
    ['5 Mar 2024', '2024-03-05'],
    ['05-Mar-2024', '2024-03-05'],
    ['March 5, 2024', '2024-03-05'],
    ['Sept 5th 2024', '2024-09-05'],
    ['2024-02-29', '2024-02-29'],
    ['  2024-03-05  ', '2024-03-05'],
  ])('reads %s', (value, date) => {
    expect(parseDateCell(value, null)).toEqual(ok(date));
  });

  it('rejects ambiguous day/month dates unless an order is declared', () => {
    expect(parseDateCell('03/05/2024', null)).toEqual(no('ambiguous_date'));
    expect(parseDateCell('03-05-2024', null)).toEqual(no('ambiguous_date'));
    expect(parseDateCell('03/05/2024', 'dmy')).toEqual(ok('2024-05-03'));
    expect(parseDateCell('03/05/2024', 'mdy')).toEqual(ok('2024-03-05'));
  });

  it('resolves a/b/yyyy only when the value itself proves the order, and says so', () => {
    expect(parseDateCell('13/05/2024', null)).toEqual(ok('2024-05-13', 'dmy'));
    expect(parseDateCell('05/13/2024', null)).toEqual(ok('2024-05-13', 'mdy'));
    expect(parseDateCell('05/05/2024', null)).toEqual(ok('2024-05-05'));
  });

  it('rejects a value that contradicts the declared order', () => {
    expect(parseDateCell('13/05/2024', 'mdy')).toEqual(no('date_order_mismatch'));
    expect(parseDateCell('05/13/2024', 'dmy')).toEqual(no('date_order_mismatch'));
  });

  it.each([
    ['2024-02-30', 'invalid_date'],
    ['2023-02-29', 'invalid_date'],
    ['2024-13-01', 'invalid_date'],
    ['31.04.2024', 'invalid_date'],
    ['13/13/2024', 'invalid_date'],
    ['2024', 'invalid_date'],
    ['9999', 'invalid_date'],
    ['yesterday', 'invalid_date'],
    ['5 Foo 2024', 'invalid_date'],
    ['', 'invalid_date'],
    ['03/05/24', 'two_digit_year'],
    ['5.3.24', 'two_digit_year'],
    ['24/3/5', 'two_digit_year'],
    ['1850-01-01', 'date_out_of_range'],
    ['2300-01-01', 'date_out_of_range'],
    ['200000', 'date_out_of_range'],
  ])('rejects %s as %s', (value, code) => {
    expect(parseDateCell(value, null)).toEqual(no(code));
  });

  it('reads every real day written as YYYY-MM-DD, YYYY/M/D, DD.MM.YYYY and 年月日 the same', () => {
    const day = fc
      .date({
        min: new Date('1900-01-01T00:00:00Z'),
        max: new Date('2199-12-31T00:00:00Z'),
        noInvalidDate: true,
      })
      .map((d) => [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()] as const);
    fc.assert(
      fc.property(
        day,
        fc.constantFrom<'dmy' | 'mdy' | null>('dmy', 'mdy', null),
        ([y, m, d], order) => {
          const iso = `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
          for (const text of [iso, `${y}/${m}/${d}`, `${d}.${m}.${y}`, `${y}年${m}月${d}日`]) {
            const r = parseDateCell(text, order);
            expect(r.ok && r.date).toBe(iso);
          }
          const slashed = parseDateCell(`${d}/${m}/${y}`, 'dmy');
          expect(slashed.ok && slashed.date).toBe(iso);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('never throws and only returns real calendar dates for arbitrary text', () => {
    fc.assert(
      fc.property(
        fc.string({ maxLength: 30 }),
        fc.constantFrom<'dmy' | 'mdy' | null>('dmy', 'mdy', null),
        (text, order) => {
          const r = parseDateCell(text, order);
          if (r.ok) {
            expect(r.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
            expect(new Date(`${r.date}T00:00:00Z`).toISOString().slice(0, 10)).toBe(r.date);
          }
        },
      ),
      { numRuns: 500 },
    );
  });
});
