import { readdir } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { handlers } from '../../../../main/handlers/index.ts';
import type { LoopbackServer } from '../../../../main/loopback/server.ts';
import { launch, pathOf, raw, serveFixture, type ServedFixture } from './support/http.ts';

// Who may drive web mode: only whoever holds the one-time launch link that `npm run web`
// printed. The link is exchanged once for an HttpOnly, SameSite=Strict cookie; the page never
// carries a secret, so reading it (as any local account can) gives nothing.

describe('loopback session', () => {
  let served: ServedFixture;
  let server: LoopbackServer;
  let origin: string;
  const trustSpy = vi.fn(handlers.trustAnchorImport);

  beforeAll(async () => {
    served = await serveFixture({ trustAnchorImport: trustSpy });
    ({ server, origin } = served);
  });
  afterAll(() => served.close());

  const importCa = (headers: Record<string, string>) =>
    raw(server, {
      method: 'POST',
      path: '/bridge/trustAnchorImport',
      headers: { 'content-type': 'application/json', origin, ...headers },
      body: JSON.stringify({ kind: 'fingerprint', fingerprint: 'ab'.repeat(32), label: 'evil' }),
    });

  it('serves no page, and no secret, to a request without the session cookie', async () => {
    for (const path of ['/', '/index.html', '/audit/1', '/assets/app.js']) {
      const reply = await raw(server, { path });
      expect(reply.status, path).toBe(401);
      expect(reply.body).not.toContain('<p>app</p>');
      expect(reply.body).not.toContain('console.log');
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
    const locked = await raw(server, { path: '/' });
    expect(locked.headers['content-type']).toMatch(/^text\/html/);
    expect(locked.body).toContain('one-time link');
    expect(locked.body).toContain('一次性链接');
  });

  it('exchanges the launch link once for an HttpOnly, SameSite=Strict cookie', async () => {
    const link = server.launchUrl();
    expect(new URL(link).origin).toBe(origin);
    const first = await raw(server, { path: pathOf(link) });
    expect(first.status).toBe(303);
    expect(first.headers.location).toBe('/');
    const set = first.headers['set-cookie'];
    expect(set).toHaveLength(1);
    const attributes = set![0]!.split(';').map((a) => a.trim().toLowerCase());
    expect(attributes).toEqual(expect.arrayContaining(['httponly', 'samesite=strict', 'path=/']));
    // Used once, the link is dead: a second use, by anyone, gets no cookie.
    const second = await raw(server, { path: pathOf(link) });
    expect(second.status).toBe(403);
    expect(second.headers['set-cookie']).toBeUndefined();
    expect(second.body).toContain('already used');
  });

  it('a wrong secret gets nothing and does not burn the real one', async () => {
    const link = server.launchUrl();
    const secret = new URL(link).searchParams.get('secret')!;
    for (const guess of ['', 'x', secret.slice(0, -1), `${secret}x`, secret.toUpperCase()]) {
      const reply = await raw(server, { path: `/launch?secret=${encodeURIComponent(guess)}` });
      expect(reply.status).toBe(403);
      expect(reply.headers['set-cookie']).toBeUndefined();
    }
    expect((await raw(server, { path: pathOf(link) })).status).toBe(303);
  });

  it('a newer link replaces an unused older one', async () => {
    const older = server.launchUrl();
    const newer = server.launchUrl();
    expect(newer).not.toBe(older);
    expect((await raw(server, { path: pathOf(older) })).status).toBe(403);
    expect((await raw(server, { path: pathOf(newer) })).status).toBe(303);
  });

  it('with the cookie, the page is served without any secret in it', async () => {
    const link = server.launchUrl();
    const cookie = await launch({ ...server, launchUrl: () => link });
    const page = await raw(server, { path: '/', headers: { cookie } });
    expect(page.status).toBe(200);
    expect(page.body).toContain('<p>app</p>');
    expect(page.body).toContain('content="loopback"');
    const sessionValue = cookie.split('=')[1]!;
    expect(page.body).not.toContain(sessionValue);
    expect(page.body).not.toContain(new URL(link).searchParams.get('secret')!);
    const js = await raw(server, { path: '/assets/app.js', headers: { cookie } });
    expect(js.body).toBe('console.log(1)');
  });

  it('every bridge call needs the cookie, and the Origin and Fetch-Site checks still hold', async () => {
    const cookie = await launch(server);
    const [name, value] = cookie.split('=') as [string, string];
    trustSpy.mockClear();
    const refused: [string, Record<string, string>, number][] = [
      ['no cookie', {}, 401],
      ['a wrong cookie', { cookie: `${name}=${'A'.repeat(value.length)}` }, 401],
      ['the cookie under another name', { cookie: `roomcheck_other=${value}` }, 401],
      ['the old token header', { 'x-roomcheck-token': value }, 401],
      ['a wrong Origin', { cookie, origin: 'http://evil.example' }, 403],
      ['a cross-site fetch', { cookie, 'sec-fetch-site': 'cross-site' }, 403],
    ];
    for (const [what, headers, status] of refused) {
      const reply = await importCa(headers);
      expect(reply.status, what).toBe(status);
      expect(JSON.parse(reply.body), what).toMatchObject({ ok: false });
    }
    expect(trustSpy).not.toHaveBeenCalled();
    expect((await readdir(served.dir)).sort()).toEqual(['secret.txt', 'web']);
    const ok = await importCa({ cookie: `theme=dark; ${cookie}` });
    expect(ok.status).toBe(200);
    expect(trustSpy).toHaveBeenCalledTimes(1);
  });

  it("another launch's cookie does not open this one", async () => {
    const other = await serveFixture();
    try {
      const foreign = await launch(other.server);
      const value = foreign.split('=')[1]!;
      const ours = (await launch(server)).split('=')[0]!;
      expect((await importCa({ cookie: `${ours}=${value}` })).status).toBe(401);
      expect(
        (await raw(server, { path: '/', headers: { cookie: `${ours}=${value}` } })).status,
      ).toBe(401);
    } finally {
      await other.close();
    }
  });
});
