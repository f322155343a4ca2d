// The hub's address as the user types it, reduced to the one origin main will ever talk to.
// https always, except a hub on this computer's loopback address (the tests' stand-in, or a
// hub behind a local TLS-terminating proxy), where plain http is allowed.

export type HubOriginResult = { ok: true; origin: string } | { ok: false; reason: string };

const LOOPBACK = new Set(['127.0.0.1', '[::1]', 'localhost']);

export function parseHubOrigin(text: string): HubOriginResult {
  let url: URL;
  try {
    url = new URL(text.trim());
  } catch {
    return {
      ok: false,
      reason: 'The hub address is not a URL (e.g. https://hub.example.org:6984).',
    };
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    return { ok: false, reason: 'The hub address must start with https://.' };
  }
  if (url.protocol === 'http:' && !LOOPBACK.has(url.hostname)) {
    return { ok: false, reason: 'The hub must be reached over https:// (TLS).' };
  }
  if (url.username || url.password) {
    return {
      ok: false,
      reason: 'Give the user name and password in their own fields, not in the address.',
    };
  }
  if ((url.pathname !== '/' && url.pathname !== '') || url.search || url.hash) {
    return { ok: false, reason: 'The hub address is an origin only: no path, query or fragment.' };
  }
  return { ok: true, origin: url.origin };
}

/** Whether `rawUrl` names exactly `origin` (parsed, never compared as a string prefix). */
export function isSameOrigin(rawUrl: string, origin: string): boolean {
  try {
    return new URL(rawUrl).origin === origin;
  } catch {
    return false;
  }
}
