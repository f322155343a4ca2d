import type { Database, Doc } from 'pouchdb-core';
import {
  parseSyncFileBody,
  splitSyncFile,
  syncFileBody,
  syncFileTrailer,
  SYNC_FILE_FORMAT,
  SYNC_FILE_VERSION,
} from '../../shared/hub/sync-file.ts';
import type { RoomcheckDb } from '../db/db.ts';
import { applyMirror } from './hub-sync.ts';
import { sha256Hex } from './mirror.ts';

// Air-gapped sites: a site's mirror written to a signed sync file, and a sync file loaded into
// a mirror (on another laptop, or at the hub's import station, which then pushes it). Loading
// checks the hash, the signature and its signer, and every line before writing anything.

export type SignSyncFile = (sha256: string) => Promise<string>;
export type VerifySyncFile = (
  sha256: string,
  cmsBase64: string,
) => Promise<{ status: 'valid' | 'invalid' | 'untrusted'; reason: string; signer: string | null }>;

const CHUNK = 100;

/** Every leaf revision of the mirror (but design documents), in a fixed order. */
export async function mirrorLeaves(local: Database): Promise<Doc[]> {
  const changes = await local.changes({ style: 'all_docs' });
  const wanted = changes.results
    .filter((r) => !r.id.startsWith('_design/'))
    .flatMap((r) => r.changes.map((c) => ({ id: r.id, rev: c.rev })))
    .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : a.rev < b.rev ? -1 : 1));
  const out: Doc[] = [];
  for (let i = 0; i < wanted.length; i += CHUNK) {
    const res = await local.bulkGet({
      docs: wanted.slice(i, i + CHUNK),
      revs: true,
      attachments: true,
    });
    for (const r of res.results) {
      for (const d of r.docs) if ('ok' in d) out.push(d.ok);
    }
  }
  return out;
}

export async function exportSyncFile(
  local: Database,
  site: string,
  createdBy: string,
  sign: SignSyncFile,
  now: Date = new Date(),
): Promise<Uint8Array> {
  const docs = await mirrorLeaves(local);
  const body = new TextEncoder().encode(
    syncFileBody(
      {
        format: SYNC_FILE_FORMAT,
        formatVersion: SYNC_FILE_VERSION,
        site,
        createdAt: now.toISOString(),
        createdBy,
      },
      docs,
    ),
  );
  const sha256 = await sha256Hex(body);
  const cms = await sign(sha256);
  const trailer = new TextEncoder().encode(
    syncFileTrailer({ trailer: true, docs: docs.length, sha256, cms }),
  );
  const file = new Uint8Array(body.length + trailer.length);
  file.set(body);
  file.set(trailer, body.length);
  return file;
}

export type LoadSyncFileResult =
  | { ok: false; problem: string }
  | {
      ok: true;
      site: string;
      signer: string | null;
      documents: number;
      /** Writes the mirror made (0 when every revision in the file was already there). */
      newRevisions: number;
      changedRows: number;
    };

/**
 * Loads a sync file into the mirror of its site (chosen by `mirrorOf`, which may refuse a site
 * this user has no part in) and then into the database.
 */
export async function loadSyncFile(
  db: RoomcheckDb,
  mirrorOf: (site: string) => Database | null,
  bytes: Uint8Array,
  verify: VerifySyncFile,
): Promise<LoadSyncFileResult> {
  const split = splitSyncFile(bytes);
  if ('problem' in split) return { ok: false, problem: split.problem };
  const sha256 = await sha256Hex(split.body);
  if (sha256 !== split.trailer.sha256) {
    return { ok: false, problem: 'The sync file was changed after it was signed.' };
  }
  const verdict = await verify(sha256, split.trailer.cms);
  if (verdict.status !== 'valid') {
    return {
      ok: false,
      problem: `The sync file's signature is not accepted: ${verdict.reason}`,
    };
  }
  const parsed = parseSyncFileBody(split.body, split.trailer);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const local = mirrorOf(parsed.header.site);
  if (!local) {
    return { ok: false, problem: `This computer does not keep site ${parsed.header.site}.` };
  }
  const seq = async () => Number((await local.info()).update_seq);
  const before = await seq();
  await local.bulkDocs(parsed.leaves as Doc[], { new_edits: false });
  const after = await seq();
  const received = await applyMirror(db, local);
  return {
    ok: true,
    site: parsed.header.site,
    signer: verdict.signer,
    documents: parsed.leaves.length,
    newRevisions: after - before,
    changedRows: received.changed,
  };
}
