// A small, strict XML reader for untrusted checklists: one pass over the text, linear in its
// length, events instead of a tree (so memory follows what the caller keeps, not the number of
// elements), nesting bounded, and no DTD at all: a DOCTYPE is refused, so there are no
// external entities and no entity expansion; only the five predefined entities and character
// references are decoded. Everything XML 1.0 calls not well-formed that a checklist could
// contain is refused with the offset where it happens: mismatched or unclosed tags, text or a
// second element outside the root, undefined entities, references to characters XML forbids,
// raw control characters, "]]>" in text, "--" in comments, attributes without quotes or
// repeated. (A general-purpose parser measured 12 s on one 32 MB text node and 9 s to refuse
// 10 MB of "<"; this reads or refuses either in well under a second.)
//
// The caller normalises line ends first (XML §2.11) and removes any byte-order mark.

export type XmlEvents = {
  open(name: string): void;
  close(name: string): void;
  /** Character data (decoded; CDATA as is), possibly split over several calls. */
  text(text: string): void;
  comment(text: string): void;
};

export class XmlSyntaxError extends Error {
  constructor(
    readonly kind: 'malformed' | 'too_deep' | 'doctype' | 'encoding',
    readonly offset: number,
  ) {
    super(`${kind} XML at offset ${offset}`);
    this.name = 'XmlSyntaxError';
  }
}

