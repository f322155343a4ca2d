import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hubRequestsInFlight } from '../../../../main/handlers/hub.ts';
import { completeAudit, startAudit } from '../../../../renderer/db/repositories/audits.ts';
import { linkSite } from '../../../../renderer/db/repositories/hub-mirror.ts';
import {
  blankDevice,
  createDevice,
  updateDevice,
} from '../../../../renderer/db/repositories/inventory.ts';
import { listConflicts, resolveConflict } from '../../../../renderer/sync/conflicts.ts';
import { pendingCount, syncSite } from '../../../../renderer/sync/hub-sync.ts';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import { canonicalJson } from '../../../../shared/record/canonical.ts';
import { closeAll, siteWithRoom } from '../db/support.ts';
import { hubClient, PEOPLE, provision } from '../../../hub/hub-client.ts';
import { joinHub, laptop, type Laptop } from '../../../hub/laptop.ts';
import { startTestHub, type TestHub } from '../../../hub/test-hub.ts';

// Two inspectors of one site and one of another audit offline, sync through main's hub proxy,
// and the manager receives all of it; a conflicting device edit is kept on both sides, shown
// and resolved; a completed audit cannot be changed through the hub.

let hub: TestHub;
let alice: Laptop;
let anna: Laptop;
let bob: Laptop;
let mary: Laptop;
const ids = { aliceSite: '', aliceDevice: '', aliceAudit: '', bobAudit: '' };

async function completedAuditOf(l: Laptop, roomName: string, code: string) {
  const { site, room } = await siteWithRoom(l.db, { roomName });
  await linkSite(l.db, site.id, code);
  const device = await createDevice(l.db, {
    ...blankDevice(site.id, room.id),
    name: `${roomName} server`,
    assetTag: `${roomName}-1`,
  });
  const audit = await startAudit(l.db, {
    siteId: site.id,
    roomIds: [room.id],
    templateId: SECURE_ROOM_TEMPLATE.id,
    title: `${roomName} Q1`,
    inspectors: [l.name],
  });
  await completeAudit(l.db, audit.id);
  return { site, room, device, audit };
}

beforeAll(async () => {
  hub = await startTestHub();
  await provision(hub);
  [alice, anna, bob, mary] = await Promise.all([
    laptop('alice', PEOPLE.alice),
    laptop('anna', PEOPLE.anna),
    laptop('bob', PEOPLE.bob),
    laptop('mary', PEOPLE.mary),
  ]);
  await joinHub(alice, hub, PEOPLE.alice);
  await joinHub(anna, hub, PEOPLE.anna);
  await joinHub(bob, hub, PEOPLE.bob);
  await joinHub(mary, hub, PEOPLE.mary, ['a', 'b']);
}, 60_000);

afterAll(async () => {
  await Promise.all([alice, anna, bob, mary].map((l) => l?.close()));
  await closeAll();
  await hub?.stop();
});

