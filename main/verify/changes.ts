import { verifyMessage, type VerifyMessage } from '../../shared/verify/messages.ts';
import type { PdfDocument, RevisionView } from '../pdf/pdf-file.ts';
import {
  asName,
  dictGet,
  pdfEqual,
  PdfSyntaxError,
  type PdfDict,
  type PdfValue,
} from '../pdf/pdf-syntax.ts';
import { readFormFields, type FormField, type FormStructure } from './form-fields.ts';
import { readPageTree, type PageTree } from './page-tree.ts';
import { readValue, ReferenceIndex, TRAILER, type Referrer } from './references.ts';
import { compareXmp } from './xmp.ts';

// What one incremental update changed, judged by the permitted-change rules of ISO 32000-2
// §12.8 and PAdES (ETSI EN 319 142-1). Every object the update redefines is either unchanged
// (rewritten identically), new, or changed; each changed object must be explained by a rule,
// and a rule explains it only in its role (a widget's appearance, the document security store,
// the form's field list ...) and only when nothing else in the document uses the same object.
// Anything left unexplained is a change to the signed document and is not permitted.
//
// Each change carries the least permission level under which the standard allows it; whether a
// given file allows it (DocMDP of a certification signature, FieldMDP locks) is decided by the
// caller, which knows the signatures.

/** lta: validation data, timestamps, metadata; form: filling in and signing; annotate: P=3. */
export type ChangeLevel = 'lta' | 'form' | 'annotate' | 'never';

export type RawChange = {
  message: VerifyMessage;
  level: ChangeLevel;
  /** Fully qualified names of form fields this change fills in (FieldMDP locks apply). */
  fields?: string[];
  /** A signature field created by this update (a certification below P=3 forbids it). */
  newSignatureField?: boolean;
};

/** How the caller names signatures: by field name and by signature dictionary object. */
export type SignatureNaming = {
  byField(name: string): { n: number; signer: string; timestamp: boolean } | null;
  bySignatureDictionary(num: number): number | null;
};

const FILL_KEYS = new Set(['V', 'AP', 'AS']);
const SIGN_KEYS = new Set(['V', 'AP', 'AS', 'DA', 'MK', 'F', 'M']);
const WIDGET_FILL_KEYS = new Set(['AP', 'AS', 'MK']);
const TECHNICAL_INFO_KEYS = new Set(['ModDate', 'Producer', 'Creator']);
const CATALOG_RULES = new Set(['AcroForm', 'DSS', 'Extensions', 'Version', 'Metadata']);
const FAMILY_DEPTH = 5;

function emptyDict(): PdfDict {
  return { kind: 'dict', entries: new Map(), spans: new Map() };
}

function differentKeys(a: PdfDict | null | undefined, b: PdfDict | null | undefined): string[] {
  const x = a ?? emptyDict();
  const y = b ?? emptyDict();
  const out: string[] = [];
  for (const k of new Set([...x.entries.keys(), ...y.entries.keys()])) {
    const u = x.entries.get(k);
    const v = y.entries.get(k);
    if (!u || !v || !pdfEqual(u, v)) out.push(k);
  }
  return out;
}

function typeOf(v: PdfValue | null | undefined, isStream: boolean): string {
  const t = asName(dictGet(v ?? undefined, 'Type')) ?? asName(dictGet(v ?? undefined, 'Subtype'));
  if (t) return t;
  if (isStream) return 'stream';
  return v?.kind === 'dict' ? 'dictionary' : (v?.kind ?? 'null');
}

function whereText(r: Referrer): string {
  return r.from === TRAILER ? `trailer /${r.path}` : `${r.from} 0 R /${r.path}`;
}

/** Objects reachable from a value, up to a depth: the "family" of the DSS or /Extensions. */
function family(view: RevisionView, root: PdfValue | undefined, depth = FAMILY_DEPTH): Set<number> {
  const out = new Set<number>();
  const walk = (v: PdfValue | undefined, d: number) => {
    if (!v || d > depth) return;
    if (v.kind === 'ref') {
      if (out.has(v.num)) return;
      out.add(v.num);
      walk(readValue(view, v.num) ?? undefined, d + 1);
    } else if (v.kind === 'array') for (const i of v.items) walk(i, d + 1);
    else if (v.kind === 'dict') for (const i of v.entries.values()) walk(i, d + 1);
  };
  walk(root, 0);
  return out;
}

