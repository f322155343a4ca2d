import { PdfState, type XrefSection } from '../pdf/pdf-file.ts';
import {
  asName,
  asRef,
  dictGet,
  pdfEqual,
  type PdfDict,
  type PdfValue,
} from '../pdf/pdf-syntax.ts';

// What happened after the first signature. Each later revision (incremental update) is read as
// its own state and compared with the one before it, object by object. Permitted: adding a
// signature (new signature dictionary, field and widget; the catalog, AcroForm, Fields and the
// page's Annots growing by that field only) and adding validation data (/DSS). Everything else
// (a changed page, content stream, attachment, metadata, a deleted object, an xref entry that
// points back into signed bytes) is a change to the signed document and makes it invalid.

export type RevisionCheck = { ok: true; boundaries: number[] } | { ok: false; reason: string };

class Refused extends Error {}

const describe = (state: PdfState, num: number): string => {
  const v = state.getObject(num)?.value;
  const type = asName(dictGet(v, 'Type')) ?? asName(dictGet(v, 'Subtype'));
  return type ? `object ${num} (${type})` : `object ${num}`;
};

function isSignatureField(state: PdfState, v: PdfValue | undefined): boolean {
  let d = state.resolve(v);
  for (let hops = 0; d?.kind === 'dict' && hops < 8; hops++) {
    if (asName(dictGet(d, 'FT')) === 'Sig') return true;
    d = state.resolve(dictGet(d, 'Parent'));
  }
  return false;
}

/** The new array must be the old one plus signature fields/widgets appended at the end. */
function checkGrowsBySignatures(
  prev: PdfState,
  next: PdfState,
  oldV: PdfValue | undefined,
  newV: PdfValue | undefined,
  what: string,
): void {
  const a = prev.resolve(oldV);
  const b = next.resolve(newV);
  const oldItems = a === undefined || a.kind === 'null' ? [] : a.kind === 'array' ? a.items : null;
  if (oldItems === null || b?.kind !== 'array') throw new Refused(`it changes the ${what}`);
  if (b.items.length < oldItems.length || !oldItems.every((x, i) => pdfEqual(x, b.items[i]!))) {
    throw new Refused(`it removes or replaces entries of the ${what}`);
  }
  for (const added of b.items.slice(oldItems.length)) {
    if (added.kind !== 'ref' || !isSignatureField(next, added)) {
      throw new Refused(`it adds something other than a signature to the ${what}`);
    }
  }
}

function checkOnlyKeysDiffer(
  a: PdfDict,
  b: PdfDict,
  allowed: readonly string[],
  what: string,
): void {
  const keys = new Set([...a.entries.keys(), ...b.entries.keys()]);
  for (const k of keys) {
    if (allowed.includes(k)) continue;
    const x = a.entries.get(k);
    const y = b.entries.get(k);
    if (!x || !y || !pdfEqual(x, y)) throw new Refused(`it changes /${k} of the ${what}`);
  }
}

function checkAcroForm(
  prev: PdfState,
  next: PdfState,
  oldV: PdfValue | undefined,
  newV: PdfValue | undefined,
): void {
  const a = prev.resolve(oldV);
  const b = next.resolve(newV);
  if (b?.kind !== 'dict') throw new Refused('it removes the form');
  const oldDict: PdfDict =
    a?.kind === 'dict' ? a : { kind: 'dict', entries: new Map(), spans: new Map() };
  checkOnlyKeysDiffer(oldDict, b, ['Fields', 'SigFlags'], 'form');
  checkGrowsBySignatures(
    prev,
    next,
    dictGet(oldDict, 'Fields'),
    dictGet(b, 'Fields'),
    'form fields',
  );
}

