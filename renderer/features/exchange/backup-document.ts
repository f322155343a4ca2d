import {
  BACKUP_FORMAT,
  BACKUP_FORMAT_VERSION,
  type Backup,
} from '../../../shared/exchange/backup.ts';
import { CURRENT_VERSIONS } from '../../../shared/migrations/records.ts';
import { base64ToBytes, bytesToBase64 } from '../../../shared/encoding/base64.ts';
import type { DatabaseTables } from '../../db/repositories/database-dump.ts';
import { ExchangeError } from '../../db/exchange-error.ts';
import { LATEST_VERSION } from '../../db/schema.ts';
import type { EvidenceRow } from '../../db/types.ts';

// The whole-database backup (format `roomcheck.backup`, read and validated by
// shared/exchange/backup.ts): every table as it is, photos and their thumbnails as base64.
// This module turns the database's rows into that document and a validated document back
// into rows.

/** Thumbnails are always made as JPEG (features/audit/evidence-file.ts). */
const THUMBNAIL_TYPE = 'image/jpeg';

async function evidenceToBackup(row: EvidenceRow): Promise<Backup['tables']['evidence'][number]> {
  const { blob, thumbnail, ...meta } = row;
  return {
    ...meta,
    dataBase64: bytesToBase64(new Uint8Array(await blob.arrayBuffer())),
    thumbnailBase64: thumbnail
      ? bytesToBase64(new Uint8Array(await thumbnail.arrayBuffer()))
      : null,
  };
}

/** The backup document of a database dump (photos read into base64). */
export async function buildBackupDocument(
  tables: DatabaseTables,
  appVersion: string,
  now: Date = new Date(),
): Promise<Backup> {
  const evidence = await Promise.all(tables.evidence.map(evidenceToBackup));
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    records: CURRENT_VERSIONS,
    createdAt: now.toISOString(),
    app: { name: 'Roomcheck', version: appVersion },
    databaseVersion: LATEST_VERSION,
    tables: { ...tables, evidence } as Backup['tables'],
  };
}

/**
 * The rows a validated backup restores (photos back to Blobs). A backup of a newer database
 * is refused: its rows may carry fields this version would silently drop.
 */
export function backupToTables(backup: Backup): DatabaseTables {
  if (backup.databaseVersion > LATEST_VERSION)
    throw new ExchangeError(
      'newer_database',
      `The backup comes from database version ${backup.databaseVersion}; this Roomcheck has ${LATEST_VERSION}.`,
      { version: backup.databaseVersion },
    );
  const evidence: EvidenceRow[] = backup.tables.evidence.map((e) => {
    const { dataBase64, thumbnailBase64, ...meta } = e;
    return {
      ...meta,
      blob: new Blob([base64ToBytes(dataBase64) as BlobPart], { type: meta.mimeType }),
      thumbnail:
        thumbnailBase64 === null
          ? null
          : new Blob([base64ToBytes(thumbnailBase64) as BlobPart], { type: THUMBNAIL_TYPE }),
    };
  });
  return { ...(backup.tables as unknown as DatabaseTables), evidence };
}
