import { z } from 'zod';
import { SEVERITIES } from '../domain/enums.ts';
import type { AuditSnapshot } from '../snapshot/schema.ts';
import { VERIFY_MESSAGE_CODES, type VerifyMessage, type VerifyMessageCode } from './messages.ts';

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
  'weak_algorithm',
  'not_pades_baseline',
  'encrypted',
  'budget',
]);
export type VerdictCode = z.infer<typeof VerdictCode>;

/** A sentence as data (see messages.ts): the renderer words it in the user's language. */
export const VerifyMessageSchema: z.ZodType<VerifyMessage> = z.lazy(() =>
  z.object({
    code: z.enum(VERIFY_MESSAGE_CODES as [VerifyMessageCode, ...VerifyMessageCode[]]),
    params: z.record(z.string(), z.union([z.string(), z.number(), VerifyMessageSchema])),
  }),
) as unknown as z.ZodType<VerifyMessage>;

/** What happened in one revision after a signature, and whether the standard permits it. */
export const LaterChangeSchema = z.object({
  /** 1-based revision (incremental update) of the file that made the change. */
  revision: z.number().int(),
  permitted: z.boolean(),
  message: VerifyMessageSchema,
});
export type LaterChange = z.infer<typeof LaterChangeSchema>;

/** An RFC 3161 timestamp: on a signature (signature-timestamp) or a document timestamp. */
export const TimestampSummarySchema = z.object({
  time: z.string().nullable(),
  /** The token matches what it timestamps and its authority's signature verifies. */
  intact: z.boolean(),
  /** The authority chains to a trust anchor: the time is vouched for, not just claimed. */
  trusted: z.boolean(),
  authority: z.string().nullable(),
  /** Why it is not intact or not trusted (null when it is both). */
  message: VerifyMessageSchema.nullable(),
});
export type TimestampSummary = z.infer<typeof TimestampSummarySchema>;

export const WorkUsageSchema = z.object({
  objects: z.number(),
  decodedBytes: z.number(),
  sections: z.number(),
  xrefEntries: z.number(),
  timeMs: z.number(),
});

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
  /** Certification (DocMDP), approval, or a document timestamp (ETSI.RFC3161). */
  kind: z.enum(['approval', 'certification', 'timestamp']),
  /** DocMDP permission level of a certification signature (1, 2 or 3). */
  docMdp: z.number().int().nullable(),
  /** 1-based revision of the file this signature signs (null when it cannot be placed). */
  revision: z.number().int().nullable(),
  status: VerdictStatus,
  code: VerdictCode,
  message: VerifyMessageSchema,
  /** `message` in English, for logs, scripts and the CLI. */
  reason: z.string(),
  signer: CertificateSummarySchema.nullable(),
  /** Claimed by the signer (/M or the CMS signing-time attribute); not a trusted timestamp. */
  signingTime: z.string().nullable(),
  /** The signature's timestamp, or for a document timestamp its own token. */
  timestamp: TimestampSummarySchema.nullable(),
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
  /** Every change made after this signature's revision, in order. */
  laterChanges: z.array(LaterChangeSchema),
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
  message: VerifyMessageSchema,
  /** `message` in English. */
  reason: z.string(),
  fileSize: z.number().int(),
  /** Revisions (the original and each incremental update) the file was read as. */
  revisions: z.number().int(),
  /** How the file was read where a strict reader would have failed (e.g. a rebuilt xref). */
  warnings: z.array(VerifyMessageSchema),
  signatures: z.array(SignatureReportSchema),
  /**
   * The embedded audit snapshot as the signature that covers it signed it: read from that
   * signature's revision, only when the signature is intact.
   */
  snapshot: SnapshotSummarySchema.nullable(),
  /** Which signature (1-based) covers the snapshot shown. */
  snapshotSignature: z.number().int().nullable(),
  /** A later revision replaces the embedded audit (the replacement is never shown). */
  snapshotReplaced: z.boolean(),
  /** Why no snapshot is shown. */
  snapshotProblem: VerifyMessageSchema.nullable(),
  /** Work spent on the file, against the verification budget. */
  work: WorkUsageSchema,
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