function analyseUpdate(prev: PdfState, next: PdfState, section: XrefSection, start: number): void {
  const oldRoot = prev.rootRef;
  const newRoot = asRef(dictGet(section.trailer, 'Root'));
  if (!newRoot || newRoot.num !== oldRoot.num || newRoot.gen !== oldRoot.gen) {
    throw new Refused('it replaces the document catalog');
  }
  if (dictGet(section.trailer, 'Encrypt')) throw new Refused('it encrypts the document');
  const oldInfo = dictGet(prev.trailer, 'Info');
  const newInfo = dictGet(section.trailer, 'Info');
  if ((oldInfo || newInfo) && !(oldInfo && newInfo && pdfEqual(oldInfo, newInfo))) {
    throw new Refused("it changes the document's metadata");
  }
  if (dictGet(section.trailer, 'XRefStm')) throw new Refused('it uses a hybrid cross-reference');

  const catalog = prev.catalog;
  const acroFormRef = asRef(dictGet(catalog, 'AcroForm'));
  const fieldsRef = asRef(dictGet(prev.resolve(dictGet(catalog, 'AcroForm')), 'Fields'));
  const dss = prev.resolve(dictGet(catalog, 'DSS'));
  const dssRefs = new Set<number>();
  const dssRef = asRef(dictGet(catalog, 'DSS'));
  if (dssRef) dssRefs.add(dssRef.num);
  if (dss?.kind === 'dict')
    for (const v of dss.entries.values()) if (v.kind === 'ref') dssRefs.add(v.num);

  for (const [num, entry] of section.entries) {
    if (entry.type === 'free') {
      if (num !== 0 && prev.getObject(num)) throw new Refused(`it deletes ${describe(prev, num)}`);
      continue;
    }
    if (entry.type === 'offset' && (entry.offset < start || entry.offset >= section.end)) {
      throw new Refused(`its entry for object ${num} points outside the update`);
    }
    if (entry.type === 'compressed') {
      const host = section.entries.get(entry.stream);
      if (host?.type !== 'offset')
        throw new Refused(`object ${num} lives in an object stream outside the update`);
    }
    const before = prev.getObject(num);
    const after = next.getObject(num);
    if (!before) continue; // a new object: harmless unless a changed object points at it
    if (!after) throw new Refused(`it removes ${describe(prev, num)}`);
    const a = before.value;
    const b = after.value;
    if (pdfEqual(a, b) && !before.stream && !after.stream) continue;

    if (num === oldRoot.num) {
      if (a.kind !== 'dict' || b.kind !== 'dict')
        throw new Refused('it damages the document catalog');
      checkOnlyKeysDiffer(a, b, ['AcroForm', 'DSS'], 'document catalog');
      if (!acroFormRef || !pdfEqual(acroFormRef, dictGet(b, 'AcroForm') ?? { kind: 'null' })) {
        checkAcroForm(prev, next, dictGet(a, 'AcroForm'), dictGet(b, 'AcroForm'));
      }
    } else if (acroFormRef && num === acroFormRef.num) {
      checkAcroForm(prev, next, a, b);
    } else if (fieldsRef && num === fieldsRef.num) {
      checkGrowsBySignatures(prev, next, a, b, 'form fields');
    } else if (dssRefs.has(num)) {
      continue; // validation data (certificates, CRLs, OCSP responses) may be added freely
    } else if (a.kind === 'dict' && asName(dictGet(a, 'Type')) === 'Page') {
      if (b.kind !== 'dict' || before.stream || after.stream)
        throw new Refused(`it changes page ${describe(prev, num)}`);
      checkOnlyKeysDiffer(a, b, ['Annots'], 'page');
      checkGrowsBySignatures(
        prev,
        next,
        dictGet(a, 'Annots'),
        dictGet(b, 'Annots'),
        'annotations of a page',
      );
    } else if (a.kind === 'array' && b.kind === 'array') {
      // An indirect /Annots or /Fields array of some page or form.
      checkGrowsBySignatures(prev, next, a, b, `list in object ${num}`);
    } else if (
      a.kind === 'dict' &&
      b.kind === 'dict' &&
      isSignatureField(prev, a) &&
      !dictGet(a, 'V')
    ) {
      // Signing a field that was prepared empty: only its value and appearance may change.
      checkOnlyKeysDiffer(a, b, ['V', 'AP'], 'signature field');
    } else {
      throw new Refused(`it changes ${describe(prev, num)}`);
    }
  }
}

/**
 * A signature may stop right after %%EOF while the next revision starts after the end-of-line
 * that must separate them; those one or two bytes are whitespace, not content.
 */
export function skipEol(bytes: Uint8Array, at: number): number {
  let end = at;
  if (bytes[end] === 0x0d) end++;
  if (bytes[end] === 0x0a) end++;
  return end;
}

/**
 * Checks every revision after `firstSignedEnd`. Returns the revision boundaries from there to
 * the end of the file, so callers can check each signature ends on one.
 */
export function checkLaterRevisions(
  bytes: Uint8Array,
  finalState: PdfState,
  firstCoveredEnd: number,
): RevisionCheck {
  const firstSignedEnd = skipEol(bytes, firstCoveredEnd);
  const later = finalState.sections
    .filter((s) => s.offset >= firstSignedEnd)
    .sort((x, y) => x.offset - y.offset);
  if (finalState.sections.some((s) => s.offset < firstSignedEnd && s.end > firstSignedEnd)) {
    return {
      ok: false,
      reason: 'The cross-reference data runs across the end of the signed revision.',
    };
  }
  const boundaries = [firstSignedEnd];
  if (later.length === 0 && firstSignedEnd === bytes.length) return { ok: true, boundaries };
  let prevEnd = firstSignedEnd;
  let prev: PdfState;
  try {
    prev = new PdfState(bytes, firstSignedEnd);
  } catch {
    return { ok: false, reason: 'The signed revision cannot be read on its own.' };
  }
  for (const section of later) {
    const n = boundaries.length;
    try {
      if (section.offset < prevEnd) throw new Refused('it overlaps the revision before it');
      const next = new PdfState(bytes, section.end);
      if (next.startXref !== section.offset)
        throw new Refused('its cross-reference data is out of order');
      const prevOffset = dictGet(section.trailer, 'Prev');
      if (prevOffset?.kind !== 'number' || prevOffset.value !== prev.startXref) {
        throw new Refused('it does not continue the revision before it');
      }
      analyseUpdate(prev, next, section, prevEnd);
      prev = next;
      prevEnd = section.end;
      boundaries.push(prevEnd);
    } catch (err) {
      const why =
        err instanceof Refused
          ? err.message
          : `it cannot be read (${err instanceof Error ? err.message : String(err)})`;
      return {
        ok: false,
        reason: `Revision ${n + 1} of the file, added after the first signature, is not permitted: ${why}.`,
      };
    }
  }
  if (prevEnd !== bytes.length) {
    return {
      ok: false,
      reason: `${bytes.length - prevEnd} bytes were appended after the last revision of the file.`,
    };
  }
  return { ok: true, boundaries };
}
