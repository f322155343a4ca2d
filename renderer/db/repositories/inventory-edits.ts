import { RackSchema, type Device, type Rack } from '../../../shared/domain/schemas.ts';
import type { RoomcheckDb } from '../db.ts';
import type { EvidenceRow } from '../types.ts';
import { newId, nowIso } from '../ids.ts';
import { DuplicateAssetTagError } from './inventory.ts';

// Editing, removing and restoring inventory records (racks and devices). A removal returns
// everything it took out so the UI can offer Undo; the restore puts it all back in one
// transaction. Audits do not depend on the inventory's records: each keeps the devices it
// inspected (its scope, and once completed its frozen record), so a deletion changes no audit.

export class DuplicateRackNameError extends Error {
  constructor(readonly rackName: string) {
    super(`A rack named "${rackName}" already exists in this room.`);
    this.name = 'DuplicateRackNameError';
  }
}

/** Everything a removal took out or changed, for Undo. */
export type RemovedInventory = {
  racks: Rack[];
  devices: Device[];
  /** Devices taken out of a deleted rack (kept), with where they were. */
  unracked: { id: string; rackId: string; positionU: number | null }[];
  evidence: EvidenceRow[];
};

const emptyRemoval = (): RemovedInventory => ({
  racks: [],
  devices: [],
  unracked: [],
  evidence: [],
});

type RackDraft = Pick<Rack, 'roomId' | 'name' | 'heightU' | 'notes'>;

async function assertRackNameFree(db: RoomcheckDb, rack: Pick<Rack, 'id' | 'roomId' | 'name'>) {
  const name = rack.name.trim().toLowerCase();
  const clash = await db.racks
    .where('roomId')
    .equals(rack.roomId)
    .filter((r) => r.id !== rack.id && r.name.trim().toLowerCase() === name)
    .first();
  if (clash) throw new DuplicateRackNameError(rack.name);
}

/** Adds a rack at the end of the room's walk order. */
export async function addRack(db: RoomcheckDb, draft: RackDraft): Promise<Rack> {
  const now = nowIso();
  return db.transaction('rw', [db.rooms, db.racks], async () => {
    if (!(await db.rooms.get(draft.roomId))) throw new Error('This room no longer exists.');
    const racks = await db.racks.where('roomId').equals(draft.roomId).toArray();
    const walkOrder = racks.reduce((max, r) => Math.max(max, r.walkOrder + 1), 0);
    const rack = RackSchema.parse({
      ...draft,
      name: draft.name.trim(),
      id: newId(),
      walkOrder,
      createdAt: now,
      updatedAt: now,
    });
    await assertRackNameFree(db, rack);
    await db.racks.add(rack);
    return rack;
  });
}

/**
 * Saves a rack's name, height and notes. Refuses a height that would leave a device above the
 * top of the rack, naming the device.
 */
export async function updateRack(db: RoomcheckDb, rack: Rack): Promise<Rack> {
  const next = RackSchema.parse({ ...rack, name: rack.name.trim(), updatedAt: nowIso() });
  await db.transaction('rw', [db.racks, db.devices], async () => {
    await assertRackNameFree(db, next);
    const above = await db.devices
      .where('rackId')
      .equals(next.id)
      .filter((d) => d.positionU !== null && d.positionU + d.heightU - 1 > next.heightU)
      .first();
    if (above) throw new RackTooShortError(above.name, next.heightU);
    await db.racks.put(next);
  });
  return next;
}

export class RackTooShortError extends Error {
  constructor(
    readonly deviceName: string,
    readonly heightU: number,
  ) {
    super(`"${deviceName}" sits above U${heightU}; move it before making the rack shorter.`);
    this.name = 'RackTooShortError';
  }
}

/**
 * Moves a rack one place earlier (-1) or later (+1) in the walk, renumbering the room's racks
 * 0..n-1 so gaps and ties left by older data disappear.
 */
export async function moveRack(db: RoomcheckDb, rackId: string, step: -1 | 1): Promise<void> {
  await db.transaction('rw', db.racks, async () => {
    const rack = await db.racks.get(rackId);
    if (!rack) return;
    const racks = await db.racks.where('roomId').equals(rack.roomId).sortBy('walkOrder');
    const from = racks.findIndex((r) => r.id === rackId);
    const to = from + step;
    if (to < 0 || to >= racks.length) return;
    [racks[from], racks[to]] = [racks[to]!, racks[from]!];
    const now = nowIso();
    const changed = racks
      .map((r, i) => (r.walkOrder === i ? null : { ...r, walkOrder: i, updatedAt: now }))
      .filter((r): r is Rack => r !== null);
    await db.racks.bulkPut(changed);
  });
}

