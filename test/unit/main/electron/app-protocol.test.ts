import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import {
  APP_SCHEME_PRIVILEGES,
  createAppRequestHandler,
  registerAppScheme,
  serveAppProtocol,
} from '../../../../main/electron/app-protocol.ts';
import { CONTENT_SECURITY_POLICY, SECURITY_HEADERS } from '../../../../main/security/csp.ts';
import type { FakeElectron } from './support/fake-electron.ts';

vi.mock('electron', async () => (await import('./support/fake-electron.ts')).createFakeElectron());
const fake = electron as unknown as FakeElectron;

const SECRET = 'TOP-SECRET-OUTSIDE-THE-RENDERER';
const INDEX_HTML = '<!doctype html><title>Roomcheck</title>';
let base: string;
let rendererDir: string;
let handle: (request: Request) => Promise<Response>;

beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'roomcheck-app-protocol-'));
  rendererDir = join(base, 'renderer');
  mkdirSync(join(rendererDir, 'assets'), { recursive: true });
  writeFileSync(join(rendererDir, 'index.html'), INDEX_HTML);
  writeFileSync(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  writeFileSync(join(rendererDir, 'assets', 'app.css'), 'body{}');
  writeFileSync(join(rendererDir, 'assets', 'logo.svg'), '<svg/>');
  writeFileSync(join(rendererDir, 'assets', 'font.woff2'), 'w');
  writeFileSync(join(base, 'secret.txt'), SECRET);
  // A sibling whose name starts like the root: defeats a bare startsWith(root) check.
  mkdirSync(join(base, 'renderer-evil'));
  writeFileSync(join(base, 'renderer-evil', 'x.txt'), SECRET);
  handle = createAppRequestHandler(rendererDir);
});

afterAll(() => rmSync(base, { recursive: true, force: true }));

/** Electron hands the handler a fetch Request; some hostile URLs are built raw, unnormalised. */
function rawRequest(url: string, method = 'GET'): Request {
  return { url, method } as Request;
}

function expectSecurityHeaders(res: Response) {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) {
    expect(res.headers.get(name), name).toBe(value);
  }
  expect(res.headers.get('Content-Security-Policy')).toBe(CONTENT_SECURITY_POLICY);
}

describe('app:// scheme registration', () => {
  it('is standard, secure and fetchable, and neither bypasses CSP nor opens CORS', () => {
    registerAppScheme();
    expect(fake.protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    const [schemes] = fake.protocol.registerSchemesAsPrivileged.mock.calls[0] as [
      { scheme: string; privileges: Record<string, boolean> }[],
    ];
    expect(schemes).toHaveLength(1);
    expect(schemes[0]?.scheme).toBe('app');
    expect(schemes[0]?.privileges).toEqual({ standard: true, secure: true, supportFetchAPI: true });
    for (const risky of [
      'bypassCSP',
      'corsEnabled',
      'allowServiceWorkers',
      'stream',
      'codeCache',
    ]) {
      expect(schemes[0]?.privileges[risky], risky).toBeFalsy();
    }
    expect(APP_SCHEME_PRIVILEGES).not.toHaveProperty('bypassCSP');
  });

  it('serves the app scheme with the request handler', async () => {
    serveAppProtocol(rendererDir);
    expect(fake.protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));
    const handler = fake.protocol.handle.mock.calls[0]?.[1] as typeof handle;
    const res = await handler(new Request('app://roomcheck/'));
    expect(res.status).toBe(200);
  });
});

