import { addDays, dateOfTimestamp, daysBetween } from '../calendar/dates.ts';
import type { Severity } from '../domain/enums.ts';
import type { Audit, Finding, Room } from '../domain/schemas.ts';

// What the rooms overview says about each room: when it was last audited, when the next audit
// is due, whether it is overdue, and which findings are still open. Pure, with `today` passed in.

export type DueState = 'overdue' | 'due_soon' | 'ok';

export interface RoomOverview {
  /** Day the last completed (or signed) audit of the room was completed; null if none. */
  lastAudit: string | null;
  /** An audit of the room that is being carried out now. */
  inProgress: Audit | null;
  /** Last audit + interval; for a room never audited, the day it was recorded + interval. */
  nextDue: string;
  /** Days until nextDue (negative when overdue). */
  daysLeft: number;
  state: DueState;
  neverAudited: boolean;
  openFindings: Record<Severity, number>;
}

/** How close to the due day a room is flagged "due soon". */
export const DUE_SOON_DAYS = 14;

const OPEN_STATUSES = new Set<Finding['status']>(['open', 'in_remediation']);

/**
 * A recurring finding appears once per audit that saw it, all sharing the audit it was first
 * seen in. Only its latest appearance counts, so a finding carried forward is counted once and
 * a finding closed in the latest audit is not counted at all.
 */
function latestAppearances(findings: readonly Finding[]): Finding[] {
  const latest = new Map<string, Finding>();
  for (const finding of findings) {
    const key =
      finding.itemId === null
        ? `manual|${finding.id}`
        : `${finding.firstSeenAuditId}|${finding.deviceId ?? 'room'}|${finding.itemId}`;
    const seen = latest.get(key);
    if (!seen || seen.createdAt < finding.createdAt) latest.set(key, finding);
  }
  return [...latest.values()];
}

/**
 * The overview of one room. `audits` may include audits of other rooms and `findings` findings
 * of other rooms; only this room's are used.
 */
export function roomOverview(
  room: Pick<Room, 'id' | 'auditIntervalDays' | 'createdAt'>,
  audits: readonly Audit[],
  findings: readonly Finding[],
  today: string,
): RoomOverview {
  const mine = audits.filter((a) => a.roomIds.includes(room.id));
  let lastAudit: string | null = null;
  let inProgress: Audit | null = null;
  for (const audit of mine) {
    if ((audit.status === 'completed' || audit.status === 'signed') && audit.completedAt) {
      const day = dateOfTimestamp(audit.completedAt);
      if (day && (lastAudit === null || day > lastAudit)) lastAudit = day;
    } else if (audit.status === 'in_progress' || audit.status === 'draft') {
      if (!inProgress || inProgress.startedAt < audit.startedAt) inProgress = audit;
    }
  }
  const base = lastAudit ?? dateOfTimestamp(room.createdAt) ?? today;
  const nextDue = addDays(base, room.auditIntervalDays);
  const daysLeft = daysBetween(today, nextDue) ?? 0;
  const state: DueState = daysLeft < 0 ? 'overdue' : daysLeft <= DUE_SOON_DAYS ? 'due_soon' : 'ok';

  const openFindings: Record<Severity, number> = { high: 0, medium: 0, low: 0 };
  for (const finding of latestAppearances(findings.filter((f) => f.roomId === room.id)))
    if (OPEN_STATUSES.has(finding.status)) openFindings[finding.severity] += 1;

  return {
    lastAudit,
    inProgress,
    nextDue,
    daysLeft,
    state,
    neverAudited: lastAudit === null,
    openFindings,
  };
}
