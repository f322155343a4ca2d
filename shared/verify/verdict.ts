import { z } from 'zod';
import { SEVERITIES } from '../domain/enums.ts';
import type { AuditSnapshot } from '../snapshot/schema.ts';

// What the verifier says about a signed report: one shape for the app's "Verify a report"
// screen (through the bridge) and the CLI's --json output.

export const VerdictStatus = z.enum(['valid', 'invalid', 'indeterminate']);
export type VerdictStatus = z.infer<typeof VerdictStatus>;

/** Why, in a word a program can switch on; `reason` says it in a sentence. */
export const VerdictCode = z.enum([
  'ok',
  'not_pdf',
  'damaged',
  'unsupported',
  'no_signature',
  'byte_range',
  'modified',
  'digest_mismatch',
  'bad_signature',
  'bad_cms',
  'signing_certificate',
  'untrusted',
  'certificate_time',
]);
export type VerdictCode = z.infer<typeof VerdictCode>;

export const CertificateSummarySchema = z.object({
  subject: z.string(),
  commonName: z.string(),
  issuer: z.string(),
  serialNumber: z.string(),
  fingerprintSha256: z.string(),
  notBefore: z.string(),
  notAfter: z.string(),
  selfIssued: z.boolean(),
});
export type CertificateSummary = z.infer<typeof CertificateSummarySchema>;

export const SignatureReportSchema = z.object({
  index: z.number().int(),
  fieldName: z.string().nullable(),
  status: VerdictStatus,
  code: VerdictCode,
  reason: z.string(),
  signer: CertificateSummarySchema.nullable(),
  /** Claimed by the signer (/M or the CMS signing-time attribute); not a trusted timestamp. */
  signingTime: z.string().nullable(),
  subFilter: z.string().nullable(),
  name: z.string().nullable(),
  signReason: z.string().nullable(),
  location: z.string().nullable(),
  contactInfo: z.string().nullable(),
  byteRange: z.array(z.number()).nullable(),
  /** The signed bytes run to the end of the file (no later revision). */
  coversWholeFile: z.boolean(),
  /** Digest, CMS signature and signing-certificate attribute all check out. */
  intact: z.boolean(),
  trusted: z.boolean(),
  trustedBy: z.enum(['anchor', 'pin']).nullable(),
  chain: z.array(CertificateSummarySchema),
});
export type SignatureReport = z.infer<typeof SignatureReportSchema>;

export const SnapshotSummarySchema = z.object({
  auditId: z.string(),
  title: z.string(),
  site: z.string(),
  organisation: z.string(),
  rooms: z.array(z.string()),
  status: z.string(),
  startedAt: z.string(),
  completedAt: z.string().nullable(),
  devices: z.number().int(),
  findings: z.object({ high: z.number().int(), medium: z.number().int(), low: z.number().int() }),
  openFindings: z.number().int(),
  evidence: z.number().int(),
  inspector: z.string().nullable(),
  approver: z.string().nullable(),
  reportId: z.string().nullable(),
  createdAt: z.string(),
});
export type SnapshotSummary = z.infer<typeof SnapshotSummarySchema>;

export const VerdictSchema = z.object({
  status: VerdictStatus,
  code: VerdictCode,
  reason: z.string(),
  fileSize: z.number().int(),
  signatures: z.array(SignatureReportSchema),
  /** The embedded audit snapshot, when there is one and it reads back valid. */
  snapshot: SnapshotSummarySchema.nullable(),
  /** Why the snapshot could not be read, when there is none. */
  snapshotProblem: z.string().nullable(),
});
export type Verdict = z.infer<typeof VerdictSchema>;

export function summarizeSnapshot(s: AuditSnapshot): SnapshotSummary {
  const findings = Object.fromEntries(
    SEVERITIES.map((sev) => [sev, 0]),
  ) as SnapshotSummary['findings'];
  for (const f of s.findings) findings[f.severity]++;
  return {
    auditId: s.audit.id,
    title: s.audit.title,
    site: s.site.name,
    organisation: s.site.organisation,
    rooms: s.rooms.map((r) => r.name),
    status: s.audit.status,
    startedAt: s.audit.startedAt,
    completedAt: s.audit.completedAt,
    devices: s.devices.length,
    findings,
    openFindings: s.findings.filter((f) => f.status === 'open' || f.status === 'in_remediation')
      .length,
    evidence: s.evidence.length,
    inspector: s.signOff?.inspector.name ?? null,
    approver: s.signOff?.approver?.name || null,
    reportId: s.signOff?.reportId || null,
    createdAt: s.createdAt,
  };
}
