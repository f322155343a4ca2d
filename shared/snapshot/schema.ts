import { z } from 'zod';
import { AuditFiguresSchema, computeAuditFigures } from '../audit/figures.ts';
import {
  CURRENT_VERSIONS,
  declaredVersions,
  FIRST_VERSIONS,
  NewerRecordError,
  RECORD_TYPES,
  upgradeRecord,
  upgradeRecords,
  type RecordVersions,
} from '../migrations/records.ts';
import {
  AnswerSchema,
  AuditSchema,
  DeviceSchema,
  EvidenceMetaSchema,
  FindingSchema,
  RackSchema,
  ReconciliationSchema,
  RoomSchema,
  ScopeDecisionSchema,
  SiteSchema,
  TemplateSchema,
  Timestamp,
} from '../domain/schemas.ts';
import { RECORD_ID_PATTERN } from '../record/record-id.ts';

// The audit snapshot: one audit with everything it refers to, as plain JSON. It is what the
// report is laid out from, what is embedded in the signed PDF, what an audit export bundle
// holds, what the next inspector imports, and (without evidence bytes and sign-off) the
// frozen record of a completed audit. Changing its shape means a new formatVersion and an
// upgrade from the old one in `upgradeSnapshot`; its records upgrade through the shared chain
// (shared/migrations/records.ts).
//
// Versions: 1 (until issue 8): no record versions, no scope, no figures; `devices` were the
// rooms' devices when the snapshot was taken. 2: `records` names each record type's version,
// `devices` are the audit's scope (the recorded state it inspected), `scope` says when it was
// fixed and what was decided about it since, `figures` are the summary figures. 3 (issue 12):
// `signOff.distribution`, the report's distribution list (empty in older snapshots); its
// audit record is v2 (objectives, audit client, auditees, time zone). A snapshot of a
// completed audit in a report or export may name its record's id (`recordId`, optional).

export const SNAPSHOT_FORMAT = 'roomcheck.audit-snapshot';
export const SNAPSHOT_FORMAT_VERSION = 3;
/** Every version ever written; readers accept all of them. */
export const SNAPSHOT_READABLE_VERSIONS: readonly number[] = [1, 2, 3];

export const SnapshotEvidenceSchema = EvidenceMetaSchema.extend({
  /** The bytes, base64. Present in exports and in the embedded report snapshot. */
  dataBase64: z.string().nullable(),
});
export type SnapshotEvidence = z.infer<typeof SnapshotEvidenceSchema>;

export const SignOffSchema = z.object({
  inspector: z.object({ name: z.string().min(1).max(200), role: z.string().max(200) }),
  approver: z.object({ name: z.string().max(200), role: z.string().max(200) }).nullable(),
  organisation: z.string().max(200),
  unit: z.string().max(200),
  reportId: z.string().max(100),
  reportVersion: z.number().int().min(1),
  language: z.enum(['en', 'zh']),
  /** Who receives a copy (ISO 19011 6.5.4), entered when signing; snapshot v3. */
  distribution: z.array(z.string().trim().min(1).max(200)).max(50),
});
export type SignOff = z.infer<typeof SignOffSchema>;

export const RecordVersionsSchema = z.object(
  Object.fromEntries(RECORD_TYPES.map((t) => [t, z.number().int().min(1)])) as Record<
    keyof RecordVersions,
    z.ZodNumber
  >,
);

export const SnapshotScopeSchema = z.object({
  /** When the audit's scope was fixed (the audit's start). */
  fixedAt: Timestamp,
  decisions: z.array(ScopeDecisionSchema),
});

const AuditSnapshotBodySchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  formatVersion: z.literal(SNAPSHOT_FORMAT_VERSION),
  records: RecordVersionsSchema,
  createdAt: Timestamp,
  app: z.object({ name: z.literal('Roomcheck'), version: z.string() }),
  site: SiteSchema,
  rooms: z.array(RoomSchema).min(1),
  racks: z.array(RackSchema),
  devices: z.array(DeviceSchema),
  template: TemplateSchema,
  audit: AuditSchema,
  answers: z.array(AnswerSchema),
  findings: z.array(FindingSchema),
  reconciliations: z.array(ReconciliationSchema),
  evidence: z.array(SnapshotEvidenceSchema),
  /** The prior audit of the same rooms, when known, so the report can compare. */
  prior: z
    .object({
      audit: AuditSchema,
      devices: z.array(DeviceSchema),
      findings: z.array(FindingSchema),
    })
    .nullable(),
  signOff: SignOffSchema.nullable(),
  scope: SnapshotScopeSchema,
  /**
   * In a report or export of a completed audit: the content-derived id of the record it was
   * built from (shared/record/record-id.ts). Never part of the record itself; optional, so
   * every v2 snapshot written before it existed still reads.
   */
  recordId: z.string().regex(RECORD_ID_PATTERN).optional(),
});

