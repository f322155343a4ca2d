import { z } from 'zod';
import { AuditSchema, type Audit } from '../../../shared/domain/schemas.ts';
import type { AuditSnapshot } from '../../../shared/snapshot/schema.ts';
import type { RoomcheckDb } from '../db.ts';
import { nowIso } from '../ids.ts';
import { recordRow } from './snapshot.ts';

// What this computer remembers of the reports it signed: one settings row per audit with every
// version, so the next signature of the same audit proposes the same report id and the next
// version number. The PDF itself is the user's to keep; we do not store it.

export const SignedReportEntrySchema = z.object({
  reportId: z.string().max(100),
  reportVersion: z.number().int().min(1),
  language: z.enum(['en', 'zh']),
  signedAt: z.string(),
  signer: z.string().max(300),
  signerFingerprint: z.string().max(128),
  pageCount: z.number().int().min(0),
  fileName: z.string().max(300),
  bytes: z.number().int().min(0),
});
export type SignedReportEntry = z.infer<typeof SignedReportEntrySchema>;

const HistorySchema = z.array(SignedReportEntrySchema).max(1000);

const historyKey = (auditId: string) => `signedReports:${auditId}`;

/** Reports signed for this audit on this computer, oldest first; a damaged row reads as none. */
export async function listSignedReports(
  db: RoomcheckDb,
  auditId: string,
): Promise<SignedReportEntry[]> {
  const row = await db.settings.get(historyKey(auditId));
  const parsed = HistorySchema.safeParse(row?.value ?? []);
  return parsed.success ? parsed.data : [];
}

export const canSign = (audit: Pick<Audit, 'status'>): boolean =>
  audit.status === 'completed' || audit.status === 'signed';

export class NotSignableError extends Error {
  constructor() {
    super('Only a completed audit can be signed; complete it first.');
    this.name = 'NotSignableError';
  }
}

/**
 * After main has signed and self-verified a report: marks the audit signed (so it can no longer
 * be reopened), remembers the report in the audit's history, and keeps the snapshot that was
 * signed as the audit's frozen record when none exists yet (later audits compare against it).
 * One transaction: either all of it is recorded or none.
 */
export async function recordSignedReport(
  db: RoomcheckDb,
  auditId: string,
  entry: SignedReportEntry,
  snapshot: AuditSnapshot,
): Promise<Audit> {
  const checked = SignedReportEntrySchema.parse(entry);
  if (snapshot.audit.id !== auditId) throw new Error('The snapshot is of another audit.');
  return db.transaction('rw', [db.audits, db.settings, db.auditRecords], async () => {
    const audit = await db.audits.get(auditId);
    if (!audit) throw new Error('This audit no longer exists.');
    if (!canSign(audit)) throw new NotSignableError();
    const next = AuditSchema.parse({ ...audit, status: 'signed', updatedAt: nowIso() });
    await db.audits.put(next);
    const row = await db.settings.get(historyKey(auditId));
    const parsed = HistorySchema.safeParse(row?.value ?? []);
    const history = parsed.success ? parsed.data : [];
    await db.settings.put({ key: historyKey(auditId), value: [...history, checked] });
    if (!(await db.auditRecords.get(auditId))) {
      await db.auditRecords.put(
        recordRow({
          auditId,
          siteId: snapshot.audit.siteId,
          roomIds: snapshot.audit.roomIds,
          completedAt: snapshot.audit.completedAt ?? snapshot.createdAt,
          source: 'completed',
          snapshot: {
            ...snapshot,
            audit: next,
            evidence: snapshot.evidence.map((e) => ({ ...e, dataBase64: null })),
          },
        }),
      );
    }
    return next;
  });
}

/** The report id and version to propose: the last one's id and the next number, or a new id. */
export function nextReportNumbering(
  audit: Pick<Audit, 'id' | 'startedAt'>,
  history: readonly SignedReportEntry[],
): { reportId: string; reportVersion: number } {
  const last = history.at(-1);
  if (last) {
    return {
      reportId: last.reportId,
      reportVersion: Math.max(...history.map((h) => h.reportVersion)) + 1,
    };
  }
  const day = audit.startedAt.slice(0, 10).replaceAll('-', '');
  const tail = audit.id.replaceAll('-', '').slice(0, 6).toUpperCase();
  return { reportId: `RC-${day}-${tail}`, reportVersion: 1 };
}
