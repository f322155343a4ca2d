import { X509Certificate } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { SIGNATURE_BOX } from '../../shared/report/signature-box.ts';
import { REPORT_STRINGS, type ReportStrings } from '../../shared/report/strings.ts';
import { formatMoment } from '../../shared/report/time-zone.ts';
import type { PdfObjectSink } from '../../shared/report/pdf-font.ts';
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
import { writeSignatureAppearance } from './signature-appearance.ts';
import { checkSignerUsable } from './signer-checks.ts';

// The approver's countersignature, appended as an incremental update: the inspector's signed
// bytes stay exactly as they are, and a new revision adds a second signature field, its widget
// on the sign-off page with a visible appearance (the signature box, in the slot next to the
// inspector's), the fonts that appearance uses, the form and page entries that point at them,
// a cross-reference section for just those objects and a trailer with /Prev. pdf-lib cannot do
// this (it rewrites the whole file), so the update is written here with the same reader the
// verifier uses. Everything it adds is what the standard permits after a signature: a new
// field, its widget and appearance, and the /Fields and /Annots arrays grown by it.

const MAX_PAGE_TREE_DEPTH = 32;
const ANNOTATION_PRINT = 4;

type Written = { num: number; gen: number; bytes: Uint8Array };
type Rect = [number, number, number, number];
/** Keeps countersignature boxes off the page's edge (points). */
const PAGE_MARGIN = 20;

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

const numbers = (v: PdfValue | undefined): number[] | undefined => {
  if (v?.kind !== 'array') return undefined;
  const out = v.items.map((i) => (i.kind === 'number' ? i.value : NaN));
  return out.every(Number.isFinite) ? out : undefined;
};

/** The signature widgets already in the form, with their page and rectangle. */
function signatureWidgets(state: PdfState, fields: PdfValue | undefined) {
  const out: { page: PdfRef | undefined; rect: Rect }[] = [];
  const arr = state.resolve(fields);
  if (arr?.kind !== 'array') return out;
  for (const f of arr.items.slice(0, 1000)) {
    const d = state.resolve(f);
    if (asName(dictGet(d, 'FT')) !== 'Sig') continue;
    const r = numbers(state.resolve(dictGet(d, 'Rect')));
    if (!r || r.length !== 4) continue;
    const [x1, y1, x2, y2] = r as Rect;
    out.push({
      page: asRef(dictGet(d, 'P')),
      rect: [Math.min(x1, x2), Math.min(y1, y2), Math.max(x1, x2), Math.max(y1, y2)],
    });
  }
  return out;
}

/**
 * The next free slot for a signature box on the page of the first visible signature: to the
 * right of it, then row by row below within the rows the sign-off page keeps free, never over
 * another signature's box nor off the page.
 * Null when there is no visible signature to line up with or no room left (the
 * countersignature is then invisible, as every signature used to be).
 */
export function nextSignatureSlot(taken: readonly Rect[], pageWidth: number): Rect | null {
  const first = taken.find(([x1, y1, x2, y2]) => x2 - x1 > 1 && y2 - y1 > 1);
  if (!first) return null;
  const w = first[2] - first[0];
  const h = first[3] - first[1];
  const gap = SIGNATURE_BOX.gap;
  const overlaps = (a: Rect, b: Rect) => a[0] < b[2] && b[0] < a[2] && a[1] < b[3] && b[1] < a[3];
  for (let row = 0; row < SIGNATURE_BOX.rows; row++) {
    for (let col = 0; col < 8; col++) {
      const x = first[0] + col * (w + gap);
      const y = first[1] - row * (h + gap);
      if (x + w > pageWidth - PAGE_MARGIN) break;
      if (y < PAGE_MARGIN) return null;
      const slot: Rect = [x, y, x + w, y + h].map((v) => Math.round(v * 100) / 100) as Rect;
      if (!taken.some((t) => overlaps(t, slot))) return slot;
    }
  }
  return null;
}

/** The report's language, from the catalog's /Lang ("zh-CN" -> Chinese). */
function reportStrings(state: PdfState): ReportStrings {
  const lang = decodeTextString(state.resolve(dictGet(state.catalog, 'Lang'))) ?? '';
  return REPORT_STRINGS[lang.toLowerCase().startsWith('zh') ? 'zh' : 'en'];
}

/**
 * The countersignature's /Reason in the report's language (its catalog's /Lang), so a Chinese
 * report is not countersigned "Approved"; English when the document cannot be read.
 */
