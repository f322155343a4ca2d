import { z } from 'zod';
import { SiteCodeSchema } from './names.ts';

// The air-gap sync file (`.roomcheck-sync`, format version 1): the same replication as the hub's,
// written to removable media. NDJSON: a header line, one line per leaf revision of every
// document of one site (winners, conflicting branches and closed branches alike, each with its
// whole revision history and its attachments in base64), then a trailer naming the SHA-256 of
// every byte before it and carrying a CMS signature over that hash made with the inspector's
// signing identity. Documents load as replicated revisions (new_edits: false): loading twice
// changes nothing, and revision ids, so the winner and the conflicts, are the same everywhere.
// The signature and every line are checked before a single document is written.

export const SYNC_FILE_FORMAT = 'roomcheck.sync-file';
export const SYNC_FILE_VERSION = 1;
export const SYNC_FILE_MAX_LINES = 200_000;

const HeaderSchema = z
  .object({
    format: z.literal(SYNC_FILE_FORMAT),
    formatVersion: z.literal(SYNC_FILE_VERSION),
    site: SiteCodeSchema,
    createdAt: z.string().max(40),
    createdBy: z.string().max(200),
  })
  .strict();
export type SyncFileHeader = z.infer<typeof HeaderSchema>;

const TrailerSchema = z
  .object({
    trailer: z.literal(true),
    docs: z.number().int().min(0).max(SYNC_FILE_MAX_LINES),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    cms: z.string().max(1_400_000),
  })
  .strict();
export type SyncFileTrailer = z.infer<typeof TrailerSchema>;

const REV = /^[1-9][0-9]{0,9}-[0-9a-f]{1,64}$/;
const LeafSchema = z
  .object({
    _id: z
      .string()
      .min(1)
      .max(400)
      .refine((id) => !id.startsWith('_'), 'no design or local documents'),
    _rev: z.string().regex(REV),
    _revisions: z.object({
      start: z.number().int().min(1),
      ids: z
        .array(z.string().regex(/^[0-9a-f]{1,64}$/))
        .min(1)
        .max(10_000),
    }),
    _deleted: z.literal(true).optional(),
    _attachments: z
      .record(
        z.string().max(200),
        z.object({ content_type: z.string().max(200), data: z.string() }).loose(),
      )
      .optional(),
    site: z.string().optional(),
  })
  .loose();
export type SyncLeaf = z.infer<typeof LeafSchema>;

/** The header and document lines of a file, before its trailer: the bytes that are hashed. */
export function syncFileBody(header: SyncFileHeader, leaves: readonly object[]): string {
  return [JSON.stringify(header), ...leaves.map((l) => JSON.stringify(l))].join('\n') + '\n';
}

export const syncFileTrailer = (trailer: SyncFileTrailer): string => `${JSON.stringify(trailer)}\n`;

/** A sync file split into the signed part and its trailer; null when it has no trailer line. */
export function splitSyncFile(
  bytes: Uint8Array,
): { body: Uint8Array; trailer: SyncFileTrailer } | { problem: string } {
  let end = bytes.length;
  if (end > 0 && bytes[end - 1] === 0x0a) end--;
  const cut = bytes.lastIndexOf(0x0a, end - 1);
  if (cut < 0) return { problem: 'This is not a Roomcheck sync file (no trailer).' };
  let trailer: unknown;
  try {
    trailer = JSON.parse(
      new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(cut + 1, end)),
    );
  } catch {
    return { problem: 'This is not a Roomcheck sync file (its last line is not a trailer).' };
  }
  const parsed = TrailerSchema.safeParse(trailer);
  if (!parsed.success)
    return { problem: 'This is not a Roomcheck sync file (its trailer is not valid).' };
  return { body: bytes.subarray(0, cut + 1), trailer: parsed.data };
}

export type ParsedSyncFile =
  { ok: true; header: SyncFileHeader; leaves: SyncLeaf[] } | { ok: false; problem: string };

/** Reads the signed part of a file whose signature was checked; refuses it whole on any fault. */
export function parseSyncFileBody(body: Uint8Array, trailer: SyncFileTrailer): ParsedSyncFile {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(body);
  } catch {
    return { ok: false, problem: 'The sync file is not UTF-8 text.' };
  }
  const lines = text.split('\n');
  if (lines.pop() !== '') return { ok: false, problem: 'The sync file is cut short.' };
  if (lines.length - 1 !== trailer.docs || lines.length > SYNC_FILE_MAX_LINES + 1) {
    return { ok: false, problem: 'The sync file does not hold the number of documents it names.' };
  }
  const parse = (line: string): unknown => {
    try {
      return JSON.parse(line);
    } catch {
      return null;
    }
  };
  const header = HeaderSchema.safeParse(parse(lines[0] ?? ''));
  if (!header.success) {
    return { ok: false, problem: 'The sync file has no valid header (or a newer format).' };
  }
  const leaves: SyncLeaf[] = [];
  for (const [n, line] of lines.slice(1).entries()) {
    const leaf = LeafSchema.safeParse(parse(line));
    if (!leaf.success) {
      return { ok: false, problem: `Document ${n + 1} of the sync file is not valid.` };
    }
    const { _rev, _revisions, _deleted, site } = leaf.data;
    const [generation, hash] = _rev.split('-');
    if (Number(generation) !== _revisions.start || hash !== _revisions.ids[0]) {
      return {
        ok: false,
        problem: `Document ${n + 1} of the sync file has an inconsistent history.`,
      };
    }
    if (!_deleted && site !== header.data.site) {
      return { ok: false, problem: `Document ${n + 1} of the sync file belongs to another site.` };
    }
    leaves.push(leaf.data);
  }
  return { ok: true, header: header.data, leaves };
}
