import { describe, expect, it } from 'vitest';
import {
  checkTimeZone,
  formatMoment,
  inTimeZone,
  isDateOnly,
} from '../../../../shared/report/time-zone.ts';

describe('moments in the audit time zone', () => {
  it('gives the local date, time and offset, across the date line and half-hour zones', () => {
    expect(inTimeZone('2026-06-15T20:30:00.000Z', 'Asia/Shanghai')).toEqual({
      date: '2026-06-16',
      time: '04:30',
      offset: '+08:00',
    });
    expect(inTimeZone('2026-01-15T03:00:00Z', 'America/New_York').offset).toBe('-05:00');
    expect(inTimeZone('2026-07-15T03:00:00Z', 'America/New_York').offset).toBe('-04:00');
    expect(inTimeZone('2026-06-15T00:00:00Z', 'Asia/Kolkata').time).toBe('05:30');
    expect(inTimeZone('2026-06-15T09:00:00Z', 'UTC')).toEqual({
      date: '2026-06-15',
      time: '09:00',
      offset: '+00:00',
    });
  });

  it('writes the offset with the time, and the date as the report language does', () => {
    expect(formatMoment('2026-06-15T09:00:00Z', 'Asia/Shanghai', (d) => d)).toBe(
      '2026-06-15 17:00 (UTC+08:00)',
    );
  });

  it('refuses a name that is not a time zone with a plain sentence', () => {
    expect(() => checkTimeZone('Mars/Olympus')).toThrow(/"Mars\/Olympus" is not a time zone/);
    expect(() => checkTimeZone('Europe/Berlin')).not.toThrow();
  });

  it('keeps date-only values out of time zones', () => {
    expect(isDateOnly('2026-06-15')).toBe(true);
    expect(isDateOnly('2026-06-15T00:00:00Z')).toBe(false);
  });
});
