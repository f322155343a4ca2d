import { bytesToBase64 } from '../../../shared/encoding/base64.ts';
import type { Audit, Finding } from '../../../shared/domain/schemas.ts';
import { autoFindingId } from '../../../shared/findings/findings.ts';
import {
  assembleSnapshot,
  AuditSnapshotSchema,
  type AuditSnapshot,
  type SignOff,
  type SnapshotEvidence,
} from '../../../shared/snapshot/schema.ts';
import { checkRecordId } from '../../../shared/record/frozen-record.ts';
import { recordId } from '../../../shared/record/record-id.ts';
import type { RoomcheckDb } from '../db.ts';
import type { AuditRecordRow, EvidenceRow } from '../types.ts';

// The audit snapshot (shared/snapshot/schema.ts) of one audit. While the audit is in progress
// it is read from the database: the audit's scope (the devices and the state it inspects,
// fixed at its start), its answers, findings, reconciliation and evidence. Once the audit is
// completed it is read from its frozen record only, written in the completion's transaction:
// whatever happens later to the inventory, templates, sites or rooms, every screen and report
// of a completed audit shows what was recorded then.

export type SnapshotOptions = {
  appVersion: string;
  signOff: SignOff | null;
  /** Evidence bytes as base64 (reports and exports); frozen records keep metadata only. */
  includeEvidenceBytes: boolean;
  now?: Date;
};

/** Completed and signed audits are frozen: read from their record, never changed. */
export const isFrozen = (audit: Pick<Audit, 'status'>): boolean =>
  audit.status === 'completed' || audit.status === 'signed';

/** The tables an audit's content is read from (for callers that read it in their transaction). */
export const CONTENT_TABLES = (db: RoomcheckDb) => [
  db.audits,
  db.sites,
  db.rooms,
  db.racks,
  db.devices,
  db.auditScopes,
  db.templates,
  db.answers,
  db.findings,
  db.reconciliations,
  db.evidence,
  db.auditRecords,
];

/** A photo referenced by SHA-256 from a carried finding, as an evidence item of this audit. */
function referencedEvidence(finding: Finding): SnapshotEvidence[] {
  return finding.evidenceRefs.map((ref) => ({
    id: `ref-${ref.sha256.slice(0, 32)}-${autoFindingId(finding.id)}`,
    auditId: finding.auditId,
    findingId: finding.id,
    deviceId: finding.deviceId,
    fileName: ref.fileName,
    mimeType: ref.mimeType,
    size: ref.size,
    sha256: ref.sha256,
    caption: ref.caption,
    createdAt: finding.createdAt,
    dataBase64: null,
  }));
}

/**
 * The live content of an audit as a snapshot (no evidence bytes). Call inside a transaction on
 * CONTENT_TABLES, or alone (Dexie then opens one per read; use it only for a consistent copy
 * inside a transaction).
 */
async function liveSnapshot(
  db: RoomcheckDb,
  audit: Audit,
  meta: { createdAt: string; appVersion: string; signOff: SignOff | null },
): Promise<AuditSnapshot> {
  const [site, rooms, racks, scope, template, answers, findings, reconciliations, evidence, prior] =
    await Promise.all([
      db.sites.get(audit.siteId),
      db.rooms.bulkGet(audit.roomIds),
      db.racks.where('roomId').anyOf(audit.roomIds).toArray(),
      db.auditScopes.get(audit.id),
      db.templates.get(audit.templateId),
      db.answers.where('auditId').equals(audit.id).toArray(),
      db.findings.where('auditId').equals(audit.id).toArray(),
      db.reconciliations.where('auditId').equals(audit.id).toArray(),
      db.evidence.where('auditId').equals(audit.id).toArray(),
      audit.priorAuditId ? readRecord(db, audit.priorAuditId) : Promise.resolve(undefined),
    ]);
  if (!site) throw new Error('The site of this audit no longer exists.');
  if (!template) throw new Error('The checklist template of this audit no longer exists.');
  // Before scopes existed (restored from an old backup while in progress): the rooms' devices.
  const devices =
    scope?.devices ?? (await db.devices.where('roomId').anyOf(audit.roomIds).toArray());
  const inScope = new Set(devices.map((d) => d.id));
  const p = prior?.snapshot;
  return AuditSnapshotSchema.parse(
    assembleSnapshot({
      createdAt: meta.createdAt,
      app: { name: 'Roomcheck', version: meta.appVersion },
      site,
      rooms: rooms.filter((r) => r !== undefined),
      racks,
      devices,
      template,
      audit,
      // Answers about devices taken out of the scope are no longer part of the audit.
      answers: answers.filter((a) => a.deviceId === null || inScope.has(a.deviceId)),
      findings,
      reconciliations,
      evidence: [
        ...evidence.map(({ blob: _b, thumbnail: _t, ...m }) => ({ ...m, dataBase64: null })),
        ...findings.flatMap(referencedEvidence),
      ],
      prior: p ? { audit: p.audit, devices: p.devices, findings: p.findings } : null,
      signOff: meta.signOff,
      scope: {
        fixedAt: scope?.fixedAt ?? audit.startedAt,
        decisions: scope?.decisions ?? [],
      },
    }),
  );
}

