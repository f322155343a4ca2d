// Dates in inventory sheets come in every local notation. The rule: read what is unambiguous,
// resolve day/month order only from a preference the user declared (or from the value itself
// when one part exceeds 12), and reject the rest with the reason. A date is never guessed:
// 03/05/2024 is 3 May in Beijing and Berlin but 5 March in New York.

/** Day/month order for `a/b/yyyy` dates, declared by the user for one import. */
export type DateOrder = 'dmy' | 'mdy';

export type DateReading =
  | {
      ok: true;
      /** YYYY-MM-DD */
      date: string;
      /** For `a/b/yyyy` read without a declared order: the order the value itself proved. */
      provedOrder?: DateOrder;
    }
  | {
      ok: false;
      code:
        | 'invalid_date'
        | 'ambiguous_date'
        | 'two_digit_year'
        | 'date_out_of_range'
        | 'date_order_mismatch';
    };

export const MIN_YEAR = 1900;
export const MAX_YEAR = 2199;
/** Excel serials below this (1927-05-18) are refused: 2024 is a year, not 16 July 1905. */
export const MIN_EXCEL_SERIAL = 10_000;
/** 2199-12-31 */
export const MAX_EXCEL_SERIAL = 109_574;

const MONTHS: ReadonlyMap<string, number> = new Map(
  [
    ['jan', 'january'],
    ['feb', 'february'],
    ['mar', 'march'],
    ['apr', 'april'],
    ['may', 'may'],
    ['jun', 'june'],
    ['jul', 'july'],
    ['aug', 'august'],
    ['sep', 'september'],
    ['oct', 'october'],
    ['nov', 'november'],
    ['dec', 'december'],
  ].flatMap(([short, long], i) => [
    [short!, i + 1],
    [long!, i + 1],
    ...(short === 'sep' ? [['sept', 9] as [string, number]] : []),
  ]),
);

function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

/** A Y-M-D triple as YYYY-MM-DD, or null when no such calendar day exists. */
export function isoDate(year: number, month: number, day: number): string | null {
  if (!Number.isInteger(year) || !Number.isInteger(month) || !Number.isInteger(day)) return null;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

function ymd(year: number, month: number, day: number): DateReading {
  const date = isoDate(year, month, day);
  if (date === null) return { ok: false, code: 'invalid_date' };
  if (year < MIN_YEAR || year > MAX_YEAR) return { ok: false, code: 'date_out_of_range' };
  return { ok: true, date };
}

const DAY_MS = 86_400_000;

/**
 * The calendar day of an Excel date serial. The 1900 system counts 1900-02-29, a day that never
 * was (Lotus 1-2-3's bug, kept for compatibility): serial 60 has no real date.
 */
export function excelSerialToIsoDate(serial: number, date1904 = false): string | null {
  if (!Number.isFinite(serial) || serial < 0) return null;
  const days = Math.floor(serial);
  let ms: number;
  if (date1904) ms = Date.UTC(1904, 0, 1) + days * DAY_MS;
  else if (days === 60 || days === 0) return null;
  else if (days < 60) ms = Date.UTC(1899, 11, 31) + days * DAY_MS;
  else ms = Date.UTC(1899, 11, 30) + days * DAY_MS;
  const d = new Date(ms);
  const year = d.getUTCFullYear();
  if (year > 9999) return null;
  return isoDate(year, d.getUTCMonth() + 1, d.getUTCDate());
}

const ISO_LIKE =
  /^(\d{4})([-/.])(\d{1,2})\2(\d{1,2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?)?$/;
const CHINESE = /^(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*[日号]?$/;
const COMPACT = /^(\d{4})(\d{2})(\d{2})$/;
const DOTTED_DMY = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/;
const SLASHED = /^(\d{1,2})([/-])(\d{1,2})\2(\d{4})$/;
const TWO_DIGIT_YEAR = /^(\d{1,2}[/.-]\d{1,2}[/.-]\d{2}|\d{2}[/.-]\d{1,2}[/.-]\d{1,2})$/;
const DAY_MONTH_NAME = /^(\d{1,2})[\s-]+([A-Za-z]{3,9})\.?[\s,-]+(\d{4})$/;
const MONTH_NAME_DAY = /^([A-Za-z]{3,9})\.?\s+(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/;
const NUMBER = /^\d+(?:\.\d+)?$/;

/**
 * Reads one date cell. Accepted: 2024-03-05, 2024/3/5, 2024.3.5 (with an optional time, which
 * is dropped), 2024年3月5日, 20240305, 05.03.2024 (day first, as everywhere dots are used),
 * 5 Mar 2024, March 5, 2024, Excel serials (45356), and a/b/yyyy when the order is declared or
 * proved by a part above 12. Full-width digits are read as digits.
 */
export function parseDateCell(raw: string, order: DateOrder | null): DateReading {
  const value = raw.normalize('NFKC').trim();
  let m = ISO_LIKE.exec(value);
  if (m) return ymd(Number(m[1]), Number(m[3]), Number(m[4]));
  if ((m = CHINESE.exec(value))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = COMPACT.exec(value))) return ymd(Number(m[1]), Number(m[2]), Number(m[3]));
  if ((m = DOTTED_DMY.exec(value))) return ymd(Number(m[3]), Number(m[2]), Number(m[1]));
  if ((m = SLASHED.exec(value))) return slashed(Number(m[1]), Number(m[3]), Number(m[4]), order);
  if (TWO_DIGIT_YEAR.test(value)) return { ok: false, code: 'two_digit_year' };
  if ((m = DAY_MONTH_NAME.exec(value))) {
    const month = MONTHS.get(m[2]!.toLowerCase());
    return month ? ymd(Number(m[3]), month, Number(m[1])) : { ok: false, code: 'invalid_date' };
  }
  if ((m = MONTH_NAME_DAY.exec(value))) {
    const month = MONTHS.get(m[1]!.toLowerCase());
    return month ? ymd(Number(m[3]), month, Number(m[2])) : { ok: false, code: 'invalid_date' };
  }
  if (NUMBER.test(value)) {
    const serial = Number(value);
    if (serial < MIN_EXCEL_SERIAL) return { ok: false, code: 'invalid_date' };
    if (serial > MAX_EXCEL_SERIAL) return { ok: false, code: 'date_out_of_range' };
    const date = excelSerialToIsoDate(serial);
    return date ? { ok: true, date } : { ok: false, code: 'invalid_date' };
  }
  return { ok: false, code: 'invalid_date' };
}

function slashed(a: number, b: number, year: number, order: DateOrder | null): DateReading {
  if (order === 'dmy' || order === 'mdy') {
    const [day, month] = order === 'dmy' ? [a, b] : [b, a];
    const r = ymd(year, month, day);
    return !r.ok && r.code === 'invalid_date' ? { ok: false, code: 'date_order_mismatch' } : r;
  }
  if (a === b) return ymd(year, a, b);
  if (a > 12 && b <= 12) {
    const r = ymd(year, b, a);
    return r.ok ? { ...r, provedOrder: 'dmy' } : r;
  }
  if (b > 12 && a <= 12) {
    const r = ymd(year, a, b);
    return r.ok ? { ...r, provedOrder: 'mdy' } : r;
  }
  if (a > 12 && b > 12) return { ok: false, code: 'invalid_date' };
  return { ok: false, code: 'ambiguous_date' };
}