/** The /AP dictionary and the appearance streams it names (directly or per state). */
function appearanceObjects(view: RevisionView, ap: PdfValue | undefined): Set<number> {
  const out = new Set<number>();
  if (ap?.kind === 'ref') out.add(ap.num);
  const dict = view.resolve(ap);
  if (dict?.kind !== 'dict') return out;
  for (const key of ['N', 'R', 'D']) {
    const entry = dictGet(dict, key);
    if (entry?.kind === 'ref') out.add(entry.num);
    let states;
    try {
      states =
        entry?.kind === 'ref' && view.getObject(entry.num)?.stream
          ? undefined
          : view.resolve(entry);
    } catch {
      states = undefined;
    }
    if (states?.kind === 'dict')
      for (const v of states.entries.values()) if (v.kind === 'ref') out.add(v.num);
  }
  return out;
}

function sameObject(old: RevisionView, next: RevisionView, num: number): boolean {
  let a, b;
  try {
    a = old.getObject(num);
    b = next.getObject(num);
  } catch (err) {
    if (err instanceof PdfSyntaxError) return false;
    throw err;
  }
  if (!a || !b || !pdfEqual(a.value, b.value)) return false;
  if (!a.stream && !b.stream) return true;
  if (!a.stream || !b.stream) return false;
  const x = old.bytes.subarray(a.stream.dataStart, a.stream.dataEnd);
  const y = next.bytes.subarray(b.stream.dataStart, b.stream.dataEnd);
  return x.length === y.length && Buffer.compare(Buffer.from(x), Buffer.from(y)) === 0;
}

function inUse(view: RevisionView, num: number): boolean {
  const e = view.entry(num);
  return e !== undefined && e.type !== 'free';
}

class RevisionDiff {
  readonly changes: RawChange[] = [];
  private readonly changed = new Set<number>();
  private readonly explained = new Set<number>();
  private signatureActivity = false;
  private readonly rootNum: number;

  constructor(
    private readonly old: RevisionView,
    private readonly next: RevisionView,
    private readonly refs: ReferenceIndex,
    private readonly naming: SignatureNaming,
    private readonly forms: [FormStructure, FormStructure],
    private readonly pages: () => [PageTree, PageTree],
  ) {
    this.rootNum = next.rootRef.num;
  }

  private add(message: VerifyMessage, level: ChangeLevel, extra: Partial<RawChange> = {}): void {
    const key = JSON.stringify(message);
    if (this.changes.some((c) => JSON.stringify(c.message) === key)) return;
    this.changes.push({ message, level, ...extra });
  }

  /**
   * Marks a changed object explained in a role, provided every place that used it before the
   * update is one the role owns; otherwise the change reaches further than the role allows.
   */
  private claim(num: number, role: VerifyMessage, owns: (r: Referrer) => boolean): void {
    if (!this.changed.has(num) || this.explained.has(num)) return;
    this.explained.add(num);
    this.owned(num, role, owns);
  }

  /** Refuses the change when something outside the role used the object before the update. */
  private owned(num: number, role: VerifyMessage, owns: (r: Referrer) => boolean): void {
    const stray = this.refs.referrers(num).find((r) => !owns(r));
    if (stray)
      this.add(
        verifyMessage('change_shared_object', { num, role, where: whereText(stray) }),
        'never',
      );
  }

  run(): RawChange[] {
    const { old, next } = this;
    if (old.rootRef.num !== next.rootRef.num || old.rootRef.gen !== next.rootRef.gen) {
      this.add(verifyMessage('change_catalog_replaced'), 'never');
      return this.changes;
    }
    if (dictGet(next.trailer, 'Encrypt') && !dictGet(old.trailer, 'Encrypt'))
      this.add(verifyMessage('change_encrypts'), 'never');
    this.collect();
    this.catalog();
    this.info();
    this.form();
    this.pageChanges();
    this.validationData();
    this.extensions();
    this.metadata();
    this.leftovers();
    return this.changes;
  }

