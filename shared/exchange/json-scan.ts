import { importError } from '../import/messages.ts';

// JSON.parse keeps the last of two equal keys and says nothing, so {"status":"open",
// "status":"closed"} means whatever the last writer (or an attacker) wanted while a reviewer
// reading the file sees the first. Exchange files are read by this scanner first: it refuses
// duplicate keys, nesting deeper than a limit, truncation and any syntax error, each with its
// line and column; only then does JSON.parse build the value.

export const MAX_JSON_DEPTH = 64;

const enum C {
  Tab = 0x09,
  Lf = 0x0a,
  Cr = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Plus = 0x2b,
  Comma = 0x2c,
  Minus = 0x2d,
  Dot = 0x2e,
  Zero = 0x30,
  Nine = 0x39,
  Colon = 0x3a,
  UpperE = 0x45,
  OpenBracket = 0x5b,
  Backslash = 0x5c,
  CloseBracket = 0x5d,
  LowerE = 0x65,
  OpenBrace = 0x7b,
  CloseBrace = 0x7d,
}

type PathPart = string | number;

function pathText(path: readonly PathPart[]): string {
  let out = '$';
  for (const p of path) out += typeof p === 'number' ? `[${p}]` : `.${p}`;
  return out;
}

/** Throws ImportError unless `text` is one well-formed JSON value without duplicate keys. */
export function scanJson(text: string, maxDepth = MAX_JSON_DEPTH): void {
  let i = 0;
  const n = text.length;
  const path: PathPart[] = [];

  const position = (at: number) => {
    let line = 1;
    let lineStart = 0;
    for (let k = text.indexOf('\n'); k !== -1 && k < at; k = text.indexOf('\n', k + 1)) {
      line++;
      lineStart = k + 1;
    }
    return { line, column: at - lineStart + 1 };
  };
  const fail = (at: number): never => {
    if (at >= n) throw importError('json_truncated', {});
    throw importError('json_syntax', position(at));
  };
  const skipWs = () => {
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c !== C.Space && c !== C.Lf && c !== C.Cr && c !== C.Tab) break;
      i++;
    }
  };
  const isHex = (c: number) =>
    (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);

  /** Scans a string starting at its opening quote; returns the index after the closing one. */
  const scanString = (): { start: number; end: number; escaped: boolean } => {
    const start = i;
    i++;
    let escaped = false;
    while (i < n) {
      const c = text.charCodeAt(i);
      if (c === C.Quote) {
        i++;
        return { start, end: i, escaped };
      }
      if (c === C.Backslash) {
        escaped = true;
        const e = text.charCodeAt(i + 1);
        if (i + 1 >= n) fail(n);
        if (e === 0x75) {
          for (let k = 2; k < 6; k++) {
            if (i + k >= n) fail(n);
            if (!isHex(text.charCodeAt(i + k))) fail(i + k);
          }
          i += 6;
          continue;
        }
        // " \ / b f n r t
        if (![0x22, 0x5c, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74].includes(e)) fail(i + 1);
        i += 2;
        continue;
      }
      if (c < 0x20) fail(i);
      i++;
    }
    return fail(n);
  };

  const scanNumber = () => {
    const digits = () => {
      const from = i;
      while (i < n && text.charCodeAt(i) >= C.Zero && text.charCodeAt(i) <= C.Nine) i++;
      if (i === from) fail(i);
    };
    if (text.charCodeAt(i) === C.Minus) i++;
    if (text.charCodeAt(i) === C.Zero) i++;
    else digits();
    if (text.charCodeAt(i) === C.Dot) {
      i++;
      digits();
    }
    const e = text.charCodeAt(i);
    if (e === C.LowerE || e === C.UpperE) {
      i++;
      const sign = text.charCodeAt(i);
      if (sign === C.Plus || sign === C.Minus) i++;
      digits();
    }
  };

  const literal = (word: string) => {
    for (let k = 0; k < word.length; k++) {
      if (i + k >= n) fail(n);
      if (text.charCodeAt(i + k) !== word.charCodeAt(k)) fail(i + k);
    }
    i += word.length;
  };

  const scanValue = (depth: number): void => {
    skipWs();
    if (i >= n) fail(n);
    const c = text.charCodeAt(i);
    if (c === C.OpenBrace || c === C.OpenBracket) {
      if (depth >= maxDepth) throw importError('json_too_deep', { max: maxDepth });
      if (c === C.OpenBrace) scanObject(depth + 1);
      else scanArray(depth + 1);
    } else if (c === C.Quote) scanString();
    else if (c === C.Minus || (c >= C.Zero && c <= C.Nine)) scanNumber();
    else if (c === 0x74) literal('true');
    else if (c === 0x66) literal('false');
    else if (c === 0x6e) literal('null');
    else fail(i);
  };

  const scanObject = (depth: number) => {
    i++;
    const keys = new Set<string>();
    skipWs();
    if (text.charCodeAt(i) === C.CloseBrace) {
      i++;
      return;
    }
    for (;;) {
      skipWs();
      if (i >= n) fail(n);
      if (text.charCodeAt(i) !== C.Quote) fail(i);
      const s = scanString();
      const raw = text.slice(s.start + 1, s.end - 1);
      // Escapes make "a" and "\u0061" the same key; decode only when there are any.
      const key = s.escaped ? (JSON.parse(text.slice(s.start, s.end)) as string) : raw;
      if (keys.has(key)) {
        throw importError('json_duplicate_key', {
          key: key.length > 60 ? `${key.slice(0, 57)}...` : key,
          path: pathText(path),
          ...position(s.start),
        });
      }
      keys.add(key);
      skipWs();
      if (i >= n) fail(n);
      if (text.charCodeAt(i) !== C.Colon) fail(i);
      i++;
      path.push(key);
      scanValue(depth);
      path.pop();
      skipWs();
      if (i >= n) fail(n);
      const next = text.charCodeAt(i);
      i++;
      if (next === C.CloseBrace) return;
      if (next !== C.Comma) fail(i - 1);
    }
  };

  const scanArray = (depth: number) => {
    i++;
    skipWs();
    if (text.charCodeAt(i) === C.CloseBracket) {
      i++;
      return;
    }
    for (let index = 0; ; index++) {
      path.push(index);
      scanValue(depth);
      path.pop();
      skipWs();
      if (i >= n) fail(n);
      const next = text.charCodeAt(i);
      i++;
      if (next === C.CloseBracket) return;
      if (next !== C.Comma) fail(i - 1);
    }
  };

  scanValue(0);
  skipWs();
  if (i < n) throw importError('json_trailing', position(i));
}

/** Scans, then parses: a value from well-formed JSON with no duplicate keys. */
export function parseStrictJson(text: string, maxDepth = MAX_JSON_DEPTH): unknown {
  scanJson(text, maxDepth);
  return JSON.parse(text) as unknown;
}
