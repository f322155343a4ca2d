import type { AuditSide } from '../../../shared/compare/compare-audits.ts';
import type { Audit } from '../../../shared/domain/schemas.ts';
import type { RoomcheckDb } from '../db.ts';

// One audit as a comparison sees it. A completed or imported audit is read from its frozen
// record, so it shows the inventory of its own day even after devices were edited since; an
// audit still in progress is read live (its inventory is today's).

export type LoadedSide = AuditSide & { frozen: boolean };

/** Reads inside the caller's transaction when there is one (tables: audits, auditRecords, devices, findings). */
export async function loadAuditSide(db: RoomcheckDb, auditId: string): Promise<LoadedSide | null> {
  const record = await db.auditRecords.get(auditId);
  if (record) {
    const s = record.snapshot;
    return { audit: s.audit, devices: s.devices, findings: s.findings, frozen: true };
  }
  const audit = await db.audits.get(auditId);
  if (!audit) return null;
  const [devices, findings] = await Promise.all([
    db.devices.where('roomId').anyOf(audit.roomIds).toArray(),
    db.findings.where('auditId').equals(auditId).toArray(),
  ]);
  return { audit, devices, findings, frozen: false };
}

/** Every audit that covered the room, newest first by start. */
export async function listRoomAudits(db: RoomcheckDb, roomId: string): Promise<Audit[]> {
  const audits = await db.audits.where('roomIds').equals(roomId).toArray();
  return audits.sort((a, b) =>
    a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0,
  );
}
