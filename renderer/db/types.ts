import type {
  Answer,
  Audit,
  AuditScope,
  Device,
  EvidenceMeta,
  Finding,
  FindingEvent,
  Rack,
  Reconciliation,
  Room,
  Site,
  Template,
} from '../../shared/domain/schemas.ts';
import type { AuditSnapshot } from '../../shared/snapshot/schema.ts';

/** Evidence as stored: the metadata plus the bytes and a small thumbnail. */
export type EvidenceRow = EvidenceMeta & { blob: Blob; thumbnail: Blob | null };

export type SettingRow = { key: string; value: unknown };

export type ImportLogRow = {
  id: string;
  at: string;
  fileName: string;
  sha256: string;
  source: string;
  counts: { added: number; updated: number; rejected: number; skipped: number };
  by: string;
};

/** A completed or imported audit as it was: the snapshot without evidence bytes. */
export type AuditRecordRow = {
  auditId: string;
  siteId: string;
  roomIds: string[];
  completedAt: string;
  /** Where it came from: this database, a signed report, or an export bundle. */
  source: 'completed' | 'signed-report' | 'export';
  snapshot: AuditSnapshot;
  /** SHA-256 of the record's canonical JSON (shared/record/record-id.ts), checked on read. */
  recordId: string;
  /**
   * The record as it was frozen, kept when a later version of the app upgraded `snapshot` after
   * the id was given: the id is of this content (shared/record/record-id.ts, StoredRecord).
   */
  frozen?: unknown;
};

export type Rows = {
  sites: Site;
  rooms: Room;
  racks: Rack;
  devices: Device;
  templates: Template;
  audits: Audit;
  answers: Answer;
  findings: Finding;
  evidence: EvidenceRow;
  reconciliations: Reconciliation;
  settings: SettingRow;
  importLog: ImportLogRow;
  auditRecords: AuditRecordRow;
  auditScopes: AuditScope;
  findingEvents: FindingEvent;
};
