import {
  contract,
  type BridgeError,
  type BridgeResult,
  type CallName,
  type CallRequest,
  type CallResponse,
  type RoomcheckApi,
} from '../../shared/bridge/contract.ts';
import { isErrorKey } from '../../shared/i18n/messages/errors.ts';
import { translate } from '../i18n/translate.ts';
import { useStore } from '../store/store.ts';

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

/**
 * Web mode: the page was served by the loopback server. The session is an HttpOnly cookie the
 * browser got from the one-time launch link; this script never sees it, the browser sends it.
 */
function loopbackTransport(): Transport {
  return async (name, request) => {
    const response = await fetch(`/bridge/${name}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(request),
      credentials: 'same-origin',
      cache: 'no-store',
    });
    return (await response.json()) as BridgeResult<typeof name>;
  };
}

function pickTransport(): Transport | null {
  if (window.roomcheck) return ipcTransport(window.roomcheck);
  const marker = document.querySelector<HTMLMetaElement>('meta[name="roomcheck-transport"]');
  return marker?.content === 'loopback' ? loopbackTransport() : null;
}

/**
 * Main's answer in the reader's language: by its catalog key when it sent one, and for the two
 * answers a passphrase can get (wrong, or wait before trying again); main's English otherwise.
 */
function messageOf(error: BridgeError): string {
  const lang = useStore.getState().lang;
  if (error.code === 'wrong_passphrase') return translate(lang, 'common.wrongPassphrase');
  if (error.code === 'rate_limited') {
    return translate(lang, 'common.passphraseWait', { seconds: error.retryAfterSeconds ?? 1 });
  }
  if (isErrorKey(error.key)) return translate(lang, error.key, error.params);
  return error.message;
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
      translate(useStore.getState().lang, 'error.bridge.unavailable'),
    );
  const result = await transport(name, request);
  if (!result.ok) throw new BridgeCallError(result.error.code, messageOf(result.error));
  return contract[name].response.parse(result.value) as CallResponse<N>;
}

export const bridgeAvailable = (): boolean => {
  if (transport === undefined) transport = pickTransport();
  return transport !== null;
};
