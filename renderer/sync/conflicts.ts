import type { Database, Doc } from 'pouchdb-core';
import { readEditableDoc } from '../../shared/hub/documents.ts';
import { docId } from '../../shared/hub/names.ts';
import type { RoomcheckDb } from '../db/db.ts';
import { applyReceived } from '../db/repositories/hub-mirror.ts';
import { newId, nowIso } from '../db/ids.ts';

// Conflicting edits (two laptops changed the same room or device before syncing). CouchDB and
// PouchDB keep every version and pick the same winner everywhere; that winner is only a
// deterministic choice, so a person sees every version and decides. The decision is one
// bulkDocs: the chosen content on the winning branch, the other branches closed, and a
// resolution document that keeps the versions set aside word for word.

export type Conflict = {
  id: string;
  kind: string;
  site: string;
  /** Every version: the current winner first. */
  versions: { rev: string; data: Record<string, unknown> }[];
};

export async function listConflicts(local: Database): Promise<Conflict[]> {
  const all = await local.allDocs({ include_docs: true, conflicts: true });
  const out: Conflict[] = [];
  for (const row of all.rows) {
    const doc = row.doc;
    if (!doc?._conflicts?.length || row.id.startsWith('_design/')) continue;
    const revs = [doc._rev as string, ...doc._conflicts];
    const leaves = await local.get(row.id, { open_revs: revs });
    const versions = leaves
      .filter((l): l is { ok: Doc } => 'ok' in l)
      .map((l) => ({
        rev: l.ok._rev as string,
        data: (l.ok.data ?? {}) as Record<string, unknown>,
      }))
      .sort((a, b) => revs.indexOf(a.rev) - revs.indexOf(b.rev));
    out.push({ id: row.id, kind: String(doc.kind), site: String(doc.site), versions });
  }
  return out;
}

/** Keeps the version `keepRev` of a conflicting document; the others are recorded and closed. */
export async function resolveConflict(
  db: RoomcheckDb,
  local: Database,
  conflict: Conflict,
  keepRev: string,
  by: string,
): Promise<void> {
  const winner = await local.get(conflict.id, { conflicts: true });
  const kept = conflict.versions.find((v) => v.rev === keepRev);
  if (!kept) throw new Error('That version is no longer there.');
  const losers = [winner._rev as string, ...(winner._conflicts ?? [])].filter(
    (r) => r !== winner._rev,
  );
  const { _conflicts, ...current } = winner;
  void _conflicts;
  const chosen = { ...current, data: kept.data };
  await local.bulkDocs([
    chosen,
    ...losers.map((rev) => ({ _id: conflict.id, _rev: rev, _deleted: true })),
    {
      _id: docId('resolution', newId()),
      kind: 'resolution',
      format: 1,
      site: conflict.site,
      docId: conflict.id,
      by,
      at: nowIso(),
      kept: keepRev,
      setAside: conflict.versions.filter((v) => v.rev !== keepRev),
    },
  ]);
  const read = readEditableDoc(chosen);
  if (read.ok)
    await applyReceived(db, { rows: [{ kind: read.kind, row: read.row }], records: [], links: {} });
}