export const AuditSnapshotSchema = AuditSnapshotBodySchema.extend({ figures: AuditFiguresSchema });
export type AuditSnapshot = z.infer<typeof AuditSnapshotSchema>;

type Json = Record<string, unknown>;
export type SnapshotParse =
  { success: true; data: AuditSnapshot } | { success: false; error: z.ZodError };

export type SnapshotContent = Omit<
  AuditSnapshot,
  'format' | 'formatVersion' | 'records' | 'figures'
>;

/** A current-version snapshot of this content, its summary figures computed from it. */
export function assembleSnapshot(content: SnapshotContent): AuditSnapshot {
  return {
    format: SNAPSHOT_FORMAT,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    records: CURRENT_VERSIONS,
    ...content,
    figures: computeAuditFigures(content),
  };
}
const isObject = (v: unknown): v is Json =>
  v !== null && typeof v === 'object' && !Array.isArray(v);

/**
 * A snapshot of any readable version brought to the current one, record by record, before
 * validation. Throws NewerRecordError for records newer than this code knows.
 */
export function upgradeSnapshot(raw: Json): Json {
  const version = raw.formatVersion;
  if (version === SNAPSHOT_FORMAT_VERSION && raw.records === undefined) return raw;
  const from: RecordVersions =
    version === 1 ? FIRST_VERSIONS : (declaredVersions(raw.records) ?? CURRENT_VERSIONS);
  const audit = upgradeRecord('audit', raw.audit, from.audit);
  const prior = isObject(raw.prior)
    ? {
        ...raw.prior,
        audit: upgradeRecord('audit', raw.prior.audit, from.audit),
        devices: upgradeRecords('device', raw.prior.devices, from.device),
        findings: upgradeRecords('finding', raw.prior.findings, from.finding),
      }
    : raw.prior;
  const signOff =
    isObject(raw.signOff) && raw.signOff.distribution === undefined
      ? { ...raw.signOff, distribution: [] }
      : raw.signOff;
  const out: Json = {
    ...raw,
    signOff,
    formatVersion: SNAPSHOT_FORMAT_VERSION,
    records: CURRENT_VERSIONS,
    site: upgradeRecord('site', raw.site, from.site),
    rooms: upgradeRecords('room', raw.rooms, from.room),
    racks: upgradeRecords('rack', raw.racks, from.rack),
    devices: upgradeRecords('device', raw.devices, from.device),
    template: upgradeRecord('template', raw.template, from.template),
    audit,
    answers: upgradeRecords('answer', raw.answers, from.answer),
    findings: upgradeRecords('finding', raw.findings, from.finding),
    reconciliations: upgradeRecords('reconciliation', raw.reconciliations, from.reconciliation),
    evidence: upgradeRecords('evidence', raw.evidence, from.evidence),
    prior,
  };
  if (version === 1) {
    // A v1 snapshot's devices were the rooms' devices when it was taken: the best record of
    // what the audit inspected. Its figures are computed from its content once validated.
    out.scope = { fixedAt: isObject(audit) ? audit.startedAt : raw.createdAt, decisions: [] };
  }
  return out;
}

/**
 * Validates a snapshot of any readable version (a file, an embedded attachment, a backup's
 * record): upgraded first, then checked with today's schema; a snapshot written without
 * figures gets them computed from its own content.
 */
export function parseAnySnapshot(raw: unknown): SnapshotParse {
  if (
    !isObject(raw) ||
    raw.format !== SNAPSHOT_FORMAT ||
    !SNAPSHOT_READABLE_VERSIONS.includes(raw.formatVersion as number)
  )
    return AuditSnapshotSchema.safeParse(raw);
  let upgraded: Json;
  try {
    upgraded = upgradeSnapshot(raw);
  } catch (err) {
    if (!(err instanceof NewerRecordError)) throw err;
    return {
      success: false,
      error: new z.ZodError([
        { code: 'custom', path: ['records', err.type], message: err.message, input: err.version },
      ]),
    };
  }
  if (upgraded.figures !== undefined) return AuditSnapshotSchema.safeParse(upgraded);
  const body = AuditSnapshotBodySchema.safeParse(upgraded);
  if (!body.success) return { success: false, error: body.error };
  return { success: true, data: { ...body.data, figures: computeAuditFigures(body.data) } };
}
