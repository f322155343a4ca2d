import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { contract } from '../../../../shared/bridge/contract.ts';
import { handlers } from '../../../../main/handlers/index.ts';
import type { LoopbackServer } from '../../../../main/loopback/server.ts';
import { launch, raw, serveFixture, type ServedFixture } from './support/http.ts';

describe('loopback transport', () => {
  let served: ServedFixture;
  let server: LoopbackServer;
  let origin: string;
  let cookie: string;
  const appInfoSpy = vi.fn(handlers.appInfo);

  beforeAll(async () => {
    served = await serveFixture({ appInfo: appInfoSpy }, '1.2.3');
    ({ server, origin } = served);
    cookie = await launch(server);
  });
  afterAll(() => served.close());

  const good = (): Record<string, string> => ({
    'content-type': 'application/json',
    origin,
    cookie,
  });

  it('listens on 127.0.0.1 only, on a random port, with a long random launch secret', () => {
    expect(new URL(server.url).hostname).toBe('127.0.0.1');
    expect(server.port).toBeGreaterThan(0);
    const secret = new URL(server.launchUrl()).searchParams.get('secret');
    expect(secret?.length).toBeGreaterThanOrEqual(40);
  });

  it('answers a well-formed call', async () => {
    const reply = await raw(server, {
      method: 'POST',
      path: '/bridge/appInfo',
      headers: good(),
      body: '{}',
    });
    expect(reply.status).toBe(200);
    expect(JSON.parse(reply.body)).toMatchObject({
      ok: true,
      value: { version: '1.2.3', transport: 'loopback' },
    });
  });

  it('serves the page marked for the loopback transport, a strict CSP and the right MIME types', async () => {
    const page = await raw(server, { path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toMatch(/^text\/html/);
    expect(page.body).toContain('content="loopback"');
    expect(page.headers['content-security-policy']).toMatch(/default-src 'none'/);
    expect(page.headers['content-security-policy']).toMatch(/script-src 'self'/);
    const js = await raw(server, { path: '/assets/app.js', headers: { cookie } });
    expect(js.headers['content-type']).toMatch(/^text\/javascript/);
    expect(js.headers['x-content-type-options']).toBe('nosniff');
  });

  it.each([
    ['no session cookie', (h: Record<string, string>) => ({ ...h, cookie: '' }), 401],
    [
      'a wrong session cookie',
      (h: Record<string, string>) => ({
        ...h,
        cookie: `${h.cookie!.split('=')[0]}=${'x'.repeat(43)}`,
      }),
      401,
    ],
    [
      'a wrong Origin',
      (h: Record<string, string>) => ({ ...h, origin: 'http://evil.example' }),
      403,
    ],
    [
      'a look-alike Origin',
      (h: Record<string, string>) => ({ ...h, origin: `${origin}.evil.example` }),
      403,
    ],
    ['a null Origin', (h: Record<string, string>) => ({ ...h, origin: 'null' }), 403],
    [
      'a wrong Host (DNS rebinding)',
      (h: Record<string, string>) => ({ ...h, host: 'evil.example' }),
      421,
    ],
    [
      'localhost as Host',
      (h: Record<string, string>) => ({ ...h, host: `localhost:${server.port}` }),
      421,
    ],
    [
      'a cross-site fetch',
      (h: Record<string, string>) => ({ ...h, 'sec-fetch-site': 'cross-site' }),
      403,
    ],
    [
      'a form post content type',
      (h: Record<string, string>) => ({ ...h, 'content-type': 'text/plain' }),
      415,
    ],
  ])('refuses a call with %s, and the handler never runs', async (_what, mutate, status) => {
    appInfoSpy.mockClear();
    const reply = await raw(server, {
      method: 'POST',
      path: '/bridge/appInfo',
      headers: mutate(good()),
      body: '{}',
    });
    expect(reply.status).toBe(status);
    expect(JSON.parse(reply.body)).toMatchObject({ ok: false });
    expect(appInfoSpy).not.toHaveBeenCalled();
  });

  it('refuses a body larger than the call allows, and a streamed body of unknown length', async () => {
    appInfoSpy.mockClear();
    const big = JSON.stringify({ pad: 'x'.repeat(contract.appInfo.maxRequestBytes) });
    const declared = await raw(server, {
      method: 'POST',
      path: '/bridge/appInfo',
      headers: good(),
      body: big,
    });
    expect(declared.status).toBe(413);
    const chunked = await raw(server, {
      method: 'POST',
      path: '/bridge/appInfo',
      headers: { ...good(), 'transfer-encoding': 'chunked' },
      body: big,
    });
    expect(chunked.status).toBe(411);
    expect(appInfoSpy).not.toHaveBeenCalled();
  });

  it('refuses malformed JSON and schema failures with a clear message', async () => {
    appInfoSpy.mockClear();
    const junk = await raw(server, {
      method: 'POST',
      path: '/bridge/appInfo',
      headers: good(),
      body: '{"a":',
    });
    expect(junk.status).toBe(400);
    const schema = await raw(server, {
      method: 'POST',
      path: '/bridge/appInfo',
      headers: good(),
      body: '{"x":1}',
    });
    expect(JSON.parse(schema.body)).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    expect(appInfoSpy).not.toHaveBeenCalled();
  });

  it('refuses unknown calls and non-POST bridge requests', async () => {
    expect(
      (await raw(server, { method: 'POST', path: '/bridge/fs.read', headers: good(), body: '{}' }))
        .status,
    ).toBe(404);
    expect(
      (await raw(server, { method: 'GET', path: '/bridge/appInfo', headers: good() })).status,
    ).toBe(405);
  });

  it.each([
    '/../secret.txt',
    '/%2e%2e/secret.txt',
    '/assets/..%2f..%2fsecret.txt',
    '/%00index.html',
    '/..\\secret.txt',
  ])('does not serve files outside the web root: %s', async (path) => {
    const reply = await raw(server, { path, headers: { cookie } });
    expect(reply.body).not.toContain('outside the web root');
  });

  it('serves only GET and HEAD for pages', async () => {
    const put = await raw(server, { method: 'PUT', path: '/index.html', headers: { cookie } });
    expect(put.status).toBe(405);
    const del = await raw(server, { method: 'DELETE', path: '/index.html', headers: { cookie } });
    expect(del.status).toBe(405);
  });
});
