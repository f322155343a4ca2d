import type { RevisionView } from '../pdf/pdf-file.ts';
import {
  asName,
  decodeTextString,
  dictGet,
  PdfSyntaxError,
  type PdfDict,
  type PdfValue,
} from '../pdf/pdf-syntax.ts';

// The interactive form of one revision: its terminal fields (fully qualified names, inherited
// field type, value, widgets) and every object that makes up the field tree. Walked with a
// bound on size and depth and with cycle detection; a broken field is skipped, as viewers do.

export type Widget = { num: number | null; dict: PdfDict };

export type FormField = {
  name: string;
  /** Object number of the field dictionary (null when it is direct in its parent). */
  num: number | null;
  dict: PdfDict;
  /** /FT, inherited from ancestors as the standard says. */
  type: string | undefined;
  /** /V as written (a reference for signatures). */
  value: PdfValue | undefined;
  /** The widget annotations: the field itself when merged, else its /Kids without /T. */
  widgets: Widget[];
};

export type FormStructure = {
  /** The AcroForm dictionary's object number, or null when it is direct in the catalog. */
  acroFormNum: number | null;
  acroForm: PdfDict | null;
  fields: FormField[];
  byName: Map<string, FormField>;
  /** Field dictionaries (terminal or not) and indirect /Fields and /Kids arrays. */
  nodes: Set<number>;
  /** Widget object number -> its field. */
  widgetOwner: Map<number, FormField>;
};

const MAX_NODES = 20_000;
const MAX_DEPTH = 32;

export function isWidget(d: PdfValue | undefined): boolean {
  return d?.kind === 'dict' && asName(dictGet(d, 'Subtype')) === 'Widget';
}

export function readFormFields(view: RevisionView): FormStructure {
  const catalog = view.catalog;
  const acroRef = dictGet(catalog, 'AcroForm');
  const acroForm = view.resolve(acroRef);
  const out: FormStructure = {
    acroFormNum: acroRef?.kind === 'ref' ? acroRef.num : null,
    acroForm: acroForm?.kind === 'dict' ? acroForm : null,
    fields: [],
    byName: new Map(),
    nodes: new Set(),
    widgetOwner: new Map(),
  };
  if (!out.acroForm) return out;
  const fieldsRef = dictGet(out.acroForm, 'Fields');
  if (fieldsRef?.kind === 'ref') out.nodes.add(fieldsRef.num);
  const fields = view.resolve(fieldsRef);
  if (fields?.kind !== 'array') return out;
  let count = 0;
  const resolveNode = (v: PdfValue): PdfDict | null => {
    try {
      const d = view.resolve(v);
      return d?.kind === 'dict' ? d : null;
    } catch (err) {
      if (err instanceof PdfSyntaxError) return null;
      throw err;
    }
  };
  const walk = (ref: PdfValue, depth: number, type: string | undefined, parent: string | null) => {
    if (depth > MAX_DEPTH || ++count > MAX_NODES) return;
    if (ref.kind === 'ref') {
      if (out.nodes.has(ref.num)) return;
      out.nodes.add(ref.num);
    }
    const d = resolveNode(ref);
    if (!d) return;
    const ft = asName(dictGet(d, 'FT')) ?? type;
    const partial = decodeTextString(view.resolve(dictGet(d, 'T')));
    const name = partial === undefined ? (parent ?? '') : parent ? `${parent}.${partial}` : partial;
    const kidsRef = dictGet(d, 'Kids');
    if (kidsRef?.kind === 'ref') out.nodes.add(kidsRef.num);
    const kids = view.resolve(kidsRef);
    const kidList = kids?.kind === 'array' ? kids.items : [];
    const childFields: PdfValue[] = [];
    const widgets: Widget[] = [];
    for (const k of kidList) {
      const kd = resolveNode(k);
      if (!kd) continue;
      if (dictGet(kd, 'T') === undefined && (isWidget(kd) || dictGet(kd, 'FT') === undefined))
        widgets.push({ num: k.kind === 'ref' ? k.num : null, dict: kd });
      else childFields.push(k);
    }
    if (childFields.length > 0) {
      for (const c of childFields) walk(c, depth + 1, ft, name);
      return;
    }
    if (widgets.length === 0) widgets.push({ num: ref.kind === 'ref' ? ref.num : null, dict: d });
    const field: FormField = {
      name,
      num: ref.kind === 'ref' ? ref.num : null,
      dict: d,
      type: ft,
      value: dictGet(d, 'V'),
      widgets,
    };
    out.fields.push(field);
    if (!out.byName.has(name)) out.byName.set(name, field);
    for (const w of widgets) if (w.num !== null) out.widgetOwner.set(w.num, field);
  };
  for (const f of fields.items) walk(f, 0, undefined, null);
  return out;
}
