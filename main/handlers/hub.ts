import { X509Certificate } from 'node:crypto';
import { SiteCodeSchema } from '../../shared/hub/names.ts';
import { HUB_MAX_RESPONSE_BYTES } from '../../shared/bridge/hub-schemas.ts';
import { UserError, type Handler, type HandlerContext } from '../bridge/router.ts';
import { protectorFor, protectorForChoice } from '../identity/protector-choice.ts';
import { passphraseAttempts } from '../identity/unlock-attempts.ts';
import {
  forwardDecision,
  forwardedRequestHeaders,
  returnedResponseHeaders,
} from '../hub/hub-forward-policy.ts';
import { HubHttpError, hubHttp, type HubHttpResponse } from '../hub/hub-http.ts';
import { parseHubOrigin } from '../hub/hub-origin.ts';
import { HubSettingsError, HubSettingsStore, type HubSettings } from '../hub/hub-settings.ts';
import { asUserErrors } from './signing-errors.ts';

// The organisation hub over the bridge. The page's PouchDB sends its HTTP here (hubFetch); main
// forwards it to the one configured origin, into the site databases this user may read, with
// the stored credentials and the organisation's CA. The answer goes back without any header
// that could carry a credential. With no hub configured, nothing is forwarded anywhere.

const REQUEST_TIMEOUT_MS = 120_000;
const inFlight = new Map<string, AbortController>();

const keychain = (ctx: HandlerContext) =>
  ctx.transport === 'ipc' ? () => protectorFor('safeStorage', undefined, 'ipc') : null;

const basic = (user: string, password: string) =>
  `Basic ${Buffer.from(`${user}:${password}`, 'utf8').toString('base64')}`;

async function hubErrors<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await asUserErrors(work);
  } catch (err) {
    if (err instanceof HubSettingsError) throw new UserError(err.message, 'bad_request');
    if (err instanceof HubHttpError) throw new UserError(err.message, 'failed');
    throw err;
  }
}

async function currentStatus(ctx: HandlerContext) {
  const store = new HubSettingsStore(ctx.dataDir);
  const settings = await store.read();
  const ready = settings ? (await store.password(settings, keychain(ctx))) !== null : false;
  return store.status(settings, ready);
}

export const hubStatus: Handler<'hubStatus'> = (_req, ctx) => hubErrors(() => currentStatus(ctx));

function caProblem(pem: string): string | null {
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[\s\S]+?-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length === 0) return "The organisation's CA must be given as PEM certificate(s).";
  for (const block of blocks) {
    try {
      if (!new X509Certificate(block).ca)
        return "The organisation's CA file holds a certificate that is not a CA.";
    } catch {
      return "The organisation's CA file holds a certificate that cannot be read.";
    }
  }
  return null;
}

const json = (res: HubHttpResponse): Record<string, unknown> => {
  try {
    return JSON.parse(new TextDecoder().decode(res.body)) as Record<string, unknown>;
  } catch {
    return {};
  }
};

