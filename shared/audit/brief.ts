import type { Audit } from '../domain/schemas.ts';

// The audit brief (ISO 19011 6.2 and 6.6): what an audit is for and for whom, entered when it
// starts or before it is completed and frozen with its record, and the helpers that read the
// lists the forms and the CLI take as one entry per line (auditees, distribution list).

export type AuditBrief = Pick<Audit, 'objectives' | 'auditClient' | 'auditees'>;

export const EMPTY_BRIEF: AuditBrief = { objectives: '', auditClient: '', auditees: [] };

/** Limits of the brief's fields, as the audit schema holds them. */
export const BRIEF_LIMITS = {
  objectives: 2000,
  auditClient: 200,
  /** Auditees per audit and characters per auditee; the distribution list's are the same. */
  entries: 20,
  entry: 200,
  distributionEntries: 50,
} as const;

export type ListProblem =
  { kind: 'tooMany'; max: number } | { kind: 'tooLong'; line: number; max: number };

/**
 * The entries of a list typed one per line: trimmed, blank lines dropped, duplicates kept once.
 * A problem when there are more than `maxEntries` or an entry is longer than `maxLength`.
 */
export function readListLines(
  text: string,
  maxEntries: number,
  maxLength: number = BRIEF_LIMITS.entry,
): { entries: string[]; problem: ListProblem | null } {
  const entries: string[] = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const entry = lines[i]!.trim();
    if (!entry || entries.includes(entry)) continue;
    if (entry.length > maxLength)
      return { entries, problem: { kind: 'tooLong', line: i + 1, max: maxLength } };
    entries.push(entry);
  }
  if (entries.length > maxEntries)
    return { entries, problem: { kind: 'tooMany', max: maxEntries } };
  return { entries, problem: null };
}

/** The IANA time zone of the computer the audit is started on (its site's), or UTC. */
export function currentTimeZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/**
 * The time zones an audit can be set to: UTC, every IANA zone this runtime knows, and `current`
 * (the audit's own, which may come from another computer) when it is not among them.
 */
export function timeZoneChoices(current: string | null): string[] {
  let known: string[] = [];
  try {
    known = Intl.supportedValuesOf('timeZone');
  } catch {
    known = [];
  }
  const zones = new Set(['UTC', ...known]);
  if (current) zones.add(current);
  return [...zones];
}
