// The canonical serialisation of a record: JSON with object keys in code-point order, no
// whitespace, Maps as their entries sorted by key and Sets as sorted arrays. Two records with
// the same content serialise to the same bytes whatever order they were built in, so a
// completed audit's record can be compared byte for byte and, later, named by the hash of
// these bytes (a content-derived id for the organisation hub).

export function canonicalJson(value: unknown): string {
  return JSON.stringify(canonical(value));
}

function canonical(value: unknown): unknown {
  if (value === null || typeof value !== 'object') {
    if (typeof value === 'number' && !Number.isFinite(value))
      throw new TypeError('A record cannot hold a non-finite number.');
    return value;
  }
  if (value instanceof Map)
    return [...value.entries()]
      .map(([k, v]) => [canonical(k), canonical(v)] as const)
      .sort(([a], [b]) => compare(JSON.stringify(a), JSON.stringify(b)));
  if (value instanceof Set)
    return [...value].map(canonical).sort((a, b) => compare(JSON.stringify(a), JSON.stringify(b)));
  if (Array.isArray(value)) return value.map(canonical);
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value).sort(compare)) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = canonical(v);
  }
  return out;
}

const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
