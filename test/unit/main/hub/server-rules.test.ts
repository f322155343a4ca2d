import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { designDocument } from '../../../../main/hub/design-document.ts';
import { pinnedRevision } from '../../../../shared/hub/names.ts';
import { hubClient, PEOPLE, provision, type Answer, type Person } from '../../../hub/hub-client.ts';
import { startTestHub, type TestHub } from '../../../hub/test-hub.ts';

// Roomcheck's rules as the hub enforces them (main/hub/couchdb/validate_doc_update.v1.js),
// tried over plain HTTP as anyone with curl could: nobody changes a completed audit or a signed
// report, inspectors write their own site, managers publish countersigned reports only.

let hub: TestHub;
let send: ReturnType<typeof hubClient>;
const admin = () => hub.admin;

beforeAll(async () => {
  hub = await startTestHub();
  send = hubClient(hub);
  await provision(hub);
});
afterAll(() => hub?.stop());

const refused = (a: Answer) => a.status === 401 || a.status === 403;
const written = (a: Answer) => a.status === 201 || a.status === 202;
/** A _bulk_docs answer that refused every document (replicated writes list failures only). */
const bulkRefusals = (a: Answer): string[] =>
  (Array.isArray(a.body) ? (a.body as { error?: string }[]) : [])
    .map((r) => r.error ?? '')
    .filter(Boolean);

function completedAudit(room: string, publishedBy = 'alice', site = 'a') {
  const body = { kind: 'audit', site, publishedBy, record: { room, answers: ['pass', 'fail'] } };
  const sha = createHash('sha256').update(JSON.stringify(body)).digest('hex');
  const pinned = pinnedRevision(sha);
  return {
    sha,
    doc: { _id: `audit:${sha}`, _rev: pinned.rev, _revisions: pinned.revisions, ...body },
  };
}

const publish = (who: Person, docs: object[], db = 'site-a') =>
  send(who, 'POST', `/${db}/_bulk_docs`, { docs, new_edits: false });

