import type { Session } from 'electron';
import { isAppUrl, parseUrl } from './app-origin.ts';

/** Chromium's net::ERR_FAILED, which setCertificateVerifyProc takes as "reject". */
const CERTIFICATE_REJECTED = -2;

export type RequestPolicy = {
  /** devtools:// is the DevTools front end itself; allowed only in development builds. */
  allowDevTools: boolean;
};

/**
 * The renderer may reach app://roomcheck and nothing else: no http, https, ws, wss, file or
 * other scheme, whatever a URL's query or credentials say. data: URLs (inline images, no
 * network) and blob: URLs minted by our own origin stay usable.
 */
export function isRequestAllowed(rawUrl: string, policy: RequestPolicy): boolean {
  const url = parseUrl(rawUrl);
  if (!url) return false;
  switch (url.protocol) {
    case 'app:':
      return isAppUrl(rawUrl);
    case 'data:':
      return true;
    case 'blob:':
      // blob:app://roomcheck/<uuid>: the part after "blob:" names the origin that made it.
      return isAppUrl(url.pathname);
    case 'devtools:':
      return policy.allowDevTools;
    default:
      return false;
  }
}

/**
 * Cancels, in the session's network layer, every request the policy does not allow. As a second
 * line, any TLS certificate is rejected: no https request should get that far.
 */
export function installRequestFilter(session: Session, policy: RequestPolicy): void {
  session.setCertificateVerifyProc((_request, callback) => callback(CERTIFICATE_REJECTED));
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isRequestAllowed(details.url, policy);
    if (!allowed)
      console.warn(`[request-filter] cancelled ${details.method} ${details.url.slice(0, 200)}`);
    callback({ cancel: !allowed });
  });
}
