import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRouter, type Handlers } from '../../../../../main/bridge/router.ts';
import { handlers } from '../../../../../main/handlers/index.ts';
import { startLoopbackServer, type LoopbackServer } from '../../../../../main/loopback/server.ts';

export type Reply = {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
};

/** Raw HTTP so the test controls every header, including Host, Origin and Cookie. */
export function raw(
  server: Pick<LoopbackServer, 'port'>,
  options: {
    method?: string;
    path: string;
    headers?: Record<string, string>;
    body?: string | Buffer;
  },
): Promise<Reply> {
  const headers = { ...options.headers };
  // A body goes with its length, as browsers send it, unless the test chose chunked encoding.
  if (options.body !== undefined && !headers['transfer-encoding'] && !headers['content-length']) {
    headers['content-length'] = String(Buffer.byteLength(options.body));
  }
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: server.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers,
        setHost: !options.headers?.host,
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            headers: res.headers,
            body: Buffer.concat(chunks).toString('utf8'),
          }),
        );
      },
    );
    req.on('error', reject);
    if (options.body) req.write(options.body);
    req.end();
  });
}

/** The path and query of a launch link (what a browser would request). */
export const pathOf = (url: string) => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};

/** Opens the launch link once, as the owner's browser would, and returns the session cookie. */
export async function launch(server: LoopbackServer): Promise<string> {
  const reply = await raw(server, { path: pathOf(server.launchUrl()) });
  const set = reply.headers['set-cookie'];
  const cookie = Array.isArray(set) ? set[0] : set;
  if (reply.status !== 303 || !cookie) throw new Error(`launch failed: ${reply.status}`);
  return cookie.split(';')[0]!;
}

export type ServedFixture = {
  /** The data directory; the renderer is in `web/` inside it, and `secret.txt` beside that. */
  dir: string;
  server: LoopbackServer;
  origin: string;
  close: () => Promise<void>;
};

/**
 * A loopback server on a tiny built renderer (a page marked for the transport and one script)
 * in a fresh directory, dispatching to the real handlers except those given.
 */
export async function serveFixture(
  overrides: Partial<Handlers> = {},
  version = '1',
): Promise<ServedFixture> {
  const dir = await mkdtemp(join(tmpdir(), 'rc-loopback-'));
  const web = join(dir, 'web');
  await mkdir(join(web, 'assets'), { recursive: true });
  await writeFile(
    join(web, 'index.html'),
    '<meta name="roomcheck-transport" content="%ROOMCHECK_TRANSPORT%"><p>app</p>',
  );
  await writeFile(join(web, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(dir, 'secret.txt'), 'outside the web root');
  const server = await startLoopbackServer({
    rendererDir: web,
    dispatch: createRouter(
      { ...handlers, ...overrides },
      { dataDir: dir, version, transport: 'loopback' },
    ),
  });
  return {
    dir,
    server,
    origin: new URL(server.url).origin,
    close: async () => {
      await server.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}
