// A bound on the shape of a JSON request before JSON.parse builds it. Parsing an object with a
// million keys takes seconds (V8 turns it into a slow dictionary) and validating it takes as
// long again, all on main's event loop; no request of the contract has an object with more than
// a few dozen fields, or nesting deeper than a dozen levels. One linear pass over the bytes
// counts members per object and the nesting depth, and stops at the first excess. It judges
// only well-formed JSON; on malformed text it ends quickly and JSON.parse reports the error.

export const JSON_LIMITS = { maxKeysPerObject: 10_000, maxDepth: 64 } as const;

export type JsonShapeProblem =
  { kind: 'too_many_keys'; limit: number } | { kind: 'too_deep'; limit: number };

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COLON = 0x3a;
const OPEN_BRACE = 0x7b;
const CLOSE_BRACE = 0x7d;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACKET = 0x5d;

/** The end of the string whose opening quote is at `start` (index of its closing quote), or -1. */
function stringEnd(bytes: Uint8Array, start: number): number {
  let at = bytes.indexOf(QUOTE, start + 1);
  while (at !== -1) {
    let slashes = 0;
    while (bytes[at - 1 - slashes] === BACKSLASH) slashes++;
    if (slashes % 2 === 0) return at;
    at = bytes.indexOf(QUOTE, at + 1);
  }
  return -1;
}

/** The first way the JSON text in `bytes` exceeds `limits`, or null. */
export function jsonShapeProblem(
  bytes: Uint8Array,
  limits: { maxKeysPerObject: number; maxDepth: number } = JSON_LIMITS,
): JsonShapeProblem | null {
  // Per open container: the members counted so far, or -1 for an array.
  const members = new Int32Array(limits.maxDepth + 1);
  let depth = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    if (b === QUOTE) {
      const end = stringEnd(bytes, i);
      if (end === -1) return null;
      i = end;
    } else if (b === COLON) {
      if (depth > 0 && members[depth]! >= 0 && ++members[depth]! > limits.maxKeysPerObject) {
        return { kind: 'too_many_keys', limit: limits.maxKeysPerObject };
      }
    } else if (b === OPEN_BRACE || b === OPEN_BRACKET) {
      if (++depth > limits.maxDepth) return { kind: 'too_deep', limit: limits.maxDepth };
      members[depth] = b === OPEN_BRACE ? 0 : -1;
    } else if (b === CLOSE_BRACE || b === CLOSE_BRACKET) {
      if (--depth < 0) return null;
    }
  }
  return null;
}
