import { PdfState } from '../pdf/pdf-file.ts';
import {
  asInt,
  asName,
  asRef,
  decodeTextString,
  dictGet,
  pdfArray,
  pdfDict,
  pdfInt,
  pdfName,
  pdfRef,
  pdfText,
  serialize,
  type PdfDict,
  type PdfRef,
  type PdfValue,
} from '../pdf/pdf-syntax.ts';
import { verifyPdf, type Verdict, type VerifyOptions } from '../verify/verify-pdf.ts';
import { SigningError, type SignerMaterial } from './cms-signer.ts';
import {
  fillSignature,
  signatureDictionaryText,
  type SignatureInfo,
} from './signature-dictionary.ts';
import { checkSignerUsable } from './signer-checks.ts';

// The approver's countersignature, appended as an incremental update: the inspector's signed
// bytes stay exactly as they are, and a new revision adds a second signature field, its widget
// on the sign-off page, the form and page entries that point at them, a cross-reference section
// for just those objects and a trailer with /Prev. pdf-lib cannot do this (it rewrites the whole
// file), so the update is written here with the same reader the verifier uses.

const MAX_PAGE_TREE_DEPTH = 32;
const ANNOTATION_PRINT = 4;

type Written = { num: number; gen: number; text: string };

function clone(d: PdfDict): PdfDict {
  return { kind: 'dict', entries: new Map(d.entries), spans: new Map() };
}

function lastPageRef(state: PdfState): PdfRef {
  let node: PdfValue | undefined = dictGet(state.catalog, 'Pages');
  for (let depth = 0; depth < MAX_PAGE_TREE_DEPTH; depth++) {
    const ref = asRef(node);
    const d = state.resolve(node);
    if (!ref || d?.kind !== 'dict') break;
    if (asName(dictGet(d, 'Type')) === 'Page') return ref;
    const kids = state.resolve(dictGet(d, 'Kids'));
    if (kids?.kind !== 'array' || kids.items.length === 0) break;
    node = kids.items[kids.items.length - 1];
  }
  throw new SigningError('The document has no page to place the countersignature on.');
}

function fieldNames(state: PdfState, fields: PdfValue | undefined): Set<string> {
  const names = new Set<string>();
  const arr = state.resolve(fields);
  if (arr?.kind === 'array') {
    for (const f of arr.items.slice(0, 1000)) {
      const t = decodeTextString(state.lookup(f, 'T'));
      if (t) names.add(t);
    }
  }
  return names;
}

/** Adds `item` to an array that is either its own object (rewritten) or held in `holder`. */
function appendToArray(
  state: PdfState,
  holder: PdfDict,
  key: string,
  item: PdfValue,
  rewrite: (num: number, gen: number, value: PdfValue) => void,
): void {
  const current = dictGet(holder, key);
  const ref = asRef(current);
  const resolved = state.resolve(current);
  const items = resolved?.kind === 'array' ? [...resolved.items, item] : [item];
  if (ref && resolved?.kind === 'array') {
    rewrite(ref.num, ref.gen, pdfArray(items));
  } else {
    holder.entries.set(key, pdfArray(items));
  }
}

function objectText(num: number, gen: number, body: string): Written {
  return { num, gen, text: `${num} ${gen} obj\n${body}\nendobj\n` };
}

