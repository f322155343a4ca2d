import { z } from 'zod';
import {
  AnswerResult,
  AuditStatus,
  Classification,
  DeviceType,
  EvidenceMimeType,
  FindingStatus,
  LifecycleStatus,
  ManagementInterfaceKind,
  MediaKind,
  NetworkState,
  PowerState,
  ReconciliationState,
  SanitizationMethod,
  Severity,
  TriState,
} from './enums.ts';

// One schema source for the entities: the Dexie rows, the bridge payloads, the audit snapshot
// embedded in signed reports and the import pipeline all derive their types from here.

export const Id = z.string().min(1).max(128);
/** Calendar date as the inspector means it, without a time zone: YYYY-MM-DD. */
export const IsoDate = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'expected a date as YYYY-MM-DD');
/** A moment, always UTC ISO 8601 as produced by Date.prototype.toISOString. */
export const Timestamp = z.iso.datetime();
const Text = (max = 2000) => z.string().max(max);
const OptionalDate = IsoDate.nullable();

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

export const CredentialStatusSchema = z.object({
  defaultChanged: TriState,
  unique: TriState,
  lastRotated: OptionalDate,
  /** NVR/VMS, NMS, jump hosts: holds the passwords of other devices (C2). */
  storesOtherCredentials: z.boolean(),
});
export type CredentialStatus = z.infer<typeof CredentialStatusSchema>;

export const NetworkObservationSchema = z.object({
  state: NetworkState,
  switchName: Text(100),
  switchPort: Text(50),
  portEnabled: TriState,
});
export type NetworkObservation = z.infer<typeof NetworkObservationSchema>;

export const ManagementInterfaceSchema = z.object({
  kind: ManagementInterfaceKind,
  address: Text(100),
  enabled: TriState,
  isolated: TriState,
  credentialsChanged: TriState,
});
export type ManagementInterface = z.infer<typeof ManagementInterfaceSchema>;

export const MediaRecordSchema = z.object({
  count: z.number().int().min(0).max(10_000),
  kind: MediaKind,
  serials: z.array(Text(100)).max(1000),
});
export type MediaRecord = z.infer<typeof MediaRecordSchema>;

export const SanitizationRecordSchema = z.object({
  method: SanitizationMethod,
  tool: Text(200),
  verifiedBy: Text(200),
  witness: Text(200),
  date: IsoDate,
  certificateId: Text(200),
  destination: Text(200),
});
export type SanitizationRecord = z.infer<typeof SanitizationRecordSchema>;

export const DeviceSchema = z.object({
  id: Id,
  siteId: Id,
  roomId: Id,
  rackId: Id.nullable(),
  /** Lowest U the device occupies, counted from the bottom of the rack. */
  positionU: z.number().int().min(1).max(60).nullable(),
  heightU: z.number().int().min(1).max(60),
  assetTag: Text(100),
  serial: Text(100),
  manufacturer: Text(100),
  model: Text(100),
  type: DeviceType,
  name: Text(200),
  hostname: Text(253),
  ips: z.array(Text(45)).max(64),
  macs: z.array(Text(17)).max(64),
  owner: Text(200),
  department: Text(200),
  status: LifecycleStatus,
  idleSince: OptionalDate,
  firmwareVersion: Text(100),
  firmwareDate: OptionalDate,
  endOfSupport: OptionalDate,
  credentials: CredentialStatusSchema,
  power: PowerState,
  network: NetworkObservationSchema,
  managementInterfaces: z.array(ManagementInterfaceSchema).max(16),
  media: z.array(MediaRecordSchema).max(64),
  classification: Classification,
  sanitization: SanitizationRecordSchema.nullable(),
  notes: Text(10_000),
  /** The audit in which this device was first recorded (carried forward across audits). */
  firstSeenAuditId: Id.nullable(),
  createdAt: Timestamp,
  updatedAt: Timestamp,
});
export type Device = z.infer<typeof DeviceSchema>;

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
