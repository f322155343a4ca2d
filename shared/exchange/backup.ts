import { z } from 'zod';
import {
  AnswerSchema,
  AuditSchema,
  DeviceSchema,
  EvidenceMetaSchema,
  FindingSchema,
  Id,
  RackSchema,
  ReconciliationSchema,
  RoomSchema,
  SiteSchema,
  TemplateSchema,
  Timestamp,
} from '../domain/schemas.ts';
import {
  type ExchangeInput,
  parseWithSchema,
  readExchangeJson,
  requireUniqueIds,
  type Sha256,
  verifyEvidence,
} from './exchange-file.ts';
import { decodeBase64 } from '../encoding/base64.ts';
import { importError } from '../import/messages.ts';
import { AuditSnapshotSchema } from '../snapshot/schema.ts';

// The whole-database backup: every table of the renderer's database as plain JSON, evidence
// bytes (and thumbnails) as base64. Restore reads it with this parser and refuses anything it
// cannot vouch for, so a restore never half-succeeds. Tables are a strict object: a backup
// from a newer Roomcheck with a table this version does not know is refused by name rather
// than restored without it.

export const BACKUP_FORMAT = 'roomcheck.backup';
export const BACKUP_FORMAT_VERSION = 1;
const KIND = {
  format: BACKUP_FORMAT,
  formatVersion: BACKUP_FORMAT_VERSION,
  name: 'Roomcheck backup',
};

export const BackupEvidenceSchema = EvidenceMetaSchema.extend({
  dataBase64: z.string(),
  /** The small preview image the app keeps next to the photo, if any. */
  thumbnailBase64: z.string().nullable(),
});
export type BackupEvidence = z.infer<typeof BackupEvidenceSchema>;

export const SettingSchema = z.object({ key: z.string().min(1).max(200), value: z.json() });
export type Setting = z.infer<typeof SettingSchema>;

export const ImportLogEntrySchema = z.object({
  id: Id,
  at: Timestamp,
  fileName: z.string().max(1000),
  sha256: z.string().max(64),
  source: z.string().max(100),
  counts: z.object({
    added: z.number().int().min(0),
    updated: z.number().int().min(0),
    rejected: z.number().int().min(0),
    skipped: z.number().int().min(0),
  }),
  by: z.string().max(200),
});
export type ImportLogEntry = z.infer<typeof ImportLogEntrySchema>;

/** A completed audit frozen as it was, so later comparisons see its inventory unchanged. */
export const AuditRecordSchema = z.object({
  auditId: Id,
  siteId: Id,
  roomIds: z.array(Id),
  completedAt: Timestamp,
  source: z.enum(['completed', 'signed-report', 'export']),
  snapshot: AuditSnapshotSchema,
});
export type AuditRecord = z.infer<typeof AuditRecordSchema>;

// The renderer's tables (renderer/db/repositories/database-dump.ts TABLE_NAMES), in the order
// a restore writes them.
export const BackupTablesSchema = z.strictObject({
  settings: z.array(SettingSchema),
  templates: z.array(TemplateSchema),
  sites: z.array(SiteSchema),
  rooms: z.array(RoomSchema),
  racks: z.array(RackSchema),
  devices: z.array(DeviceSchema),
  audits: z.array(AuditSchema),
  answers: z.array(AnswerSchema),
  findings: z.array(FindingSchema),
  reconciliations: z.array(ReconciliationSchema),
  evidence: z.array(BackupEvidenceSchema),
  auditRecords: z.array(AuditRecordSchema),
  importLog: z.array(ImportLogEntrySchema),
});
export type BackupTables = z.infer<typeof BackupTablesSchema>;
export const BACKUP_TABLES = Object.keys(BackupTablesSchema.shape) as (keyof BackupTables)[];

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: Timestamp,
  app: z.object({ name: z.literal('Roomcheck'), version: z.string().max(50) }),
  /** The database schema version the tables were read from; a newer one cannot be restored. */
  databaseVersion: z.number().int().min(1),
  tables: BackupTablesSchema,
});
export type Backup = z.infer<typeof BackupSchema>;

export function serializeBackup(backup: Omit<Backup, 'format' | 'formatVersion'>): string {
  const full: Backup = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: backup.createdAt,
    app: backup.app,
    databaseVersion: backup.databaseVersion,
    tables: backup.tables,
  };
  return `${JSON.stringify(full, null, 1)}\n`;
}

/**
 * Reads a backup. Throws ImportError for a file that is not a Roomcheck backup of this
 * version, is truncated or malformed, repeats a key or an id, or holds evidence whose bytes
 * do not match their size and SHA-256. Settings are keyed by `key`, audit records by
 * `auditId`. The caller refuses a `databaseVersion` newer than its own.
 */
export async function parseBackup(text: ExchangeInput, deps: { sha256: Sha256 }): Promise<Backup> {
  const backup = parseWithSchema(BackupSchema, readExchangeJson(text, KIND));
  const t = backup.tables;
  for (const table of BACKUP_TABLES) {
    if (table === 'settings' || table === 'auditRecords') continue;
    requireUniqueIds(table, t[table] as readonly { id: string }[]);
  }
  requireUniqueIds(
    'settings',
    t.settings.map((s) => ({ id: s.key })),
  );
  requireUniqueIds(
    'auditRecords',
    t.auditRecords.map((r) => ({ id: r.auditId })),
  );
  await verifyEvidence(t.evidence, deps.sha256);
  for (const e of t.evidence) {
    if (e.thumbnailBase64 !== null && decodeBase64(e.thumbnailBase64) === null) {
      throw importError('evidence_bad_base64', { id: e.id });
    }
  }
  return backup;
}