describe('a completed audit at the hub', () => {
  it('is written once by its inspector at its pinned revision; writing it again changes nothing', async () => {
    const { doc } = completedAudit('R1');
    const first = await publish(PEOPLE.alice, [doc]);
    expect(first.status).toBe(201);
    expect(bulkRefusals(first)).toEqual([]);
    const again = await publish(PEOPLE.alice, [doc]);
    expect(bulkRefusals(again)).toEqual([]);
    const stored = await send(PEOPLE.alice, 'GET', `/site-a/${doc._id}?revs_info=true`);
    expect(stored.body._rev).toBe(doc._rev);
    expect(stored.body._revs_info).toHaveLength(1);
  });

  it('cannot be changed, deleted or given an attachment, by its inspector or the server admin', async () => {
    const { doc } = completedAudit('R2');
    await publish(PEOPLE.alice, [doc]);
    for (const who of [PEOPLE.alice, admin()]) {
      const change = await send(who, 'PUT', `/site-a/${doc._id}`, {
        ...doc,
        _revisions: undefined,
        record: { room: 'R2', answers: ['pass', 'pass'] },
      });
      expect(refused(change), `PUT as ${who.name}`).toBe(true);
      expect(refused(await send(who, 'DELETE', `/site-a/${doc._id}?rev=${doc._rev}`))).toBe(true);
      const attachment = await send(
        who,
        'PUT',
        `/site-a/${doc._id}/forged.pdf?rev=${doc._rev}`,
        new TextEncoder().encode('%PDF-1.7 forged'),
        'application/pdf',
      );
      expect(refused(attachment), `attachment as ${who.name}`).toBe(true);
    }
    const bulk = await send(PEOPLE.alice, 'POST', '/site-a/_bulk_docs', {
      docs: [{ ...doc, _revisions: undefined, record: {} }],
    });
    expect(bulkRefusals(bulk)).toEqual(['forbidden']);
    const after = await send(PEOPLE.mary, 'GET', `/site-a/${doc._id}?conflicts=true`);
    expect(after.body.record).toEqual(doc.record);
    expect(after.body._conflicts).toBeUndefined();
  });

  it('refuses replicated revisions that would replace it: a child, a deleted child, a sibling that would win', async () => {
    const { doc } = completedAudit('R3');
    await publish(PEOPLE.alice, [doc]);
    const hash = doc._revisions.ids[0]!;
    const child = {
      ...doc,
      _rev: '2-aaaa',
      _revisions: { start: 2, ids: ['aaaa', hash] },
      record: {},
    };
    const deletion = {
      _id: doc._id,
      _rev: '2-bbbb',
      _revisions: { start: 2, ids: ['bbbb', hash] },
      _deleted: true,
    };
    // A new first revision starts a branch: CouchDB hands it to the rules with oldDoc = null,
    // and 1-fff… would beat the genuine 1-<hash> as the winner.
    const sibling = {
      ...doc,
      _rev: `1-${'f'.repeat(32)}`,
      _revisions: { start: 1, ids: ['f'.repeat(32)] },
      record: {},
    };
    for (const who of [PEOPLE.alice, admin()]) {
      for (const forged of [child, deletion, sibling]) {
        const res = await publish(who, [forged]);
        expect(bulkRefusals(res), `${forged._rev} as ${who.name}`).toEqual(['forbidden']);
      }
    }
    const leaves = await send(PEOPLE.mary, 'GET', `/site-a/${doc._id}?open_revs=all`, undefined);
    const revs = (leaves.body as unknown as { ok: { _rev: string } }[]).map((l) => l.ok._rev);
    expect(revs).toEqual([doc._rev]);
  });

  it('keeps its first content when the same revision arrives with other content', async () => {
    const { doc } = completedAudit('R4');
    await publish(PEOPLE.alice, [doc]);
    await publish(PEOPLE.alice, [{ ...doc, record: { room: 'R4', answers: ['forged'] } }]);
    const stored = await send(PEOPLE.mary, 'GET', `/site-a/${doc._id}`);
    expect(stored.body.record).toEqual(doc.record);
  });

  it('is refused when written interactively, unpinned, or under another inspector’s name', async () => {
    const { doc } = completedAudit('R5');
    const { _rev, _revisions, ...bare } = doc;
    void _rev;
    void _revisions;
    expect(refused(await send(PEOPLE.alice, 'PUT', `/site-a/${doc._id}`, bare))).toBe(true);
    const unpinned = { ...doc, _rev: '1-0123', _revisions: { start: 1, ids: ['0123'] } };
    expect(bulkRefusals(await publish(PEOPLE.alice, [unpinned]))).toEqual(['forbidden']);
    const { doc: asAlice } = completedAudit('R6', 'alice');
    expect(bulkRefusals(await publish(PEOPLE.anna, [asAlice]))).toEqual(['forbidden']);
  });
});

