import { X509Certificate } from 'node:crypto';
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import { buildReportPdf, type SignatureField } from '../../shared/report/build-report.ts';
import { REPORT_STRINGS } from '../../shared/report/strings.ts';
import { parseAnySnapshot, type AuditSnapshot } from '../../shared/snapshot/schema.ts';
import type { SignerMaterial } from '../signing/cms-signer.ts';
import { signPdfDocument } from '../signing/sign-pdf.ts';
import type { SignatureInfo } from '../signing/signature-dictionary.ts';
import { summarizeCertificate } from '../verify/chain.ts';
import type { Verdict } from '../verify/verify-pdf.ts';
import { attachValidatedSnapshot, SnapshotError } from './embed-snapshot.ts';
import { loadReportFonts } from './fonts.ts';

// The one report pipeline, used by the app's reportSign and the CLI: snapshot -> layout ->
// embedded snapshot -> signature placeholder -> PAdES signature -> self-verification.

export type SignedReport = { bytes: Uint8Array; pageCount: number; verdict: Verdict };

export type ReportSigningOptions = {
  /** Where the inspector signs (/Location); defaults to the audited rooms. */
  location?: string;
  reason?: string;
  contactInfo?: string;
  /** The signing time; defaults to now. */
  now?: Date;
  /** IANA time zone the report shows moments in when the audit recorded none; defaults to
   * this computer's. */
  fallbackTimeZone?: string;
  /** Called with the duration of each stage (benchmarks). */
  onStage?: (stage: 'layout' | 'sign', ms: number) => void;
};

/** Signs an already laid-out report, embedding the (validated) snapshot it was laid out from. */
export async function signReportPdf(
  unsigned: Uint8Array,
  snapshot: AuditSnapshot,
  signer: SignerMaterial,
  info: SignatureInfo,
  field: SignatureField | null = null,
): Promise<{ bytes: Uint8Array; verdict: Verdict }> {
  const doc = await PDFDocument.load(unsigned, {
    updateMetadata: false,
    parseSpeed: ParseSpeeds.Fastest,
  });
  attachValidatedSnapshot(doc, snapshot, info.signingTime);
  return signPdfDocument(doc, signer, info, field);
}

/** Validates untrusted input (a JSON file, say) as an audit snapshot; throws SnapshotError. */
export function parseSnapshot(input: unknown): AuditSnapshot {
  const parsed = parseAnySnapshot(input);
  if (!parsed.success) {
    const first = parsed.error.issues[0];
    throw new SnapshotError(
      `The audit snapshot is not valid${first ? ` (${first.path.map(String).join('.')}: ${first.message})` : ''}.`,
    );
  }
  return parsed.data;
}

/**
 * Lays out, embeds, signs and self-verifies the report of one audit snapshot. The snapshot
 * must already be validated (the bridge's schema or parseSnapshot did it): validating a
 * 500-device snapshot again costs most of a second.
 */
export async function createSignedReport(
  snapshot: AuditSnapshot,
  signer: SignerMaterial,
  options: ReportSigningOptions = {},
): Promise<SignedReport> {
  const now = options.now ?? new Date();
  const cert = summarizeCertificate(new X509Certificate(signer.certificate));
  const signerName = snapshot.signOff?.inspector.name || cert.commonName;
  const strings = REPORT_STRINGS[snapshot.signOff?.language ?? 'en'];
  const reportId = snapshot.signOff?.reportId || snapshot.audit.id;
  // What the signature dictionary says is also drawn in the visible signature box.
  const info: SignatureInfo = {
    name: signerName,
    reason: options.reason ?? strings.sigReason(reportId),
    location:
      options.location ??
      snapshot.rooms
        .map((r) => r.name)
        .join(strings.listSeparator)
        .slice(0, 200),
    contactInfo: options.contactInfo ?? '',
    signingTime: now,
  };
  let t = performance.now();
  const built = buildReportPdf(snapshot, {
    fonts: loadReportFonts(),
    generatedAt: now.toISOString(),
    fallbackTimeZone: options.fallbackTimeZone ?? Intl.DateTimeFormat().resolvedOptions().timeZone,
    signature: {
      signerName,
      signingTime: now.toISOString(),
      reason: info.reason,
      location: info.location,
      certificateSubject: cert.subject,
      issuer: cert.issuer,
      fingerprintSha256: cert.fingerprintSha256,
      selfIssued: cert.selfIssued,
    },
  });
  options.onStage?.('layout', performance.now() - t);
  t = performance.now();
  const { bytes, verdict } = await signReportPdf(
    built.bytes,
    snapshot,
    signer,
    info,
    built.signatureField,
  );
  options.onStage?.('sign', performance.now() - t);
  return { bytes, pageCount: built.pageCount, verdict };
}
