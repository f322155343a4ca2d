import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonShapeProblem } from '../../../../shared/bridge/json-shape.ts';

const bytes = (text: string) => new TextEncoder().encode(text);

/** The reference: widest object and deepest nesting of a parsed value. */
function shape(value: unknown): { keys: number; depth: number } {
  if (value === null || typeof value !== 'object') return { keys: 0, depth: 0 };
  const children = Array.isArray(value) ? value : Object.values(value);
  let keys = Array.isArray(value) ? 0 : children.length;
  let depth = 0;
  for (const child of children) {
    const s = shape(child);
    keys = Math.max(keys, s.keys);
    depth = Math.max(depth, s.depth);
  }
  return { keys, depth: depth + 1 };
}

describe('jsonShapeProblem', () => {
  it('agrees with the parsed value on every JSON text, whatever the limits', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 6 }),
        fc.integer({ min: 0, max: 6 }),
        fc.integer({ min: 1, max: 8 }),
        (value, maxKeysPerObject, maxDepth) => {
          const text = JSON.stringify(value, null, value === null ? 0 : 1);
          const { keys, depth } = shape(value);
          const problem = jsonShapeProblem(bytes(text), { maxKeysPerObject, maxDepth });
          if (keys <= maxKeysPerObject && depth <= maxDepth) expect(problem).toBeNull();
          else expect(problem).not.toBeNull();
          if (problem?.kind === 'too_deep') expect(depth).toBeGreaterThan(maxDepth);
          if (problem?.kind === 'too_many_keys') expect(keys).toBeGreaterThan(maxKeysPerObject);
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('is not fooled by braces, colons and escaped quotes inside strings', () => {
    const text = JSON.stringify({ a: '{"x":1,"y":2}', b: 'q\\"::{[', c: '\\', d: ['\\\\"'] });
    expect(jsonShapeProblem(bytes(text), { maxKeysPerObject: 4, maxDepth: 2 })).toBeNull();
    expect(jsonShapeProblem(bytes(text), { maxKeysPerObject: 3, maxDepth: 2 })).toEqual({
      kind: 'too_many_keys',
      limit: 3,
    });
  });

  it('ends on any bytes without throwing', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (junk) => {
        jsonShapeProblem(junk, { maxKeysPerObject: 3, maxDepth: 3 });
      }),
      { numRuns: 2000 },
    );
  });

  it('stops a million keys after the limit, and deep nesting at the limit', () => {
    const wide = `{${Array.from({ length: 1_000_000 }, (_, i) => `"k${i}":1`).join(',')}}`;
    expect(jsonShapeProblem(bytes(wide))).toEqual({ kind: 'too_many_keys', limit: 10_000 });
    expect(jsonShapeProblem(bytes('['.repeat(65)))).toEqual({ kind: 'too_deep', limit: 64 });
    expect(jsonShapeProblem(bytes(`${'['.repeat(64)}${']'.repeat(64)}`))).toBeNull();
  });
});