export function countersignReason(bytes: Uint8Array): string {
  try {
    return reportStrings(new PdfState(bytes)).countersignReason;
  } catch {
    return REPORT_STRINGS.en.countersignReason;
  }
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

const enc = new TextEncoder();

function objectText(num: number, gen: number, body: string): Written {
  return { num, gen, bytes: enc.encode(`${num} ${gen} obj\n${body}\nendobj\n`) };
}

function streamObject(
  num: number,
  entries: ReadonlyArray<readonly [string, string]>,
  data: Uint8Array,
  length1: boolean,
): Written {
  const packed = deflateSync(data);
  const dict = [
    ...entries.map(([k, v]) => `/${k} ${v}`),
    '/Filter /FlateDecode',
    `/Length ${packed.length}`,
    ...(length1 ? [`/Length1 ${data.length}`] : []),
  ].join(' ');
  const head = enc.encode(`${num} 0 obj\n<< ${dict} >>\nstream\n`);
  const tail = enc.encode('\nendstream\nendobj\n');
  const bytes = new Uint8Array(head.length + packed.length + tail.length);
  bytes.set(head, 0);
  bytes.set(packed, head.length);
  bytes.set(tail, head.length + packed.length);
  return { num, gen: 0, bytes };
}

/** Builds the bytes of the incremental update with an empty signature placeholder. */
export function appendSignatureRevision(
  bytes: Uint8Array,
  info: SignatureInfo,
  fieldBaseName: string,
  appearance: SignatureAppearance | null = null,
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

  // The box goes next to the visible signatures already made, on their page.
  const existing = signatureWidgets(state, dictGet(acroForm, 'Fields'));
  const anchor = existing.find((e) => e.page && e.rect[2] - e.rect[0] > 1);
  const pageRef = anchor?.page ?? lastPageRef(state);
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

  const sink: PdfObjectSink = {
    reserve: () => next++,
    object: (num, body) => written.push(objectText(num, 0, body)),
    stream: (num, entries, data, options) =>
      written.push(streamObject(num, entries, data, options?.length1 ?? false)),
  };
  const mediaBox = numbers(state.resolve(dictGet(page, 'MediaBox')));
  const taken = existing.filter((e) => e.page?.num === pageRef.num).map((e) => e.rect);
  const slot = appearance && anchor ? nextSignatureSlot(taken, mediaBox?.[2] ?? 595.28) : null;
  let apRef: number;
  if (slot && appearance) {
    apRef = appearance(sink, state);
  } else {
    apRef = sink.reserve();
    written.push({
      num: apRef,
      gen: 0,
      bytes: enc.encode(
        `${apRef} 0 obj\n<</Type /XObject /Subtype /Form /BBox [0 0 0 0] /Resources <<>> /Length 0>>\nstream\n\nendstream\nendobj\n`,
      ),
    });
  }
  const rect = slot ?? [0, 0, 0, 0];

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
          Rect: pdfArray(
            rect.map((v) => ({
              kind: 'number',
              value: v,
              raw: String(v),
              integer: Number.isInteger(v),
            })),
          ),
          V: pdfRef(sigNum),
          T: pdfText(fieldName),
          F: pdfInt(ANNOTATION_PRINT),
          P: pageRef,
          AP: pdfDict({ N: pdfRef(apRef) }),
        }),
      ),
    ),
  );

  // Lay out the update after the existing bytes, recording each object's offset.
  const last = bytes[bytes.length - 1];
  const parts: Uint8Array[] = [enc.encode(last === 0x0a || last === 0x0d ? '' : '\n')];
  const offsets = new Map<number, { offset: number; gen: number }>();
  let position = bytes.length + (parts[0]?.length ?? 0);
  for (const w of written) {
    if (offsets.has(w.num))
      throw new SigningError(`Internal error: object ${w.num} written twice.`);
    offsets.set(w.num, { offset: position, gen: w.gen });
    parts.push(w.bytes);
    position += w.bytes.length;
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

  parts.push(enc.encode(tail));
  const out = new Uint8Array(position + (parts[parts.length - 1]?.length ?? 0));
  out.set(bytes, 0);
  let at = bytes.length;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** Writes a widget appearance (and what it uses) through the sink; returns its number. */
export type SignatureAppearance = (sink: PdfObjectSink, document: PdfState) => number;

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
  const appearance: SignatureAppearance = (sink, document) => {
    const strings = reportStrings(document);
    return writeSignatureAppearance(sink, strings, {
      role: strings.approver,
      signer: info.name,
      // Shown in this computer's time zone, its UTC offset said.
      time: formatMoment(
        info.signingTime.toISOString(),
        Intl.DateTimeFormat().resolvedOptions().timeZone,
        strings.formatDate,
      ),
      reason: info.reason,
      location: info.location,
      fingerprintSha256: new X509Certificate(signer.certificate).fingerprint256,
    });
  };
  const prepared = appendSignatureRevision(bytes, info, 'Approver signature', appearance);
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