/** Line and column (1-based) of an offset, for messages. */
export function lineAndColumn(source: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let k = source.indexOf('\n'); k !== -1 && k < offset; k = source.indexOf('\n', k + 1)) {
    line++;
    lineStart = k + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

// Names without colons: checklists use no namespaces, and to a namespace-aware reader such
// as libxml2 a prefix nobody declared is an error.
const NAME = /[A-Za-z_\u00C0-\uD7FF\uF900-\uFFFD][-A-Za-z0-9._\u00B7\u00C0-\uD7FF\uF900-\uFFFD]*/y;
const SPACE = /[ \t\n\r]*/y;
// eslint-disable-next-line no-control-regex -- exactly the characters XML 1.0 forbids
const FORBIDDEN_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;
const S = '[ \\t\\n]';
const quoted = (value: string) => `(?:"${value}"|'${value}')`;
const XML_DECLARATION = new RegExp(
  `<\\?xml${S}+version${S}*=${S}*${quoted('1\\.[0-9]+')}` +
    `(?:${S}+encoding${S}*=${S}*${quoted('[A-Za-z][A-Za-z0-9._-]*')})?` +
    `(?:${S}+standalone${S}*=${S}*${quoted('(?:yes|no)')})?${S}*\\?>`,
  'y',
);
/** Encodings a checklist is read in (the caller decodes UTF-8 or, with a BOM, UTF-16). */
const TEXT_ENCODINGS = new Set(['utf-8', 'utf8', 'utf-16', 'utf16', 'us-ascii', 'ascii']);
const PREDEFINED: Readonly<Record<string, string>> = {
  amp: '&',
  lt: '<',
  gt: '>',
  quot: '"',
  apos: "'",
};

const isXmlChar = (c: number) =>
  c === 0x9 ||
  c === 0xa ||
  c === 0xd ||
  (c >= 0x20 && c <= 0xd7ff) ||
  (c >= 0xe000 && c <= 0xfffd) ||
  (c >= 0x10000 && c <= 0x10ffff);

/** Reads `source`, calling `events` in document order; throws XmlSyntaxError on the first fault. */
export function scanXml(source: string, events: XmlEvents, maxDepth: number): void {
  const n = source.length;
  const fail = (at: number, kind: XmlSyntaxError['kind'] = 'malformed'): never => {
    throw new XmlSyntaxError(kind, at);
  };
  const forbidden = FORBIDDEN_CHAR.exec(source);
  if (forbidden) fail(forbidden.index);
  const stack: string[] = [];
  let rootDone = false;
  let i = 0;

  const name = (at: number): string => {
    NAME.lastIndex = at;
    const m = NAME.exec(source);
    return m ? m[0] : fail(at);
  };
  const skipSpace = (at: number): number => {
    SPACE.lastIndex = at;
    SPACE.exec(source);
    return SPACE.lastIndex;
  };

  /** `raw` (which starts at `offset`) with its references decoded; any other "&" is a fault. */
  const decode = (raw: string, offset: number): string => {
    if (!raw.includes('&')) return raw;
    // Pieces are joined in batches: `out += piece` per reference would build a rope of one
    // node per reference, ~50 bytes each, so 6 million references in a 32 MB file took over
    // 200 MB of heap for 6 MB of text.
    const batches: string[] = [];
    let pieces: string[] = [];
    let last = 0;
    for (let amp = raw.indexOf('&'); amp !== -1; amp = raw.indexOf('&', last)) {
      const semi = raw.indexOf(';', amp);
      if (semi < 0 || semi - amp > 40) fail(offset + amp);
      const ref = raw.slice(amp + 1, semi);
      let decoded: string | undefined;
      if (ref.startsWith('#')) {
        const code = /^#x[0-9a-fA-F]+$/.test(ref)
          ? parseInt(ref.slice(2), 16)
          : /^#[0-9]+$/.test(ref)
            ? parseInt(ref.slice(1), 10)
            : -1;
        if (isXmlChar(code)) decoded = String.fromCodePoint(code);
      } else if (Object.hasOwn(PREDEFINED, ref)) {
        decoded = PREDEFINED[ref];
      }
      if (decoded === undefined) fail(offset + amp);
      pieces.push(raw.slice(last, amp), decoded!);
      if (pieces.length >= 4096) {
        batches.push(pieces.join(''));
        pieces = [];
      }
      last = semi + 1;
    }
    pieces.push(raw.slice(last));
    batches.push(pieces.join(''));
    return batches.join('');
  };

  /** Character data from..to (no "<" inside), references decoded. */
  const text = (from: number, to: number) => {
    if (stack.length === 0) {
      // Outside the root only white space may stand.
      const at = skipSpace(from);
      if (at < to) fail(at);
      return;
    }
    const raw = source.slice(from, to);
    const cdataEnd = raw.indexOf(']]>');
    if (cdataEnd >= 0) fail(from + cdataEnd);
    events.text(decode(raw, from));
  };

  const startTag = (lt: number): number => {
    const tag = name(lt + 1);
    let at = lt + 1 + tag.length;
    let attributes: Set<string> | null = null; // made for the rare tag that has any
    for (;;) {
      const afterSpace = skipSpace(at);
      if (source.startsWith('/>', afterSpace) || source[afterSpace] === '>') {
        at = afterSpace;
        break;
      }
      if (afterSpace === at) fail(at); // attributes must be separated by white space
      const attribute = name(afterSpace);
      attributes ??= new Set();
      if (attributes.has(attribute)) fail(afterSpace);
      attributes.add(attribute);
      at = skipSpace(afterSpace + attribute.length);
      if (source[at] !== '=') fail(at);
      at = skipSpace(at + 1);
      const quote = source[at];
      if (quote !== '"' && quote !== "'") fail(at);
      const close = source.indexOf(quote!, at + 1);
      if (close < 0) fail(at);
      const value = source.slice(at + 1, close);
      if (value.includes('<')) fail(at + 1 + value.indexOf('<'));
      decode(value, at + 1); // unused, but its references must be sound
      at = close + 1;
    }
    if (rootDone) fail(lt);
    if (stack.length >= maxDepth) fail(lt, 'too_deep');
    events.open(tag);
    if (source[at] === '/') {
      events.close(tag);
      if (stack.length === 0) rootDone = true;
      return at + 2;
    }
    stack.push(tag);
    return at + 1;
  };

  const endTag = (lt: number): number => {
    const tag = name(lt + 2);
    const at = skipSpace(lt + 2 + tag.length);
    if (source[at] !== '>' || stack.pop() !== tag) fail(lt);
    events.close(tag);
    if (stack.length === 0) rootDone = true;
    return at + 1;
  };

  /** The XML declaration (only at the very start) or another processing instruction. */
  const processingInstruction = (lt: number): number => {
    const target = name(lt + 2);
    // Targets starting with "xml" are reserved (XML 1.0 §2.6); libxml2 refuses them.
    if (target.toLowerCase().startsWith('xml') && target.length > 3) fail(lt);
    if (target.toLowerCase() === 'xml') {
      XML_DECLARATION.lastIndex = lt;
      const declaration = lt === 0 ? XML_DECLARATION.exec(source) : null;
      if (!declaration) return fail(lt);
      const encoding = /encoding[ \t\n]*=[ \t\n]*["']([^"']*)/.exec(declaration[0])?.[1];
      if (encoding !== undefined && !TEXT_ENCODINGS.has(encoding.toLowerCase())) {
        fail(lt, 'encoding');
      }
      return XML_DECLARATION.lastIndex;
    }
    const after = lt + 2 + target.length;
    const close = source.indexOf('?>', after);
    // The target ends the instruction or is followed by white space.
    if (close < 0 || (close !== after && skipSpace(after) === after)) fail(lt);
    return close + 2;
  };

  while (i < n) {
    const lt = source.indexOf('<', i);
    const end = lt < 0 ? n : lt;
    if (end > i) text(i, end);
    if (lt < 0) break;
    if (source.startsWith('<!--', lt)) {
      const close = source.indexOf('--', lt + 4);
      if (close < 0 || source[close + 2] !== '>') fail(close < 0 ? lt : close);
      events.comment(source.slice(lt + 4, close));
      i = close + 3;
    } else if (source.startsWith('<![CDATA[', lt)) {
      const close = source.indexOf(']]>', lt + 9);
      if (close < 0 || stack.length === 0) fail(lt);
      events.text(source.slice(lt + 9, close));
      i = close + 3;
    } else if (source.startsWith('<?', lt)) {
      i = processingInstruction(lt);
    } else if (source.startsWith('<!', lt)) {
      fail(lt, /^<!DOCTYPE/i.test(source.slice(lt, lt + 9)) ? 'doctype' : 'malformed');
    } else if (source[lt + 1] === '/') {
      i = endTag(lt);
    } else {
      i = startTag(lt);
    }
  }
  if (stack.length > 0 || !rootDone) fail(n);
}
