import type { Handler } from '../bridge/router.ts';
import { IdentityStore } from '../identity/identity-store.ts';
import { TrustStore } from '../identity/trust-store.ts';
import { createSignedReport } from '../report/create-signed-report.ts';
import { SigningError } from '../signing/cms-signer.ts';
import {
  appendSignatureRevision,
  countersignPdf,
  countersignReason,
} from '../signing/countersign.ts';
import { verifyInWorker } from '../verify/run-verification.ts';
import { verifyPdf } from '../verify/verify-pdf.ts';
import { asUserErrors } from './signing-errors.ts';
import { unlockIdentity } from './unlock-identity.ts';

// Signed reports over the bridge: sign a snapshot as the inspector, countersign as the
// approver, verify a dropped PDF against this installation's trust anchors.

const toBase64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
const fromBase64 = (text: string) => new Uint8Array(Buffer.from(text, 'base64'));

export const reportSign: Handler<'reportSign'> = (req, ctx) =>
  asUserErrors(async () => {
    const signer = await unlockIdentity(req.identityId, req.passphrase, ctx);
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
    // passphrase is never answered with a different error than a wrong one. The file comes
    // from outside: it is verified in the worker, so a hostile one cannot stall main;
    // countersigning then checks it again, now known to be within the budget.
    const { verdict: before } = await verifyInWorker(document, trust);
    if (before.status === 'invalid' || before.code === 'budget') {
      throw new SigningError(`This report cannot be countersigned: ${before.reason}`);
    }
    appendSignatureRevision(document, info, 'Approver signature');
    const signer = await unlockIdentity(req.identityId, req.passphrase, ctx);
    const { bytes, verdict } = await countersignPdf(document, signer, info, trust);
    return { pdfBase64: toBase64(bytes), verdict };
  });

/** Dropped files are verified in the worker: a hostile PDF cannot stall or exhaust main. */
export const reportVerify: Handler<'reportVerify'> = (req, ctx) =>
  asUserErrors(async () => {
    const trust = await new TrustStore(ctx.dataDir).verifyOptions();
    return (await verifyInWorker(fromBase64(req.pdfBase64), trust)).verdict;
  });
