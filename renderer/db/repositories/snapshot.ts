import { bytesToBase64 } from '../../../shared/encoding/base64.ts';
import {
  AuditSnapshotSchema,
  SNAPSHOT_FORMAT,
  SNAPSHOT_FORMAT_VERSION,
  type AuditSnapshot,
  type SignOff,
  type SnapshotEvidence,
} from '../../../shared/snapshot/schema.ts';
import type { RoomcheckDb } from '../db.ts';
import type { AuditRecordRow, EvidenceRow } from '../types.ts';

export type SnapshotOptions = {
  appVersion: string;
  signOff: SignOff | null;
  /** Evidence bytes as base64 (reports and exports); frozen records keep metadata only. */
  includeEvidenceBytes: boolean;
  now?: Date;
};

async function evidenceOf(row: EvidenceRow, withBytes: boolean): Promise<SnapshotEvidence> {
  const { blob, thumbnail: _thumbnail, ...meta } = row;
  return {
    ...meta,
    dataBase64: withBytes ? bytesToBase64(new Uint8Array(await blob.arrayBuffer())) : null,
  };
}

/**
 * Everything one audit refers to, read in a single transaction so the snapshot is consistent
 * even while the inspector keeps working. The prior audit comes from its frozen record, so the
 * comparison sees that day's inventory, not today's.
 */
export async function buildAuditSnapshot(
  db: RoomcheckDb,
  auditId: string,
  options: SnapshotOptions,
): Promise<AuditSnapshot> {
  const read = await db.transaction(
    'r',
    [
      db.audits,
      db.sites,
      db.rooms,
      db.racks,
      db.devices,
      db.templates,
      db.answers,
      db.findings,
      db.reconciliations,
      db.evidence,
      db.auditRecords,
    ],
    async () => {
      const audit = await db.audits.get(auditId);
      if (!audit) throw new Error('This audit no longer exists.');
      const [
        site,
        rooms,
        racks,
        devices,
        template,
        answers,
        findings,
        reconciliations,
        evidence,
        prior,
      ] = await Promise.all([
        db.sites.get(audit.siteId),
        db.rooms.bulkGet(audit.roomIds),
        db.racks.where('roomId').anyOf(audit.roomIds).toArray(),
        db.devices.where('roomId').anyOf(audit.roomIds).toArray(),
        db.templates.get(audit.templateId),
        db.answers.where('auditId').equals(auditId).toArray(),
        db.findings.where('auditId').equals(auditId).toArray(),
        db.reconciliations.where('auditId').equals(auditId).toArray(),
        db.evidence.where('auditId').equals(auditId).toArray(),
        audit.priorAuditId ? db.auditRecords.get(audit.priorAuditId) : Promise.resolve(undefined),
      ]);
      if (!site) throw new Error('The site of this audit no longer exists.');
      if (!template) throw new Error('The checklist template of this audit no longer exists.');
      return {
        audit,
        site,
        rooms: rooms.filter((r) => r !== undefined),
        racks,
        devices,
        template,
        answers,
        findings,
        reconciliations,
        evidence,
        prior,
      };
    },
  );
  // Blob reads happen outside the transaction: IndexedDB transactions close on foreign awaits.
  const evidence = await Promise.all(
    read.evidence.map((e) => evidenceOf(e, options.includeEvidenceBytes)),
  );
  const prior = read.prior?.snapshot;
  return AuditSnapshotSchema.parse({
    format: SNAPSHOT_FORMAT,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    createdAt: (options.now ?? new Date()).toISOString(),
    app: { name: 'Roomcheck', version: options.appVersion },
    site: read.site,
    rooms: read.rooms,
    racks: read.racks,
    devices: read.devices,
    template: read.template,
    audit: read.audit,
    answers: read.answers,
    findings: read.findings,
    reconciliations: read.reconciliations,
    evidence,
    prior: prior ? { audit: prior.audit, devices: prior.devices, findings: prior.findings } : null,
    signOff: options.signOff,
  });
}

/** Keeps an audit as it is now, for later comparisons (called when an audit is completed). */
export async function freezeAudit(
  db: RoomcheckDb,
  auditId: string,
  appVersion: string,
): Promise<AuditRecordRow> {
  const snapshot = await buildAuditSnapshot(db, auditId, {
    appVersion,
    signOff: null,
    includeEvidenceBytes: false,
  });
  const row: AuditRecordRow = {
    auditId,
    siteId: snapshot.audit.siteId,
    roomIds: snapshot.audit.roomIds,
    completedAt: snapshot.audit.completedAt ?? snapshot.createdAt,
    source: 'completed',
    snapshot,
  };
  await db.auditRecords.put(row);
  return row;
}
