import { call } from '../../bridge/client.ts';
import { db } from '../../db/instance.ts';
import { readAllTables } from '../../db/repositories/database-dump.ts';
import { freezeAudit } from '../../db/repositories/snapshot.ts';
import { buildBackupDocument } from './backup-document.ts';

// Backups main keeps for us in <dataDir>/backups: one after every completed audit, one before
// every restore. The file name is main's business; we give a label only.

let version: string | null = null;

export async function appVersion(): Promise<string> {
  if (version) return version;
  try {
    version = (await call('appInfo', {})).version;
  } catch {
    version = '0.0.0';
  }
  return version;
}

/** The whole database as backup text. */
export async function backupText(): Promise<string> {
  const doc = await buildBackupDocument(await readAllTables(db()), await appVersion());
  return JSON.stringify(doc);
}

/** Writes an automatic backup through main; returns its file name. */
export async function writeAutomaticBackup(label: string): Promise<string> {
  const written = await call('backupWrite', { label, content: await backupText() });
  return written.fileName;
}

export type CompletionAftermath = { frozen: boolean; backup: string | null; backupError: unknown };

/**
 * What must follow an audit's completion: its frozen record (the "prior" of later
 * comparisons, taken now so later inventory edits do not rewrite history) and an automatic
 * backup. The backup failing (no bridge, disk full) does not undo the completion; the caller
 * tells the user.
 */
export async function afterAuditCompleted(auditId: string): Promise<CompletionAftermath> {
  await freezeAudit(db(), auditId, await appVersion());
  try {
    const audit = await db().audits.get(auditId);
    return {
      frozen: true,
      backup: await writeAutomaticBackup(`audit completed ${audit?.title ?? auditId}`),
      backupError: null,
    };
  } catch (err) {
    return { frozen: true, backup: null, backupError: err };
  }
}
