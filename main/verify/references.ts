import type { RevisionView } from '../pdf/pdf-file.ts';
import { asName, dictGet, PdfSyntaxError, type PdfValue } from '../pdf/pdf-syntax.ts';

// Who refers to each object, and through which key path: "object 1 /AcroForm/Fields", "object
// 8 /AP/N", the trailer's /Info. A later revision may rewrite an object only in the role a rule
// permits (a widget's appearance, the document security store); if the same object is also
// used elsewhere (a page's XObject, a catalog entry nobody else reads) the rewrite changes that
// too, and is refused. Built once for the first revision a signature covers, then kept current
// revision by revision, so the work stays linear in the number of revisions.

/** The trailer, as a referrer. */
export const TRAILER = -1;

export type Referrer = { from: number; path: string };

const MAX_DEPTH = 32;

function refsOf(v: PdfValue, from: number): { target: number; via: Referrer }[] {
  const targets: { target: number; via: Referrer }[] = [];
  const walk = (x: PdfValue, path: string, depth: number) => {
    if (depth > MAX_DEPTH) return;
    if (x.kind === 'ref') targets.push({ target: x.num, via: { from, path } });
    else if (x.kind === 'array')
      for (const item of x.items) walk(item, path ? `${path}/*` : '*', depth + 1);
    else if (x.kind === 'dict')
      for (const [k, item] of x.entries) walk(item, path ? `${path}/${k}` : k, depth + 1);
  };
  walk(v, '', 0);
  return targets;
}

export class ReferenceIndex {
  private readonly refs = new Map<number, Map<string, Referrer>>();

  /** Every reference in every object of a revision (objects that cannot be read are skipped). */
  static build(view: RevisionView): ReferenceIndex {
    const index = new ReferenceIndex();
    index.addObject(TRAILER, view.trailer);
    for (const [num, entry] of view.entries) {
      if (entry.type === 'free' || num === 0) continue;
      const value = readValue(view, num);
      if (value && !isXrefStream(value)) index.addObject(num, value);
    }
    return index;
  }

  referrers(num: number): Referrer[] {
    return [...(this.refs.get(num)?.values() ?? [])];
  }

  private addObject(from: number, value: PdfValue): void {
    for (const { target, via } of refsOf(value, from)) {
      let m = this.refs.get(target);
      if (!m) this.refs.set(target, (m = new Map()));
      m.set(`${via.from}|${via.path}`, via);
    }
  }

  private removeObject(from: number, value: PdfValue): void {
    for (const { target, via } of refsOf(value, from))
      this.refs.get(target)?.delete(`${via.from}|${via.path}`);
  }

  /** Moves the index from `old` to `next`: the objects `next` redefines and its trailer. */
  advance(old: RevisionView, next: RevisionView, redefined: Iterable<number>): void {
    this.removeObject(TRAILER, old.trailer);
    this.addObject(TRAILER, next.trailer);
    for (const num of redefined) {
      if (num === 0) continue;
      const before = readValue(old, num);
      if (before && !isXrefStream(before)) this.removeObject(num, before);
      const after = readValue(next, num);
      if (after && !isXrefStream(after)) this.addObject(num, after);
    }
  }
}

/** A cross-reference stream's dictionary is the trailer of its section, not a reference. */
const isXrefStream = (v: PdfValue) => asName(dictGet(v, 'Type')) === 'XRef';

export function readValue(view: RevisionView, num: number): PdfValue | null {
  try {
    return view.getObject(num)?.value ?? null;
  } catch (err) {
    if (err instanceof PdfSyntaxError) return null;
    throw err;
  }
}

/** Used by tests and messages: every referrer path, for one object, as text. */
export function describeReferrers(list: readonly Referrer[]): string {
  return list
    .map((r) => (r.from === TRAILER ? `trailer /${r.path}` : `object ${r.from} /${r.path}`))
    .join(', ');
}
