import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { contract, isCallName } from '../../shared/bridge/contract.ts';
import { jsonShapeProblem } from '../../shared/bridge/json-shape.ts';
import { clip, NAME_SHOWN, type Dispatch } from '../bridge/router.ts';
import { SECURITY_HEADERS } from '../security/csp.ts';
import { readStaticFile } from '../static/static-files.ts';
import { LargeBodyGate, readBody, SMALL_BODY_BYTES } from './body.ts';
import { doorPage, type DoorPage } from './pages.ts';
import { LoopbackSession } from './session.ts';

const BRIDGE_PREFIX = '/bridge/';
const LAUNCH_PATH = '/launch';
/** The page learns that it talks to main over this server; Electron leaves the placeholder. */
const TRANSPORT_PLACEHOLDER = '%ROOMCHECK_TRANSPORT%';

export type LoopbackOptions = {
  /** Built renderer (vite output). */
  rendererDir: string;
  dispatch: Dispatch;
  /** 0 picks a free port. */
  port?: number;
};

export type LoopbackServer = {
  /** The app's address; it opens only in a browser that holds this launch's session cookie. */
  url: string;
  port: number;
  /** A fresh one-time link that gives the browser opening it the session (older unused links die). */
  launchUrl: () => string;
  close: () => Promise<void>;
};

type ErrorCode = 'forbidden' | 'not_found' | 'too_large' | 'bad_request';

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

function refuse(res: ServerResponse, status: number, code: ErrorCode, message: string) {
  sendJson(res, status, { ok: false, error: { code, message } });
}

function sendPage(res: ServerResponse, status: number, page: DoorPage, head: boolean) {
  send(res, status, head ? '' : doorPage(page), 'text/html; charset=utf-8');
}

/**
 * Answers, then closes the connection instead of reading a body that is not wanted (one of
 * unknown or excessive length): nothing more is read from it.
 */
function hangUp(res: ServerResponse): void {
  res.setHeader('Connection', 'close');
  res.once('finish', () => res.socket?.destroy());
}

/** The declared body length; null when none is declared. */
function declaredLength(req: IncomingMessage): number | null {
  const header = req.headers['content-length'];
  return header === undefined ? null : Number(header);
}

/**
 * The bridge without Electron: serves the built renderer and the same handlers over HTTP on
 * 127.0.0.1 only. Every account on this computer can connect to it, so nothing is served
 * without this launch's session cookie, which only the one-time launch link gives (see
 * session.ts). Calls also need a Host that names this server (defeats DNS rebinding) and, when
 * a browser sends them, an Origin equal to this server's and a same-origin Sec-Fetch-Site.
 */
export async function startLoopbackServer(options: LoopbackOptions): Promise<LoopbackServer> {
  let origin = '';
  let host = '';
  const session = new LoopbackSession();
  const largeBodies = new LargeBodyGate();

  async function bridgeCall(req: IncomingMessage, res: ServerResponse, name: string) {
    if (req.method !== 'POST') return refuse(res, 405, 'bad_request', 'Bridge calls use POST.');
    if (req.headers.origin !== undefined && req.headers.origin !== origin) {
      return refuse(res, 403, 'forbidden', 'Wrong Origin.');
    }
    const fetchSite = req.headers['sec-fetch-site'];
    if (fetchSite !== undefined && fetchSite !== 'same-origin') {
      return refuse(res, 403, 'forbidden', 'Cross-site request refused.');
    }
    if (!session.admits(req.headers.cookie)) {
      return refuse(
        res,
        401,
        'forbidden',
        'This page is not connected to Roomcheck: open the one-time link Roomcheck printed when it started.',
      );
    }
    if (!isCallName(name)) {
      return refuse(res, 404, 'not_found', `Unknown call "${clip(name, NAME_SHOWN)}".`);
    }
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json')) {
      return refuse(res, 415, 'bad_request', 'Bridge calls send application/json.');
    }
    const length = declaredLength(req);
    const max = contract[name].maxRequestBytes;
    if (length === null) {
      hangUp(res);
      return refuse(res, 411, 'bad_request', 'Send the request body with a Content-Length.');
    }
    if (length > max) {
      hangUp(res);
      return refuse(res, 413, 'too_large', `Request for ${name} is larger than ${max} bytes.`);
    }
    let release: (() => void) | null = null;
    if (length > SMALL_BODY_BYTES) {
      release = await largeBodies.enter(new Promise((resolve) => res.once('close', resolve)));
      if (!release) {
        if (res.writableEnded || res.destroyed) return;
        // The body is still read (and dropped): it has a declared length within the limit.
        res.setHeader('Connection', 'close');
        res.setHeader('Retry-After', '1');
        return refuse(
          res,
          503,
          'too_large',
          'Roomcheck is busy with other large requests; try again in a moment.',
        );
      }
    }
    try {
      const body = await readBody(req);
      const shape = jsonShapeProblem(body);
      if (shape) {
        return refuse(
          res,
          400,
          'bad_request',
          shape.kind === 'too_many_keys'
            ? `Invalid request for ${name}: an object has more than ${shape.limit} keys.`
            : `Invalid request for ${name}: it is nested more than ${shape.limit} levels deep.`,
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
    } finally {
      release?.();
    }
  }

  function launch(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET') return refuse(res, 405, 'bad_request', 'Open the link with GET.');
    const exchanged = session.exchange(url.searchParams.get('secret'));
    if (!exchanged.ok)
      return sendPage(res, 403, exchanged.used ? 'link_used' : 'link_wrong', false);
    return send(res, 303, '', 'text/plain; charset=utf-8', {
      Location: '/',
      'Set-Cookie': exchanged.setCookie,
    });
  }

  async function page(req: IncomingMessage, res: ServerResponse, url: URL) {
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      return refuse(res, 405, 'bad_request', 'Only GET is served.');
    }
    const head = req.method === 'HEAD';
    if (!session.admits(req.headers.cookie)) return sendPage(res, 401, 'locked', head);
    const file = await readStaticFile(options.rendererDir, url.pathname);
    if (!file) return send(res, 404, 'Not found', 'text/plain; charset=utf-8');
    const body = file.mimeType.startsWith('text/html')
      ? Buffer.from(file.body.toString('utf8').replaceAll(TRANSPORT_PLACEHOLDER, 'loopback'))
      : file.body;
    return send(res, 200, head ? '' : body, file.mimeType);
  }

  const server = createServer(async (req, res) => {
    try {
      if (req.headers.host !== host) return refuse(res, 421, 'forbidden', 'Wrong Host header.');
      const url = new URL(req.url ?? '/', origin);
      if (req.headers['transfer-encoding'] !== undefined) {
        hangUp(res);
        return refuse(res, 411, 'bad_request', 'Send the request body with a Content-Length.');
      }
      if (url.pathname.startsWith(BRIDGE_PREFIX)) {
        return await bridgeCall(req, res, url.pathname.slice(BRIDGE_PREFIX.length));
      }
      // Pages and the launch link take no body.
      if ((declaredLength(req) ?? 0) > 0) {
        hangUp(res);
        return refuse(res, 400, 'bad_request', 'Page requests have no body.');
      }
      if (url.pathname === LAUNCH_PATH) return launch(req, res, url);
      return await page(req, res, url);
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
    port,
    launchUrl: () => `${origin}${LAUNCH_PATH}?secret=${session.mintSecret()}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
