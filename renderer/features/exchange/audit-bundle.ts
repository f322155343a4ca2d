import { serializeAuditBundle } from '../../../shared/exchange/audit-bundle.ts';
import type { RoomcheckDb } from '../../db/db.ts';
import { buildAuditSnapshot } from '../../db/repositories/snapshot.ts';

/**
 * The audit export file (format `roomcheck.audit-bundle`, read back by
 * shared/exchange/audit-bundle.ts): one audit with everything it refers to and its photos.
 */
export async function buildAuditBundleText(
  db: RoomcheckDb,
  auditId: string,
  appVersion: string,
): Promise<string> {
  const snapshot = await buildAuditSnapshot(db, auditId, {
    appVersion,
    signOff: null,
    includeEvidenceBytes: true,
  });
  return serializeAuditBundle(snapshot);
}
