import { z } from 'zod';
import {
  AnswerResult,
  AuditStatus,
  Classification,
  DeviceType,
  EvidenceMimeType,
  FindingStatus,
  ReconciliationState,
  Severity,
} from './enums.ts';

// One schema source for the entities: the Dexie rows, the bridge payloads, the audit snapshot
// embedded in signed reports and the import pipeline all derive their types from here.

import { Id, OptionalDate, Text, Timestamp } from './primitives.ts';

export { Id, IsoDate, Timestamp } from './primitives.ts';

export const SiteSchema = z.object({
  id: Id,
  name: Text(200).min(1),
  organisation: Text(200),
  notes: Text(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Site = z.infer<typeof SiteSchema>;

export const RoomSchema = z.object({
  id: Id,
  siteId: Id,
  name: Text(200).min(1),
  building: Text(200),
  floor: Text(50),
  classification: Classification,
  /** How often the room must be audited; drives "next due" and "overdue". */
  auditIntervalDays: z.number().int().min(1).max(3660),
  notes: Text(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Room = z.infer<typeof RoomSchema>;

export const RackSchema = z.object({
  id: Id,
  roomId: Id,
  name: Text(100).min(1),
  heightU: z.number().int().min(1).max(60),
  /** Position of the rack in the inspector's walk through the room. */
  walkOrder: z.number().int().min(0),
  notes: Text(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Rack = z.infer<typeof RackSchema>;

export {
  CredentialStatusSchema,
  DeviceSchema,
  ManagementInterfaceSchema,
  MediaRecordSchema,
  NetworkObservationSchema,
  SanitizationRecordSchema,
} from './device-fields.ts';
export type {
  CredentialStatus,
  Device,
  ManagementInterface,
  MediaRecord,
  NetworkObservation,
  SanitizationRecord,
} from './device-fields.ts';
import { DeviceSchema } from './device-fields.ts';

export const LocalizedText = z.object({ en: Text(1000).min(1), zh: Text(1000).min(1) });
export type LocalizedText = z.infer<typeof LocalizedText>;

export const CheckItemSchema = z.object({
  /** Stable id such as "D1"; answers and findings refer to it across template versions. */
  id: z.string().regex(/^[A-Za-z][A-Za-z0-9_.-]{0,31}$/),
  text: LocalizedText,
  severity: Severity,
  basis: Text(300),
  scope: z.enum(['room', 'device']),
  /** Device types the item applies to; empty means every type (device scope only). */
  appliesTo: z.array(DeviceType),
});
export type CheckItem = z.infer<typeof CheckItemSchema>;

export const TemplateSchema = z.object({
  id: Id,
  name: Text(200).min(1),
  version: z.number().int().min(1),
  builtIn: z.boolean(),
  basedOn: z.object({ templateId: Id, version: z.number().int().min(1) }).nullable(),
  items: z.array(CheckItemSchema).min(1).max(500),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Template = z.infer<typeof TemplateSchema>;

export const ReopenEntrySchema = z.object({
  by: Text(200).min(1),
  at: Timestamp,
  reason: Text(2000).min(1),
});

export const AuditCursorSchema = z.object({
  roomId: Id,
  deviceId: Id.nullable(),
  itemId: z.string(),
});
export type AuditCursor = z.infer<typeof AuditCursorSchema>;

/** An IANA time zone name such as Asia/Shanghai or UTC (checked against Intl where used). */
const IanaZone = z
  .string()
  .regex(/^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+){0,2}$/)
  .max(64);

export const AuditSchema = z.object({
  id: Id,
  siteId: Id,
  roomIds: z.array(Id).min(1),
  title: Text(300),
  templateId: Id,
  templateVersion: z.number().int().min(1),
  inspectors: z.array(Text(200)).max(20),
  status: AuditStatus,
  startedAt: Timestamp,
  completedAt: Timestamp.nullable(),
  priorAuditId: Id.nullable(),
  reopenLog: z.array(ReopenEntrySchema),
  /** Where the inspector was, so a reload or crash resumes at the same place. */
  cursor: AuditCursorSchema.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
  // Audit record v2 (ISO 19011 6.2, 6.6): what the audit is for and for whom, entered when it
  // starts or before it is completed, frozen with the completed record.
  /** The audit objectives, as the audit client set them; empty when not stated. */
  objectives: Text(2000),
  /** Who asked for the audit (person or organisation); empty when not stated. */
  auditClient: Text(200),
  /** The organisations, units or people audited. */
  auditees: z.array(Text(200).min(1)).max(20),
  /** IANA time zone of the audited site when the audit started; null in older records. */
  timeZone: IanaZone.nullable(),
});
export type Audit = z.infer<typeof AuditSchema>;

export const AnswerSchema = z.object({
  /** `${auditId}|${deviceId or 'room:'+roomId}|${itemId}`: one answer per subject and item. */
  id: z.string().min(1),
  auditId: Id,
  roomId: Id,
  deviceId: Id.nullable(),
  itemId: z.string().min(1),
  result: AnswerResult,
  note: Text(10_000),
  /** What a rule suggested, if any, so the report can tell confirmed from overridden. */
  prejudged: z.object({ result: AnswerResult, reason: Text(500) }).nullable(),
  by: Text(200),
  at: Timestamp,
});
export type Answer = z.infer<typeof AnswerSchema>;

export const SeverityChangeSchema = z.object({
  from: Severity,
  to: Severity,
  reason: Text(2000).min(1),
  by: Text(200),
  at: Timestamp,
});

export const SightingSchema = z.object({ auditId: Id, at: Timestamp });
export type Sighting = z.infer<typeof SightingSchema>;

export const ResolutionSchema = z.object({
  auditId: Id,
  by: Text(200).min(1),
  at: Timestamp,
});
export type Resolution = z.infer<typeof ResolutionSchema>;

/** A photo kept with an earlier sighting of a finding: its bytes are found by SHA-256. */
export const EvidenceRefSchema = z.object({
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  fileName: Text(255),
  mimeType: EvidenceMimeType,
  size: z.number().int().min(0),
  caption: Text(500),
  /** The audit in which it was recorded. */
  auditId: Id,
});
export type EvidenceRef = z.infer<typeof EvidenceRefSchema>;

export const FindingSchema = z.object({
  id: Id,
  auditId: Id,
  roomId: Id,
  deviceId: Id.nullable(),
  /** The check item that failed; null for a finding raised by hand. */
  itemId: z.string().nullable(),
  severity: Severity,
  severityChanges: z.array(SeverityChangeSchema),
  title: Text(300).min(1),
  detail: Text(10_000),
  remediation: Text(10_000),
  owner: Text(200),
  dueDate: OptionalDate,
  status: FindingStatus,
  /** Required when status is risk_accepted; the reason for closing otherwise. */
  statusReason: Text(2000),
  firstSeenAuditId: Id,
  firstSeenAt: Timestamp,
  /**
   * One identity from first seen to closed: the id of the finding as first raised, kept by
   * every copy carried into a follow-up audit (finding v2).
   */
  lineageId: z.string().min(1).max(300),
  /** The audits in which the problem was observed (first sighting first); last = last seen. */
  seenIn: z.array(SightingSchema).max(1000),
  /** The finding of the audit this copy was carried from, when it was carried. */
  carriedFrom: z.object({ auditId: Id, findingId: Id }).nullable(),
  /** Closed as resolved: the audit that verified it, who and when. */
  resolution: ResolutionSchema.nullable(),
  /** Evidence recorded with earlier sightings, referenced by SHA-256 rather than copied. */
  evidenceRefs: z.array(EvidenceRefSchema).max(200),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Finding = z.infer<typeof FindingSchema>;

/**
 * A change of a finding's status recorded after its audit was completed (remediated, closed,
 * reopened), kept in an append-only log beside the frozen record, never written into it.
 * Plain JSON with a stable id, so copies of the log (backups, an organisation hub) merge by id.
 * It names the finding by its lineage (one identity across audits) and the copy it was
 * recorded on; shared/findings/status-events.ts computes a finding's current status from them.
 */
export const FindingEventSchema = z.object({
  id: Id,
  lineageId: z.string().min(1).max(300),
  /** The finding (one audit's copy of the lineage) it was recorded on, and that audit. */
  findingId: Id,
  auditId: Id,
  status: FindingStatus,
  by: Text(200).trim().min(1),
  at: Timestamp,
  /** Why: what was done, or what shows it (a ticket, a document, a photo's name). */
  reason: Text(2000).trim().min(1),
});
export type FindingEvent = z.infer<typeof FindingEventSchema>;

/** Evidence metadata; the bytes are a Blob in the renderer's database and base64 in exports. */
export const EvidenceMetaSchema = z.object({
  id: Id,
  auditId: Id.nullable(),
  findingId: Id.nullable(),
  deviceId: Id.nullable(),
  fileName: Text(255),
  mimeType: EvidenceMimeType,
  size: z.number().int().min(0),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  caption: Text(500),
  createdAt: Timestamp,
});
export type EvidenceMeta = z.infer<typeof EvidenceMetaSchema>;

export const ReconciliationSchema = z.object({
  /** `${auditId}|${deviceId}` */
  id: z.string().min(1),
  auditId: Id,
  deviceId: Id,
  roomId: Id,
  state: ReconciliationState,
  note: Text(2000),
  by: Text(200),
  at: Timestamp,
});
export type Reconciliation = z.infer<typeof ReconciliationSchema>;

export const answerId = (
  auditId: string,
  roomId: string,
  deviceId: string | null,
  itemId: string,
) => `${auditId}|${deviceId ?? `room:${roomId}`}|${itemId}`;

export const ScopeDecisionSchema = z.object({
  deviceId: Id,
  /**
   * brought_in: a device added to the audit's rooms after the start, taken into scope;
   * unexpected: such a device recorded as found here though not expected;
   * updated: a device edited after the start, its new record taken;
   * removed: a device taken out of the audit's scope.
   */
  kind: z.enum(['brought_in', 'unexpected', 'updated', 'removed']),
  by: Text(200),
  at: Timestamp,
});
export type ScopeDecision = z.infer<typeof ScopeDecisionSchema>;

/**
 * What an audit inspects, fixed when it starts: the devices of its rooms with the recorded
 * state that rules, reconciliation and the report use. It changes only by explicit decisions.
 */
export const AuditScopeSchema = z.object({
  auditId: Id,
  fixedAt: Timestamp,
  devices: z.array(DeviceSchema),
  decisions: z.array(ScopeDecisionSchema),
});
export type AuditScope = z.infer<typeof AuditScopeSchema>;
