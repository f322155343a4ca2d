import { PdfState } from '../../../../../main/pdf/pdf-file.ts';
import { dictGet, serialize } from '../../../../../main/pdf/pdf-syntax.ts';

// Tools of a forger, for the tests: append an incremental update with any objects, or change
// bytes in place.

const enc = new TextEncoder();

export type UpdateObject = {
  num: number;
  gen?: number;
  body: string;
  /** Point the xref here instead. */ offset?: number;
};

/** Appends a classic incremental update (objects, xref, trailer with /Prev). */
export function appendUpdate(
  bytes: Uint8Array,
  objects: UpdateObject[],
  info?: string,
): Uint8Array {
  const state = new PdfState(bytes);
  let text = '\n';
  const entries: { num: number; gen: number; offset: number }[] = [];
  for (const o of objects) {
    const offset = bytes.length + enc.encode(text).length;
    text += `${o.num} ${o.gen ?? 0} obj\n${o.body}\nendobj\n`;
    entries.push({ num: o.num, gen: o.gen ?? 0, offset: o.offset ?? offset });
  }
  const xrefAt = bytes.length + enc.encode(text).length;
  text += 'xref\n';
  for (const e of entries.sort((a, b) => a.num - b.num)) {
    text += `${e.num} 1\n${String(e.offset).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`;
  }
  const size = Math.max(
    Number(serialize(dictGet(state.trailer, 'Size')!)),
    ...entries.map((e) => e.num + 1),
  );
  const oldInfo = dictGet(state.trailer, 'Info');
  const infoRef = info ?? (oldInfo ? serialize(oldInfo) : undefined);
  text += `trailer\n<</Size ${size} /Root ${serialize(dictGet(state.trailer, 'Root')!)}${
    infoRef ? ` /Info ${infoRef}` : ''
  } /Prev ${state.startXref}>>\nstartxref\n${xrefAt}\n%%EOF\n`;
  const tail = enc.encode(text);
  const out = new Uint8Array(bytes.length + tail.length);
  out.set(bytes);
  out.set(tail, bytes.length);
  return out;
}

export function indexOf(bytes: Uint8Array, text: string, from = 0): number {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.length).indexOf(text, from, 'latin1');
}

export function replaceAt(bytes: Uint8Array, at: number, text: string): Uint8Array {
  const out = bytes.slice();
  out.set(enc.encode(text), at);
  return out;
}

/** The object number and raw body of the first page's content stream, for forging it. */
export function firstPageContents(bytes: Uint8Array): { num: number } {
  const state = new PdfState(bytes);
  const pages = state.lookup(state.catalog, 'Pages');
  const kids = state.lookup(pages, 'Kids');
  if (kids?.kind !== 'array') throw new Error('no pages');
  const page = state.resolve(kids.items[0]);
  const contents = dictGet(page, 'Contents');
  if (contents?.kind !== 'ref') throw new Error('no contents ref');
  return { num: contents.num };
}