describe('who may write what', () => {
  it('inspectors write their own site only, in its own database', async () => {
    const device = { _id: 'device:d1', kind: 'device', site: 'a', name: 'Switch' };
    expect(written(await send(PEOPLE.alice, 'PUT', '/site-a/device:d1', device))).toBe(true);
    expect(
      refused(await send(PEOPLE.bob, 'PUT', '/site-a/device:d2', { ...device, _id: 'device:d2' })),
    ).toBe(true);
    expect(
      refused(
        await send(PEOPLE.alice, 'PUT', '/site-b/device:d3', {
          ...device,
          _id: 'device:d3',
          site: 'b',
        }),
      ),
    ).toBe(true);
    const wrongSite = await send(PEOPLE.alice, 'PUT', '/site-a/device:d4', {
      ...device,
      _id: 'device:d4',
      site: 'b',
    });
    expect(wrongSite.status).toBe(403);
  });

  it('documents must be of a known kind, named after it, and name a valid site', async () => {
    for (const [id, body] of [
      ['note:1', { kind: 'note', site: 'a' }],
      ['room:1', { kind: 'device', site: 'a' }],
      ['device:x', { kind: 'device' }],
      ['device:y', { kind: 'device', site: 'A B' }],
    ] as const) {
      const res = await send(PEOPLE.alice, 'PUT', `/site-a/${id}`, body);
      expect(res.status, id).toBe(403);
    }
  });

  it('managers read every site and publish countersigned reports, nothing else', async () => {
    expect((await send(PEOPLE.mary, 'GET', '/site-a/_all_docs')).status).toBe(200);
    expect((await send(PEOPLE.mary, 'GET', '/site-b/_all_docs')).status).toBe(200);
    expect(
      refused(await send(PEOPLE.mary, 'PUT', '/site-a/device:m1', { kind: 'device', site: 'a' })),
    ).toBe(true);
    const report = (by: string, role: string) => {
      const body = { kind: 'report', site: 'a', publishedBy: by, role, audit: 'audit:x' };
      const sha = createHash('sha256')
        .update(JSON.stringify(body) + role + by)
        .digest('hex');
      const pinned = pinnedRevision(sha);
      return { _id: `report:${sha}`, _rev: pinned.rev, _revisions: pinned.revisions, ...body };
    };
    expect(bulkRefusals(await publish(PEOPLE.mary, [report('mary', 'countersign')]))).toEqual([]);
    expect(bulkRefusals(await publish(PEOPLE.mary, [report('mary', 'inspector')]))).toEqual([
      'forbidden',
    ]);
    expect(bulkRefusals(await publish(PEOPLE.alice, [report('alice', 'countersign')]))).toEqual([
      'forbidden',
    ]);
    expect(bulkRefusals(await publish(PEOPLE.mary, [report('alice', 'countersign')]))).toEqual([
      'forbidden',
    ]);
  });

  it('the import station loads any site, still only at pinned revisions for audits', async () => {
    const { doc } = completedAudit('R7', 'bob', 'b');
    expect(bulkRefusals(await publish(PEOPLE.ivan, [doc], 'site-b'))).toEqual([]);
    expect(
      written(await send(PEOPLE.ivan, 'PUT', '/site-b/device:i1', { kind: 'device', site: 'b' })),
    ).toBe(true);
    const unpinned = {
      ...completedAudit('R8', 'bob', 'b').doc,
      _rev: '1-00',
      _revisions: { start: 1, ids: ['00'] },
    };
    expect(bulkRefusals(await publish(PEOPLE.ivan, [unpinned], 'site-b'))).toEqual(['forbidden']);
  });

  it("a conflict's losing version is removed by the site's inspectors only", async () => {
    const base = { _id: 'device:c1', kind: 'device', site: 'a', owner: 'IT' };
    const created = await send(PEOPLE.alice, 'PUT', '/site-a/device:c1', base);
    const rev1 = String(created.body.rev);
    const hash1 = rev1.slice(2);
    const branch = (h: string, owner: string) => ({
      ...base,
      owner,
      _rev: `2-${h}`,
      _revisions: { start: 2, ids: [h, hash1] },
    });
    expect(
      bulkRefusals(await publish(PEOPLE.alice, [branch('a1', 'Alice'), branch('b2', 'Anna')])),
    ).toEqual([]);
    const doc = await send(PEOPLE.alice, 'GET', '/site-a/device:c1?conflicts=true');
    expect(doc.body._conflicts).toEqual(['2-a1']);
    expect(refused(await send(PEOPLE.mary, 'DELETE', '/site-a/device:c1?rev=2-a1'))).toBe(true);
    expect(refused(await send(PEOPLE.bob, 'DELETE', '/site-a/device:c1?rev=2-a1'))).toBe(true);
    expect((await send(PEOPLE.anna, 'DELETE', '/site-a/device:c1?rev=2-a1')).status).toBe(200);
    const after = await send(PEOPLE.alice, 'GET', '/site-a/device:c1?conflicts=true');
    expect(after.body._conflicts).toBeUndefined();
    expect(after.body.owner).toBe('Anna');
  });
});

describe('the rules themselves', () => {
  it('are installed by the setup in every site database, and a second setup changes nothing', async () => {
    const design = designDocument();
    for (const db of ['site-a', 'site-b']) {
      const stored = await send(PEOPLE.mary, 'GET', `/${db}/_design/roomcheck`);
      expect(stored.body.validate_doc_update).toBe(design.validate_doc_update);
      expect(stored.body.roomcheck).toEqual({ designVersion: 1 });
    }
    const log = await provision(hub);
    expect(log.filter((l) => l.includes('_design/roomcheck'))).toEqual([
      '/site-a/_design/roomcheck up to date',
      '/site-b/_design/roomcheck up to date',
    ]);
  });

  it('are a single ES5 function expression', () => {
    const source = designDocument().validate_doc_update;
    expect(source.startsWith('function (newDoc, oldDoc, userCtx, secObj)')).toBe(true);
    expect(source.trimEnd().endsWith('}')).toBe(true);
    // Compiles as a function on its own (what CouchDB does with it).
    expect(typeof new Function(`return (${source});`)()).toBe('function');
  });
});
