import { z } from 'zod';
import { AuditSnapshotSchema } from '../snapshot/schema.ts';
import { CertificateSummarySchema, VerdictSchema } from '../verify/verdict.ts';

// Bridge payloads for signing identities, trust anchors and signed reports. Keys never cross
// the bridge: the renderer sees identity summaries and sends passphrases, nothing more.

const MB = 1024 * 1024;

/** Standard base64 of at most `maxBytes` decoded bytes; anything else is refused at the door. */
export const base64Of = (maxBytes: number) =>
  z
    .string()
    .min(4)
    .max(Math.ceil(maxBytes / 3) * 4)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'expected base64')
    .refine((s) => s.length % 4 === 0, 'expected base64 (length not a multiple of 4)');

export const MAX_PDF_BYTES = 48 * MB;
export const MAX_P12_BYTES = 1 * MB;
export const MAX_CERT_TEXT = 1 * MB;

export const PassphraseSchema = z.string().min(8).max(1024);
export const KeyAlgorithmSchema = z.enum(['ec-p256', 'rsa-3072']);
export const ProtectionChoiceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('passphrase'), passphrase: PassphraseSchema }).strict(),
  z.object({ kind: z.literal('safeStorage') }).strict(),
]);
export type ProtectionChoice = z.infer<typeof ProtectionChoiceSchema>;

export const DistinguishedNameSchema = z
  .object({
    commonName: z.string().trim().min(1).max(64),
    organisation: z.string().trim().max(64).optional(),
    organisationalUnit: z.string().trim().max(64).optional(),
    /** Put in the subject (emailAddress) and, in certificates we issue, as an rfc822Name. */
    email: z.email().max(128).optional(),
  })
  .strict();

export const IdentityIdSchema = z.string().regex(/^id-[0-9a-f]{32}$/, 'expected an identity id');
const Label = z.string().trim().min(1).max(120);

export const IdentitySummarySchema = z.object({
  id: IdentityIdSchema,
  label: z.string(),
  origin: z.enum(['p12', 'csr', 'self-issued']),
  state: z.enum(['ready', 'awaiting-certificate']),
  keyAlgorithm: z.string(),
  protection: z.enum(['passphrase', 'safeStorage']),
  certificate: CertificateSummarySchema.nullable(),
  chainLength: z.number().int(),
  /** The PKCS#10 request to hand to the CA, while the identity awaits its certificate. */
  csrPem: z.string().nullable(),
  createdAt: z.string(),
});
export type IdentitySummary = z.infer<typeof IdentitySummarySchema>;

export const FingerprintSchema = z
  .string()
  .trim()
  .transform((s) => s.replaceAll(':', '').toLowerCase())
  .pipe(z.string().regex(/^[0-9a-f]{64}$/, 'expected a SHA-256 fingerprint (64 hex digits)'));

export const TrustListSchema = z.object({
  anchors: z.array(CertificateSummarySchema),
  pins: z.array(z.object({ fingerprint: z.string(), label: z.string(), addedAt: z.string() })),
});
export type TrustList = z.infer<typeof TrustListSchema>;

export const signingCalls = {
  identityList: {
    request: z.object({}).strict(),
    response: z.object({ identities: z.array(IdentitySummarySchema) }),
    maxRequestBytes: 1024,
  },
  identityCreateSelfIssued: {
    request: z
      .object({
        label: Label,
        subject: DistinguishedNameSchema,
        keyAlgorithm: KeyAlgorithmSchema,
        validDays: z.number().int().min(1).max(3650),
        protection: ProtectionChoiceSchema,
      })
      .strict(),
    response: IdentitySummarySchema,
    maxRequestBytes: 8 * 1024,
  },
  identityCreateCsr: {
    request: z
      .object({
        label: Label,
        subject: DistinguishedNameSchema,
        keyAlgorithm: KeyAlgorithmSchema,
        protection: ProtectionChoiceSchema,
      })
      .strict(),
    response: IdentitySummarySchema,
    maxRequestBytes: 8 * 1024,
  },
  identityImportCertificate: {
    request: z
      .object({
        identityId: IdentityIdSchema,
        /** PEM text (the certificate, optionally followed by its CA chain) or base64 DER. */
        certificate: z.string().min(1).max(MAX_CERT_TEXT),
      })
      .strict(),
    response: IdentitySummarySchema,
    maxRequestBytes: MAX_CERT_TEXT + 1024,
  },
  identityImportP12: {
    request: z
      .object({
        label: Label,
        p12Base64: base64Of(MAX_P12_BYTES),
        p12Passphrase: z.string().max(1024),
        protection: ProtectionChoiceSchema,
      })
      .strict(),
    response: IdentitySummarySchema,
    maxRequestBytes: Math.ceil(MAX_P12_BYTES / 3) * 4 + 8 * 1024,
  },
  identityRemove: {
    request: z.object({ identityId: IdentityIdSchema }).strict(),
    response: z.object({ removed: z.literal(true) }),
    maxRequestBytes: 1024,
  },
  trustAnchorList: {
    request: z.object({}).strict(),
    response: TrustListSchema,
    maxRequestBytes: 1024,
  },
  trustAnchorImport: {
    request: z.discriminatedUnion('kind', [
      z
        .object({
          kind: z.literal('certificate'),
          /** PEM text (one or more CA certificates) or base64 DER. */
          data: z.string().min(1).max(MAX_CERT_TEXT),
        })
        .strict(),
      z
        .object({ kind: z.literal('fingerprint'), fingerprint: FingerprintSchema, label: Label })
        .strict(),
    ]),
    response: TrustListSchema,
    maxRequestBytes: MAX_CERT_TEXT + 1024,
  },
  trustAnchorRemove: {
    request: z.object({ fingerprint: FingerprintSchema }).strict(),
    response: TrustListSchema,
    maxRequestBytes: 1024,
  },
  reportSign: {
    request: z
      .object({
        snapshot: AuditSnapshotSchema,
        identityId: IdentityIdSchema,
        /** Needed when the identity's key is protected by a passphrase. */
        passphrase: z.string().max(1024).optional(),
        location: z.string().max(200).optional(),
      })
      .strict(),
    response: z.object({
      pdfBase64: z.string(),
      pageCount: z.number().int(),
      verdict: VerdictSchema,
    }),
    // Snapshots carry their photos as base64.
    maxRequestBytes: 64 * MB,
  },
  reportCountersign: {
    request: z
      .object({
        pdfBase64: base64Of(MAX_PDF_BYTES),
        identityId: IdentityIdSchema,
        passphrase: z.string().max(1024).optional(),
        location: z.string().max(200).optional(),
      })
      .strict(),
    response: z.object({ pdfBase64: z.string(), verdict: VerdictSchema }),
    maxRequestBytes: 64 * MB,
  },
  reportVerify: {
    request: z.object({ pdfBase64: base64Of(MAX_PDF_BYTES) }).strict(),
    response: VerdictSchema,
    maxRequestBytes: 64 * MB,
  },
} as const;