  /** Sorts what the update defines into new, unchanged and changed objects. */
  private collect(): void {
    const { old, next } = this;
    const revision = next.info;
    for (const [num, entry] of revision.defined) {
      if (num === 0) continue;
      const existed = inUse(old, num) && readValue(old, num) !== null;
      if (entry.type === 'free') {
        if (existed)
          this.add(
            verifyMessage('change_deleted', { num, type: typeOf(readValue(old, num), false) }),
            'never',
          );
        continue;
      }
      if (entry.type === 'offset' && entry.offset < old.end) {
        this.add(verifyMessage('change_points_back', { num }), 'never');
        continue;
      }
      if (entry.type === 'compressed') {
        const host = revision.defined.get(entry.stream);
        if (host?.type !== 'offset' || host.offset < old.end) {
          this.add(verifyMessage('change_object_stream_outside', { num }), 'never');
          continue;
        }
      }
      if (existed && !sameObject(old, next, num)) this.changed.add(num);
    }
  }

  private catalog(): void {
    const { old, next } = this;
    if (!this.changed.has(this.rootNum)) return;
    this.explained.add(this.rootNum);
    for (const key of differentKeys(old.catalog, next.catalog)) {
      if (key === 'DSS' && !dictGet(next.catalog, 'DSS'))
        this.add(verifyMessage('change_validation_removed'), 'never');
      else if (!CATALOG_RULES.has(key)) this.add(verifyMessage('change_catalog', { key }), 'never');
    }
  }

  private info(): void {
    const { old, next } = this;
    const oldRef = dictGet(old.trailer, 'Info');
    const newRef = dictGet(next.trailer, 'Info');
    const newNum = newRef?.kind === 'ref' ? newRef.num : null;
    const moved = !!(oldRef || newRef) && !(oldRef && newRef && pdfEqual(oldRef, newRef));
    if (!moved && !(newNum !== null && this.changed.has(newNum))) return;
    const a = old.resolve(oldRef);
    const b = next.resolve(newRef);
    const keys = differentKeys(a?.kind === 'dict' ? a : null, b?.kind === 'dict' ? b : null);
    const technical = keys.filter((k) => TECHNICAL_INFO_KEYS.has(k));
    if (technical.length)
      this.add(verifyMessage('change_metadata', { keys: technical.join(', ') }), 'lta');
    for (const key of keys.filter((k) => !TECHNICAL_INFO_KEYS.has(k)))
      this.add(verifyMessage('change_metadata_content', { key }), 'never');
    if (newNum !== null)
      this.claim(newNum, verifyMessage('role_metadata'), (r) => r.from === TRAILER);
  }

