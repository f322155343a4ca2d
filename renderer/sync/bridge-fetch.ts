import type { CallRequest, CallResponse } from '../../shared/bridge/contract.ts';
import { base64ToBytes, bytesToBase64 } from '../../shared/encoding/base64.ts';

// PouchDB's `fetch`, carried over the bridge: the page never opens a connection to the hub.
// Only the path and query of PouchDB's URL cross (its origin is a placeholder); main adds the
// origin, the credentials and the CA. Aborting (a cancelled replication) cancels main's request.

/** The origin PouchDB builds its URLs on; main replaces it with the configured hub's. */
export const HUB_PLACEHOLDER_ORIGIN = 'https://hub.invalid';

export type HubTransport = {
  fetch(request: CallRequest<'hubFetch'>): Promise<CallResponse<'hubFetch'>>;
  abort(id: string): Promise<unknown>;
};

const NULL_BODY = new Set([101, 204, 205, 304]);

let counter = 0;
const requestId = () => `hub-${Date.now().toString(36)}-${(counter++).toString(36)}`;

function abortError(): Error {
  const err = new Error('The request was cancelled.');
  err.name = 'AbortError';
  return err;
}

/**
 * A fetch for PouchDB. `finish` lets Node tests add what their PouchDB adapters read instead of
 * a Blob; the browser's adapters use the standard Response as it is.
 */
export function createBridgeFetch(
  transport: HubTransport,
  finish: (response: Response, body: Uint8Array) => Response = (r) => r,
) {
  return async function bridgeFetch(url: string, init: RequestInit = {}): Promise<Response> {
    const target = new URL(url);
    if (target.origin !== HUB_PLACEHOLDER_ORIGIN) throw new TypeError('Not a hub URL.');
    const signal = init.signal;
    if (signal?.aborted) throw abortError();
    const headers: [string, string][] = [];
    new Headers(init.headers).forEach((value, name) => headers.push([name, value]));
    const body =
      init.body === undefined || init.body === null
        ? null
        : new Uint8Array(await new Response(init.body).arrayBuffer());
    const id = requestId();
    const onAbort = () => void transport.abort(id).catch(() => undefined);
    signal?.addEventListener('abort', onAbort, { once: true });
    try {
      const answer = await transport.fetch({
        id,
        method: (init.method ?? 'GET').toUpperCase() as CallRequest<'hubFetch'>['method'],
        path: target.pathname + target.search,
        headers,
        bodyBase64: body && body.length > 0 ? bytesToBase64(body) : null,
      });
      if (signal?.aborted) throw abortError();
      const bytes = answer.bodyBase64 ? base64ToBytes(answer.bodyBase64) : new Uint8Array(0);
      const response = new Response(NULL_BODY.has(answer.status) ? null : (bytes as BufferSource), {
        status: answer.status,
        headers: answer.headers,
      });
      return finish(response, bytes);
    } catch (err) {
      if (signal?.aborted) throw abortError();
      throw err;
    } finally {
      signal?.removeEventListener('abort', onAbort);
    }
  };
}
