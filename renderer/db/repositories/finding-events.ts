import type { FindingStatus } from '../../../shared/domain/enums.ts';
import {
  FindingEventSchema,
  type Audit,
  type Finding,
  type FindingEvent,
} from '../../../shared/domain/schemas.ts';
import {
  findingStanding,
  statusFixedAt,
  withCurrentStatus,
  type FindingStanding,
} from '../../../shared/findings/status-events.ts';
import type { RoomcheckDb } from '../db.ts';
import { newId, nowIso } from '../ids.ts';
import { isFrozen, readRecord } from './snapshot.ts';

// The append-only log of finding status changes recorded after an audit was completed:
// remediated, closed, reopened, with who, when and why. The completed audit's record is never
// touched; every screen asks shared/findings/status-events.ts how a finding stands now. There
// is no update and no delete: a mistake is corrected by a further event.

export type FindingEventInput = {
  auditId: string;
  findingId: string;
  status: FindingStatus;
  by: string;
  reason: string;
};

export class StatusUnchangedError extends Error {
  constructor(readonly status: FindingStatus) {
    super(`The finding is already ${status}; record a different status.`);
    this.name = 'StatusUnchangedError';
  }
}

/**
 * Records that a finding of a completed audit changed status. Refused (nothing written) when
 * the audit is not completed (its findings are edited directly then), the finding is not in
 * its record, who or why is missing, or the status is the one it already has.
 */
export async function recordFindingEvent(
  db: RoomcheckDb,
  input: FindingEventInput,
): Promise<FindingEvent> {
  if (!input.by.trim()) throw new Error('Say who records the change.');
  if (!input.reason.trim()) throw new Error('Say why the status changes, or what shows it.');
  return db.transaction('rw', [db.audits, db.auditRecords, db.findingEvents], async () => {
    const audit = await db.audits.get(input.auditId);
    if (!audit) throw new Error('This audit no longer exists.');
    if (!isFrozen(audit))
      throw new Error('This audit is not completed; change the finding itself.');
    const record = await readRecord(db, audit.id);
    const finding = record?.snapshot.findings.find((f) => f.id === input.findingId);
    if (!record || !finding) throw new Error('This finding is not in the audit’s record.');
    const events = await db.findingEvents.where('lineageId').equals(finding.lineageId).toArray();
    const now = findingStanding(finding, record.completedAt, events);
    if (now.status === input.status) throw new StatusUnchangedError(input.status);
    const event = FindingEventSchema.parse({
      id: newId(),
      lineageId: finding.lineageId,
      findingId: finding.id,
      auditId: audit.id,
      status: input.status,
      by: input.by,
      at: nowIso(),
      reason: input.reason,
    });
    await db.findingEvents.add(event);
    return event;
  });
}

/**
 * How each finding stands now, by finding id. A finding of a completed (or imported) audit is
 * taken as its record froze it; one of an audit in progress as its row was last written.
 */
export async function findingStandings(
  db: RoomcheckDb,
  findings: readonly Finding[],
  audits: readonly Pick<Audit, 'id' | 'status' | 'completedAt'>[],
): Promise<Map<string, FindingStanding>> {
  const lineages = [...new Set(findings.map((f) => f.lineageId))];
  const events = lineages.length
    ? await db.findingEvents.where('lineageId').anyOf(lineages).toArray()
    : [];
  const auditById = new Map(audits.map((a) => [a.id, a]));
  return new Map(
    findings.map((f) => {
      const audit = auditById.get(f.auditId);
      const frozenAt = audit && isFrozen(audit) ? audit.completedAt : null;
      return [f.id, findingStanding(f, statusFixedAt(f, frozenAt), events)];
    }),
  );
}

/** The findings with the status they have now (for lists, counts and the carry-forward). */
export async function findingsAsTheyStand(
  db: RoomcheckDb,
  findings: readonly Finding[],
  audits: readonly Pick<Audit, 'id' | 'status' | 'completedAt'>[],
): Promise<Finding[]> {
  const standings = await findingStandings(db, findings, audits);
  return findings.map((f) => withCurrentStatus(f, standings.get(f.id)!));
}
