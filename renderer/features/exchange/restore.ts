import type { RoomcheckDb } from '../../db/db.ts';
import {
  countRows,
  replaceAllTables,
  TABLE_NAMES,
  type DatabaseTables,
} from '../../db/repositories/database-dump.ts';
import {
  appendImportLog,
  importLogRow,
  type ImportLogInfo,
} from '../../db/repositories/import-log.ts';
import type { ImportLogRow } from '../../db/types.ts';

/**
 * Restores a backup by REPLACING the database: afterwards it holds exactly the backup's rows
 * plus one import-log line saying so. A backup is a point in time of everything; merging it
 * into other data would mix two histories (an audit completed in one and reopened in the
 * other, two devices claiming one asset tag), which is what audit bundles and inventory
 * imports are for. The whole replacement is one transaction.
 */
export async function restoreDatabase(
  db: RoomcheckDb,
  tables: DatabaseTables,
  info: ImportLogInfo,
): Promise<ImportLogRow> {
  const counts = countRows(tables);
  const total = TABLE_NAMES.reduce((sum, name) => sum + counts[name], 0);
  const log = importLogRow(info, {
    source: 'backup-restore',
    counts: { added: total, updated: 0, rejected: 0, skipped: 0 },
  });
  await replaceAllTables(db, tables, () => appendImportLog(db, log));
  return log;
}
