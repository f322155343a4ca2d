import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomcheckDb } from '../../../../renderer/db/db.ts';
import { saveAnswer, startAudit } from '../../../../renderer/db/repositories/audits.ts';
import {
  blankDevice,
  createDevice,
  DuplicateAssetTagError,
} from '../../../../renderer/db/repositories/inventory.ts';
import {
  addRack,
  deleteDevices,
  deleteRack,
  DuplicateRackNameError,
  moveRack,
  RackTooShortError,
  restoreInventory,
  updateRack,
} from '../../../../renderer/db/repositories/inventory-edits.ts';
import { SECURE_ROOM_TEMPLATE_ID } from '../../../../shared/checklist/secure-room.ts';
import { makeFinding } from '../../shared/domain/fixtures.ts';
import { closeAll, freshDbWithTemplates, siteWithRoom } from './support.ts';

let db: RoomcheckDb;
beforeEach(async () => {
  db = await freshDbWithTemplates();
});
afterEach(closeAll);

async function setup() {
  const { site, room } = await siteWithRoom(db);
  const rack = await addRack(db, { roomId: room.id, name: 'A01', heightU: 42, notes: '' });
  const device = (name: string, extra: object = {}) =>
    createDevice(db, { ...blankDevice(site.id, room.id), name, ...extra });
  return { site, room, rack, device };
}

async function counts() {
  return {
    racks: await db.racks.count(),
    devices: await db.devices.count(),
    answers: await db.answers.count(),
    evidence: await db.evidence.count(),
  };
}

const photo = (id: string, deviceId: string) => ({
  id,
  auditId: null,
  findingId: null,
  deviceId,
  fileName: 'front.jpg',
  mimeType: 'image/jpeg' as const,
  size: 3,
  sha256: 'a'.repeat(64),
  caption: '',
  createdAt: new Date().toISOString(),
  blob: new Blob([new Uint8Array([1, 2, 3])]),
  thumbnail: null,
});

describe('racks', () => {
  it('adds racks at the end of the walk and refuses a second rack of the same name', async () => {
    const { room } = await setup();
    const b = await addRack(db, { roomId: room.id, name: 'B01', heightU: 42, notes: '' });
    expect(b.walkOrder).toBe(1);
    await expect(
      addRack(db, { roomId: room.id, name: ' a01 ', heightU: 42, notes: '' }),
    ).rejects.toBeInstanceOf(DuplicateRackNameError);
    expect(await db.racks.count()).toBe(2);
  });

  it('moves a rack up and down the walk, renumbering without gaps', async () => {
    const { room, rack } = await setup();
    const b = await addRack(db, { roomId: room.id, name: 'B01', heightU: 42, notes: '' });
    const c = await addRack(db, { roomId: room.id, name: 'C01', heightU: 42, notes: '' });
    await db.racks.update(c.id, { walkOrder: 9 });
    await moveRack(db, c.id, -1);
    const order = async () =>
      (await db.racks.where('roomId').equals(room.id).sortBy('walkOrder')).map(
        (r) => `${r.name}:${r.walkOrder}`,
      );
    expect(await order()).toEqual(['A01:0', 'C01:1', 'B01:2']);
    await moveRack(db, rack.id, -1); // already first: nothing changes
    await moveRack(db, b.id, 1); // already last
    expect(await order()).toEqual(['A01:0', 'C01:1', 'B01:2']);
  });

  it('refuses to make a rack shorter than the devices it holds', async () => {
    const { rack, device } = await setup();
    await device('Top switch', { rackId: rack.id, positionU: 40, heightU: 2 });
    await expect(updateRack(db, { ...rack, heightU: 40 })).rejects.toBeInstanceOf(
      RackTooShortError,
    );
    await expect(updateRack(db, { ...rack, heightU: 41 })).resolves.toMatchObject({ heightU: 41 });
  });

  it('deletes a rack keeping its devices, and undo puts them back in place', async () => {
    const { rack, device } = await setup();
    const d = await device('srv', { rackId: rack.id, positionU: 7 });
    const removal = await deleteRack(db, rack.id, 'keep');
    expect(await db.racks.get(rack.id)).toBeUndefined();
    expect(await db.devices.get(d.id)).toMatchObject({ rackId: null, positionU: null });
    await restoreInventory(db, removal);
    expect(await db.racks.get(rack.id)).toEqual(rack);
    expect(await db.devices.get(d.id)).toMatchObject({ rackId: rack.id, positionU: 7 });
  });

  it('deletes a rack with its devices and their photos, and undo restores all of it', async () => {
    const { rack, device } = await setup();
    const a = await device('a', { rackId: rack.id, positionU: 1 });
    await device('b', { rackId: rack.id, positionU: 2 });
    await device('elsewhere');
    await db.evidence.add(photo('p1', a.id));
    const before = await counts();
    const removal = await deleteRack(db, rack.id, 'delete');
    expect(await counts()).toEqual({ racks: 0, devices: 1, answers: 0, evidence: 0 });
    await restoreInventory(db, removal);
    expect(await counts()).toEqual(before);
  });
});

describe('deleting devices', () => {
  it('leaves every audit as it recorded the device; undo brings the device back', async () => {
    const { site, room, device } = await setup();
    const d = await device('cam');
    const inProgress = await startAudit(db, {
      siteId: site.id,
      roomIds: [room.id],
      templateId: SECURE_ROOM_TEMPLATE_ID,
      title: 'Q1',
      inspectors: [],
    });
    await saveAnswer(db, {
      auditId: inProgress.id,
      roomId: room.id,
      deviceId: d.id,
      itemId: 'I3',
      result: 'pass',
      note: '',
      by: '',
    });
    await db.findings.add(makeFinding({ id: 'f1', auditId: inProgress.id, deviceId: d.id }));
    const scope = await db.auditScopes.get(inProgress.id);
    const removal = await deleteDevices(db, [d.id]);
    expect(await counts()).toMatchObject({ devices: 0, answers: 1 });
    // The audit still has the device in its scope, its answer and its finding.
    expect(await db.auditScopes.get(inProgress.id)).toEqual(scope);
    expect(await db.findings.get('f1')).toBeDefined();
    await restoreInventory(db, removal);
    expect(await db.devices.get(d.id)).toEqual(d);
  });

  it('undo refuses, changing nothing, when the asset tag was taken meanwhile', async () => {
    const { device } = await setup();
    const d = await device('a', { assetTag: 'T-1' });
    const removal = await deleteDevices(db, [d.id]);
    await device('b', { assetTag: 'T-1' });
    await expect(restoreInventory(db, removal)).rejects.toBeInstanceOf(DuplicateAssetTagError);
    expect((await db.devices.toArray()).map((x) => x.name)).toEqual(['b']);
  });
});
