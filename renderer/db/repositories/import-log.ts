import type { RoomcheckDb } from '../db.ts';
import { newId, nowIso } from '../ids.ts';
import type { ImportLogRow } from '../types.ts';

// Every import and restore leaves one line here, written in the same transaction as the data
// it describes: an import that did not happen has no log line, one that happened always has.

/** Where the data came from; shown in the import log. */
export type ImportSource =
  'inventory-csv' | 'inventory-xlsx' | 'audit-export' | 'signed-report' | 'backup-restore';

/** What the caller knows about the file and the person. */
export type ImportLogInfo = { fileName: string; sha256: string; by: string };

export function importLogRow(
  info: ImportLogInfo,
  what: { source: ImportSource; counts: ImportLogRow['counts'] },
): ImportLogRow {
  return {
    id: newId(),
    at: nowIso(),
    fileName: info.fileName.slice(0, 255),
    sha256: info.sha256,
    source: what.source,
    counts: what.counts,
    by: info.by,
  };
}

/** The newest log lines first. */
export const listImportLog = (db: RoomcheckDb, limit = 200): Promise<ImportLogRow[]> =>
  db.importLog.orderBy('at').reverse().limit(limit).toArray();

/** Adds one log line; call it inside the transaction that writes what it describes. */
export const appendImportLog = async (db: RoomcheckDb, row: ImportLogRow): Promise<void> => {
  await db.importLog.add(row);
};
