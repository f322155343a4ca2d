import type { RevisionView } from '../pdf/pdf-file.ts';
import { asName, dictGet, PdfSyntaxError, type PdfDict } from '../pdf/pdf-syntax.ts';

// The pages of one revision in reading order, and the page tree's own nodes, so a change can be
// named "page 3's content changed". Bounded, with cycle detection (circular page trees exist).

export type PageTree = {
  /** Page object numbers in order (direct page dictionaries cannot be changed alone). */
  pages: { num: number; dict: PdfDict }[];
  pageIndex: Map<number, number>;
  /** /Pages nodes (the root included). */
  nodes: Set<number>;
};

const MAX_PAGES = 100_000;
const MAX_DEPTH = 64;

export function readPageTree(view: RevisionView): PageTree {
  const out: PageTree = { pages: [], pageIndex: new Map(), nodes: new Set() };
  const seen = new Set<number>();
  const walk = (ref: ReturnType<typeof dictGet>, depth: number) => {
    if (ref?.kind !== 'ref' || depth > MAX_DEPTH || seen.has(ref.num)) return;
    if (out.pages.length >= MAX_PAGES) return;
    seen.add(ref.num);
    let d;
    try {
      d = view.resolve(ref);
    } catch (err) {
      if (err instanceof PdfSyntaxError) return;
      throw err;
    }
    if (d?.kind !== 'dict') return;
    const kids = view.resolve(dictGet(d, 'Kids'));
    if (asName(dictGet(d, 'Type')) === 'Pages' || kids?.kind === 'array') {
      out.nodes.add(ref.num);
      if (kids?.kind === 'array') for (const k of kids.items) walk(k, depth + 1);
      return;
    }
    out.pageIndex.set(ref.num, out.pages.length);
    out.pages.push({ num: ref.num, dict: d });
  };
  walk(dictGet(view.catalog, 'Pages'), 0);
  return out;
}
