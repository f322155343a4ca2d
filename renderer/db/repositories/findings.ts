import type { FindingStatus, Severity } from '../../../shared/domain/enums.ts';
import { FindingSchema, IsoDate, type Finding } from '../../../shared/domain/schemas.ts';
import { checkStatusChange } from '../../../shared/findings/findings.ts';
import type { RoomcheckDb } from '../db.ts';
import { newId, nowIso } from '../ids.ts';
import { AuditLockedError, isLocked, writableAudit } from './audits.ts';

// Findings: raised by failed answers (audits.ts, in the answer's transaction) or by hand here.
// What the audit found (title, severity, device) locks with the audit; the remediation (owner,
// due date, status) goes on after completion, because following it up is the manager's job.

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
    const finding = FindingSchema.parse({
      id: newId(),
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
      createdAt: now,
      updatedAt: now,
    });
    await db.findings.add(finding);
    return finding;
  });
}

export const listFindings = (db: RoomcheckDb, auditId: string): Promise<Finding[]> =>
  db.findings.where('auditId').equals(auditId).toArray();

async function existing(db: RoomcheckDb, id: string): Promise<Finding> {
  const finding = await db.findings.get(id);
  if (!finding) throw new Error('This finding no longer exists.');
  return finding;
}

export type RemediationPatch = Partial<
  Pick<Finding, 'detail' | 'remediation' | 'owner' | 'dueDate'>
>;

/** Edits what is done about a finding; allowed after completion (remediation follow-up). */
export async function updateRemediation(
  db: RoomcheckDb,
  id: string,
  patch: RemediationPatch,
): Promise<Finding> {
  if (patch.dueDate != null && !IsoDate.safeParse(patch.dueDate).success)
    throw new Error('The due date must be a date as YYYY-MM-DD.');
  return db.transaction('rw', [db.findings, db.audits], async () => {
    const finding = await existing(db, id);
    if (patch.detail !== undefined && patch.detail !== finding.detail) {
      // The detail is what the inspector saw: part of the audit record, so it locks with it.
      const audit = await db.audits.get(finding.auditId);
      if (audit && isLocked(audit)) throw new AuditLockedError();
    }
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
  return db.transaction('rw', db.findings, async () => {
    const finding = await existing(db, id);
    const next = FindingSchema.parse({
      ...finding,
      status,
      statusReason: reason.trim(),
      updatedAt: nowIso(),
    });
    await db.findings.put(next);
    return next;
  });
}
