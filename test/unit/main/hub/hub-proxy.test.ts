import { copyFile, mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createRouter, type DispatchResult } from '../../../../main/bridge/router.ts';
import { handlers } from '../../../../main/handlers/index.ts';
import { hubRequestsInFlight } from '../../../../main/handlers/hub.ts';
import { hubHttp } from '../../../../main/hub/hub-http.ts';
import { CONTENT_SECURITY_POLICY } from '../../../../main/security/csp.ts';
import { isRequestAllowed } from '../../../../main/security/request-filter.ts';
import { PEOPLE, provision } from '../../../hub/hub-client.ts';
import { startTestHub, type TestHub } from '../../../hub/test-hub.ts';
import { testTls, type TestTls } from '../../../hub/tls.ts';

// The hub proxy in main: the only way the page's PouchDB reaches the hub. It forwards to the one
// configured origin, into the user's own site databases, with credentials that main adds and
// never hands back; with no hub configured it forwards nothing at all.

let hub: TestHub;
let tls: TestTls;
const dirs: string[] = [];

beforeAll(async () => {
  tls = testTls();
  hub = await startTestHub({ tls: { key: tls.key, cert: tls.cert } });
  await provision(hub, undefined, tls.caPem);
}, 60_000);
afterAll(async () => {
  await hub?.stop();
  await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
});

async function installation() {
  const dataDir = await mkdtemp(join(tmpdir(), 'roomcheck-hub-proxy-'));
  dirs.push(dataDir);
  const dispatch = createRouter(handlers, { dataDir, version: 'test', transport: 'loopback' });
  return { dataDir, dispatch };
}

const PASS = { kind: 'passphrase' as const, passphrase: 'hub passphrase 1' };
const join_ = (dispatch: Awaited<ReturnType<typeof installation>>['dispatch'], extra = {}) =>
  dispatch('hubJoin', {
    url: hub.url,
    user: PEOPLE.alice.name,
    password: PEOPLE.alice.password,
    caPem: tls.caPem,
    protection: PASS,
    ...extra,
  });

let nextId = 0;
const fetchVia = (
  dispatch: Awaited<ReturnType<typeof installation>>['dispatch'],
  method: string,
  path: string,
  body: unknown = null,
  headers: [string, string][] = [['accept', 'application/json']],
) =>
  dispatch('hubFetch', {
    id: `req-${Date.now()}-${nextId++}`,
    method,
    path,
    headers: body === null ? headers : [...headers, ['content-type', 'application/json']],
    bodyBase64: body === null ? null : Buffer.from(JSON.stringify(body)).toString('base64'),
  });

type Forwarded = { status: number; headers: [string, string][]; bodyBase64: string };
const value = (r: DispatchResult) => {
  if (!r.ok) throw new Error(`${r.error.code}: ${r.error.message}`);
  return r.value as Forwarded;
};
const bodyOf = (f: Forwarded) => JSON.parse(Buffer.from(f.bodyBase64, 'base64').toString('utf8'));

describe('with no hub configured', () => {
  it('forwards nothing anywhere, and the page keeps a CSP that allows only its own origin', async () => {
    const { dispatch } = await installation();
    const before = hub.requests();
    for (const path of ['/site-a/', '/site-a/_changes?since=0', '/_session']) {
      const r = await fetchVia(dispatch, 'GET', path);
      expect(r.ok).toBe(false);
      if (!r.ok) expect(r.error.code).toBe('forbidden');
    }
    expect(hub.requests()).toBe(before);
    expect(value(await dispatch('hubStatus', {})) as unknown).toEqual({ state: 'none' });
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toMatch(/https?:/);
  });
});

