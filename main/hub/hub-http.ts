import { request as httpRequest, type IncomingHttpHeaders } from 'node:http';
import { request as httpsRequest } from 'node:https';

// One HTTP exchange with the hub, from main only: the renderer never reaches the network. TLS is
// checked against the organisation's CA when one is configured (Node's own roots otherwise),
// the response body is bounded, and the caller can abort it (PouchDB cancels a replication by
// aborting its requests).

export type HubHttpRequest = {
  /** The hub's origin, e.g. https://hub.example.org:6984 (already checked by hub-origin.ts). */
  origin: string;
  method: string;
  /** Path and query, starting with a single "/". */
  path: string;
  headers: Record<string, string>;
  body: Uint8Array | null;
  /** PEM of the organisation's CA certificate(s); null uses the system's roots. */
  caPem: string | null;
  maxResponseBytes: number;
  timeoutMs: number;
  signal?: AbortSignal;
};

export type HubHttpResponse = {
  status: number;
  headers: [string, string][];
  body: Uint8Array;
};

/** The hub could not be reached, its certificate was refused, or the answer was too large. */
export class HubHttpError extends Error {
  constructor(
    message: string,
    readonly code: 'unreachable' | 'tls' | 'too_large' | 'timeout' | 'aborted',
  ) {
    super(message);
    this.name = 'HubHttpError';
  }
}

const TLS_CODES = new Set([
  'UNABLE_TO_VERIFY_LEAF_SIGNATURE',
  'SELF_SIGNED_CERT_IN_CHAIN',
  'DEPTH_ZERO_SELF_SIGNED_CERT',
  'UNABLE_TO_GET_ISSUER_CERT_LOCALLY',
  'CERT_HAS_EXPIRED',
  'CERT_NOT_YET_VALID',
  'ERR_TLS_CERT_ALTNAME_INVALID',
  'CERT_SIGNATURE_FAILURE',
]);

function headerList(headers: IncomingHttpHeaders): [string, string][] {
  const out: [string, string][] = [];
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) out.push([name, v]);
  }
  return out;
}

export function hubHttp(req: HubHttpRequest): Promise<HubHttpResponse> {
  const url = new URL(req.origin);
  const secure = url.protocol === 'https:';
  const send = secure ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    let settled = false;
    if (req.signal?.aborted) {
      reject(new HubHttpError('The request was cancelled.', 'aborted'));
      return;
    }
    const headers: Record<string, string> = { ...req.headers };
    if (req.body) headers['content-length'] = String(req.body.byteLength);
    const outgoing = send(
      {
        protocol: url.protocol,
        hostname: url.hostname.replace(/^\[|\]$/g, ''),
        port: url.port || (secure ? 443 : 80),
        method: req.method,
        path: req.path,
        headers,
        ...(secure ? { ca: req.caPem ?? undefined, rejectUnauthorized: true } : {}),
        timeout: req.timeoutMs,
        agent: false,
      },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on('data', (chunk: Buffer) => {
          size += chunk.byteLength;
          if (size > req.maxResponseBytes) {
            // Refused at once: an 'end' that follows the last chunk must not deliver it.
            const tooLarge = new HubHttpError(
              `The hub's answer is larger than ${req.maxResponseBytes} bytes.`,
              'too_large',
            );
            fail(tooLarge);
            outgoing.destroy(tooLarge);
            return;
          }
          chunks.push(chunk);
        });
        res.on('end', () => {
          if (settled) return;
          settled = true;
          cleanup();
          resolve({
            status: res.statusCode ?? 502,
            headers: headerList(res.headers),
            body: new Uint8Array(Buffer.concat(chunks)),
          });
        });
        res.on('error', fail);
      },
    );
    const onAbort = () =>
      outgoing.destroy(new HubHttpError('The request was cancelled.', 'aborted'));
    const cleanup = () => req.signal?.removeEventListener('abort', onAbort);
    function fail(err: unknown) {
      if (settled) return;
      settled = true;
      cleanup();
      if (err instanceof HubHttpError) return reject(err);
      const code = (err as NodeJS.ErrnoException).code ?? '';
      if (TLS_CODES.has(code)) {
        return reject(
          new HubHttpError(
            `The hub's certificate was refused (${code}): check the organisation's CA.`,
            'tls',
          ),
        );
      }
      reject(
        new HubHttpError(`The hub cannot be reached (${code || 'network error'}).`, 'unreachable'),
      );
    }
    req.signal?.addEventListener('abort', onAbort, { once: true });
    outgoing.on('timeout', () =>
      outgoing.destroy(new HubHttpError('The hub did not answer in time.', 'timeout')),
    );
    outgoing.on('error', fail);
    if (req.body) outgoing.write(req.body);
    outgoing.end();
  });
}
