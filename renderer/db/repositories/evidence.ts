import { EvidenceMetaSchema } from '../../../shared/domain/schemas.ts';
import type { EvidenceMimeType } from '../../../shared/domain/enums.ts';
import { EVIDENCE_MAX_BYTES } from '../../../shared/evidence/image-check.ts';
import type { RoomcheckDb } from '../db.ts';
import type { EvidenceRow } from '../types.ts';
import { newId, nowIso } from '../ids.ts';
import { writableAudit } from './audits.ts';

/** A photo already checked by its bytes and hashed (features/findings/evidence-file.ts). */
export type PreparedEvidence = {
  fileName: string;
  mimeType: EvidenceMimeType;
  blob: Blob;
  sha256: string;
  thumbnail: Blob | null;
};

/**
 * Stores a photo for a finding. The same bytes attached twice to one finding are stored once
 * (the existing row is returned), so a double drop does not duplicate evidence in the report.
 */
export async function addFindingEvidence(
  db: RoomcheckDb,
  findingId: string,
  photo: PreparedEvidence,
  caption = '',
): Promise<{ row: EvidenceRow; duplicate: boolean }> {
  if (photo.blob.size > EVIDENCE_MAX_BYTES) throw new Error('The photo is larger than allowed.');
  return db.transaction('rw', [db.findings, db.audits, db.evidence], async () => {
    const finding = await db.findings.get(findingId);
    if (!finding) throw new Error('This finding no longer exists.');
    await writableAudit(db, finding.auditId);
    const same = await db.evidence
      .where('sha256')
      .equals(photo.sha256)
      .filter((e) => e.findingId === findingId)
      .first();
    if (same) return { row: same, duplicate: true };
    const meta = EvidenceMetaSchema.parse({
      id: newId(),
      auditId: finding.auditId,
      findingId,
      deviceId: finding.deviceId,
      fileName: photo.fileName.slice(0, 255),
      mimeType: photo.mimeType,
      size: photo.blob.size,
      sha256: photo.sha256,
      caption,
      createdAt: nowIso(),
    });
    const row: EvidenceRow = { ...meta, blob: photo.blob, thumbnail: photo.thumbnail };
    await db.evidence.add(row);
    return { row, duplicate: false };
  });
}

export const listFindingEvidence = (db: RoomcheckDb, findingId: string): Promise<EvidenceRow[]> =>
  db.evidence.where('findingId').equals(findingId).sortBy('createdAt');

/** Photos of a device, newest first. */
export const listDeviceEvidence = async (
  db: RoomcheckDb,
  deviceId: string,
): Promise<EvidenceRow[]> =>
  (await db.evidence.where('deviceId').equals(deviceId).sortBy('createdAt')).reverse();

/** Stored evidence with any of these SHA-256 digests (the same photo attached elsewhere). */
export const listEvidenceByDigest = (db: RoomcheckDb, sha256s: string[]): Promise<EvidenceRow[]> =>
  db.evidence.where('sha256').anyOf(sha256s).toArray();

export async function removeEvidence(db: RoomcheckDb, id: string): Promise<void> {
  await db.transaction('rw', [db.evidence, db.audits], async () => {
    const row = await db.evidence.get(id);
    if (!row) return;
    if (row.auditId) await writableAudit(db, row.auditId);
    await db.evidence.delete(id);
  });
}
