import type { FindingStatus, Severity } from '../../../shared/domain/enums.ts';
import { FindingSchema, IsoDate, type Finding } from '../../../shared/domain/schemas.ts';
import { checkStatusChange, firstSighting } from '../../../shared/findings/findings.ts';
import { isCarried } from '../../../shared/findings/lifecycle.ts';
import type { RoomcheckDb } from '../db.ts';
import { newId, nowIso } from '../ids.ts';
import { writableAudit } from './audits.ts';

// Findings: raised by failed answers (audits.ts, in the answer's transaction) or by hand here.
// Everything about a finding locks with its audit: the completed audit's record holds it as it
// was. Remediation is followed up in the next audit, into which open findings are carried
// (one identity across audits, shared/findings/lifecycle.ts), and closed there when verified.

export type ManualFindingInput = {
  auditId: string;
  roomId: string;
  deviceId: string | null;
  severity: Severity;
  title: string;
  detail: string;
};

export async function createManualFinding(
  db: RoomcheckDb,
  input: ManualFindingInput,
): Promise<Finding> {
  if (!input.title.trim()) throw new Error('A finding needs a title.');
  return db.transaction('rw', [db.audits, db.findings, db.devices], async () => {
    const audit = await writableAudit(db, input.auditId);
    if (!audit.roomIds.includes(input.roomId))
      throw new Error('This room is not part of the audit.');
    if (input.deviceId) {
      const device = await db.devices.get(input.deviceId);
      if (!device || device.roomId !== input.roomId)
        throw new Error('This device is not in the chosen room.');
    }
    const now = nowIso();
    const id = newId();
    const finding = FindingSchema.parse({
      id,
      auditId: audit.id,
      roomId: input.roomId,
      deviceId: input.deviceId,
      itemId: null,
      severity: input.severity,
      severityChanges: [],
      title: input.title.trim(),
      detail: input.detail,
      remediation: '',
      owner: '',
      dueDate: null,
      status: 'open',
      statusReason: '',
      firstSeenAuditId: audit.id,
      firstSeenAt: now,
      ...firstSighting(id, audit.id, now),
      createdAt: now,
      updatedAt: now,
    });
    await db.findings.add(finding);
    return finding;
  });
}

export const listFindings = (db: RoomcheckDb, auditId: string): Promise<Finding[]> =>
  db.findings.where('auditId').equals(auditId).toArray();

/** Every finding raised in these rooms, in any audit. */
export const listFindingsOfRooms = (db: RoomcheckDb, roomIds: string[]): Promise<Finding[]> =>
  roomIds.length ? db.findings.where('roomId').anyOf(roomIds).toArray() : Promise.resolve([]);

async function existing(db: RoomcheckDb, id: string): Promise<Finding> {
  const finding = await db.findings.get(id);
  if (!finding) throw new Error('This finding no longer exists.');
  return finding;
}

export type RemediationPatch = Partial<
  Pick<Finding, 'detail' | 'remediation' | 'owner' | 'dueDate'>
>;

/** Edits what is done about a finding, while its audit is open. */
export async function updateRemediation(
  db: RoomcheckDb,
  id: string,
  patch: RemediationPatch,
): Promise<Finding> {
  if (patch.dueDate != null && !IsoDate.safeParse(patch.dueDate).success)
    throw new Error('The due date must be a date as YYYY-MM-DD.');
  return db.transaction('rw', [db.findings, db.audits], async () => {
    const finding = await existing(db, id);
    await writableAudit(db, finding.auditId);
    const next = FindingSchema.parse({ ...finding, ...patch, updatedAt: nowIso() });
    await db.findings.put(next);
    return next;
  });
}

/** Changes a finding's severity, keeping the old value, the reason, who and when. */
export async function changeSeverity(
  db: RoomcheckDb,
  id: string,
  to: Severity,
  reason: string,
  by: string,
): Promise<Finding> {
  if (!reason.trim()) throw new Error('Give the reason for changing the severity.');
  return db.transaction('rw', [db.findings, db.audits], async () => {
    const finding = await existing(db, id);
    await writableAudit(db, finding.auditId);
    if (finding.severity === to) return finding;
    const now = nowIso();
    const next = FindingSchema.parse({
      ...finding,
      severity: to,
      severityChanges: [
        ...finding.severityChanges,
        { from: finding.severity, to, reason: reason.trim(), by, at: now },
      ],
      updatedAt: now,
    });
    await db.findings.put(next);
    return next;
  });
}

export class ReasonRequiredError extends Error {
  constructor() {
    super('Accepting a risk needs a reason.');
    this.name = 'ReasonRequiredError';
  }
}

export async function setFindingStatus(
  db: RoomcheckDb,
  id: string,
  status: FindingStatus,
  reason: string,
): Promise<Finding> {
  if (checkStatusChange(status, reason) === 'reasonRequired') throw new ReasonRequiredError();
  return db.transaction('rw', [db.findings, db.audits], async () => {
    const finding = await existing(db, id);
    const audit = await writableAudit(db, finding.auditId);
    const now = nowIso();
    const by = audit.inspectors[0] ?? '';
    // Closing a carried finding in a follow-up verifies it resolved in this audit.
    const resolution =
      status === 'closed' && isCarried(finding) && by ? { auditId: audit.id, by, at: now } : null;
    const next = FindingSchema.parse({
      ...finding,
      status,
      statusReason: reason.trim(),
      resolution,
      updatedAt: now,
    });
    await db.findings.put(next);
    return next;
  });
}

export class NotCarriedError extends Error {
  constructor() {
    super('Only a finding carried from an earlier audit can be resolved by re-checking it.');
    this.name = 'NotCarriedError';
  }
}

/**
 * Closes a carried finding as "resolved, verified in" this audit, recording who verified it
 * (the walk-through's one key, or the finding's own button).
 */
export async function resolveCarriedFinding(
  db: RoomcheckDb,
  id: string,
  by: string,
  reason: string,
): Promise<Finding> {
  if (!by.trim()) throw new Error('Say who verified the finding resolved.');
  return db.transaction('rw', [db.findings, db.audits], async () => {
    const finding = await existing(db, id);
    const audit = await writableAudit(db, finding.auditId);
    if (!isCarried(finding)) throw new NotCarriedError();
    const at = nowIso();
    const next = FindingSchema.parse({
      ...finding,
      status: 'closed',
      statusReason: reason,
      resolution: { auditId: audit.id, by: by.trim(), at },
      updatedAt: at,
    });
    await db.findings.put(next);
    return next;
  });
}
