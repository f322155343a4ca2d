import { z } from 'zod';
import { scopeAtStart } from '../audit/scope.ts';
import {
  CURRENT_VERSIONS,
  declaredVersions,
  FIRST_VERSIONS,
  NewerRecordError,
  upgradeRecords,
  type RecordType,
} from '../migrations/records.ts';
import {
  AnswerSchema,
  AuditSchema,
  AuditScopeSchema,
  type Audit,
  type Device,
  DeviceSchema,
  EvidenceMetaSchema,
  FindingEventSchema,
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
import { contentId, frozenBeside } from '../record/frozen-record.ts';
import { RECORD_ID_PATTERN, recordId } from '../record/record-id.ts';
import { AuditSnapshotSchema, parseAnySnapshot, RecordVersionsSchema } from '../snapshot/schema.ts';

// The whole-database backup: every table of the renderer's database as plain JSON, evidence
// bytes (and thumbnails) as base64. Restore reads it with this parser and refuses anything it
// cannot vouch for, so a restore never half-succeeds. Tables are a strict object: a backup
// from a newer Roomcheck with a table this version does not know is refused by name rather
// than restored without it.
//
// Versions: 1 (database versions 1-3, record versions 1); 2 adds `records` (the version of each
// record type in the tables) and the audits' scopes; 3 (database 5) adds the finding status
// events recorded after completion (`findingEvents`) and each frozen record's `recordId`. Every
// version reads: rows are upgraded through the shared record chain, a v1 backup's audits get
// the scope their rooms' devices give them, as the database upgrade does, and records of v1
// and v2 get their id from their content and an empty event log. A v3 record whose content
// does not give its id is refused: the file was altered.

export const BACKUP_FORMAT = 'roomcheck.backup';
export const BACKUP_FORMAT_VERSION = 3;
const KIND = {
  format: BACKUP_FORMAT,
  formatVersion: BACKUP_FORMAT_VERSION,
  readable: [1, 2, 3],
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
  recordId: z.string().regex(RECORD_ID_PATTERN),
  /** The content as frozen, when the snapshot was upgraded after its id was given. */
  frozen: z.unknown().optional(),
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
  auditScopes: z.array(AuditScopeSchema),
  findingEvents: z.array(FindingEventSchema),
});
export type BackupTables = z.infer<typeof BackupTablesSchema>;
export const BACKUP_TABLES = Object.keys(BackupTablesSchema.shape) as (keyof BackupTables)[];

export const BackupSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  records: RecordVersionsSchema,
  createdAt: Timestamp,
  app: z.object({ name: z.literal('Roomcheck'), version: z.string().max(50) }),
  /** The database schema version the tables were read from; a newer one cannot be restored. */
  databaseVersion: z.number().int().min(1),
  tables: BackupTablesSchema,
});
export type Backup = z.infer<typeof BackupSchema>;

export function serializeBackup(
  backup: Omit<Backup, 'format' | 'formatVersion' | 'records'>,
): string {
  const full: Backup = {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    records: CURRENT_VERSIONS,
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
  const backup = parseWithSchema(BackupSchema, upgradeBackup(readExchangeJson(text, KIND)));
  const t = backup.tables;
  for (const table of BACKUP_TABLES) {
    if (table === 'settings' || table === 'auditRecords' || table === 'auditScopes') continue;
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
  requireUniqueIds(
    'auditScopes',
    t.auditScopes.map((r) => ({ id: r.auditId })),
  );
  for (const r of t.auditRecords)
    if (contentId(r) !== r.recordId) throw importError('record_damaged', { id: r.auditId });
  await verifyEvidence(t.evidence, deps.sha256);
  for (const e of t.evidence) {
    if (e.thumbnailBase64 !== null && decodeBase64(e.thumbnailBase64) === null) {
      throw importError('evidence_bad_base64', { id: e.id });
    }
  }
  return backup;
}

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

const TABLE_RECORDS: Partial<Record<keyof BackupTables, RecordType>> = {
  templates: 'template',
  sites: 'site',
  rooms: 'room',
  racks: 'rack',
  devices: 'device',
  audits: 'audit',
  answers: 'answer',
  findings: 'finding',
  reconciliations: 'reconciliation',
  evidence: 'evidence',
  auditScopes: 'scope',
  findingEvents: 'findingEvent',
};

/**
 * A backup of any readable version, its rows brought to the current record versions before
 * validation: each table through the shared chain, each frozen record's snapshot through the
 * snapshot reader, and (from v1) a scope for every audit from its rooms' devices.
 */
function upgradeBackup(raw: Json): Json {
  if (!isObject(raw.tables)) return raw;
  const from = raw.formatVersion === 1 ? FIRST_VERSIONS : declaredVersions(raw.records);
  if (!from) return raw;
  let tables: Json;
  try {
    tables = { ...raw.tables };
    for (const [table, type] of Object.entries(TABLE_RECORDS))
      tables[table] = upgradeRecords(type, tables[table], from[type]);
  } catch (err) {
    if (!(err instanceof NewerRecordError)) throw err;
    throw importError('wrong_version', {
      expected: 'Roomcheck backup',
      found: `${err.type} v${err.version}`,
      supported: CURRENT_VERSIONS[err.type],
    });
  }
  const before3 = raw.formatVersion === 1 || raw.formatVersion === 2;
  if (Array.isArray(tables.auditRecords))
    tables.auditRecords = tables.auditRecords.map((r: unknown) => {
      if (!isObject(r)) return r;
      const parsed = parseAnySnapshot(r.snapshot);
      if (!parsed.success) return r;
      // Written before records had ids: the id of the content as the file holds it.
      const id = before3 && r.recordId === undefined ? { recordId: recordId(parsed.data) } : {};
      // A record with an id keeps the content its id is of when the upgrade changed it.
      const frozen = frozenBeside(r as { snapshot: unknown; recordId?: string }, parsed.data);
      return { ...r, snapshot: parsed.data, ...id, ...(frozen === undefined ? {} : { frozen }) };
    });
  if (raw.formatVersion === 1 && tables.auditScopes === undefined)
    tables.auditScopes = scopesOf(tables);
  if (before3 && tables.findingEvents === undefined) tables.findingEvents = [];
  return { ...raw, formatVersion: BACKUP_FORMAT_VERSION, records: CURRENT_VERSIONS, tables };
}

/** Scopes for a v1 backup's audits; rows the schema will refuse are left for it to name. */
function scopesOf(tables: Json): unknown[] {
  const audits = z.array(AuditSchema).safeParse(tables.audits);
  const devices = z.array(DeviceSchema).safeParse(tables.devices);
  if (!audits.success || !devices.success) return [];
  return audits.data.map((a: Audit) => scopeAtStart(a, devices.data as Device[]));
}
