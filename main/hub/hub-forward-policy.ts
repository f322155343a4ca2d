import { siteCodeOfDatabase } from '../../shared/hub/names.ts';

// What main forwards to the hub on PouchDB's behalf: requests into the site databases
// (site-<code>) and nothing else on the server (no _users, _all_dbs, _config, _replicate,
// _session), no writes to a database's _security or design documents, and only the headers
// PouchDB needs. Credentials, cookies, Host and Origin are main's to set, never the page's.

/** Request headers passed through from the page; every other one is dropped. */
const REQUEST_HEADERS = new Set(['accept', 'content-type']);
/** Answer headers handed back to the page (PouchDB reads the type of an attachment). */
const RESPONSE_HEADERS = new Set(['content-type', 'etag']);

export type ForwardDecision =
  { ok: true; path: string; database: string } | { ok: false; reason: string };

/** Decides whether `path` (path and query, from the page) may be forwarded with `method`. */
export function forwardDecision(method: string, path: string): ForwardDecision {
  if (!path.startsWith('/') || path.startsWith('//') || /[\\#\s]/.test(path)) {
    return { ok: false, reason: 'The request names no path on the hub.' };
  }
  let url: URL;
  try {
    url = new URL(path, 'http://hub.invalid');
  } catch {
    return { ok: false, reason: 'The request names no path on the hub.' };
  }
  // Whatever the page wrote, the parsed path must be the one sent: no dot segments, no origin.
  if (url.origin !== 'http://hub.invalid' || url.pathname + url.search !== path) {
    return { ok: false, reason: 'The request path is not in canonical form.' };
  }
  const segments = url.pathname.split('/').slice(1);
  let decoded: string[];
  try {
    decoded = segments.map((s) => decodeURIComponent(s));
  } catch {
    return { ok: false, reason: 'The request path is not valid.' };
  }
  if (decoded.some((s) => s === '.' || s === '..')) {
    return { ok: false, reason: 'The request path is not in canonical form.' };
  }
  const database = decoded[0] ?? '';
  if (siteCodeOfDatabase(database) === null) {
    return { ok: false, reason: 'Only the site databases of the hub are reachable.' };
  }
  const second = decoded[1] ?? '';
  if (method !== 'GET' && method !== 'HEAD' && (second === '_security' || second === '_design')) {
    return {
      ok: false,
      reason: "A database's security and rules are set by the hub's administrator.",
    };
  }
  if (second.startsWith('_') && !ALLOWED_DB_ENDPOINTS.has(second)) {
    return {
      ok: false,
      reason: `The hub endpoint ${second.slice(0, 40)} is not used by Roomcheck.`,
    };
  }
  return { ok: true, path, database };
}

/** The database endpoints PouchDB's replication and Roomcheck's mirror use. */
const ALLOWED_DB_ENDPOINTS = new Set([
  '',
  '_local',
  '_design',
  '_changes',
  '_revs_diff',
  '_bulk_get',
  '_bulk_docs',
  '_all_docs',
  '_ensure_full_commit',
]);

export function forwardedRequestHeaders(
  headers: readonly [string, string][],
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of headers) {
    const key = name.toLowerCase();
    if (REQUEST_HEADERS.has(key) && !/[\r\n]/.test(value)) out[key] = value;
  }
  return out;
}

export function returnedResponseHeaders(headers: readonly [string, string][]): [string, string][] {
  return headers.filter(([name]) => RESPONSE_HEADERS.has(name.toLowerCase())).slice(0, 8);
}