  private form(): void {
    const [oldForm, newForm] = this.forms;
    const { old, next } = this;
    const sigLevel = (timestamp: boolean): ChangeLevel => (timestamp ? 'lta' : 'form');

    // Fields that are new, signed now, filled in, or gone.
    const activeWidgets: { field: FormField; widgets: FormField['widgets'] }[] = [];
    for (const f of newForm.fields) {
      const before = oldForm.byName.get(f.name);
      const named = this.naming.byField(f.name);
      if (!before) {
        if (f.type === 'Sig') {
          this.signatureActivity = true;
          if (f.value !== undefined && named)
            this.add(
              verifyMessage(named.timestamp ? 'change_timestamp_added' : 'change_signature_added', {
                signer: named.signer,
                n: named.n,
              }),
              sigLevel(named.timestamp),
              { newSignatureField: !named.timestamp },
            );
          else
            this.add(verifyMessage('change_empty_signature_field', { field: f.name }), 'form', {
              newSignatureField: true,
            });
        } else this.add(verifyMessage('change_form_field_added'), 'never');
        this.claimField(f);
        activeWidgets.push({ field: f, widgets: f.widgets });
        continue;
      }
      const fieldKeys = differentKeys(before.dict, f.dict);
      const widgetKeys = new Set<string>();
      for (const w of f.widgets) {
        if (w.num === null || w.num === f.num) continue;
        const wOld = readValue(old, w.num);
        for (const k of differentKeys(wOld?.kind === 'dict' ? wOld : null, w.dict))
          widgetKeys.add(k);
      }
      if (fieldKeys.length === 0 && widgetKeys.size === 0) continue;
      const wasSigned = before.value !== undefined;
      const isSigned = f.value !== undefined;
      if (f.type === 'Sig') {
        if (!wasSigned && isSigned) {
          const bad = [...fieldKeys, ...widgetKeys].filter((k) => !SIGN_KEYS.has(k));
          this.signatureActivity = true;
          if (named)
            this.add(
              verifyMessage(named.timestamp ? 'change_timestamp_added' : 'change_signature_added', {
                signer: named.signer,
                n: named.n,
              }),
              sigLevel(named.timestamp),
            );
          for (const key of bad)
            this.add(verifyMessage('change_field_structure', { field: f.name, key }), 'never');
        } else if (wasSigned && !isSigned) {
          this.add(verifyMessage('change_signature_removed'), 'never');
        } else if (wasSigned) {
          const n = this.naming.byField(f.name)?.n ?? 0;
          this.add(verifyMessage('change_signature_field', { n }), 'never');
        } else {
          for (const key of [...fieldKeys, ...widgetKeys])
            this.add(verifyMessage('change_field_structure', { field: f.name, key }), 'never');
        }
      } else {
        const bad = [
          ...fieldKeys.filter((k) => !FILL_KEYS.has(k)),
          ...[...widgetKeys].filter((k) => !WIDGET_FILL_KEYS.has(k)),
        ];
        if (bad.length === 0)
          this.add(verifyMessage('change_form_filled', { field: f.name }), 'form', {
            fields: [f.name],
          });
        for (const key of bad)
          this.add(verifyMessage('change_field_structure', { field: f.name, key }), 'never');
      }
      this.claimField(f);
      activeWidgets.push({ field: f, widgets: f.widgets });
    }
    for (const f of oldForm.fields)
      if (!newForm.byName.has(f.name))
        this.add(verifyMessage('change_form_field_removed'), 'never');

    // The form dictionary itself, its field list and the non-terminal nodes of the tree.
    const keys = differentKeys(oldForm.acroForm, newForm.acroForm);
    for (const key of keys) {
      if (key === 'Fields' || key === 'SigFlags') continue;
      if ((key === 'DR' || key === 'DA') && this.signatureActivity) continue;
      this.add(verifyMessage('change_form', { key }), 'never');
    }
    const formRole = verifyMessage('role_form');
    if (newForm.acroFormNum !== null)
      this.claim(newForm.acroFormNum, formRole, (r) => r.from === this.rootNum);
    for (const num of newForm.nodes) {
      if (!this.changed.has(num) || this.explained.has(num)) continue;
      const a = readValue(old, num);
      const b = readValue(next, num);
      const dictKeys =
        a?.kind === 'dict' && b?.kind === 'dict'
          ? differentKeys(a, b)
          : a?.kind === b?.kind
            ? []
            : ['Type'];
      // A non-terminal field or an indirect /Fields or /Kids array: only its list may grow, and
      // what it grew by was judged field by field above.
      if (dictKeys.some((k) => k !== 'Kids'))
        this.add(
          verifyMessage('change_field_structure', { field: String(num), key: dictKeys.join(', ') }),
          'never',
        );
      this.explained.add(num);
    }
    // A changed /DR may bring its fonts along; they must belong to the form alone.
    if (this.signatureActivity && keys.includes('DR')) {
      const dr = family(next, dictGet(newForm.acroForm ?? undefined, 'DR'));
      const formOwner = newForm.acroFormNum ?? this.rootNum;
      for (const num of dr)
        this.claim(num, formRole, (r) => r.from === formOwner || dr.has(r.from));
    }
    for (const { widgets } of activeWidgets)
      for (const w of widgets) this.claimAppearance(w.num, w.dict);
  }

