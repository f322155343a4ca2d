import type {
  Answer,
  Audit,
  Device,
  EvidenceMeta,
  Finding,
  Rack,
  Reconciliation,
  Room,
  Site,
  Template,
} from '../../shared/domain/schemas.ts';

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
};
