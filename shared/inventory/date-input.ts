import { isValidDate } from '../calendar/dates.ts';

// Dates typed by an inspector. The stored form is YYYY-MM-DD; the spellings people actually type
// ("2024-3-5", "2024/03/05", "2024.3.5", "2024年3月5日") are accepted and normalised, anything
// else is refused with a reason, and impossible days (2025-02-30) are refused as such.

export type DateProblem = 'date_format' | 'date_unreal' | 'date_future';

export type DateCheck = { ok: true; value: string | null } | { ok: false; problem: DateProblem };

const LOOSE_DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;

/**
 * An optional date field: empty means "not recorded" (null). `notAfter` (YYYY-MM-DD) refuses
 * dates in the future for facts that can only lie in the past (idle since, last rotated...).
 */
export function checkDateInput(raw: string, notAfter?: string): DateCheck {
  const text = raw.trim();
  if (text === '') return { ok: true, value: null };
  const match = LOOSE_DATE.exec(text);
  if (!match) return { ok: false, problem: 'date_format' };
  const value = `${match[1]}-${match[2]!.padStart(2, '0')}-${match[3]!.padStart(2, '0')}`;
  if (!isValidDate(value)) return { ok: false, problem: 'date_unreal' };
  // Valid YYYY-MM-DD strings order like the days they name.
  if (notAfter !== undefined && value > notAfter) return { ok: false, problem: 'date_future' };
  return { ok: true, value };
}
