import { z } from 'zod';
import { OverviewSchema } from '../hub/overview.ts';
import { base64Of, PassphraseSchema, ProtectionChoiceSchema } from './signing-schemas.ts';

// Bridge calls for the organisation hub. The renderer's PouchDB talks to the hub only through
// hubFetch: main adds the credentials, checks TLS against the organisation's CA and forwards to
// the one configured origin. Credentials go in once (hubJoin) and never come back out.

const MB = 1024 * 1024;

/** Largest request body PouchDB may send through main (a _bulk_docs with inline photos). */
export const HUB_MAX_REQUEST_BYTES = 32 * MB;
/** Largest answer main hands back (a signed report or photo attachment, a page of changes). */
export const HUB_MAX_RESPONSE_BYTES = 64 * MB;
/** Largest sync file (air gap) main signs or verifies. */
export const SYNC_FILE_MAX_BYTES = 256 * MB;

const PemSchema = z.string().max(200_000).nullable();

export const HubStatusSchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  z.object({
    /** Configured; a passphrase-protected password waits for hubUnlock in this session. */
    state: z.enum(['locked', 'ready']),
    origin: z.string(),
    user: z.string(),
    roles: z.array(z.string()),
    /** The site databases this user may read (their site roles; every site for managers). */
    siteCodes: z.array(z.string()),
    manager: z.boolean(),
    protection: z.enum(['passphrase', 'safeStorage']),
    hasCa: z.boolean(),
  }),
]);
export type HubStatus = z.infer<typeof HubStatusSchema>;

const HeaderListSchema = z.array(z.tuple([z.string().max(100), z.string().max(4096)])).max(32);
const RequestIdSchema = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

export const hubCalls = {
  hubStatus: {
    request: z.object({}).strict(),
    response: HubStatusSchema,
    maxRequestBytes: 1024,
  },
  /** Checks the credentials against the hub (its /_session), then stores them protected. */
  hubJoin: {
    request: z
      .object({
        url: z.string().min(1).max(2000),
        user: z.string().min(1).max(200),
        password: z.string().min(1).max(1024),
        /** The organisation's CA (PEM); null trusts the system's roots. */
        caPem: PemSchema,
        /** Managers list every site database; inspectors use their site roles. */
        sites: z.array(z.string().max(63)).max(1000).optional(),
        protection: ProtectionChoiceSchema,
      })
      .strict(),
    response: HubStatusSchema,
    maxRequestBytes: 256 * 1024,
  },
  hubUnlock: {
    request: z.object({ passphrase: PassphraseSchema }).strict(),
    response: HubStatusSchema,
    maxRequestBytes: 4096,
  },
  /** Forgets the hub: its settings file and the unlocked credentials. */
  hubLeave: {
    request: z.object({}).strict(),
    response: HubStatusSchema,
    maxRequestBytes: 1024,
  },
  /** One HTTP exchange of PouchDB's with the hub, forwarded by main. */
  hubFetch: {
    request: z
      .object({
        id: RequestIdSchema,
        method: z.enum(['GET', 'HEAD', 'POST', 'PUT', 'DELETE']),
        /** Path and query on the hub, e.g. /site-a/_changes?since=0 */
        path: z.string().min(1).max(8192),
        headers: HeaderListSchema,
        bodyBase64: base64Of(HUB_MAX_REQUEST_BYTES).nullable(),
      })
      .strict(),
    response: z.object({
      status: z.number().int().min(100).max(599),
      headers: HeaderListSchema,
      bodyBase64: z.string(),
    }),
    maxRequestBytes: Math.ceil(HUB_MAX_REQUEST_BYTES / 3) * 4 + 64 * 1024,
  },
  /** Cancels a forwarded request (PouchDB aborts one when a replication is cancelled). */
  hubAbort: {
    request: z.object({ id: RequestIdSchema }).strict(),
    response: z.object({ aborted: z.boolean() }),
    maxRequestBytes: 1024,
  },
  /** Signs the digest of a sync file with a signing identity (air-gapped sites). */
  syncFileSign: {
    request: z
      .object({
        identityId: z.string().max(100),
        passphrase: PassphraseSchema.optional(),
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
      })
      .strict(),
    response: z.object({ cmsBase64: z.string() }),
    maxRequestBytes: 8 * 1024,
  },
  /** Checks a sync file's signature and its signer against this installation's trust list. */
  syncFileVerify: {
    request: z
      .object({
        sha256: z.string().regex(/^[0-9a-f]{64}$/),
        cmsBase64: base64Of(1 * MB),
      })
      .strict(),
    response: z.object({
      status: z.enum(['valid', 'invalid', 'untrusted']),
      reason: z.string(),
      signer: z.string().nullable(),
    }),
    maxRequestBytes: 2 * MB,
  },
  /** The manager's overview laid out as a PDF and signed with a signing identity. */
  overviewSign: {
    request: z
      .object({
        overview: OverviewSchema,
        siteName: z.string().max(200).nullable(),
        lang: z.enum(['en', 'zh']),
        identityId: z.string().max(100),
        passphrase: PassphraseSchema.optional(),
      })
      .strict(),
    response: z.object({ pdfBase64: z.string(), pageCount: z.number().int() }),
    maxRequestBytes: 16 * MB,
  },
} as const;
