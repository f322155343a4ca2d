import { createHash } from 'node:crypto';
import type { Database, Doc, Replication } from 'pouchdb-core';
import { auditDoc, auditDocContent, type AuditDocBody } from '../../shared/hub/documents.ts';
import { siteDatabase } from '../../shared/hub/names.ts';
import { PouchDB } from '../../renderer/sync/pouch.ts';
import { provision } from './hub-client.ts';
import type { TestHub } from './test-hub.ts';

// Many inspector replicas against one hub, in one process: each pushes its completed audits
// (pinned, content-addressed, with a small attachment) and edits shared inventory documents of
// its site while its live replication is cut and restarted at random and its database is
// closed and reopened. Then it waits until every replica holds exactly the hub's revisions and
// reports what arrived, what was kept and how long it took. The unit suite runs a small one,
// `npm run bench -- hub` the full 50 replicas.

export type SimulationOptions = {
  replicas: number;
  sites: number;
  auditsPerReplica: number;
  editsPerReplica: number;
  inventoryDocsPerSite: number;
  seed: number;
  /** Give up waiting for convergence after this long. */
  convergeTimeoutMs: number;
};

export type SimulationResult = {
  auditsWritten: number;
  auditsAtHub: number;
  /** Audits whose body, attachment and single revision at the hub equal what was written. */
  auditsIdentical: number;
  auditConflicts: number;
  editsMade: number;
  /** Edits whose revision is a leaf or in the history of a leaf at the hub. */
  editsKept: number;
  docsWithConflicts: number;
  disconnects: number;
  restarts: number;
  pushSeconds: number;
  docsPerSecond: number;
  /** From the last write to every replica holding the hub's revisions. */
  convergeSeconds: number;
  converged: boolean;
};

function prng(seed: number) {
  let s = seed >>> 0 || 1;
  return () => {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    return (s >>> 0) / 2 ** 32;
  };
}

const sha256 = (text: string | Uint8Array) => createHash('sha256').update(text).digest('hex');
const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

type Replica = {
  user: string;
  password: string;
  site: string;
  name: string;
  local: Database;
  remote: Database;
  live: Replication[];
  /** Writes and closes of the local database run one at a time (a close during a put hangs it). */
  lock: Promise<unknown>;
};

function withLock<T>(r: Replica, work: () => Promise<T>): Promise<T> {
  const next = r.lock.then(work, work);
  r.lock = next.catch(() => undefined);
  return next;
}

function startLive(r: Replica): void {
  const options = { live: true, retry: true, back_off_function: () => 200 };
  r.live = [
    PouchDB.replicate(r.local, r.remote, options),
    PouchDB.replicate(r.remote, r.local, options),
  ];
  for (const run of r.live) run.on('error', () => undefined);
}

function stopLive(r: Replica): void {
  for (const run of r.live) run.cancel();
  r.live = [];
}

/** Leaf revisions of every document (but design documents), as a comparable string. */
async function leafMap(db: Database): Promise<string> {
  const changes = await db.changes({ style: 'all_docs' });
  return changes.results
    .filter((c) => !c.id.startsWith('_design/'))
    .map(
      (c) =>
        `${c.id}=${c.changes
          .map((x) => x.rev)
          .sort()
          .join(',')}`,
    )
    .sort()
    .join('\n');
}

