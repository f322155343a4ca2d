import type { RevisionView } from '../pdf/pdf-file.ts';
import { asInt, asName, decodeTextString, dictGet, type PdfDict } from '../pdf/pdf-syntax.ts';

// What a signature permits afterwards (ISO 32000-2 §12.8.2): a certification signature's DocMDP
// level (1: no changes; 2: filling in forms, instantiating templates, signing; 3: also
// annotations) and the FieldMDP locks of any signature (its /Reference entries, or its field's
// /Lock dictionary) that freeze named form fields once it is signed.

export type FieldLock = { action: 'All' | 'Include' | 'Exclude'; fields: string[] };

export type SignaturePermissions = {
  /** Set for a certification signature: 1, 2 or 3 (2 when /P is absent). */
  docMdp: 1 | 2 | 3 | null;
  locks: FieldLock[];
};

function readLock(view: RevisionView, params: PdfDict | undefined): FieldLock | null {
  const action = asName(dictGet(params, 'Action'));
  if (action !== 'All' && action !== 'Include' && action !== 'Exclude') return null;
  const list = view.resolve(dictGet(params, 'Fields'));
  const fields =
    list?.kind === 'array'
      ? list.items.map((f) => decodeTextString(view.resolve(f))).filter((f): f is string => !!f)
      : [];
  return { action, fields };
}

export function readPermissions(
  view: RevisionView,
  sigDict: PdfDict,
  fieldDict: PdfDict,
): SignaturePermissions {
  const out: SignaturePermissions = { docMdp: null, locks: [] };
  const refs = view.resolve(dictGet(sigDict, 'Reference'));
  for (const item of refs?.kind === 'array' ? refs.items.slice(0, 16) : []) {
    const ref = view.resolve(item);
    const method = asName(dictGet(ref, 'TransformMethod'));
    const params = view.resolve(dictGet(ref, 'TransformParams'));
    const paramsDict = params?.kind === 'dict' ? params : undefined;
    if (method === 'DocMDP') {
      const p = asInt(view.resolve(dictGet(paramsDict, 'P'))) ?? 2;
      out.docMdp = p <= 1 ? 1 : p >= 3 ? 3 : 2;
    } else if (method === 'FieldMDP') {
      const lock = readLock(view, paramsDict);
      if (lock) out.locks.push(lock);
    }
  }
  const lockDict = view.resolve(dictGet(fieldDict, 'Lock'));
  if (lockDict?.kind === 'dict') {
    const lock = readLock(view, lockDict);
    if (lock) out.locks.push(lock);
  }
  return out;
}

const names = (name: string, list: readonly string[]) =>
  list.some((f) => name === f || name.startsWith(`${f}.`));

/** Whether a lock freezes the field with this fully qualified name. */
export function lockCovers(lock: FieldLock, field: string): boolean {
  if (lock.action === 'All') return true;
  if (lock.action === 'Include') return names(field, lock.fields);
  return !names(field, lock.fields);
}
