import { z } from 'zod';
import {
  AnswerSchema,
  AuditSchema,
  DeviceSchema,
  EvidenceMetaSchema,
  FindingSchema,
  RackSchema,
  ReconciliationSchema,
  RoomSchema,
  SiteSchema,
  TemplateSchema,
  Timestamp,
} from '../../../shared/domain/schemas.ts';
import { base64ToBytes, bytesToBase64 } from '../../../shared/encoding/base64.ts';
import { toHex } from '../../../shared/evidence/image-check.ts';
import { AuditSnapshotSchema } from '../../../shared/snapshot/schema.ts';
import {
  TABLE_NAMES,
  type DatabaseTables,
  type TableName,
} from '../../db/repositories/database-dump.ts';
import { LATEST_VERSION } from '../../db/schema.ts';
import type { EvidenceRow } from '../../db/types.ts';

// The whole-database backup file: every table, evidence bytes as base64, a format version,
// and the database version it was taken from. Reading one back validates every row with the
// domain schemas, refuses duplicate keys, and checks every photo against its SHA-256, so a
// damaged or hand-edited backup is refused before the database is touched.

export const BACKUP_FORMAT = 'roomcheck.backup';
export const BACKUP_FORMAT_VERSION = 1;

const SettingSchema = z.object({ key: z.string().min(1).max(200), value: z.unknown() });
const ImportLogSchema = z.object({
  id: z.string().min(1).max(128),
  at: Timestamp,
  fileName: z.string().max(255),
  sha256: z.string().max(64),
  source: z.string().max(50),
  counts: z.object({
    added: z.number().int().min(0),
    updated: z.number().int().min(0),
    rejected: z.number().int().min(0),
    skipped: z.number().int().min(0),
  }),
  by: z.string().max(200),
});
const AuditRecordSchema = z.object({
  auditId: z.string().min(1).max(128),
  siteId: z.string().min(1).max(128),
  roomIds: z.array(z.string()),
  completedAt: Timestamp,
  source: z.enum(['completed', 'signed-report', 'export']),
  snapshot: AuditSnapshotSchema,
});
const BackupEvidenceSchema = EvidenceMetaSchema.extend({
  dataBase64: z.string(),
  thumbnailBase64: z.string().nullable(),
  thumbnailType: z.string().max(100).nullable(),
});
type BackupEvidence = z.infer<typeof BackupEvidenceSchema>;

const TABLE_SCHEMAS = {
  settings: SettingSchema,
  templates: TemplateSchema,
  sites: SiteSchema,
  rooms: RoomSchema,
  racks: RackSchema,
  devices: DeviceSchema,
  audits: AuditSchema,
  answers: AnswerSchema,
  findings: FindingSchema,
  reconciliations: ReconciliationSchema,
  evidence: BackupEvidenceSchema,
  auditRecords: AuditRecordSchema,
  importLog: ImportLogSchema,
} as const satisfies Record<TableName, z.ZodType>;

const PRIMARY_KEY: Record<TableName, string> = {
  settings: 'key',
  templates: 'id',
  sites: 'id',
  rooms: 'id',
  racks: 'id',
  devices: 'id',
  audits: 'id',
  answers: 'id',
  findings: 'id',
  reconciliations: 'id',
  evidence: 'id',
  auditRecords: 'auditId',
  importLog: 'id',
};

export const BackupDocumentSchema = z.object({
  format: z.literal(BACKUP_FORMAT),
  formatVersion: z.literal(BACKUP_FORMAT_VERSION),
  createdAt: Timestamp,
  app: z.object({ name: z.literal('Roomcheck'), version: z.string().max(50) }),
  databaseVersion: z.number().int().min(1),
  tables: z.object(
    Object.fromEntries(TABLE_NAMES.map((n) => [n, z.array(TABLE_SCHEMAS[n])])) as {
      [K in TableName]: z.ZodArray<(typeof TABLE_SCHEMAS)[K]>;
    },
  ),
});
export type BackupDocument = z.infer<typeof BackupDocumentSchema>;

async function evidenceToBackup(row: EvidenceRow): Promise<BackupEvidence> {
  const { blob, thumbnail, ...meta } = row;
  return {
    ...meta,
    dataBase64: bytesToBase64(new Uint8Array(await blob.arrayBuffer())),
    thumbnailBase64: thumbnail
      ? bytesToBase64(new Uint8Array(await thumbnail.arrayBuffer()))
      : null,
    thumbnailType: thumbnail ? thumbnail.type : null,
  };
}

