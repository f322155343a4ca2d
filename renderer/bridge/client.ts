import {
  contract,
  type BridgeResult,
  type CallName,
  type CallRequest,
  type CallResponse,
  type RoomcheckApi,
} from '../../shared/bridge/contract.ts';

declare global {
  interface Window {
    /** Present only in Electron, placed by the preload. */
    roomcheck?: RoomcheckApi;
  }
}

export class BridgeCallError extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'BridgeCallError';
  }
}

type Transport = <N extends CallName>(name: N, request: CallRequest<N>) => Promise<BridgeResult<N>>;

function ipcTransport(api: RoomcheckApi): Transport {
  return (name, request) =>
    (api[name] as (r: typeof request) => Promise<BridgeResult<typeof name>>)(request);
}

/** Web mode: the page was served by the loopback server, which wrote this launch's token into it. */
function loopbackTransport(token: string): Transport {
  return async (name, request) => {
    const response = await fetch(`/bridge/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Roomcheck-Token': token },
      body: JSON.stringify(request),
      credentials: 'omit',
      cache: 'no-store',
    });
    return (await response.json()) as BridgeResult<typeof name>;
  };
}

function pickTransport(): Transport | null {
  if (window.roomcheck) return ipcTransport(window.roomcheck);
  const token = document.querySelector<HTMLMetaElement>('meta[name="roomcheck-token"]')?.content;
  if (token && !token.startsWith('%')) return loopbackTransport(token);
  return null;
}

let transport: Transport | null | undefined;

/** Calls main through whichever transport this page has; the answer is checked against the contract. */
export async function call<N extends CallName>(
  name: N,
  request: CallRequest<N>,
): Promise<CallResponse<N>> {
  if (transport === undefined) transport = pickTransport();
  if (!transport)
    throw new BridgeCallError(
      'unavailable',
      'This page has no connection to the Roomcheck application.',
    );
  const result = await transport(name, request);
  if (!result.ok) throw new BridgeCallError(result.error.code, result.error.message);
  return contract[name].response.parse(result.value) as CallResponse<N>;
}

export const bridgeAvailable = (): boolean => {
  if (transport === undefined) transport = pickTransport();
  return transport !== null;
};
