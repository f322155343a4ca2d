import { z } from 'zod';
import { AuditSnapshotSchema } from '../snapshot/schema.ts';
import { VerdictSchema } from '../verify/verdict.ts';
import { hubCalls } from './hub-schemas.ts';
import { signingCalls } from './signing-schemas.ts';

// Every call the renderer can make to main, declared once. The preload exposes one method per
// key, the main-side router parses requests and responses with these schemas, and the
// renderer's client is typed from them. Add a call here and the compiler points at every
// place that must implement it.

export const AppInfoResponse = z.object({
  name: z.literal('Roomcheck'),
  version: z.string(),
  platform: z.string(),
  /** Where main keeps its files (identities, backups); the audit data itself is in IndexedDB. */
  dataDir: z.string(),
  transport: z.enum(['ipc', 'loopback']),
});

/** Largest backup text main writes (photos travel inside as base64). */
export const BACKUP_MAX_BYTES = 128 * 1024 * 1024;

export const BackupWriteRequest = z
  .object({
    /** What the backup is for ("audit completed: Room 3"); only a slug of it reaches the file name. */
    label: z.string().max(200),
    /** The backup file's text (a `roomcheck.backup` JSON document). */
    content: z.string().min(2).max(BACKUP_MAX_BYTES),
  })
  .strict();

export const BackupFileSchema = z.object({
  fileName: z.string(),
  bytes: z.number().int().min(0),
  at: z.string(),
});

/** Largest report PDF offered for import (a report with many photos stays far below). */
export const IMPORT_PDF_MAX_BYTES = 50 * 1024 * 1024;

export const contract = {
  appInfo: {
    request: z.object({}).strict(),
    response: AppInfoResponse,
    /** Largest accepted request body in bytes (loopback transport). */
    maxRequestBytes: 1024,
  },
  /** Writes an automatic backup into <dataDir>/backups/ and keeps the newest few. */
  backupWrite: {
    request: BackupWriteRequest,
    response: z.object({
      fileName: z.string(),
      directory: z.string(),
      bytes: z.number().int().min(0),
      kept: z.number().int().min(0),
      removed: z.number().int().min(0),
    }),
    // JSON escaping of the backup text inside the request can double its size.
    maxRequestBytes: 2 * BACKUP_MAX_BYTES + 4096,
  },
  /** The automatic backups main holds, newest first. */
  backupList: {
    request: z.object({}).strict(),
    response: z.object({ directory: z.string(), files: z.array(BackupFileSchema) }),
    maxRequestBytes: 1024,
  },
  /** Verifies a signed report and, unless its signature is invalid, returns its embedded audit. */
  reportReadForImport: {
    request: z
      .object({
        pdfBase64: z
          .string()
          .min(1)
          .max(Math.ceil(IMPORT_PDF_MAX_BYTES / 3) * 4)
          .regex(/^[A-Za-z0-9+/]*={0,2}$/, 'expected base64'),
      })
      .strict(),
    response: z.object({
      verdict: VerdictSchema,
      /** The audit as its covering signature signed it; verdict.snapshotProblem says why not. */
      snapshot: AuditSnapshotSchema.nullable(),
    }),
    maxRequestBytes: Math.ceil(IMPORT_PDF_MAX_BYTES / 3) * 4 + 1024,
  },
  /** Signing identities, trust anchors, signed reports (see signing-schemas.ts). */
  ...signingCalls,
  /** The organisation hub and air-gap sync files (see hub-schemas.ts). */
  ...hubCalls,
} as const;

export type Contract = typeof contract;
export type CallName = keyof Contract;
export type CallRequest<N extends CallName> = z.input<Contract[N]['request']>;
export type CallResponse<N extends CallName> = z.output<Contract[N]['response']>;

export const CALL_NAMES = Object.keys(contract) as CallName[];

/** The API the preload places on `window.roomcheck`: one method per call, nothing else. */
export type RoomcheckApi = {
  [N in CallName]: (request: CallRequest<N>) => Promise<BridgeResult<N>>;
};

export const BridgeErrorSchema = z.object({
  code: z.enum([
    'bad_request',
    'forbidden',
    'not_found',
    'too_large',
    'failed',
    /** The one answer to a wrong passphrase, wherever it was tried. */
    'wrong_passphrase',
    /** Not tried: the key's wait after wrong passphrases is not over (see retryAfterSeconds). */
    'rate_limited',
  ]),
  /** English, for main's log, the CLI and a renderer that does not know `key`. */
  message: z.string(),
  retryAfterSeconds: z.number().int().positive().optional(),
  /** The sentence's catalog key (shared/i18n/messages/errors.ts): the renderer says it in the reader's language. */
  key: z.string().max(100).optional(),
  params: z.record(z.string().max(50), z.union([z.string().max(300), z.number()])).optional(),
});
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

/** Errors travel as values: Electron's IPC flattens thrown errors into an unhelpful string. */
export type BridgeResult<N extends CallName> =
  { ok: true; value: CallResponse<N> } | { ok: false; error: BridgeError };

export const IPC_CHANNEL_PREFIX = 'roomcheck:';
export const isCallName = (name: string): name is CallName =>
  Object.prototype.hasOwnProperty.call(contract, name);