/**
 * Collects, inside the caller's transaction, what deleting these devices takes with it: the
 * device records and their own photos. Audits keep what they recorded: a completed audit's
 * record holds the device as it was, and an audit in progress keeps it in its scope, where the
 * walk-through shows it as removed since the audit started until somebody decides.
 */
async function collectDeviceRemoval(
  db: RoomcheckDb,
  devices: Device[],
  removal: RemovedInventory,
): Promise<void> {
  if (devices.length === 0) return;
  const ids = devices.map((d) => d.id);
  removal.devices.push(...devices);
  removal.evidence.push(
    ...(await db.evidence.where('deviceId').anyOf(ids).toArray()).filter(
      (e) => e.findingId === null && e.auditId === null,
    ),
  );
}

const REMOVAL_TABLES = (db: RoomcheckDb) => [db.racks, db.devices, db.evidence];

async function applyRemoval(db: RoomcheckDb, removal: RemovedInventory): Promise<void> {
  await db.evidence.bulkDelete(removal.evidence.map((e) => e.id));
  await db.devices.bulkDelete(removal.devices.map((d) => d.id));
  await db.racks.bulkDelete(removal.racks.map((r) => r.id));
}

/**
 * Deletes devices with their answers in audits still in progress, their reconciliation marks
 * and their own photos. Refuses (and changes nothing) if any of them has findings or answers
 * in a completed audit.
 */
export async function deleteDevices(db: RoomcheckDb, ids: string[]): Promise<RemovedInventory> {
  return db.transaction('rw', REMOVAL_TABLES(db), async () => {
    const removal = emptyRemoval();
    const devices = (await db.devices.bulkGet(ids)).filter((d): d is Device => d !== undefined);
    await collectDeviceRemoval(db, devices, removal);
    await applyRemoval(db, removal);
    return removal;
  });
}

/**
 * Deletes a rack. Its devices either stay in the room without a rack ('keep') or are deleted
 * with it ('delete', with the same refusal as deleteDevices).
 */
export async function deleteRack(
  db: RoomcheckDb,
  rackId: string,
  devicesMode: 'keep' | 'delete',
): Promise<RemovedInventory> {
  return db.transaction('rw', REMOVAL_TABLES(db), async () => {
    const removal = emptyRemoval();
    const rack = await db.racks.get(rackId);
    if (!rack) return removal;
    removal.racks.push(rack);
    const devices = await db.devices.where('rackId').equals(rackId).toArray();
    if (devicesMode === 'delete') {
      await collectDeviceRemoval(db, devices, removal);
    } else {
      const now = nowIso();
      removal.unracked = devices.map((d) => ({
        id: d.id,
        rackId,
        positionU: d.positionU,
      }));
      await db.devices.bulkPut(
        devices.map((d) => ({ ...d, rackId: null, positionU: null, updatedAt: now })),
      );
    }
    await applyRemoval(db, removal);
    return removal;
  });
}

/**
 * Undo of a removal, all or nothing. Refuses if an asset tag was reused meanwhile; a device
 * that was moved elsewhere since it left a deleted rack stays where it is now.
 */
export async function restoreInventory(db: RoomcheckDb, removal: RemovedInventory): Promise<void> {
  await db.transaction('rw', REMOVAL_TABLES(db), async () => {
    for (const device of removal.devices) {
      if (!device.assetTag) continue;
      const clash = await db.devices
        .where('[siteId+assetTag]')
        .equals([device.siteId, device.assetTag])
        .filter((d) => d.id !== device.id)
        .first();
      if (clash) throw new DuplicateAssetTagError(device.assetTag);
    }
    await db.racks.bulkPut(removal.racks);
    await db.devices.bulkPut(removal.devices);
    for (const { id, rackId, positionU } of removal.unracked) {
      const device = await db.devices.get(id);
      if (device && device.rackId === null)
        await db.devices.put({ ...device, rackId, positionU, updatedAt: nowIso() });
    }
    await db.evidence.bulkPut(removal.evidence);
  });
}
