import { X509Certificate } from 'node:crypto';
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import { buildOverviewPdf } from '../../shared/report/overview-pdf.ts';
import type { Handler } from '../bridge/router.ts';
import { loadReportFonts } from '../report/fonts.ts';
import { SigningError } from '../signing/cms-signer.ts';
import { signPdfDocument } from '../signing/sign-pdf.ts';
import { summarizeCertificate } from '../verify/chain.ts';
import { asUserErrors } from './signing-errors.ts';
import { unlockIdentity } from './unlock-identity.ts';

// The manager's overview as a signed PDF: laid out with the report's fonts and canvas, signed
// (PAdES, like a report) with the manager's identity, and verified before it is handed back.

export const overviewSign: Handler<'overviewSign'> = (req, ctx) =>
  asUserErrors(async () => {
    const signer = await unlockIdentity(req.identityId, req.passphrase, ctx);
    const now = new Date();
    const built = buildOverviewPdf(req.overview, {
      lang: req.lang,
      fonts: loadReportFonts(),
      siteName: req.siteName,
      generatedAt: now.toISOString().slice(0, 16).replace('T', ' ') + ' UTC',
    });
    const doc = await PDFDocument.load(built.bytes, {
      updateMetadata: false,
      parseSpeed: ParseSpeeds.Fastest,
    });
    const cert = summarizeCertificate(new X509Certificate(signer.certificate));
    const { bytes, verdict } = await signPdfDocument(doc, signer, {
      name: cert.commonName,
      reason: req.lang === 'zh' ? '全部站点总览' : 'Overview of all sites',
      location: req.siteName ?? '',
      contactInfo: '',
      signingTime: now,
    });
    if (verdict.status === 'invalid') {
      throw new SigningError(`The signed overview did not verify: ${verdict.reason}`);
    }
    return { pdfBase64: Buffer.from(bytes).toString('base64'), pageCount: built.pageCount };
  });
