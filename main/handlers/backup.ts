import { join } from 'node:path';
import { BACKUP_DIR_NAME, listBackups, writeBackup } from '../backup/backup-store.ts';
import { catalogError, UserError, type Handler } from '../bridge/router.ts';

/**
 * Only a Roomcheck backup document is written: a renderer bug (or a page that should not be
 * talking to us) cannot fill the backup folder with arbitrary files that a later restore
 * would offer to the user.
 */
function assertBackupDocument(content: string): void {
  let value: unknown;
  try {
    value = JSON.parse(content);
  } catch {
    throw catalogError('error.backup.notJson', {}, 'bad_request');
  }
  const doc = value as { format?: unknown; formatVersion?: unknown } | null;
  if (
    typeof doc !== 'object' ||
    doc === null ||
    Array.isArray(doc) ||
    doc.format !== 'roomcheck.backup' ||
    typeof doc.formatVersion !== 'number'
  ) {
    throw catalogError('error.backup.notBackup', {}, 'bad_request');
  }
}

export const backupWrite: Handler<'backupWrite'> = async (req, ctx) => {
  assertBackupDocument(req.content);
  try {
    const written = await writeBackup(ctx.dataDir, req.content, { label: req.label });
    return {
      fileName: written.fileName,
      directory: join(ctx.dataDir, BACKUP_DIR_NAME),
      bytes: written.bytes,
      kept: written.kept.length,
      removed: written.removed.length,
    };
  } catch (err) {
    if (err instanceof RangeError) throw new UserError(err.message, 'too_large');
    throw err;
  }
};

export const backupList: Handler<'backupList'> = async (_req, ctx) => ({
  directory: join(ctx.dataDir, BACKUP_DIR_NAME),
  files: await listBackups(ctx.dataDir),
});
