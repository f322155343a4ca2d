import { protocol, type CustomScheme } from 'electron';
import { readStaticFile } from '../static/static-files.ts';
import { APP_HOST, APP_SCHEME, parseUrl } from '../security/app-origin.ts';
import { SECURITY_HEADERS } from '../security/csp.ts';

/**
 * `standard` gives the scheme real origins (IndexedDB, relative URLs), `secure` makes it a
 * secure context, `supportFetchAPI` lets the page fetch its own assets. Deliberately absent:
 * `bypassCSP` (the CSP must apply), `corsEnabled` (it would let other origins read our files;
 * same-origin module scripts load without it), `allowServiceWorkers`, `stream`, `codeCache`.
 */
export const APP_SCHEME_PRIVILEGES = {
  standard: true,
  secure: true,
  supportFetchAPI: true,
} as const satisfies NonNullable<CustomScheme['privileges']>;

/** Must run before the app's `ready` event: Chromium reads scheme registrations at start-up. */
export function registerAppScheme(): void {
  protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { ...APP_SCHEME_PRIVILEGES } },
  ]);
}

function reply(
  status: number,
  body: ConstructorParameters<typeof Response>[0],
  contentType: string,
  extra: Record<string, string> = {},
): Response {
  return new Response(body, {
    status,
    headers: {
      ...SECURITY_HEADERS,
      'Content-Type': contentType,
      'Cache-Control': 'no-store',
      ...extra,
    },
  });
}

const text = (status: number, message: string, extra?: Record<string, string>) =>
  reply(status, message, 'text/plain; charset=utf-8', extra);

/**
 * Serves the built renderer, and nothing else, on app://roomcheck/: GET and HEAD only, one
 * host, paths contained in `rendererDir` by resolveStaticPath, the security headers (CSP
 * included) on every response, errors too.
 */
export function createAppRequestHandler(rendererDir: string) {
  return async function handleAppRequest(request: Request): Promise<Response> {
    const url = parseUrl(request.url);
    if (!url || url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST || url.username) {
      return text(404, 'Not found');
    }
    if (request.method !== 'GET' && request.method !== 'HEAD') {
      return text(405, 'Only GET and HEAD are served.', { Allow: 'GET, HEAD' });
    }
    const file = await readStaticFile(rendererDir, url.pathname);
    if (!file) return text(404, 'Not found');
    return reply(200, request.method === 'HEAD' ? null : new Uint8Array(file.body), file.mimeType, {
      'Content-Length': String(file.body.byteLength),
    });
  };
}

/** Call once the app is ready; serves the default session's app:// requests. */
export function serveAppProtocol(rendererDir: string): void {
  protocol.handle(APP_SCHEME, createAppRequestHandler(rendererDir));
}
