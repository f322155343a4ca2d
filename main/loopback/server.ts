import { randomBytes, timingSafeEqual } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contract, isCallName } from '../../shared/bridge/contract.ts';
import type { Dispatch } from '../bridge/router.ts';
import { SECURITY_HEADERS } from '../security/csp.ts';
import { readStaticFile } from '../static/static-files.ts';

export const TOKEN_HEADER = 'x-roomcheck-token';
const BRIDGE_PREFIX = '/bridge/';
/** The page learns the per-launch token from this meta tag, which other origins cannot read. */
const TOKEN_PLACEHOLDER = '%ROOMCHECK_TOKEN%';

export type LoopbackOptions = {
  /** Built renderer (vite output). */
  rendererDir: string;
  dispatch: Dispatch;
  /** 0 picks a free port. */
  port?: number;
  token?: string;
};

export type LoopbackServer = {
  url: string;
  token: string;
  port: number;
  close: () => Promise<void>;
};

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    'Content-Type': type,
    'Cache-Control': 'no-store',
    ...extra,
  });
  res.end(body);
}

function sendJson(res: ServerResponse, status: number, value: unknown) {
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8');
}

function refuse(
  res: ServerResponse,
  status: number,
  code: 'forbidden' | 'not_found' | 'too_large' | 'bad_request',
  message: string,
) {
  sendJson(res, status, { ok: false, error: { code, message } });
}

function sameToken(given: string | undefined, expected: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** Reads the body, stopping as soon as it passes `limit` bytes. */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | 'too_large'> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers['content-length'] ?? '0');
    if (declared > limit) {
      resolve('too_large');
      req.resume();
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    req.on('data', (chunk: Buffer) => {
      if (done) return;
      size += chunk.length;
      if (size > limit) {
        done = true;
        resolve('too_large');
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => {
      if (!done) resolve(Buffer.concat(chunks));
    });
    req.on('error', reject);
  });
}

/**
 * The bridge without Electron: serves the built renderer and the same handlers over HTTP on
 * 127.0.0.1 only. Calls need the per-launch token, a Host that names this server (defeats DNS
 * rebinding) and, when a browser sends one, an Origin equal to this server's.
 */
export async function startLoopbackServer(options: LoopbackOptions): Promise<LoopbackServer> {
  const token = options.token ?? randomBytes(32).toString('base64url');
  let origin = '';
  let host = '';

  const server = createServer(async (req, res) => {
    try {
      if (req.headers.host !== host) return refuse(res, 421, 'forbidden', 'Wrong Host header.');
      const url = new URL(req.url ?? '/', origin);

      if (url.pathname.startsWith(BRIDGE_PREFIX)) {
        if (req.method !== 'POST') return refuse(res, 405, 'bad_request', 'Bridge calls use POST.');
        if (req.headers.origin !== undefined && req.headers.origin !== origin) {
          return refuse(res, 403, 'forbidden', 'Wrong Origin.');
        }
        const fetchSite = req.headers['sec-fetch-site'];
        if (fetchSite !== undefined && fetchSite !== 'same-origin') {
          return refuse(res, 403, 'forbidden', 'Cross-site request refused.');
        }
        if (!sameToken(req.headers[TOKEN_HEADER] as string | undefined, token)) {
          return refuse(res, 401, 'forbidden', 'Missing or wrong bridge token.');
        }
        const name = url.pathname.slice(BRIDGE_PREFIX.length);
        if (!isCallName(name)) return refuse(res, 404, 'not_found', `Unknown call "${name}".`);
        if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
          return refuse(res, 415, 'bad_request', 'Bridge calls send application/json.');
        }
        const body = await readBody(req, contract[name].maxRequestBytes);
        if (body === 'too_large') {
          res.setHeader('Connection', 'close');
          return refuse(
            res,
            413,
            'too_large',
            `Request for ${name} is larger than ${contract[name].maxRequestBytes} bytes.`,
          );
        }
        let payload: unknown;
        try {
          payload = JSON.parse(body.toString('utf8'));
        } catch {
          return refuse(res, 400, 'bad_request', 'Request body is not valid JSON.');
        }
        const result = await options.dispatch(name, payload);
        return sendJson(res, 200, result);
      }

      if (req.method !== 'GET' && req.method !== 'HEAD') {
        return refuse(res, 405, 'bad_request', 'Only GET is served.');
      }
      const file = await readStaticFile(options.rendererDir, url.pathname);
      if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      const body = file.mimeType.startsWith('text/html')
        ? Buffer.from(file.body.toString('utf8').replaceAll(TOKEN_PLACEHOLDER, token))
        : file.body;
      return send(res, 200, req.method === 'HEAD' ? '' : body, file.mimeType);
    } catch (err) {
      console.error('[loopback]', err);
      if (!res.headersSent) send(res, 500, 'Internal error', 'text/plain; charset=utf-8');
    }
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  host = `127.0.0.1:${port}`;

  return {
    url: `${origin}/`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
