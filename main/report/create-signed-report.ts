import { PDFDocument } from 'pdf-lib';
import type { AuditSnapshot } from '../../shared/snapshot/schema.ts';
import type { SignerMaterial } from '../signing/cms-signer.ts';
import { signPdfDocument } from '../signing/sign-pdf.ts';
import type { SignatureInfo } from '../signing/signature-dictionary.ts';
import type { Verdict } from '../verify/verify-pdf.ts';
import { attachSnapshot } from './embed-snapshot.ts';

// The one report pipeline, used by the app's reportSign and the CLI: snapshot -> layout ->
// embedded snapshot -> signature placeholder -> PAdES signature -> self-verification.

export type SignedReport = { bytes: Uint8Array; pageCount: number; verdict: Verdict };

/** Signs an already laid-out report, embedding the snapshot it was laid out from. */
export async function signReportPdf(
  unsigned: Uint8Array,
  snapshot: AuditSnapshot,
  signer: SignerMaterial,
  info: SignatureInfo,
): Promise<{ bytes: Uint8Array; verdict: Verdict }> {
  const doc = await PDFDocument.load(unsigned, { updateMetadata: false });
  await attachSnapshot(doc, snapshot, info.signingTime);
  return signPdfDocument(doc, signer, info);
}
