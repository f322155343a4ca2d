import type { FindingStatus } from '../domain/enums.ts';
import type { Finding, FindingEvent } from '../domain/schemas.ts';

// Where a finding stands now. A completed audit's record holds each finding as it was at
// completion and never changes; what happened to it afterwards (remediated, closed, reopened)
// is an append-only log of status-change events keyed by the finding's lineage (its one
// identity across audits). Its current status is the status it has in hand plus the events
// recorded after that status was fixed, the latest winning. Every screen that shows a
// finding's status today (a completed audit's findings, Compare, the follow-up's carried
// findings, the lists of open findings) asks this one function.

export type FindingStanding = {
  /** The status the finding has in hand: in its record (frozen at completion) or its row. */
  readonly frozen: FindingStatus;
  /** Its status now: the last event's after `asOf`, else the frozen one. */
  readonly status: FindingStatus;
  /** The events recorded after `asOf`, oldest first; the last one decided `status`. */
  readonly since: readonly FindingEvent[];
};

const byTime = (a: FindingEvent, b: FindingEvent) =>
  a.at < b.at ? -1 : a.at > b.at ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0;

/**
 * The standing of a finding whose status was fixed at `asOf`: a completed audit's record at
 * its completion, a finding of an audit in progress when its row was last written (an event
 * recorded before a later edit of the row is already taken into account by that edit).
 * `events` may hold other findings' events; only this lineage's count.
 */
export function findingStanding(
  finding: Pick<Finding, 'lineageId' | 'status'>,
  asOf: string,
  events: readonly FindingEvent[],
): FindingStanding {
  const since = events.filter((e) => e.lineageId === finding.lineageId && e.at > asOf).sort(byTime);
  return { frozen: finding.status, status: since.at(-1)?.status ?? finding.status, since };
}

/** When a finding's status in hand was fixed: its record's completion, or its last write. */
export const statusFixedAt = (
  finding: Pick<Finding, 'updatedAt'>,
  recordCompletedAt: string | null,
): string => recordCompletedAt ?? finding.updatedAt;

/**
 * The finding as it stands now, for code that works on findings rather than standings (the
 * carry-forward into a follow-up): its status and reason from the last event, if any.
 */
export function withCurrentStatus(finding: Finding, standing: FindingStanding): Finding {
  const last = standing.since.at(-1);
  return last ? { ...finding, status: last.status, statusReason: last.reason } : finding;
}
