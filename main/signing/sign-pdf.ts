import {
  PDFArray,
  PDFDict,
  PDFInvalidObject,
  PDFName,
  PDFNumber,
  PDFString,
  type PDFDocument,
} from 'pdf-lib';
import type { SignatureField } from '../../shared/report/build-report.ts';
import { verifyPdf, type Verdict } from '../verify/verify-pdf.ts';
import { SigningError, type SignerMaterial } from './cms-signer.ts';
import {
  fillSignature,
  signatureDictionaryText,
  type SignatureInfo,
} from './signature-dictionary.ts';
import { certificateFingerprint, checkSignerUsable } from './signer-checks.ts';

// The inspector's signature: a placeholder added with pdf-lib (the document is still being
// written, so pdf-lib may lay it out), saved without object streams so the placeholder stays a
// plain object at a findable offset, then filled and verified before anyone sees the file.

/** Print flag: the signature box is printed with the page. */
const ANNOTATION_PRINT = 4;
/** SignaturesExist | AppendOnly: tells editors to save incrementally from now on. */
const SIG_FLAGS = 3;

/**
 * Adds an empty signature field whose widget covers the signature box the report drew on the
 * sign-off page (`field`); without one, an invisible widget on the last page. The box is page
 * content, drawn before the placeholder, so the signature covers it; the widget's own
 * appearance is empty and lets the page show through. Our own placeholder rather than
 * @signpdf's pdflibAddPlaceholder: that one writes /Name and /Reason as PDFDoc literal
 * strings, which garbles Chinese names, and always uses page 1 and "Signature1".
 */
export function addSignaturePlaceholder(
  pdfDoc: PDFDocument,
  info: SignatureInfo,
  fieldName: string,
  field: SignatureField | null = null,
): void {
  const pages = pdfDoc.getPages();
  const page = field ? pages[field.page - 1] : pages[pages.length - 1];
  if (!page) throw new SigningError('The document has no page for the signature.');
  const rect = field?.rect ?? [0, 0, 0, 0];
  const ctx = pdfDoc.context;
  const sigRef = ctx.register(
    PDFInvalidObject.of(new TextEncoder().encode(signatureDictionaryText(info))),
  );
  const bbox = [0, 0, rect[2] - rect[0], rect[3] - rect[1]];
  const appearance = ctx.register(ctx.formXObject([], { BBox: bbox, Resources: {} }));
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    Rect: rect,
    V: sigRef,
    T: PDFString.of(fieldName),
    F: ANNOTATION_PRINT,
    P: page.ref,
    AP: { N: appearance },
  });
  const widgetRef = ctx.register(widget);

  const annots = page.node.lookupMaybe(PDFName.of('Annots'), PDFArray) ?? ctx.obj([]);
  annots.push(widgetRef);
  page.node.set(PDFName.of('Annots'), annots);

  let acroForm = pdfDoc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  if (!acroForm) {
    acroForm = ctx.obj({ Fields: [] });
    pdfDoc.catalog.set(PDFName.of('AcroForm'), ctx.register(acroForm));
  }
  const fields = acroForm.lookupMaybe(PDFName.of('Fields'), PDFArray) ?? ctx.obj([]);
  fields.push(widgetRef);
  acroForm.set(PDFName.of('Fields'), fields);
  acroForm.set(PDFName.of('SigFlags'), PDFNumber.of(SIG_FLAGS));
}

/**
 * Verifies a file we just signed, pinning the signer's own certificate: any verdict but
 * "valid" means our output is wrong, and the caller must not hand the file out.
 */
export async function selfVerify(bytes: Uint8Array, signer: SignerMaterial): Promise<Verdict> {
  const verdict = await verifyPdf(bytes, {
    trustAnchors: [],
    pinnedFingerprints: [certificateFingerprint(signer.certificate)],
    // The snapshot was validated before it was embedded; re-reading it here would double the cost.
    summarizeSnapshot: false,
  });
  if (verdict.status !== 'valid') {
    throw new SigningError(`The signed file failed its own verification: ${verdict.reason}`);
  }
  return verdict;
}

/** Places the inspector's signature on a document that pdf-lib is writing. */
export async function signPdfDocument(
  pdfDoc: PDFDocument,
  signer: SignerMaterial,
  info: SignatureInfo,
  field: SignatureField | null = null,
): Promise<{ bytes: Uint8Array; verdict: Verdict }> {
  checkSignerUsable(signer, info.signingTime);
  addSignaturePlaceholder(pdfDoc, info, 'Inspector signature', field);
  // objectsPerTick: pdf-lib otherwise yields to the event loop every 50 objects, which costs
  // more than the writing itself for a 300-page report.
  const prepared = await pdfDoc.save({
    useObjectStreams: false,
    updateFieldAppearances: false,
    objectsPerTick: Number.POSITIVE_INFINITY,
  });
  const bytes = fillSignature(prepared, signer);
  const verdict = await selfVerify(bytes, signer);
  return { bytes, verdict };
}
