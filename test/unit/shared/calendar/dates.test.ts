import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDays,
  dateOfTimestamp,
  dayNumber,
  daysBetween,
  isValidDate,
  requireDayNumber,
} from '../../../../shared/calendar/dates.ts';
import { arbDate } from '../domain/arbitraries.ts';

describe('calendar dates', () => {
  it('accepts real calendar dates only', () => {
    expect(dayNumber('1970-01-02')).toBe(1);
    expect(isValidDate('2024-02-29')).toBe(true);
    expect(isValidDate('2025-02-29')).toBe(false);
    expect(isValidDate('2026-13-01')).toBe(false);
    expect(isValidDate('2026-1-01')).toBe(false);
    expect(isValidDate('2026-01-01T00:00:00Z')).toBe(false);
    expect(isValidDate('')).toBe(false);
    expect(() => requireDayNumber('31/12/2025', 'today')).toThrow(
      'today must be a calendar date as YYYY-MM-DD, got "31/12/2025"',
    );
  });

  it('counts days exactly across month, year and leap-day boundaries', () => {
    expect(daysBetween('2024-02-28', '2024-03-01')).toBe(2);
    expect(daysBetween('2025-12-31', '2026-01-01')).toBe(1);
    expect(daysBetween('2026-03-15', '2026-03-01')).toBe(-14);
    expect(daysBetween('2026-03-15', 'nope')).toBeNull();
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(addDays('2026-01-01', 90)).toBe('2026-04-01');
  });

  it('addDays and daysBetween are inverse (property)', () => {
    fc.assert(
      fc.property(arbDate, fc.integer({ min: -4000, max: 4000 }), (date, n) => {
        const later = addDays(date, n);
        expect(isValidDate(later)).toBe(true);
        expect(daysBetween(date, later)).toBe(n);
      }),
    );
  });

  it('takes the UTC day of a timestamp', () => {
    expect(dateOfTimestamp('2026-03-01T23:59:59.999Z')).toBe('2026-03-01');
    expect(dateOfTimestamp('garbage')).toBeNull();
  });
});
