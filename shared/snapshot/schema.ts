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
} from '../domain/schemas.ts';

// The audit snapshot: one audit with everything it refers to, as plain JSON. It is what the
// report is laid out from, what is embedded in the signed PDF, what an audit export bundle
// holds, and what the next inspector imports. Changing its shape means a new formatVersion
// and a reader for the old one.

export const SNAPSHOT_FORMAT = 'roomcheck.audit-snapshot';
export const SNAPSHOT_FORMAT_VERSION = 1;

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
});
export type SignOff = z.infer<typeof SignOffSchema>;

export const AuditSnapshotSchema = z.object({
  format: z.literal(SNAPSHOT_FORMAT),
  formatVersion: z.literal(SNAPSHOT_FORMAT_VERSION),
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
});
export type AuditSnapshot = z.infer<typeof AuditSnapshotSchema>;