  private claimField(f: FormField): void {
    if (f.num !== null) this.explained.add(f.num);
    for (const w of f.widgets) if (w.num !== null) this.explained.add(w.num);
    const kids = dictGet(f.dict, 'Kids');
    if (kids?.kind === 'ref') this.explained.add(kids.num);
  }

  /**
   * A widget's appearance (its /AP dictionary and the streams it names, before and after the
   * update) belongs to that widget alone: an appearance object also used elsewhere (a page's
   * XObject, a catalog or trailer entry) would carry the change there, and is refused.
   */
  private claimAppearance(widgetNum: number | null, widget: PdfDict): void {
    const role = verifyMessage('role_appearance');
    const oldWidget = widgetNum !== null ? readValue(this.old, widgetNum) : null;
    const before = appearanceObjects(this.old, dictGet(oldWidget ?? undefined, 'AP'));
    const after = appearanceObjects(this.next, dictGet(widget, 'AP'));
    if (widgetNum === null && after.size === 0) return;
    const owners = new Set([...before, ...after]);
    if (widgetNum !== null) owners.add(widgetNum);
    const owns = (r: Referrer) =>
      owners.has(r.from) && (r.from !== widgetNum || r.path.startsWith('AP'));
    for (const num of owners) {
      if (num === widgetNum) continue;
      if (this.changed.has(num)) this.claim(num, role, owns);
      else if (inUse(this.old, num)) this.owned(num, role, owns);
    }
  }

  private pageChanges(): void {
    const touched = [...this.changed].filter((n) => !this.explained.has(n));
    if (touched.length === 0) return;
    const [oldPages, newPages] = this.pages();
    const { old, next } = this;
    const sameOrder =
      oldPages.pages.length === newPages.pages.length &&
      oldPages.pages.every((p, i) => p.num === newPages.pages[i]!.num);
    for (const num of newPages.nodes) {
      if (!this.changed.has(num)) continue;
      this.explained.add(num);
      this.add(verifyMessage('change_pages'), 'never');
    }
    if (!sameOrder) this.add(verifyMessage('change_pages'), 'never');
    const [, newForm] = this.forms;
    for (const [i, page] of newPages.pages.entries()) {
      const pageNo = i + 1;
      const oldPage = readValue(old, page.num);
      const oldDict = oldPage?.kind === 'dict' ? oldPage : null;
      if (this.changed.has(page.num)) {
        this.explained.add(page.num);
        for (const key of differentKeys(oldDict, page.dict)) {
          if (key === 'Annots') continue;
          this.add(
            key === 'Contents'
              ? verifyMessage('change_page_content', { page: pageNo })
              : verifyMessage('change_page', { page: pageNo, key }),
            'never',
          );
        }
      }
      // Annotations: compared as lists, whether /Annots is direct, indirect or moved.
      const before = old.resolve(dictGet(oldDict ?? undefined, 'Annots'));
      const after = next.resolve(dictGet(page.dict, 'Annots'));
      const a = before?.kind === 'array' ? before.items : [];
      const b = after?.kind === 'array' ? after.items : [];
      const annotsRef = dictGet(page.dict, 'Annots');
      if (annotsRef?.kind === 'ref')
        this.claim(annotsRef.num, verifyMessage('role_annotations'), (r) => r.from === page.num);
      const has = (list: PdfValue[], x: PdfValue) => list.some((y) => pdfEqual(x, y));
      if (a.some((x) => !has(b, x)))
        this.add(verifyMessage('change_annotation_changed', { page: pageNo }), 'annotate');
      for (const x of b) {
        if (has(a, x)) {
          if (x.kind === 'ref' && this.changed.has(x.num) && !this.explained.has(x.num)) {
            this.explained.add(x.num);
            this.add(verifyMessage('change_annotation_changed', { page: pageNo }), 'annotate');
          }
          continue;
        }
        const owner = x.kind === 'ref' ? newForm.widgetOwner.get(x.num) : undefined;
        if (owner) continue; // a widget of a field judged by the form rules
        this.add(verifyMessage('change_annotation_added', { page: pageNo }), 'annotate');
        if (x.kind === 'ref') this.explained.add(x.num);
      }
    }
    // Content streams and resources of a page (directly or through a resources dictionary,
    // a font, an XObject ...), rewritten in place.
    for (const num of [...this.changed]) {
      if (this.explained.has(num)) continue;
      const hit = this.pageUsing(num, oldPages);
      if (!hit) continue;
      this.explained.add(num);
      this.add(
        hit.key === 'Contents'
          ? verifyMessage('change_page_content', { page: hit.page })
          : verifyMessage('change_page', { page: hit.page, key: hit.key }),
        'never',
      );
    }
  }