describe('app:// request handler', () => {
  it('serves the renderer with the right MIME types and the security headers', async () => {
    const cases: [string, string, string][] = [
      ['app://roomcheck/', 'text/html; charset=utf-8', '<!doctype html><title>Roomcheck</title>'],
      [
        'app://roomcheck/index.html',
        'text/html; charset=utf-8',
        '<!doctype html><title>Roomcheck</title>',
      ],
      ['app://roomcheck/assets/app.js', 'text/javascript; charset=utf-8', 'console.log(1)'],
      ['app://roomcheck/assets/app.css', 'text/css; charset=utf-8', 'body{}'],
      ['app://roomcheck/assets/logo.svg', 'image/svg+xml', '<svg/>'],
      ['app://roomcheck/assets/font.woff2', 'font/woff2', 'w'],
      // Client-side routes without an extension get the SPA shell.
      [
        'app://roomcheck/sites/42',
        'text/html; charset=utf-8',
        '<!doctype html><title>Roomcheck</title>',
      ],
    ];
    for (const [url, type, body] of cases) {
      const res = await handle(new Request(url));
      expect(res.status, url).toBe(200);
      expect(res.headers.get('Content-Type'), url).toBe(type);
      expect(await res.text(), url).toBe(body);
      expectSecurityHeaders(res);
    }
  });

  it('answers HEAD with headers and no body', async () => {
    const res = await handle(new Request('app://roomcheck/assets/app.js', { method: 'HEAD' }));
    expect(res.status).toBe(200);
    expect(res.headers.get('Content-Type')).toBe('text/javascript; charset=utf-8');
    expect(res.headers.get('Content-Length')).toBe(String('console.log(1)'.length));
    expect(await res.text()).toBe('');
    expectSecurityHeaders(res);
  });

  it('refuses every method but GET and HEAD with 405, even for files that exist', async () => {
    for (const method of ['POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']) {
      const res = await handle(
        new Request('app://roomcheck/index.html', {
          method,
          ...(method === 'OPTIONS' ? {} : { body: 'x' }),
        }),
      );
      expect(res.status, method).toBe(405);
      expect(res.headers.get('Allow')).toBe('GET, HEAD');
      expect(await res.text()).not.toContain('Roomcheck</title>');
      expectSecurityHeaders(res);
    }
  });

  it('serves host roomcheck only', async () => {
    for (const url of [
      'app://evil/index.html',
      'app://roomcheck.evil/index.html',
      'app://roomcheck@evil/index.html',
      'app://evil@roomcheck/index.html',
      'app://roomcheck:8080/index.html',
      'app://ROOMCHECK/index.html',
      'app:///index.html',
      'https://roomcheck/index.html',
    ]) {
      const res = await handle(rawRequest(url));
      expect(res.status, url).toBe(404);
      expect(await res.text(), url).not.toContain('Roomcheck</title>');
      expectSecurityHeaders(res);
    }
  });

  it('never serves a file outside the renderer directory', async () => {
    const hostile = [
      'app://roomcheck/../../etc/passwd',
      'app://roomcheck/../secret.txt',
      'app://roomcheck/%2e%2e/secret.txt',
      'app://roomcheck/%2e%2e%2fsecret.txt',
      'app://roomcheck/%2E%2E%2Fsecret.txt',
      'app://roomcheck/..%2fsecret.txt',
      'app://roomcheck/assets/%2e%2e/%2e%2e/secret.txt',
      'app://roomcheck/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
      'app://roomcheck/%252e%252e%252fsecret.txt',
      'app://roomcheck/..\\secret.txt',
      'app://roomcheck/%2e%2e%5csecret.txt',
      'app://roomcheck/assets\\..\\..\\secret.txt',
      'app://roomcheck/%00',
      'app://roomcheck/index.html%00.js',
      'app://roomcheck/%00/../secret.txt',
      'app://roomcheck/../renderer-evil/x.txt',
      'app://roomcheck/%2e%2e/renderer-evil/x.txt',
      'app://roomcheck/%2fetc%2fpasswd',
      'app://roomcheck//etc/passwd',
      `app://roomcheck/${encodeURIComponent(join(base, 'secret.txt'))}`,
      'app://roomcheck/%E0%A4%A',
    ];
    for (const url of hostile) {
      for (const request of [rawRequest(url), new Request(url)]) {
        const res = await handle(request);
        const body = await res.text();
        expect(body, url).not.toContain(SECRET);
        // A path without an extension may get the SPA shell; nothing else may come back.
        if (res.status === 200) expect(body, url).toBe(INDEX_HTML);
        else expect(res.status, url).toBe(404);
        expectSecurityHeaders(res);
      }
    }
  });

  it('refuses traversal to a file with an extension outright', async () => {
    for (const url of [
      'app://roomcheck/%2e%2e%2fsecret.txt',
      'app://roomcheck/..%5csecret.txt',
      'app://roomcheck/secret.txt%00.html',
    ]) {
      const res = await handle(rawRequest(url));
      expect(res.status, url).toBe(404);
    }
  });

  it('answers 404 with the security headers for a missing asset', async () => {
    const res = await handle(new Request('app://roomcheck/assets/missing.js'));
    expect(res.status).toBe(404);
    expectSecurityHeaders(res);
  });
});
