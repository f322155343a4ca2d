import type { AuditSide } from '../../../shared/compare/compare-audits.ts';
import type { Audit, EvidenceMeta } from '../../../shared/domain/schemas.ts';
import type { RoomcheckDb } from '../db.ts';
import { readRecord } from './snapshot.ts';

// One audit as a comparison sees it. A completed or imported audit is read from its frozen
// record, so it shows the inventory of its own day even after devices were edited since; an
// audit still in progress is read live (its inventory is today's).

export type LoadedSide = AuditSide & {
  frozen: boolean;
  /** Photos recorded with its findings (metadata; the bytes are found by SHA-256). */
  evidence: readonly EvidenceMeta[];
};

/** The tables loadAuditSide reads, for callers that read it inside their own transaction. */
export const SIDE_TABLES = (db: RoomcheckDb) => [
  db.audits,
  db.auditRecords,
  db.auditScopes,
  db.devices,
  db.findings,
  db.answers,
  db.reconciliations,
  db.evidence,
];

/** Reads inside the caller's transaction when there is one (tables: SIDE_TABLES). */
export async function loadAuditSide(db: RoomcheckDb, auditId: string): Promise<LoadedSide | null> {
  const record = await readRecord(db, auditId);
  if (record) {
    const s = record.snapshot;
    return { ...s, frozen: true };
  }
  const audit = await db.audits.get(auditId);
  if (!audit) return null;
  const [scope, findings, answers, reconciliations, evidence] = await Promise.all([
    db.auditScopes.get(auditId),
    db.findings.where('auditId').equals(auditId).toArray(),
    db.answers.where('auditId').equals(auditId).toArray(),
    db.reconciliations.where('auditId').equals(auditId).toArray(),
    db.evidence.where('auditId').equals(auditId).toArray(),
  ]);
  const devices =
    scope?.devices ?? (await db.devices.where('roomId').anyOf(audit.roomIds).toArray());
  return {
    audit,
    devices,
    findings,
    answers,
    reconciliations,
    evidence: evidence.map(({ blob: _b, thumbnail: _t, ...meta }) => meta),
    frozen: false,
  };
}

/** Every audit that covered the room, newest first by start. */
export async function listRoomAudits(db: RoomcheckDb, roomId: string): Promise<Audit[]> {
  const audits = await db.audits.where('roomIds').equals(roomId).toArray();
  return audits.sort((a, b) =>
    a.startedAt < b.startedAt ? 1 : a.startedAt > b.startedAt ? -1 : 0,
  );
}