  /** The first page that uses an object, up to a few references away, and through which key. */
  private pageUsing(num: number, pages: PageTree): { page: number; key: string } | null {
    let frontier = [num];
    const seen = new Set(frontier);
    for (let depth = 0; depth < 4 && frontier.length; depth++) {
      const next: number[] = [];
      for (const n of frontier)
        for (const r of this.refs.referrers(n)) {
          const i = pages.pageIndex.get(r.from);
          if (i !== undefined) return { page: i + 1, key: r.path.split('/')[0]! };
          if (r.from !== TRAILER && !seen.has(r.from) && seen.size < 256) {
            seen.add(r.from);
            next.push(r.from);
          }
        }
      frontier = next;
    }
    return null;
  }

  private validationData(): void {
    const { old, next } = this;
    const before = dictGet(old.catalog, 'DSS');
    const after = dictGet(next.catalog, 'DSS');
    if (!after) return;
    const fam = family(next, after);
    const oldFam = family(old, before);
    const touched =
      !(before && pdfEqual(before, after)) || [...fam].some((n) => this.changed.has(n));
    if (!touched) return;
    const dss = next.resolve(after);
    if (dss?.kind !== 'dict') {
      this.add(verifyMessage('change_catalog', { key: 'DSS' }), 'never');
      return;
    }
    this.add(verifyMessage('change_validation_data'), 'lta');
    const role = verifyMessage('role_validation_data');
    for (const num of fam) {
      if (!this.changed.has(num)) continue;
      let isStream = false;
      try {
        isStream = !!old.getObject(num)?.stream;
      } catch {
        isStream = false;
      }
      if (isStream) continue; // a certificate, CRL or OCSP response rewritten: not explained
      this.claim(
        num,
        role,
        (r) =>
          fam.has(r.from) || oldFam.has(r.from) || (r.from === this.rootNum && r.path === 'DSS'),
      );
    }
  }

  private extensions(): void {
    const { old, next } = this;
    const before = dictGet(old.catalog, 'Extensions');
    const after = dictGet(next.catalog, 'Extensions');
    const fam = family(next, after);
    const changedHere =
      !pdfEqual(before ?? { kind: 'null' }, after ?? { kind: 'null' }) ||
      !pdfEqual(
        dictGet(old.catalog, 'Version') ?? { kind: 'null' },
        dictGet(next.catalog, 'Version') ?? { kind: 'null' },
      ) ||
      [...fam].some((n) => this.changed.has(n));
    if (!changedHere) return;
    this.add(verifyMessage('change_extensions'), 'lta');
    const role = verifyMessage('role_extensions');
    for (const num of fam)
      this.claim(
        num,
        role,
        (r) => fam.has(r.from) || (r.from === this.rootNum && r.path.startsWith('Extensions')),
      );
  }

  private metadata(): void {
    const { old, next } = this;
    const before = dictGet(old.catalog, 'Metadata');
    const after = dictGet(next.catalog, 'Metadata');
    const num = after?.kind === 'ref' ? after.num : null;
    const moved = !pdfEqual(before ?? { kind: 'null' }, after ?? { kind: 'null' });
    if (!moved && !(num !== null && this.changed.has(num))) return;
    const read = (view: RevisionView, ref: PdfValue | undefined): Uint8Array | null => {
      if (ref?.kind !== 'ref') return null;
      try {
        const obj = view.getObject(ref.num);
        return obj?.stream ? view.decodeStream(obj, 1024 * 1024) : null;
      } catch {
        return null;
      }
    };
    const oldInfo = old.resolve(dictGet(old.trailer, 'Info'));
    const verdict = compareXmp(
      read(old, before),
      read(next, after),
      oldInfo?.kind === 'dict' ? oldInfo : null,
    );
    if (verdict === 'same') this.add(verifyMessage('change_xmp'), 'lta');
    else if (verdict === 'not_xmp') this.add(verifyMessage('change_xmp_unreadable'), 'never');
    else this.add(verifyMessage('change_xmp_content'), 'never');
    if (num !== null)
      this.claim(
        num,
        verifyMessage('role_metadata'),
        (r) => r.from === this.rootNum && r.path === 'Metadata',
      );
  }

