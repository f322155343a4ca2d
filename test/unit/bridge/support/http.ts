import { request } from 'node:http';
import type { LoopbackServer } from '../../../../main/loopback/server.ts';

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
