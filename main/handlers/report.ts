import type { Handler, HandlerContext } from '../bridge/router.ts';
import { IdentityStore } from '../identity/identity-store.ts';
import { protectionKindOf } from '../identity/key-protector.ts';
import { protectorFor } from '../identity/protector-choice.ts';
import { TrustStore } from '../identity/trust-store.ts';
import { createSignedReport } from '../report/create-signed-report.ts';
import { SigningError } from '../signing/cms-signer.ts';
import {
  appendSignatureRevision,
  countersignPdf,
  countersignReason,
} from '../signing/countersign.ts';
import { verifyPdf } from '../verify/verify-pdf.ts';
import { asUserErrors } from './signing-errors.ts';

// Signed reports over the bridge: sign a snapshot as the inspector, countersign as the
// approver, verify a dropped PDF against this installation's trust anchors.

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

async function unlock(identityId: string, passphrase: string | undefined, ctx: HandlerContext) {
  const store = new IdentityStore(ctx.dataDir);
  const record = await store.get(identityId);
  const protector = await protectorFor(protectionKindOf(record.key), passphrase, ctx.transport);
  return store.unlock(identityId, protector);
}

export const reportSign: Handler<'reportSign'> = (req, ctx) =>
  asUserErrors(async () => {
    const signer = await unlock(req.identityId, req.passphrase, ctx);
    const report = await createSignedReport(req.snapshot, signer, { location: req.location });
    // The self-check pinned the signer; tell the user what this installation's trust list says.
    const verdict = await verifyPdf(
      report.bytes,
      await new TrustStore(ctx.dataDir).verifyOptions(),
    );
    return { pdfBase64: toBase64(report.bytes), pageCount: report.pageCount, verdict };
  });

export const reportCountersign: Handler<'reportCountersign'> = (req, ctx) =>
  asUserErrors(async () => {
    const document = fromBase64(req.pdfBase64);
    const trust = await new TrustStore(ctx.dataDir).verifyOptions();
    const info = {
      name: (await new IdentityStore(ctx.dataDir).get(req.identityId)).label,
      reason: countersignReason(document),
      location: req.location ?? '',
      contactInfo: '',
      signingTime: new Date(),
    };
    // What the document decides is checked before the passphrase is tried, so a right
    // passphrase is never answered with a different error than a wrong one.
    const before = await verifyPdf(document, trust);
    if (before.status === 'invalid') {
      throw new SigningError(`This report cannot be countersigned: ${before.reason}`);
    }
    appendSignatureRevision(document, info, 'Approver signature');
    const signer = await unlock(req.identityId, req.passphrase, ctx);
    const { bytes, verdict } = await countersignPdf(document, signer, info, trust);
    return { pdfBase64: toBase64(bytes), verdict };
  });

export const reportVerify: Handler<'reportVerify'> = (req, ctx) =>
  asUserErrors(async () =>
    verifyPdf(fromBase64(req.pdfBase64), await new TrustStore(ctx.dataDir).verifyOptions()),
  );