describe('two inspectors and a manager through the hub', () => {
  it('inspectors audit offline; after syncing, the manager holds both audits byte for byte', async () => {
    const a = await completedAuditOf(alice, 'Room A', 'a');
    const b = await completedAuditOf(bob, 'Room B', 'b');
    ids.aliceSite = a.site.id;
    ids.aliceDevice = a.device.id;
    ids.aliceAudit = a.audit.id;
    ids.bobAudit = b.audit.id;
    expect(await pendingCount(alice.deps(), 'a')).toBeGreaterThan(0);

    const fromAlice = await syncSite(alice.deps(), 'a');
    expect(fromAlice.denied).toEqual([]);
    expect(fromAlice.pushed).toBeGreaterThanOrEqual(4); // site, room, device, audit
    expect(await pendingCount(alice.deps(), 'a')).toBe(0);
    expect((await syncSite(bob.deps(), 'b')).denied).toEqual([]);

    const manager = mary.deps(false);
    const readA = await syncSite(manager, 'a');
    const readB = await syncSite(manager, 'b');
    expect(readA.refused).toEqual([]);
    expect(readB.refused).toEqual([]);
    const records = await mary.db.auditRecords.toArray();
    expect(records.map((r) => r.auditId).sort()).toEqual([ids.aliceAudit, ids.bobAudit].sort());
    for (const [from, auditId] of [
      [alice, ids.aliceAudit],
      [bob, ids.bobAudit],
    ] as const) {
      const theirs = await from.db.auditRecords.get(auditId);
      const ours = await mary.db.auditRecords.get(auditId);
      expect(canonicalJson(ours?.snapshot)).toBe(canonicalJson(theirs?.snapshot));
    }
    expect((await mary.db.rooms.toArray()).map((r) => r.name).sort()).toEqual(['Room A', 'Room B']);
    expect(hubRequestsInFlight()).toBe(0);
  });

  it('a conflicting device edit is kept on both laptops, shown alike, and resolved by a person', async () => {
    await syncSite(anna.deps(), 'a');
    const received = await anna.db.devices.get(ids.aliceDevice);
    expect(received?.name).toBe('Room A server');

    const mine = await alice.db.devices.get(ids.aliceDevice);
    await updateDevice(alice.db, { ...mine!, name: 'Alice says: rack 3' });
    await updateDevice(anna.db, { ...received!, name: 'Anna says: rack 4' });
    await syncSite(alice.deps(), 'a');
    await syncSite(anna.deps(), 'a');
    await syncSite(alice.deps(), 'a');

    const seenByAlice = await listConflicts(alice.mirror('a'));
    const seenByAnna = await listConflicts(anna.mirror('a'));
    expect(seenByAlice).toHaveLength(1);
    expect(seenByAnna.map((c) => c.versions.map((v) => v.rev))).toEqual(
      seenByAlice.map((c) => c.versions.map((v) => v.rev)),
    );
    const names = seenByAnna[0]!.versions.map((v) => v.data.name).sort();
    expect(names).toEqual(['Alice says: rack 3', 'Anna says: rack 4']);
    // Both laptops show the same winner until someone decides.
    const winner = seenByAnna[0]!.versions[0]!.data.name;
    expect((await alice.db.devices.get(ids.aliceDevice))?.name).toBe(winner);
    expect((await anna.db.devices.get(ids.aliceDevice))?.name).toBe(winner);

    const keep = seenByAnna[0]!.versions.find((v) => v.data.name === 'Alice says: rack 3')!;
    await resolveConflict(anna.db, anna.mirror('a'), seenByAnna[0]!, keep.rev, 'anna');
    expect((await anna.db.devices.get(ids.aliceDevice))?.name).toBe('Alice says: rack 3');
    await syncSite(anna.deps(), 'a');
    const after = await syncSite(alice.deps(), 'a');
    expect(after.conflicts).toBe(0);
    expect((await alice.db.devices.get(ids.aliceDevice))?.name).toBe('Alice says: rack 3');

    // The version set aside is kept word for word in a resolution document at the hub.
    const send = hubClient(hub);
    const all = await send(hub.admin, 'GET', '/site-a/_all_docs?include_docs=true');
    const resolutions = (all.body.rows as { doc: Record<string, unknown> }[])
      .map((r) => r.doc)
      .filter((d) => d.kind === 'resolution');
    expect(resolutions).toHaveLength(1);
    expect(JSON.stringify(resolutions[0]!.setAside)).toContain('Anna says: rack 4');
  });

  it('a completed audit changed in a mirror is refused by the hub, which keeps the original', async () => {
    const local = alice.mirror('a');
    const audits = (await local.allDocs({ include_docs: true })).rows
      .map((r) => r.doc!)
      .filter((d) => d.kind === 'audit');
    expect(audits).toHaveLength(1);
    const original = audits[0]!;
    await local.put({ ...original, status: 'completed', publishedBy: 'alice', forged: true });
    const result = await syncSite(alice.deps(), 'a');
    expect(result.denied.map((d) => d.id)).toEqual([original._id]);
    const send = hubClient(hub);
    const atHub = await send(PEOPLE.mary, 'GET', `/site-a/${original._id}?revs_info=true`);
    expect(atHub.body._rev).toBe(original._rev);
    expect(atHub.body.forged).toBeUndefined();
    expect(atHub.body._revs_info).toHaveLength(1);
  });
});
