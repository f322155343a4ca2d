import type { Database, Doc, ReplicateOptions } from 'pouchdb-core';
import type { RoomcheckDb } from '../db/db.ts';
import { listConflicts } from './conflicts.ts';
import { publish, publishPlan, receive } from './mirror.ts';
import { PouchDB } from './pouch.ts';

// One sync of one hub site: publish what changed in Dexie into the mirror, push the mirror to
// the hub (inspectors only; managers read), pull the hub into the mirror, and write what
// arrived into Dexie. Replications are one-shot, never live: in web mode every bridge call
// shares one origin's six HTTP/1.1 connections, and a long poll per site would take them all.

export type HubSyncDeps = {
  db: RoomcheckDb;
  /** The site's PouchDB mirror on this computer (kept open by the caller). */
  local: (site: string) => Database;
  /** The site's database at the hub, reached through main. */
  remote: (site: string) => Database;
  user: string;
  /** Inspectors publish their site's changes; a manager or the hub's import station does not. */
  publishes: boolean;
  /** Whether the mirror is pushed to the hub (inspectors, and the import station). */
  pushes?: boolean;
};

export type SiteSyncResult = {
  site: string;
  published: number;
  pushed: number;
  pulled: number;
  /** Documents the hub refused (its rules), with its reason. */
  denied: { id: string; reason: string }[];
  /** Received documents that failed their checks and were not written to the database. */
  refused: { id: string; reason: string }[];
  conflicts: number;
};

const APPLIED = '_local/roomcheck-applied';
const PUSHED = '_local/roomcheck-pushed';
const notDesign = (doc: Doc) => !doc._id.startsWith('_design/');

async function readSeq(db: Database, id: string): Promise<number | string> {
  const doc = await db.get(id).catch(() => null);
  return (doc?.seq as number | string | undefined) ?? 0;
}

async function writeSeq(db: Database, id: string, seq: number | string): Promise<void> {
  const doc = await db.get(id).catch(() => null);
  await db.put({ _id: id, ...(doc ? { _rev: doc._rev } : {}), seq });
}

async function replicate(
  source: Database,
  target: Database,
  options: ReplicateOptions,
): Promise<{ written: number; denied: SiteSyncResult['denied'] }> {
  const denied: SiteSyncResult['denied'] = [];
  const run = PouchDB.replicate(source, target, options);
  run.on('denied', (e) =>
    denied.push({ id: e.id ?? '', reason: e.reason ?? e.message ?? 'refused by the hub' }),
  );
  const result = await run;
  return { written: result.docs_written, denied };
}

/** Writes into Dexie what the mirror received since the last time (from the hub or a file). */
export async function applyMirror(db: RoomcheckDb, local: Database) {
  const received = await receive(db, local, await readSeq(local, APPLIED));
  await writeSeq(local, APPLIED, received.lastSeq);
  return received;
}

export async function syncSite(deps: HubSyncDeps, site: string): Promise<SiteSyncResult> {
  const local = deps.local(site);
  const remote = deps.remote(site);
  const published = deps.publishes ? await publish(deps.db, local, site, deps.user) : 0;
  const push =
    (deps.pushes ?? deps.publishes)
      ? await replicate(local, remote, { filter: notDesign })
      : { written: 0, denied: [] };
  const pull = await replicate(remote, local, { filter: notDesign });
  const received = await applyMirror(deps.db, local);
  await writeSeq(local, PUSHED, (await local.info()).update_seq);
  return {
    site,
    published,
    pushed: push.written,
    pulled: pull.written,
    denied: push.denied,
    refused: received.refused,
    conflicts: (await listConflicts(local)).length,
  };
}

/** Documents of this site not yet at the hub: unpublished changes plus unpushed mirror writes. */
export async function pendingCount(deps: HubSyncDeps, site: string): Promise<number> {
  if (!deps.publishes) return 0;
  const local = deps.local(site);
  const plan = await publishPlan(deps.db, local, site);
  const since = await readSeq(local, PUSHED);
  const changes = await local.changes({ since });
  return (
    plan.editable.length +
    plan.audits.length +
    changes.results.filter((c) => !c.id.startsWith('_design/')).length
  );
}
