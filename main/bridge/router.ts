import {
  contract,
  isCallName,
  type BridgeError,
  type CallName,
  type CallRequest,
  type CallResponse,
} from '../../shared/bridge/contract.ts';
import { fillMessage, type MessageParams } from '../../shared/i18n/define-messages.ts';
import { errors, type ErrorKey } from '../../shared/i18n/messages/errors.ts';

export type HandlerContext = {
  /** Directory where main keeps its files (identities, backups, logs). */
  dataDir: string;
  version: string;
  transport: 'ipc' | 'loopback';
};

export type Handler<N extends CallName> = (
  request: CallRequest<N>,
  ctx: HandlerContext,
) => Promise<CallResponse<N>> | CallResponse<N>;

/** Every call in the contract must have a handler, or this type does not compile. */
export type Handlers = { [N in CallName]: Handler<N> };

export type DispatchResult = { ok: true; value: unknown } | { ok: false; error: BridgeError };

/** A failure a handler wants the user to read as is (bad input, missing file...). */
export class UserError extends Error {
  /** Set when the sentence is in the catalog, so the renderer can say it in the reader's language. */
  catalog?: { key: ErrorKey; params: MessageParams };
  constructor(
    message: string,
    readonly code: BridgeError['code'] = 'failed',
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** The refusal `key` of the catalog: English in `message`, the key and parameters for the page. */
export function catalogError(
  key: ErrorKey,
  params: MessageParams = {},
  code: BridgeError['code'] = 'failed',
): UserError {
  const error = new UserError(fillMessage(errors.en[key], params), code);
  error.catalog = { key, params };
  return error;
}

/** The wire form of a catalog sentence. */
function said(code: BridgeError['code'], key: ErrorKey, params: MessageParams = {}): BridgeError {
  return { code, message: fillMessage(errors.en[key], params), key, params: { ...params } };
}

/** `text` cut to `max` characters (and an ellipsis): for anything echoed from a request. */
export const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max)}…` : text;

/** A call name from a request is echoed in an error only this far. */
export const NAME_SHOWN = 60;

/**
 * The first few schema issues in a sentence of bounded length: an issue can quote the input
 * (every unknown key of an object, say), and a reply must not grow with what was sent.
 */
function describeIssues(
  issues: readonly { path: readonly PropertyKey[]; message: string }[],
): string {
  const text = issues
    .slice(0, 5)
    .map((i) => {
      const message = clip(i.message, 200);
      return i.path.length ? `${clip(i.path.map(String).join('.'), 100)}: ${message}` : message;
    })
    .join('; ');
  return clip(text, 1000);
}

/**
 * The one door from either transport to the handlers: unknown call names, and payloads that
 * fail their schema, are refused here, before any handler runs. Responses are parsed too, so
 * a handler bug cannot hand the renderer a shape it does not expect.
 */
export function createRouter(handlers: Handlers, ctx: HandlerContext) {
  return async function dispatch(name: string, payload: unknown): Promise<DispatchResult> {
    if (!isCallName(name)) {
      return {
        ok: false,
        error: said('not_found', 'error.bridge.unknownCall', { name: clip(name, NAME_SHOWN) }),
      };
    }
    const spec = contract[name];
    const parsed = spec.request.safeParse(payload);
    if (!parsed.success) {
      return {
        ok: false,
        error: {
          ...said('bad_request', 'error.bridge.badRequest', { name }),
          // The detail is for whoever sent the malformed request, not for a person.
          message: `Invalid request for ${name}: ${describeIssues(parsed.error.issues)}`,
        },
      };
    }
    try {
      const handler = handlers[name] as Handler<typeof name>;
      const value = await handler(parsed.data as never, ctx);
      const checked = spec.response.safeParse(value);
      if (!checked.success) {
        return {
          ok: false,
          error: said('failed', 'error.bridge.badResponse', { name }),
        };
      }
      return { ok: true, value: checked.data };
    } catch (err) {
      if (err instanceof UserError) {
        const { code, message, retryAfterSeconds, catalog } = err;
        return {
          ok: false,
          error: {
            code,
            message,
            ...(retryAfterSeconds && { retryAfterSeconds }),
            ...(catalog && { key: catalog.key, params: { ...catalog.params } }),
          },
        };
      }
      // Unexpected errors: keep the detail in main's log, give the user a plain sentence.
      console.error(`[bridge] ${name} failed:`, err);
      return {
        ok: false,
        error: said('failed', 'error.bridge.unexpected', { name }),
      };
    }
  };
}

export type Dispatch = ReturnType<typeof createRouter>;