  /** Object and cross-reference streams of the update carry structure, not content. */
  private leftovers(): void {
    const { old, next } = this;
    for (const num of this.changed) {
      if (this.explained.has(num)) continue;
      let obj;
      try {
        obj = next.getObject(num);
      } catch {
        obj = null;
      }
      const type = asName(dictGet(obj?.value, 'Type'));
      if (obj?.stream && (type === 'ObjStm' || type === 'XRef')) {
        this.claim(num, verifyMessage('role_structure'), () => false);
        continue;
      }
      const sig = this.naming.bySignatureDictionary(num);
      if (sig !== null) {
        this.explained.add(num);
        this.add(verifyMessage('change_signature_dictionary', { n: sig }), 'never');
        continue;
      }
      let was;
      try {
        was = old.getObject(num);
      } catch {
        was = null;
      }
      this.explained.add(num);
      this.add(
        verifyMessage('change_object', { num, type: typeOf(was?.value, !!was?.stream) }),
        'never',
      );
    }
  }
}

/**
 * Analyses the revisions after the first signed one, in order, keeping the reference index and
 * the form and page structures of the revision before, so each revision costs what it changes.
 */
export class ChangeAnalyzer {
  private refs: ReferenceIndex | null = null;
  private readonly forms = new Map<number, FormStructure>();
  private readonly pageTrees = new Map<number, PageTree>();

  constructor(
    private readonly doc: PdfDocument,
    private readonly naming: SignatureNaming,
  ) {}

  private reuse<T extends { nodes: Set<number> }>(
    cache: Map<number, T>,
    rev: number,
    extra: (t: T) => Iterable<number>,
    read: (view: RevisionView) => T,
  ): T {
    const hit = cache.get(rev);
    if (hit) return hit;
    const prev = cache.get(rev - 1);
    const view = this.doc.view(rev);
    if (prev) {
      const defined = view.info.defined;
      let touched = defined.has(view.rootRef.num);
      for (const n of prev.nodes) if (defined.has(n)) touched = true;
      for (const n of extra(prev)) if (defined.has(n)) touched = true;
      if (!touched) {
        cache.set(rev, prev);
        cache.delete(rev - 2);
        return prev;
      }
    }
    const fresh = read(view);
    cache.set(rev, fresh);
    cache.delete(rev - 2);
    return fresh;
  }

  private form(rev: number): FormStructure {
    return this.reuse(
      this.forms,
      rev,
      (f) => [
        ...(f.acroFormNum !== null ? [f.acroFormNum] : []),
        ...f.widgetOwner.keys(),
        ...f.fields.map((x) => x.num).filter((n): n is number => n !== null),
      ],
      readFormFields,
    );
  }

  private pagesOf(rev: number): PageTree {
    return this.reuse(this.pageTrees, rev, (p) => p.pageIndex.keys(), readPageTree);
  }

  /** The changes revision `rev` (0-based, at least 1) made to the revision before it. */
  analyze(rev: number): RawChange[] {
    const old = this.doc.view(rev - 1);
    const next = this.doc.view(rev);
    this.refs ??= ReferenceIndex.build(old);
    const diff = new RevisionDiff(
      old,
      next,
      this.refs,
      this.naming,
      [this.form(rev - 1), this.form(rev)],
      () => [this.pagesOf(rev - 1), this.pagesOf(rev)],
    );
    const changes = diff.run();
    this.refs.advance(old, next, next.info.defined.keys());
    return changes;
  }
}
