import { addDays, daysBetween, dateOfTimestamp, requireDayNumber } from '../calendar/dates.ts';
import type { FindingStatus, Severity } from '../domain/enums.ts';
import type { Audit, Finding, Room } from '../domain/schemas.ts';

// When each room is next due for its periodic check, and what is still open there: the rooms
// overview. Dates are calendar days; the day an audit completed is the UTC day of completedAt
// (an audit finished just after midnight in UTC+8 counts for the day before).

/** Findings that still need work. Risk accepted is a decision, not open work. */
export const OPEN_FINDING_STATUSES: readonly FindingStatus[] = ['open', 'in_remediation'];

export function isOpenFinding(finding: Pick<Finding, 'status'>): boolean {
  return OPEN_FINDING_STATUSES.includes(finding.status);
}

export const SCHEDULE_STATUSES = ['never_audited', 'ok', 'due_soon', 'overdue'] as const;
export type ScheduleStatus = (typeof SCHEDULE_STATUSES)[number];

export interface RoomSchedule {
  readonly lastCompletedAuditId: string | null;
  /** Day the last completed (or signed) audit of the room was completed. */
  readonly lastAuditDate: string | null;
  /** lastAuditDate + auditIntervalDays; null when the room was never audited. */
  readonly nextDue: string | null;
  /** Negative once overdue; null when never audited. */
  readonly daysUntilDue: number | null;
  readonly status: ScheduleStatus;
  /** Past its due date. A never-audited room has no due date: see `status`. */
  readonly overdue: boolean;
}

const isDone = (audit: Audit) =>
  (audit.status === 'completed' || audit.status === 'signed') && audit.completedAt !== null;

const coversRoom = (audit: Audit, roomId: string) => audit.roomIds.includes(roomId);

/** The completed or signed audit of the room that completed last, if any. */
export function lastCompletedAudit(audits: readonly Audit[], roomId: string): Audit | null {
  let best: Audit | null = null;
  for (const audit of audits) {
    if (!isDone(audit) || !coversRoom(audit, roomId)) continue;
    if (best === null || audit.completedAt! > best.completedAt!) best = audit;
  }
  return best;
}

/** The most recently started audit of the room in any status but draft (the "current" one). */
export function latestAudit(audits: readonly Audit[], roomId: string): Audit | null {
  let best: Audit | null = null;
  for (const audit of audits) {
    if (audit.status === 'draft' || !coversRoom(audit, roomId)) continue;
    if (
      best === null ||
      audit.startedAt > best.startedAt ||
      (audit.startedAt === best.startedAt && audit.id > best.id)
    )
      best = audit;
  }
  return best;
}

/**
 * The room's schedule on `today`: next due = day of the last completed audit + the room's
 * interval; due on that day, overdue from the day after; "due soon" within `dueSoonDays`.
 */
export function roomSchedule(
  room: Pick<Room, 'id' | 'auditIntervalDays'>,
  audits: readonly Audit[],
  today: string,
  options: { dueSoonDays?: number } = {},
): RoomSchedule {
  requireDayNumber(today, 'today');
  const dueSoonDays = options.dueSoonDays ?? 14;
  const last = lastCompletedAudit(audits, room.id);
  const lastAuditDate = last?.completedAt ? dateOfTimestamp(last.completedAt) : null;
  if (last === null || lastAuditDate === null) {
    return {
      lastCompletedAuditId: null,
      lastAuditDate: null,
      nextDue: null,
      daysUntilDue: null,
      status: 'never_audited',
      overdue: false,
    };
  }
  const nextDue = addDays(lastAuditDate, room.auditIntervalDays);
  const daysUntilDue = daysBetween(today, nextDue)!;
  const status: ScheduleStatus =
    daysUntilDue < 0 ? 'overdue' : daysUntilDue <= dueSoonDays ? 'due_soon' : 'ok';
  return {
    lastCompletedAuditId: last.id,
    lastAuditDate,
    nextDue,
    daysUntilDue,
    status,
    overdue: status === 'overdue',
  };
}

export type SeverityCounts = Record<Severity, number>;

/**
 * Open findings of the room by severity. Pass the findings of one audit (normally
 * `latestAudit`): carried-forward findings are copied into each new audit, so counting across
 * audits would count the same problem twice.
 */
export function openFindingsBySeverity(
  findings: readonly Finding[],
  roomId: string,
): SeverityCounts {
  const counts: SeverityCounts = { high: 0, medium: 0, low: 0 };
  for (const finding of findings) {
    if (finding.roomId === roomId && isOpenFinding(finding)) counts[finding.severity] += 1;
  }
  return counts;
}

export interface RoomOverview {
  readonly schedule: RoomSchedule;
  /** The audit whose findings are counted; null when the room has none. */
  readonly currentAuditId: string | null;
  readonly openFindings: SeverityCounts;
}

/** One row of the rooms overview: schedule plus open findings of the room's latest audit. */
export function roomOverview(
  room: Pick<Room, 'id' | 'auditIntervalDays'>,
  audits: readonly Audit[],
  findings: readonly Finding[],
  today: string,
): RoomOverview {
  const current = latestAudit(audits, room.id);
  return {
    schedule: roomSchedule(room, audits, today),
    currentAuditId: current?.id ?? null,
    openFindings: openFindingsBySeverity(
      current ? findings.filter((f) => f.auditId === current.id) : [],
      room.id,
    ),
  };
}
