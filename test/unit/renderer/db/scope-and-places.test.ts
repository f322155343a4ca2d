import { afterEach, describe, expect, it } from 'vitest';
import type { RoomcheckDb } from '../../../../renderer/db/db.ts';
import {
  AuditLockedError,
  completeAudit,
  startAudit,
} from '../../../../renderer/db/repositories/audits.ts';
import {
  blankDevice,
  createDevice,
  updateDevice,
} from '../../../../renderer/db/repositories/inventory.ts';
import { deleteDevices } from '../../../../renderer/db/repositories/inventory-edits.ts';
import {
  deleteRoom,
  deleteSite,
  PlaceInAuditError,
  renameSite,
  roomImpact,
} from '../../../../renderer/db/repositories/places.ts';
import {
  bringIntoScope,
  readScopeState,
  recordAsUnexpected,
  removeFromScope,
} from '../../../../renderer/db/repositories/scope.ts';
import { buildAuditSnapshot } from '../../../../renderer/db/repositories/snapshot.ts';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import { closeAll, freshDbWithTemplates, siteWithRoom } from './support.ts';

afterEach(closeAll);

async function setup(db: RoomcheckDb) {
  const { site, room } = await siteWithRoom(db);
  const device = (name: string) =>
    createDevice(db, { ...blankDevice(site.id, room.id), name, assetTag: name });
  const kept = await device('kept');
  const audit = await startAudit(db, {
    siteId: site.id,
    roomIds: [room.id],
    templateId: SECURE_ROOM_TEMPLATE.id,
    title: 'Q1',
    inspectors: ['Wang'],
  });
  return { site, room, device, kept, audit };
}

const snapshotOf = (db: RoomcheckDb, auditId: string) =>
  buildAuditSnapshot(db, auditId, { appVersion: '1', signOff: null, includeEvidenceBytes: false });

describe("an audit's scope is fixed at its start", () => {
  it('shows later inventory changes and takes them in only by a recorded decision', async () => {
    const db = await freshDbWithTemplates();
    const { device, kept, audit } = await setup(db);
    const added = await device('added later');
    const stray = await device('stray');
    await updateDevice(db, { ...kept, status: 'idle' });
    const state = await readScopeState(db, audit.id);
    expect(state!.changes.map((c) => c.kind).sort()).toEqual(['added', 'added', 'changed']);
    // Nothing entered the audit silently.
    expect((await snapshotOf(db, audit.id)).devices.map((d) => [d.name, d.status])).toEqual([
      ['kept', 'active'],
    ]);

    await bringIntoScope(db, audit.id, added.id, 'Wang');
    await recordAsUnexpected(db, audit.id, stray.id, 'Li');
    await bringIntoScope(db, audit.id, kept.id, 'Wang');
    const snapshot = await snapshotOf(db, audit.id);
    expect(snapshot.devices.map((d) => [d.name, d.status]).sort()).toEqual([
      ['added later', 'active'],
      ['kept', 'idle'],
      ['stray', 'active'],
    ]);
    expect(snapshot.scope.decisions.map((d) => [d.kind, d.by])).toEqual([
      ['brought_in', 'Wang'],
      ['unexpected', 'Li'],
      ['updated', 'Wang'],
    ]);
    expect(snapshot.reconciliations).toMatchObject([
      { deviceId: stray.id, state: 'unexpected', by: 'Li' },
    ]);
    expect((await readScopeState(db, audit.id))!.changes).toEqual([]);
  });

  it('keeps a deleted device until it is removed from the scope on purpose', async () => {
    const db = await freshDbWithTemplates();
    const { kept, audit } = await setup(db);
    await deleteDevices(db, [kept.id]);
    expect((await readScopeState(db, audit.id))!.changes).toMatchObject([{ kind: 'removed' }]);
    expect((await snapshotOf(db, audit.id)).devices).toHaveLength(1);
    await expect(bringIntoScope(db, audit.id, kept.id, 'Wang')).rejects.toThrow(
      /no longer in the inventory/,
    );
    await removeFromScope(db, audit.id, kept.id, 'Wang');
    const snapshot = await snapshotOf(db, audit.id);
    expect(snapshot.devices).toEqual([]);
    expect(snapshot.scope.decisions).toMatchObject([{ kind: 'removed', by: 'Wang' }]);
  });

  it('takes no decision on a completed audit', async () => {
    const db = await freshDbWithTemplates();
    const { device, audit } = await setup(db);
    const added = await device('after completion');
    await completeAudit(db, audit.id);
    await expect(bringIntoScope(db, audit.id, added.id, 'Wang')).rejects.toBeInstanceOf(
      AuditLockedError,
    );
  });
});

describe('renaming and deleting sites and rooms', () => {
  it('refuses to delete a room an audit in progress covers, and changes nothing', async () => {
    const db = await freshDbWithTemplates();
    const { room, audit } = await setup(db);
    expect((await roomImpact(db, room.id)).inProgress.map((a) => a.id)).toEqual([audit.id]);
    await expect(deleteRoom(db, room.id)).rejects.toBeInstanceOf(PlaceInAuditError);
    expect(await db.rooms.get(room.id)).toBeDefined();
    expect(await db.devices.count()).toBe(1);
  });

  it('a completed audit keeps the names of its site and room after a rename and a deletion', async () => {
    const db = await freshDbWithTemplates();
    const { site, room, audit } = await setup(db);
    await completeAudit(db, audit.id);
    const before = await snapshotOf(db, audit.id);
    await renameSite(db, site.id, { name: 'Renamed HQ', organisation: 'Other' });
    expect((await db.sites.get(site.id))?.name).toBe('Renamed HQ');
    const impact = await roomImpact(db, room.id);
    expect(impact).toMatchObject({ devices: 1, racks: 0, inProgress: [] });
    await deleteRoom(db, room.id);
    expect(await db.rooms.get(room.id)).toBeUndefined();
    expect(await db.devices.count()).toBe(0);
    const after = await snapshotOf(db, audit.id);
    expect(after).toEqual(before);
    expect(after.site.name).toBe('HQ');
    expect(after.rooms.map((r) => r.name)).toEqual(['Room A']);
    await deleteSite(db, site.id);
    expect(await db.sites.count()).toBe(0);
    expect(await snapshotOf(db, audit.id)).toEqual(before);
  });
});
