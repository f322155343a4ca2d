import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { LoopbackServer } from '../../../../main/loopback/server.ts';
import { launch, raw, serveFixture, type Reply, type ServedFixture } from './support/http.ts';

// Requests that try to make the server do or hold far more than they are worth: error replies
// that echo a million keys, bodies that keep the event loop busy before any check, several huge
// bodies at once, and a chunk size no body could ever fill.

/** A promise and the function that settles it, so a test can hold a handler open. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { open, opened };
}

describe('loopback limits', () => {
  let served: ServedFixture;
  let server: LoopbackServer;
  let origin: string;
  let cookie: string;
  let backupGate = gate();
  let active = 0;
  let mostActive = 0;
  let backupCalls = 0;

  beforeAll(async () => {
    served = await serveFixture({
      backupWrite: async () => {
        backupCalls++;
        active++;
        mostActive = Math.max(mostActive, active);
        await backupGate.opened;
        active--;
        return { fileName: 'f', directory: served.dir, bytes: 1, kept: 1, removed: 0 };
      },
    });
    ({ server, origin } = served);
    cookie = await launch(server);
  });
  afterAll(async () => {
    backupGate.open();
    await served.close();
  });

  const call = (name: string, body: string | Buffer) =>
    raw(server, {
      method: 'POST',
      path: `/bridge/${name}`,
      headers: { 'content-type': 'application/json', origin, cookie },
      body,
    });

  it('keeps a schema error about thousands of unknown keys short', async () => {
    const payload: Record<string, string> = {
      kind: 'fingerprint',
      fingerprint: 'ab'.repeat(32),
      label: 'x',
    };
    for (let i = 0; i < 5000; i++) payload[`unknown-key-${i}-${'k'.repeat(120)}`] = '';
    const reply = await call('trustAnchorImport', JSON.stringify(payload));
    expect(reply.status).toBe(200);
    const answer = JSON.parse(reply.body) as { ok: boolean; error: { message: string } };
    expect(answer.ok).toBe(false);
    expect(answer.error.message).toMatch(/^Invalid request for trustAnchorImport: /);
    expect(reply.body.length).toBeLessThan(2048);
  });

  it(
    'refuses a body with a million keys before parsing it, with a short answer',
    async () => {
      let text = '{"label":"x","content":"{}"';
      const parts: string[] = [];
      for (let i = 0; i < 1_000_000; i++) parts.push(`,"k${i}":1`);
      text += `${parts.join('')}}`;
      expect(text.length).toBeGreaterThan(11_000_000);
      const before = backupCalls;
      const reply = await call('backupWrite', text);
      expect(reply.status).toBe(400);
      expect(reply.body.length).toBeLessThan(1024);
      expect(JSON.parse(reply.body)).toMatchObject({
        ok: false,
        error: { code: 'bad_request', message: expect.stringMatching(/more than .* keys/) },
      });
      expect(backupCalls).toBe(before);
    },
    // Answered in well under a second here; the bound leaves room for a loaded machine.
    20_000,
  );

  it('refuses JSON nested deeper than any request needs', async () => {
    const reply = await call('trustAnchorImport', `${'['.repeat(100_000)}${']'.repeat(100_000)}`);
    expect(reply.status).toBe(400);
    expect(JSON.parse(reply.body)).toMatchObject({ error: { message: /nested/ } });
  });

  it('takes one large body at a time and turns away a crowd', async () => {
    backupGate = gate();
    mostActive = 0;
    const big = (n: number) =>
      JSON.stringify({
        label: `big ${n}`,
        content: JSON.stringify({
          format: 'roomcheck.backup',
          formatVersion: 1,
          pad: 'x'.repeat(3 * 1024 * 1024),
        }),
      });
    const replies: Promise<Reply>[] = [0, 1, 2, 3, 4].map((n) => call('backupWrite', big(n)));
    // While the first is held in its handler, two wait their turn and the other two are
    // turned away at once: both refusals arrive before the first call is let go.
    let refusals = 0;
    const twoRefused = new Promise<void>((resolve) => {
      for (const p of replies) {
        void p.then((r) => {
          if (r.status === 503 && ++refusals === 2) resolve();
        });
      }
    });
    await twoRefused;
    backupGate.open();
    const all = await Promise.all(replies);
    expect(all.filter((r) => r.status === 200)).toHaveLength(3);
    const refused = all.filter((r) => r.status === 503);
    expect(refused).toHaveLength(2);
    for (const r of refused) {
      expect(r.headers['retry-after']).toBe('1');
      expect(JSON.parse(r.body)).toMatchObject({ ok: false, error: { code: 'too_large' } });
    }
    expect(mostActive).toBe(1);
  });

  it('closes at once a chunked body whose chunk size no body could fill', async () => {
    const socket = connect(server.port, '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (d: Buffer) => received.push(d));
    const closed = new Promise<void>((resolve) => socket.on('close', () => resolve()));
    socket.write(
      [
        'POST /bridge/backupWrite HTTP/1.1',
        `Host: 127.0.0.1:${server.port}`,
        `Origin: ${origin}`,
        `Cookie: ${cookie}`,
        'Content-Type: application/json',
        'Transfer-Encoding: chunked',
        '',
        'ffffffffffffffff',
        '{"label":',
      ].join('\r\n'),
    );
    // The server answers and hangs up by itself; the socket is never ended from this side.
    await closed;
    expect(Buffer.concat(received).toString('latin1')).toMatch(/^HTTP\/1\.1 411 /);
  });

  it('needs a Content-Length on bridge calls and no body on page requests', async () => {
    const chunked = await raw(server, {
      method: 'POST',
      path: '/bridge/appInfo',
      headers: {
        'content-type': 'application/json',
        origin,
        cookie,
        'transfer-encoding': 'chunked',
      },
      body: '{}',
    });
    expect(chunked.status).toBe(411);
    expect(chunked.headers.connection).toBe('close');
    const getWithBody = await raw(server, {
      path: '/',
      headers: { cookie, 'content-length': '5' },
      body: 'hello',
    });
    expect(getWithBody.status).toBe(400);
    expect(getWithBody.headers.connection).toBe('close');
  });
});
