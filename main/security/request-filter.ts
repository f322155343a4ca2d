import { isAppUrl, parseUrl } from './app-origin.ts';

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