describe('joining a hub', () => {
  it("refuses a hub whose certificate the organisation's CA did not issue", async () => {
    const { dispatch, dataDir } = await installation();
    const r = await join_(dispatch, { caPem: tls.otherCaPem });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/certificate was refused/);
    await expect(readFile(join(dataDir, 'hub', 'hub.json'))).rejects.toThrow();
  });

  it('refuses a wrong password and plain http to another computer, storing nothing', async () => {
    const { dispatch, dataDir } = await installation();
    const wrong = await join_(dispatch, { password: 'not-the-password' });
    expect(wrong.ok).toBe(false);
    if (!wrong.ok) expect(wrong.error.message).toBe('The hub refused this user name and password.');
    const plain = await join_(dispatch, { url: 'http://hub.example.org:5984' });
    expect(plain.ok).toBe(false);
    if (!plain.ok) expect(plain.error.message).toMatch(/https/);
    const withPath = await join_(dispatch, { url: `${hub.url}/site-a` });
    expect(withPath.ok).toBe(false);
    await expect(readFile(join(dataDir, 'hub', 'hub.json'))).rejects.toThrow();
  });

  it('stores the password sealed with the passphrase, never in the clear, and a copy starts locked', async () => {
    const { dispatch, dataDir } = await installation();
    const joined = value(await join_(dispatch)) as unknown as Record<string, unknown>;
    expect(joined).toMatchObject({
      state: 'ready',
      user: 'alice',
      siteCodes: ['a'],
      manager: false,
      protection: 'passphrase',
      hasCa: true,
    });
    const text = await readFile(join(dataDir, 'hub', 'hub.json'), 'utf8');
    expect(text).not.toContain(PEOPLE.alice.password);
    expect(text).not.toContain(Buffer.from(PEOPLE.alice.password).toString('base64'));
    expect(JSON.parse(text).password.scheme).toBe('scrypt-aes-256-gcm');

    // Another installation with the same file (a copied disk) has no password until unlocked.
    const other = await installation();
    await mkdir(join(other.dataDir, 'hub'));
    await copyFile(join(dataDir, 'hub', 'hub.json'), join(other.dataDir, 'hub', 'hub.json'));
    expect(value(await other.dispatch('hubStatus', {})) as unknown).toMatchObject({
      state: 'locked',
    });
    const before = hub.requests();
    expect((await fetchVia(other.dispatch, 'GET', '/site-a/')).ok).toBe(false);
    expect(hub.requests()).toBe(before);
    const wrong = await other.dispatch('hubUnlock', { passphrase: 'wrong passphrase' });
    expect(wrong.ok === false && wrong.error.code).toBe('wrong_passphrase');
    expect(
      value(await other.dispatch('hubUnlock', { passphrase: PASS.passphrase })) as unknown,
    ).toMatchObject({ state: 'ready' });
    expect(value(await fetchVia(other.dispatch, 'GET', '/site-a/')).status).toBe(200);
  });
});