/** Builds the bytes of the incremental update with an empty signature placeholder. */
export function appendSignatureRevision(
  bytes: Uint8Array,
  info: SignatureInfo,
  fieldBaseName: string,
): Uint8Array {
  let state: PdfState;
  try {
    state = new PdfState(bytes);
  } catch (err) {
    throw new SigningError(
      `The document cannot be read: ${err instanceof Error ? err.message : String(err)}`,
    );
  }
  const written: Written[] = [];
  const rewrite = (num: number, gen: number, value: PdfValue) =>
    written.push(objectText(num, gen, serialize(value)));

  const size = asInt(dictGet(state.trailer, 'Size'));
  if (size === undefined || size < 1)
    throw new SigningError('The document trailer has no valid /Size.');
  let next = Math.max(size, ...[...state.entries.keys()].map((n) => n + 1));
  const sigNum = next++;
  const widgetNum = next++;
  const apNum = next++;

  const rootRef = state.rootRef;
  const catalog = clone(state.catalog);
  let catalogChanged = false;
  const acroValue = dictGet(catalog, 'AcroForm');
  const acroRef = asRef(acroValue);
  const acroResolved = state.resolve(acroValue);
  const acroForm: PdfDict = acroResolved?.kind === 'dict' ? clone(acroResolved) : pdfDict({});

  const names = fieldNames(state, dictGet(acroForm, 'Fields'));
  let fieldName = fieldBaseName;
  for (let i = 2; names.has(fieldName); i++) fieldName = `${fieldBaseName} ${i}`;

  const pageRef = lastPageRef(state);
  const pageObj = state.getObject(pageRef.num);
  if (!pageObj || pageObj.value.kind !== 'dict')
    throw new SigningError('The sign-off page cannot be read.');
  const page = clone(pageObj.value);

  const widgetRef = pdfRef(widgetNum);
  appendToArray(state, page, 'Annots', widgetRef, rewrite);
  appendToArray(state, acroForm, 'Fields', widgetRef, rewrite);
  acroForm.entries.set('SigFlags', pdfInt(3));
  if (acroRef && acroResolved?.kind === 'dict') {
    rewrite(acroRef.num, acroRef.gen, acroForm);
  } else {
    catalog.entries.set('AcroForm', acroForm);
    catalogChanged = true;
  }
  if (!written.some((w) => w.num === pageRef.num)) rewrite(pageRef.num, pageRef.gen, page);
  else throw new SigningError('The document structure is unusual; it cannot be countersigned.');
  if (catalogChanged) rewrite(rootRef.num, rootRef.gen, catalog);

  written.push(objectText(sigNum, 0, signatureDictionaryText(info)));
  written.push(
    objectText(
      widgetNum,
      0,
      serialize(
        pdfDict({
          Type: pdfName('Annot'),
          Subtype: pdfName('Widget'),
          FT: pdfName('Sig'),
          Rect: pdfArray([pdfInt(0), pdfInt(0), pdfInt(0), pdfInt(0)]),
          V: pdfRef(sigNum),
          T: pdfText(fieldName),
          F: pdfInt(ANNOTATION_PRINT),
          P: pageRef,
          AP: pdfDict({ N: pdfRef(apNum) }),
        }),
      ),
    ),
  );
  written.push({
    num: apNum,
    gen: 0,
    text: `${apNum} 0 obj\n<</Type /XObject /Subtype /Form /BBox [0 0 0 0] /Resources <<>> /Length 0>>\nstream\n\nendstream\nendobj\n`,
  });

  // Lay out the update after the existing bytes, recording each object's offset.
  const enc = new TextEncoder();
  const last = bytes[bytes.length - 1];
  let body = last === 0x0a || last === 0x0d ? '' : '\n';
  const offsets = new Map<number, { offset: number; gen: number }>();
  let position = bytes.length + body.length;
  for (const w of written) {
    if (offsets.has(w.num))
      throw new SigningError(`Internal error: object ${w.num} written twice.`);
    offsets.set(w.num, { offset: position, gen: w.gen });
    body += w.text;
    position += enc.encode(w.text).length;
  }
  const xrefOffset = position;
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const e = offsets.get(nums[k]!)!;
      xref += `${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  const trailer = pdfDict({
    Size: pdfInt(Math.max(size, next)),
    Root: rootRef,
    Prev: pdfInt(state.startXref),
  });
  const info0 = dictGet(state.trailer, 'Info');
  if (info0) trailer.entries.set('Info', info0);
  const id = dictGet(state.trailer, 'ID');
  if (id) trailer.entries.set('ID', id);
  const tail = `${xref}trailer\n${serialize(trailer)}\nstartxref\n${xrefOffset}\n%%EOF\n`;

  const update = enc.encode(body + tail);
  const out = new Uint8Array(bytes.length + update.length);
  out.set(bytes, 0);
  out.set(update, bytes.length);
  return out;
}

/**
 * Countersigns a signed report. Refuses a document whose existing signatures are not intact,
 * and checks the result: every signature intact, the new one covering the whole file.
 */
export async function countersignPdf(
  bytes: Uint8Array,
  signer: SignerMaterial,
  info: SignatureInfo,
  trust: VerifyOptions,
): Promise<{ bytes: Uint8Array; verdict: Verdict }> {
  const before = await verifyPdf(bytes, trust);
  if (before.status === 'invalid')
    throw new SigningError(`This report cannot be countersigned: ${before.reason}`);
  checkSignerUsable(signer, info.signingTime);
  const prepared = appendSignatureRevision(bytes, info, 'Approver signature');
  const signed = fillSignature(prepared, signer, bytes.length);
  const verdict = await verifyPdf(signed, trust);
  const newest = verdict.signatures[verdict.signatures.length - 1];
  if (
    verdict.status === 'invalid' ||
    verdict.signatures.length !== before.signatures.length + 1 ||
    !verdict.signatures.every((s) => s.intact) ||
    !newest?.coversWholeFile
  ) {
    throw new SigningError(`The countersigned file failed its own verification: ${verdict.reason}`);
  }
  return { bytes: signed, verdict };
}