/** The backup document of a database dump (photos read into base64). */
export async function buildBackupDocument(
  tables: DatabaseTables,
  appVersion: string,
  now: Date = new Date(),
): Promise<BackupDocument> {
  const evidence = await Promise.all(tables.evidence.map(evidenceToBackup));
  return {
    format: BACKUP_FORMAT,
    formatVersion: BACKUP_FORMAT_VERSION,
    createdAt: now.toISOString(),
    app: { name: 'Roomcheck', version: appVersion },
    databaseVersion: LATEST_VERSION,
    tables: { ...tables, evidence } as BackupDocument['tables'],
  };
}

/** Why a backup file cannot be restored; the UI translates the code. */
export type BackupProblem =
  | { code: 'not_json' }
  | { code: 'truncated' }
  | { code: 'not_backup'; format: string }
  | { code: 'version'; version: string }
  | { code: 'newer_database'; version: number }
  | { code: 'invalid'; path: string; detail: string }
  | { code: 'duplicate_key'; table: string; key: string }
  | { code: 'photo_damaged'; fileName: string };

export type BackupRead =
  | { ok: true; tables: DatabaseTables; document: BackupDocument }
  | {
      ok: false;
      problem: BackupProblem;
    };

const pathText = (path: readonly PropertyKey[]) =>
  path
    .map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`))
    .join('')
    .replace(/^\./, '');

/** Reads a backup file's text: shape, keys and photos checked; nothing is written. */
export async function readBackupDocument(text: string): Promise<BackupRead> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    const trimmed = text.trimEnd();
    const looksCut = trimmed.startsWith('{') && !trimmed.endsWith('}');
    return { ok: false, problem: { code: looksCut ? 'truncated' : 'not_json' } };
  }
  const head = value as { format?: unknown; formatVersion?: unknown } | null;
  if (typeof head !== 'object' || head === null || head.format !== BACKUP_FORMAT)
    return {
      ok: false,
      problem: {
        code: 'not_backup',
        format: typeof head?.format === 'string' ? head.format.slice(0, 60) : '',
      },
    };
  if (head.formatVersion !== BACKUP_FORMAT_VERSION)
    return {
      ok: false,
      problem: { code: 'version', version: String(head.formatVersion).slice(0, 20) },
    };
  const parsed = BackupDocumentSchema.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return {
      ok: false,
      problem: { code: 'invalid', path: pathText(issue.path), detail: issue.message },
    };
  }
  const document = parsed.data;
  if (document.databaseVersion > LATEST_VERSION)
    return { ok: false, problem: { code: 'newer_database', version: document.databaseVersion } };
  for (const name of TABLE_NAMES) {
    const key = PRIMARY_KEY[name];
    const seen = new Set<string>();
    for (const row of document.tables[name] as Record<string, unknown>[]) {
      const id = String(row[key]);
      if (seen.has(id))
        return { ok: false, problem: { code: 'duplicate_key', table: name, key: id } };
      seen.add(id);
    }
  }
  const evidence: EvidenceRow[] = [];
  for (const e of document.tables.evidence) {
    const row = await evidenceFromBackup(e);
    if (!row) return { ok: false, problem: { code: 'photo_damaged', fileName: e.fileName } };
    evidence.push(row);
  }
  return {
    ok: true,
    document,
    tables: { ...(document.tables as unknown as DatabaseTables), evidence },
  };
}

async function evidenceFromBackup(e: BackupEvidence): Promise<EvidenceRow | null> {
  const { dataBase64, thumbnailBase64, thumbnailType, ...meta } = e;
  try {
    const bytes = base64ToBytes(dataBase64);
    if (bytes.length !== meta.size) return null;
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource));
    if (toHex(digest) !== meta.sha256) return null;
    const thumbnail =
      thumbnailBase64 === null
        ? null
        : new Blob([base64ToBytes(thumbnailBase64) as BlobPart], { type: thumbnailType ?? '' });
    return { ...meta, blob: new Blob([bytes as BlobPart], { type: meta.mimeType }), thumbnail };
  } catch {
    return null;
  }
}