export const hubJoin: Handler<'hubJoin'> = (req, ctx) =>
  hubErrors(async () => {
    const origin = parseHubOrigin(req.url);
    if (!origin.ok) throw new UserError(origin.reason, 'bad_request');
    const caPem = req.caPem?.trim() ? req.caPem.trim() : null;
    const problem = caPem ? caProblem(caPem) : null;
    if (problem) throw new UserError(problem, 'bad_request');
    const sites = req.sites ?? [];
    const badSite = sites.find((s) => !SiteCodeSchema.safeParse(s).success);
    if (badSite !== undefined) {
      throw new UserError(
        `"${badSite.slice(0, 63)}" is not a site code (a-z, 0-9 and "-").`,
        'bad_request',
      );
    }
    // Protect first: a passphrase that is too short is refused before the hub is asked.
    const protector = await protectorForChoice(req.protection, ctx.transport);
    const session = await hubHttp({
      origin: origin.origin,
      method: 'GET',
      path: '/_session',
      headers: { accept: 'application/json', authorization: basic(req.user, req.password) },
      body: null,
      caPem,
      maxResponseBytes: 64 * 1024,
      timeoutMs: 30_000,
    });
    const userCtx = json(session).userCtx as { name?: unknown; roles?: unknown } | undefined;
    if (session.status === 401 || userCtx?.name !== req.user) {
      throw new UserError('The hub refused this user name and password.', 'bad_request');
    }
    if (session.status !== 200) {
      throw new UserError(
        `The hub answered ${session.status}; is this a CouchDB server?`,
        'failed',
      );
    }
    const roles = Array.isArray(userCtx.roles)
      ? userCtx.roles.filter((r): r is string => typeof r === 'string').slice(0, 1000)
      : [];
    const store = new HubSettingsStore(ctx.dataDir);
    const settings: HubSettings = await store.save(
      { origin: origin.origin, user: req.user, caPem, roles, managerSites: sites },
      req.password,
      protector,
    );
    const status = store.status(settings, true);
    if (status.state !== 'none' && status.siteCodes.length === 0) {
      await store.forget();
      throw new UserError(
        status.manager
          ? 'Name the sites a manager reads (their codes at the hub).'
          : 'This user is not an inspector of any site at the hub (no site:<code> role).',
        'bad_request',
      );
    }
    return status;
  });

export const hubUnlock: Handler<'hubUnlock'> = (req, ctx) =>
  hubErrors(async () => {
    const store = new HubSettingsStore(ctx.dataDir);
    await passphraseAttempts.attempt(store.file, async () =>
      store.unlock(await protectorFor('passphrase', req.passphrase, ctx.transport)),
    );
    return currentStatus(ctx);
  });

export const hubLeave: Handler<'hubLeave'> = (_req, ctx) =>
  hubErrors(async () => {
    for (const controller of inFlight.values()) controller.abort();
    await new HubSettingsStore(ctx.dataDir).forget();
    return { state: 'none' as const };
  });

export const hubFetch: Handler<'hubFetch'> = (req, ctx) =>
  hubErrors(async () => {
    const store = new HubSettingsStore(ctx.dataDir);
    const settings = await store.read();
    if (!settings) throw new UserError('Roomcheck is not connected to a hub.', 'forbidden');
    const password = await store.password(settings, keychain(ctx));
    if (password === null) {
      throw new UserError('Unlock the hub connection with its passphrase first.', 'forbidden');
    }
    const decision = forwardDecision(req.method, req.path);
    if (!decision.ok) throw new UserError(decision.reason, 'forbidden');
    const status = store.status(settings, true);
    if (
      status.state === 'none' ||
      !status.siteCodes.some((c) => `site-${c}` === decision.database)
    ) {
      throw new UserError(
        `${decision.database.slice(0, 70)} is not one of your sites at the hub.`,
        'forbidden',
      );
    }
    if (inFlight.has(req.id)) throw new UserError('That request id is in use.', 'bad_request');
    const controller = new AbortController();
    inFlight.set(req.id, controller);
    try {
      const res = await hubHttp({
        origin: settings.origin,
        method: req.method,
        path: decision.path,
        headers: {
          ...forwardedRequestHeaders(req.headers),
          authorization: basic(settings.user, password),
        },
        body:
          req.bodyBase64 === null ? null : new Uint8Array(Buffer.from(req.bodyBase64, 'base64')),
        caPem: settings.caPem,
        maxResponseBytes: HUB_MAX_RESPONSE_BYTES,
        timeoutMs: REQUEST_TIMEOUT_MS,
        signal: controller.signal,
      });
      return {
        status: res.status,
        headers: returnedResponseHeaders(res.headers),
        bodyBase64: Buffer.from(res.body).toString('base64'),
      };
    } finally {
      inFlight.delete(req.id);
    }
  });

export const hubAbort: Handler<'hubAbort'> = (req) => {
  const controller = inFlight.get(req.id);
  controller?.abort();
  return { aborted: controller !== undefined };
};

/** Requests main is forwarding right now (tests show a cancelled sync leaves none behind). */
export const hubRequestsInFlight = (): number => inFlight.size;
