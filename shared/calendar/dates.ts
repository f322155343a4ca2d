// Calendar arithmetic on YYYY-MM-DD strings. Shared code never reads the clock: callers pass
// `today` in, so rules, schedules and comparisons are reproducible and testable. Dates are
// treated as UTC calendar days, which makes "days between" exact (no DST hour lost).

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Day number (days since 1970-01-01) of a real calendar date, or null (2025-02-30 is null). */
export function dayNumber(date: string): number | null {
  const match = ISO_DATE.exec(date);
  if (!match) return null;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const ms = Date.UTC(year, month - 1, day);
  const back = new Date(ms);
  if (
    back.getUTCFullYear() !== year ||
    back.getUTCMonth() !== month - 1 ||
    back.getUTCDate() !== day
  )
    return null;
  return ms / DAY_MS;
}

export function isValidDate(date: string): boolean {
  return dayNumber(date) !== null;
}

/** Like dayNumber, for the caller-supplied `today`, where a bad value is a programming error. */
export function requireDayNumber(date: string, what = 'date'): number {
  const n = dayNumber(date);
  if (n === null)
    throw new RangeError(`${what} must be a calendar date as YYYY-MM-DD, got "${date}"`);
  return n;
}

/** to - from in days, or null when either is not a real date. */
export function daysBetween(from: string, to: string): number | null {
  const a = dayNumber(from);
  const b = dayNumber(to);
  return a === null || b === null ? null : b - a;
}

export function addDays(date: string, days: number): string {
  const n = requireDayNumber(date);
  return new Date((n + days) * DAY_MS).toISOString().slice(0, 10);
}

/** The UTC calendar day of a timestamp such as "2026-03-01T10:00:00.000Z". */
export function dateOfTimestamp(timestamp: string): string | null {
  const date = timestamp.slice(0, 10);
  return isValidDate(date) ? date : null;
}
