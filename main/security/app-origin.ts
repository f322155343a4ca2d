/** The one origin the window may load, call the bridge from, and request anything from. */
export const APP_SCHEME = 'app';
export const APP_HOST = 'roomcheck';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/`;

export function parseUrl(raw: string): URL | null {
  try {
    return new URL(raw);
  } catch {
    return null;
  }
}

/**
 * True only for URLs whose parsed origin is exactly app://roomcheck. Node's URL gives every
 * custom scheme the opaque origin "null", so scheme, host, port and credentials are compared
 * one by one. The host must be the canonical lower-case `roomcheck`: Chromium canonicalises
 * standard-scheme hosts before main sees a URL, so any other spelling did not come from it and
 * is refused rather than normalised.
 */
export function isAppUrl(raw: string | undefined | null): boolean {
  if (typeof raw !== 'string') return false;
  const url = parseUrl(raw);
  return (
    url !== null &&
    url.protocol === `${APP_SCHEME}:` &&
    url.host === APP_HOST &&
    url.username === '' &&
    url.password === ''
  );
}