export async function simulate(hub: TestHub, o: SimulationOptions): Promise<SimulationResult> {
  const random = prng(o.seed);
  const sites = Array.from({ length: o.sites }, (_, i) => `sim${i}`);
  const people = Array.from({ length: o.replicas }, (_, i) => ({
    name: `inspector${i}`,
    password: `inspector-${i}-passphrase`,
    roles: ['inspector', `site:${sites[i % o.sites]}`],
  }));
  await provision(hub, { sites, users: people });
  const auth = { username: hub.admin.name, password: hub.admin.password };
  const hubDb = (site: string) =>
    new PouchDB(`${hub.url}/${siteDatabase(site)}`, { auth, skip_setup: true });

  const replicas: Replica[] = people.map((p, i) => {
    const site = sites[i % o.sites]!;
    const name = `sim-${process.pid}-${o.seed}-${i}`;
    return {
      user: p.name,
      password: p.password,
      site,
      name,
      local: new PouchDB(name, { adapter: 'memory' }),
      remote: new PouchDB(`${hub.url}/${siteDatabase(site)}`, {
        auth: { username: p.name, password: p.password },
        skip_setup: true,
      }),
      live: [],
      lock: Promise.resolve(),
    };
  });

  // Phase 1: every replica writes its completed audits and pushes them at once.
  const written = new Map<string, { body: string; attachment: string }>();
  for (const [i, r] of replicas.entries()) {
    const docs: Doc[] = [];
    for (let k = 0; k < o.auditsPerReplica; k++) {
      const body: AuditDocBody = {
        kind: 'audit',
        format: 1,
        site: r.site,
        publishedBy: r.user,
        status: 'completed',
        record: {
          auditId: `audit-${i}-${k}`,
          siteId: `site-${r.site}`,
          roomIds: [`room-${i}-${k}`],
          completedAt: new Date(Date.UTC(2026, 0, 1 + k)).toISOString(),
          snapshot: { note: `replica ${i} audit ${k}` } as never,
        },
      };
      const content = auditDocContent(body);
      const attachment = Buffer.from(`${content}\n`.repeat(16)).subarray(0, 2048);
      const doc = auditDoc(body, sha256(content));
      docs.push({
        ...doc,
        _attachments: {
          'report.pdf': { content_type: 'application/pdf', data: attachment.toString('base64') },
        },
      });
      written.set(doc._id, { body: content, attachment: sha256(attachment) });
    }
    await r.local.bulkDocs(docs, { new_edits: false });
  }
  const pushStart = performance.now();
  await Promise.all(replicas.map((r) => PouchDB.replicate(r.local, r.remote, {})));
  const pushSeconds = (performance.now() - pushStart) / 1000;

  // Phase 2: live replication, inventory edits, random disconnects and restarts.
  replicas.forEach(startLive);
  let disconnects = 0;
  let restarts = 0;
  let chaosOn = true;
  const chaos = (async () => {
    while (chaosOn) {
      await pause(300 + random() * 1200);
      const r = replicas[Math.floor(random() * replicas.length)]!;
      stopLive(r);
      disconnects++;
      if (random() < 0.3) {
        await withLock(r, async () => {
          await r.local.close();
          r.local = new PouchDB(r.name, { adapter: 'memory' });
        });
        restarts++;
      }
      startLive(r);
    }
  })();
  const edits: { id: string; rev: string }[] = [];
  let lastWrite = performance.now();
  await Promise.all(
    replicas.map(async (r, i) => {
      for (let n = 0; n < o.editsPerReplica; n++) {
        await pause(random() * 150);
        const key = `${r.site}-d${Math.floor(random() * o.inventoryDocsPerSite)}`;
        const id = `device:${key}`;
        const rev = await withLock(r, async () => {
          const current = await r.local.get(id).catch(() => null);
          const doc = {
            _id: id,
            ...(current ? { _rev: current._rev } : {}),
            kind: 'device',
            format: 1,
            site: r.site,
            v: 1,
            data: { id: key, name: `edit ${n} by replica ${i}` },
          };
          return (await r.local.put(doc)).rev!;
        });
        edits.push({ id, rev });
        lastWrite = performance.now();
      }
    }),
  );
  chaosOn = false;
  await chaos;

  // Convergence: every replica holds exactly the hub's leaf revisions of its site.
  const deadline = performance.now() + o.convergeTimeoutMs;
  let converged = false;
  while (!converged && performance.now() < deadline) {
    const hubLeaves = new Map<string, string>();
    for (const site of sites) hubLeaves.set(site, await leafMap(hubDb(site)));
    const states = await Promise.all(replicas.map((r) => withLock(r, () => leafMap(r.local))));
    converged = replicas.every((r, i) => states[i] === hubLeaves.get(r.site));
    if (!converged) await pause(500);
  }
  const convergeSeconds = (performance.now() - lastWrite) / 1000;
  replicas.forEach(stopLive);

  // What the hub holds.
  let auditsAtHub = 0;
  let auditsIdentical = 0;
  let auditConflicts = 0;
  let editsKept = 0;
  let docsWithConflicts = 0;
  const editsById = new Map<string, string[]>();
  for (const e of edits) editsById.set(e.id, [...(editsById.get(e.id) ?? []), e.rev]);
  for (const site of sites) {
    const db = hubDb(site);
    const all = await db.allDocs({ include_docs: true, conflicts: true, attachments: true });
    for (const row of all.rows) {
      const doc = row.doc;
      if (!doc || row.id.startsWith('_design/')) continue;
      if (doc.kind === 'audit') {
        auditsAtHub++;
        if (doc._conflicts?.length) auditConflicts++;
        const { _id, _rev, _attachments, _conflicts, ...body } = doc;
        void _conflicts;
        const expected = written.get(_id);
        const data = _attachments?.['report.pdf']?.data;
        const bytes = typeof data === 'string' ? Buffer.from(data, 'base64') : null;
        const info = await db.get(_id, { revs_info: true });
        if (
          expected &&
          auditDocContent(body as AuditDocBody) === expected.body &&
          bytes &&
          sha256(bytes) === expected.attachment &&
          _rev === `1-${_id.slice('audit:'.length, 'audit:'.length + 32)}` &&
          (info._revs_info as unknown[]).length === 1
        )
          auditsIdentical++;
        continue;
      }
      const leaves = await db.get(row.id, { open_revs: 'all', revs: true });
      const oks = leaves.filter((l): l is { ok: Doc } => 'ok' in l).map((l) => l.ok);
      if (oks.length > 1) docsWithConflicts++;
      const history = new Set(
        oks.flatMap((d) =>
          (d._revisions?.ids ?? []).map((h, k) => `${d._revisions!.start - k}-${h}`),
        ),
      );
      for (const rev of editsById.get(row.id) ?? []) if (history.has(rev)) editsKept++;
    }
  }
  await Promise.all(replicas.map((r) => withLock(r, () => r.local.destroy())));
  const auditsWritten = written.size;
  return {
    auditsWritten,
    auditsAtHub,
    auditsIdentical,
    auditConflicts,
    editsMade: edits.length,
    editsKept,
    docsWithConflicts,
    disconnects,
    restarts,
    pushSeconds,
    docsPerSecond: auditsWritten / pushSeconds,
    convergeSeconds,
    converged,
  };
}
