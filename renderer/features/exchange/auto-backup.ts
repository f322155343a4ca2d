import { call } from '../../bridge/client.ts';
import { db } from '../../db/instance.ts';
import { getAudit } from '../../db/repositories/audits.ts';
import { readAllTables } from '../../db/repositories/database-dump.ts';
import { makeTranslator } from '../../i18n/translate.ts';
import { useStore } from '../../store/store.ts';
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

export type CompletionAftermath = { backup: string | null; backupError: unknown };

/**
 * What must follow an audit's completion (whose frozen record was written with it): an
 * automatic backup. A failed backup (no bridge, disk full) does not undo the completion; the
 * user is told in a toast either way.
 */
export async function afterAuditCompleted(auditId: string): Promise<CompletionAftermath> {
  const { notify, lang } = useStore.getState();
  const t = makeTranslator(lang);
  try {
    const audit = await getAudit(db(), auditId);
    const backup = await writeAutomaticBackup(`audit completed ${audit?.title ?? auditId}`);
    notify('info', t('exchange.autoBackupWritten', { file: backup }));
    return { backup, backupError: null };
  } catch (err) {
    notify('error', t('exchange.autoBackupFailed'));
    return { backup: null, backupError: err };
  }
}
