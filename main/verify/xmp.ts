import { decodeTextString, dictGet, type PdfDict } from '../pdf/pdf-syntax.ts';

// Signing tools rewrite a document's XMP metadata (modification date, producer, instance id).
// That is permitted; what viewers show as the document's title, author, subject and keywords is
// content, and may not change. Compared as text, without an XML parser: the few elements that
// matter are found by name, and anything that does not look like XMP at all is refused.

type Shown = { title: string; author: string; subject: string; keywords: string };

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function text(xml: string): string {
  return xml
    .replace(/<[^>]*>/g, ' ')
    .replace(/&(amp|lt|gt|quot|apos);/g, (_, e: string) => ENTITIES[e]!)
    .replace(/\s+/g, ' ')
    .trim();
}

function element(xml: string, name: string): string {
  const inner = new RegExp(`<${name}(?:\\s[^>]*)?>([\\s\\S]*?)</${name}>`).exec(xml);
  if (inner) return text(inner[1]!);
  const attr = new RegExp(`\\s${name}="([^"]*)"`).exec(xml);
  return attr ? text(attr[1]!) : '';
}

function fromXmp(xml: string): Shown {
  return {
    title: element(xml, 'dc:title'),
    author: element(xml, 'dc:creator'),
    subject: element(xml, 'dc:description'),
    keywords: element(xml, 'pdf:Keywords'),
  };
}

function fromInfo(info: PdfDict | null): Shown {
  const get = (k: string) =>
    (decodeTextString(dictGet(info ?? undefined, k)) ?? '').replace(/\s+/g, ' ').trim();
  return {
    title: get('Title'),
    author: get('Author'),
    subject: get('Subject'),
    keywords: get('Keywords'),
  };
}

const decode = (b: Uint8Array) => new TextDecoder('utf-8').decode(b);

/**
 * 'same' when what viewers show is unchanged (dates, producer and ids may differ), 'content'
 * when the title, author, subject or keywords changed, 'not_xmp' when the new metadata is not
 * XMP. With no XMP before, the document information dictionary is what viewers showed.
 */
export function compareXmp(
  before: Uint8Array | null,
  after: Uint8Array | null,
  oldInfo: PdfDict | null,
): 'same' | 'content' | 'not_xmp' {
  const old = before ? fromXmp(decode(before)) : fromInfo(oldInfo);
  if (!after) return Object.values(old).some((v) => v !== '') && before ? 'content' : 'same';
  const xml = decode(after);
  if (!/<x:xmpmeta[\s>]|<rdf:RDF[\s>]/.test(xml)) return 'not_xmp';
  const now = fromXmp(xml);
  return (Object.keys(now) as (keyof Shown)[]).every(
    (k) => now[k] === old[k] || (!before && now[k] === ''),
  )
    ? 'same'
    : 'content';
}
