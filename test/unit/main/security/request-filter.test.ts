import { describe, expect, it, vi } from 'vitest';
import { installRequestFilter } from '../../../../main/electron/request-filter.ts';
import { isRequestAllowed } from '../../../../main/security/request-filter.ts';
import { FakeSession } from '../electron/support/fake-electron.ts';

vi.mock('electron', async () =>
  (await import('../electron/support/fake-electron.ts')).createFakeElectron(),
);

const prod = { allowDevTools: false };
const dev = { allowDevTools: true };

const ALWAYS_REFUSED = [
  'http://example.invalid/',
  'https://example.invalid/',
  'ws://127.0.0.1:9222/',
  'wss://example.invalid/socket',
  'http://example.invalid/?next=app://roomcheck',
  'https://example.invalid/app://roomcheck/',
  'http://127.0.0.1:5173/index.html',
  'http://localhost/',
  'file:///etc/passwd',
  'file:///app://roomcheck',
  'ftp://example.invalid/',
  'chrome://gpu',
  'chrome-extension://abc/script.js',
  'javascript:alert(1)',
  'app://roomcheck.evil/',
  'app://roomcheck@evil/',
  'app://evil/?x=app://roomcheck',
  'app://roomcheck:1/',
  'APP://ROOMCHECK/',
  'blob:http://example.invalid/1234',
  'blob:app://evil/1234',
  'blob:app://roomcheck@evil/1234',
  'not a url',
  '',
];

describe('isRequestAllowed', () => {
  it('allows our own origin, inline data and blobs of our own origin', () => {
    for (const url of [
      'app://roomcheck/',
      'app://roomcheck/assets/index.js',
      'APP://roomcheck/x',
      'data:image/png;base64,iVBORw0KGgo=',
      'blob:app://roomcheck/0f4b8f0e-8a2c-4a8f-9a51-4c1bd0b6a1d2',
    ]) {
      expect(isRequestAllowed(url, prod), url).toBe(true);
    }
  });

  it('refuses every other scheme and host, in production and development', () => {
    for (const url of ALWAYS_REFUSED) {
      expect(isRequestAllowed(url, prod), url).toBe(false);
      expect(isRequestAllowed(url, dev), url).toBe(false);
    }
  });

  it('allows devtools:// only in development', () => {
    const url = 'devtools://devtools/bundled/devtools_app.html';
    expect(isRequestAllowed(url, prod)).toBe(false);
    expect(isRequestAllowed(url, dev)).toBe(true);
  });
});

describe('installRequestFilter', () => {
  it('cancels refused requests in the session and lets ours through', () => {
    const session = new FakeSession();
    vi.spyOn(console, 'warn').mockImplementation(() => {});
    installRequestFilter(session as never, prod);
    expect(session.cancels('app://roomcheck/index.html')).toBe(false);
    for (const url of ALWAYS_REFUSED) expect(session.cancels(url), url).toBe(true);
    expect(session.cancels('https://example.invalid/upload', 'POST')).toBe(true);
  });

  it('rejects every TLS certificate as a second line of defence', () => {
    const session = new FakeSession();
    installRequestFilter(session as never, prod);
    const results: number[] = [];
    session.certificateVerifyProc?.({ hostname: 'example.invalid' }, (r) => results.push(r));
    expect(results).toEqual([-2]);
  });
});