/**
 * Writes the frozen record of an audit that has just been completed. Call inside the
 * completion's rw transaction on CONTENT_TABLES, so the audit is completed with its record or
 * not at all. The record's time is the completion's, so its content depends on nothing else.
 */
export async function writeRecord(
  db: RoomcheckDb,
  audit: Audit,
  appVersion: string,
): Promise<AuditRecordRow> {
  const completedAt = audit.completedAt ?? audit.updatedAt;
  const snapshot = await liveSnapshot(db, audit, {
    createdAt: completedAt,
    appVersion,
    signOff: null,
  });
  const row = recordRow({
    auditId: audit.id,
    siteId: audit.siteId,
    roomIds: audit.roomIds,
    completedAt,
    source: 'completed',
    snapshot,
  });
  await db.auditRecords.put(row);
  return row;
}

/** A record row as every writer stores it: the snapshot without a record id, and its id. */
export function recordRow(fields: Omit<AuditRecordRow, 'recordId'>): AuditRecordRow {
  const { recordId: _stale, ...snapshot } = fields.snapshot;
  return { ...fields, snapshot, recordId: recordId(snapshot) };
}

/**
 * The frozen record of an audit, when it has one (completed here, or imported), checked
 * against its content-derived id: a record whose content changed since it was stored throws
 * DamagedRecordError rather than being shown or reported as if it were the record.
 */
export async function readRecord(
  db: RoomcheckDb,
  auditId: string,
): Promise<AuditRecordRow | undefined> {
  const row = await db.auditRecords.get(auditId);
  if (row) checkRecordId(auditId, row);
  return row;
}

/**
 * The names a record gives its site and rooms, read without the id check: lists show the
 * names of deleted places from it; a damaged record is reported where it is opened.
 */
export async function recordedPlaceNames(db: RoomcheckDb, auditId: string) {
  const snapshot = (await db.auditRecords.get(auditId))?.snapshot;
  return snapshot && { site: snapshot.site.name, rooms: snapshot.rooms };
}

async function withBytes(db: RoomcheckDb, e: SnapshotEvidence): Promise<SnapshotEvidence> {
  const row: EvidenceRow | undefined =
    (await db.evidence.get(e.id)) ?? (await db.evidence.where('sha256').equals(e.sha256).first());
  if (!row) return e;
  return { ...e, dataBase64: bytesToBase64(new Uint8Array(await row.blob.arrayBuffer())) };
}

/**
 * Everything one audit refers to. A completed audit's snapshot is its record with the
 * sign-off (and, for reports and exports, the photos' bytes found by id or SHA-256) added: two
 * reports of it differ in nothing else. An audit in progress is read live in one transaction.
 */
export async function buildAuditSnapshot(
  db: RoomcheckDb,
  auditId: string,
  options: SnapshotOptions,
): Promise<AuditSnapshot> {
  const base = await db.transaction('r', CONTENT_TABLES(db), async () => {
    const [audit, record] = await Promise.all([db.audits.get(auditId), readRecord(db, auditId)]);
    if (record && (!audit || isFrozen(audit)))
      return { ...record.snapshot, signOff: options.signOff, recordId: record.recordId };
    if (!audit) throw new Error('This audit no longer exists.');
    return liveSnapshot(db, audit, {
      createdAt: (options.now ?? new Date()).toISOString(),
      appVersion: options.appVersion,
      signOff: options.signOff,
    });
  });
  if (!options.includeEvidenceBytes) return base;
  // Blob reads happen outside the transaction: IndexedDB transactions close on foreign awaits.
  return { ...base, evidence: await Promise.all(base.evidence.map((e) => withBytes(db, e))) };
}
