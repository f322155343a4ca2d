// Moments (ISO 8601 UTC timestamps) as a reader at the audited site reads them: the date and
// time in the audit's time zone, with the UTC offset said, so "2026-06-15 17:00 (UTC+08:00)"
// is unambiguous anywhere. Date-only values (due dates, sanitization dates) are never shifted.

export type ZonedTime = { date: string; time: string; offset: string };

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    try {
      f = new Intl.DateTimeFormat('en-CA', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
        hour: '2-digit',
        minute: '2-digit',
        hourCycle: 'h23',
        timeZoneName: 'longOffset',
      });
    } catch {
      throw new RangeError(
        `"${timeZone}" is not a time zone; give an IANA name such as Asia/Shanghai or UTC.`,
      );
    }
    formatters.set(timeZone, f);
  }
  return f;
}

/** Throws a RangeError with a plain sentence when `timeZone` is not an IANA time zone. */
export function checkTimeZone(timeZone: string): void {
  formatter(timeZone);
}

/** True when this runtime knows `timeZone` (a recorded zone may come from another computer). */
export function isTimeZone(timeZone: string): boolean {
  try {
    formatter(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The local date, time and UTC offset ("+08:00", "-05:30", "+00:00") of an instant. */
export function inTimeZone(iso: string, timeZone: string): ZonedTime {
  const parts: Record<string, string> = {};
  for (const p of formatter(timeZone).formatToParts(new Date(iso))) parts[p.type] = p.value;
  const offset = (parts.timeZoneName ?? 'GMT').replace(/^GMT/, '') || '+00:00';
  return {
    date: `${parts.year}-${parts.month}-${parts.day}`,
    time: `${parts.hour}:${parts.minute}`,
    offset,
  };
}

/** True for a date without a time ("2026-06-15"), which belongs to no time zone. */
export function isDateOnly(value: string): boolean {
  return /^\d{4}-\d{2}-\d{2}$/.test(value);
}

/** "2026-06-15 17:00 (UTC+08:00)", the date written by the report language's `formatDate`. */
export function formatMoment(
  iso: string,
  timeZone: string,
  formatDate: (isoDate: string) => string,
): string {
  const t = inTimeZone(iso, timeZone);
  return `${formatDate(t.date)} ${t.time} (UTC${t.offset})`;
}