describe('forwarding', () => {
  let dispatch: Awaited<ReturnType<typeof installation>>['dispatch'];
  beforeAll(async () => {
    ({ dispatch } = await installation());
    value(await join_(dispatch));
  });

  it("leaves the window's policies alone: the page itself still reaches no other origin, the hub's included", () => {
    for (const url of [`${hub.url}/site-a/`, `${hub.url.replace('https', 'wss')}/site-a/`]) {
      expect(isRequestAllowed(url, { allowDevTools: false })).toBe(false);
    }
    expect(CONTENT_SECURITY_POLICY).toContain("connect-src 'self'");
    expect(CONTENT_SECURITY_POLICY).not.toContain(new URL(hub.url).host);
  });

  it("reaches the user's site database with main's credentials and hands back no credential", async () => {
    const info = value(await fetchVia(dispatch, 'GET', '/site-a/'));
    expect(info.status).toBe(200);
    expect(bodyOf(info).db_name).toBe('site-a');
    for (const [name] of info.headers) {
      expect(['content-type', 'etag']).toContain(name.toLowerCase());
    }
  });

  it('drops credentials and cookies the page adds: the hub sees alice, whatever the page claims', async () => {
    const adminAuth = `Basic ${Buffer.from(`${hub.admin.name}:${hub.admin.password}`).toString('base64')}`;
    // The server admin may publish an audit under another name; alice may not.
    const sha = 'ab'.repeat(32);
    const audit = {
      _id: `audit:${sha}`,
      _rev: `1-${sha.slice(0, 32)}`,
      _revisions: { start: 1, ids: [sha.slice(0, 32)] },
      kind: 'audit',
      site: 'a',
      publishedBy: 'bob',
    };
    const forged = value(
      await fetchVia(dispatch, 'POST', '/site-a/_bulk_docs', { docs: [audit], new_edits: false }, [
        ['authorization', adminAuth],
        ['cookie', 'AuthSession=forged'],
        ['x-forwarded-for', '10.0.0.1'],
      ]),
    );
    expect(bodyOf(forged)).toEqual([
      expect.objectContaining({ error: 'forbidden', reason: 'Publish under your own name.' }),
    ]);
    const own = value(
      await fetchVia(dispatch, 'PUT', '/site-a/device%3Ax2', {
        _id: 'device:x2',
        kind: 'device',
        site: 'a',
        data: {},
      }),
    );
    expect(own.status).toBe(201);
  });

  it('refuses, before anything reaches the hub, every path outside her site databases', async () => {
    const before = hub.requests();
    const attempts: [string, string][] = [
      ['GET', '/_all_dbs'],
      ['GET', '/_users/org.couchdb.user:mary'],
      ['GET', '/_session'],
      ['POST', '/_replicate'],
      ['GET', '/_config'],
      ['GET', '/site-b/'],
      ['GET', '//evil.example/site-a/'],
      ['GET', 'http://evil.example/site-a/'],
      ['GET', '/site-a/../_users'],
      ['GET', '/site-a/%2e%2e/_users'],
      ['GET', '/site-a\\..\\_users'],
      ['GET', '/site-a/_view_cleanup'],
      ['PUT', '/site-a/_security'],
      ['PUT', '/site-a/_design/roomcheck'],
      ['GET', '/site-a/x#frag'],
      ['GET', ' /site-a/'],
    ];
    for (const [method, path] of attempts) {
      const r = await fetchVia(dispatch, method, path, method === 'GET' ? null : {});
      expect(r.ok, `${method} ${path}`).toBe(false);
    }
    expect(hub.requests()).toBe(before);
  });

  it('refuses an oversized answer instead of buffering it', async () => {
    await expect(
      hubHttp({
        origin: hub.url,
        method: 'GET',
        path: '/_session',
        headers: {},
        body: null,
        caPem: tls.caPem,
        maxResponseBytes: 10,
        timeoutMs: 30_000,
      }),
    ).rejects.toMatchObject({ code: 'too_large' });
  });

  it('cancels a forwarded long poll when the page aborts it, leaving nothing open in main', async () => {
    const id = `longpoll-${Date.now()}`;
    const pending = dispatch('hubFetch', {
      id,
      method: 'GET',
      path: '/site-a/_changes?feed=longpoll&since=now&timeout=60000',
      headers: [],
      bodyBase64: null,
    });
    await expect.poll(() => hubRequestsInFlight(), { timeout: 30_000 }).toBe(1);
    expect(value(await dispatch('hubAbort', { id })) as unknown).toEqual({ aborted: true });
    const r = await pending;
    expect(r.ok).toBe(false);
    expect(hubRequestsInFlight()).toBe(0);
  });

  it('after leaving the hub, forwards nothing again', async () => {
    const { dispatch: d, dataDir } = await installation();
    value(await join_(d));
    expect(value(await d('hubLeave', {})) as unknown).toEqual({ state: 'none' });
    const before = hub.requests();
    expect((await fetchVia(d, 'GET', '/site-a/')).ok).toBe(false);
    expect(hub.requests()).toBe(before);
    await expect(readFile(join(dataDir, 'hub', 'hub.json'))).rejects.toThrow();
  });
});
