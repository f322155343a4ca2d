import { blankDevice as blankDeviceFields } from '../../../shared/domain/device-fields.ts';
import {
  DeviceSchema,
  RackSchema,
  RoomSchema,
  SiteSchema,
  type Device,
  type Rack,
  type Room,
  type Site,
} from '../../../shared/domain/schemas.ts';
import type { RoomcheckDb } from '../db.ts';
import { newId, nowIso } from '../ids.ts';

// The only door to the inventory tables. Every write validates the full record with the
// domain schema first, so nothing malformed reaches IndexedDB.

type Draft<T> = Omit<T, 'id' | 'createdAt' | 'updatedAt'>;

export async function createSite(db: RoomcheckDb, draft: Draft<Site>): Promise<Site> {
  const now = nowIso();
  const site = SiteSchema.parse({ ...draft, id: newId(), createdAt: now, updatedAt: now });
  await db.sites.add(site);
  return site;
}

export const listSites = (db: RoomcheckDb): Promise<Site[]> => db.sites.orderBy('name').toArray();

export const getSite = (db: RoomcheckDb, id: string) => db.sites.get(id);

export async function createRoom(db: RoomcheckDb, draft: Draft<Room>): Promise<Room> {
  const now = nowIso();
  const room = RoomSchema.parse({ ...draft, id: newId(), createdAt: now, updatedAt: now });
  await db.transaction('rw', db.sites, db.rooms, async () => {
    if (!(await db.sites.get(room.siteId)))
      throw new Error('The site of this room no longer exists.');
    await db.rooms.add(room);
  });
  return room;
}

export async function updateRoom(db: RoomcheckDb, room: Room): Promise<Room> {
  const next = RoomSchema.parse({ ...room, updatedAt: nowIso() });
  await db.rooms.put(next);
  return next;
}

export const listRooms = (db: RoomcheckDb, siteId: string): Promise<Room[]> =>
  db.rooms.where('siteId').equals(siteId).sortBy('name');

export const countRooms = (db: RoomcheckDb, siteId: string): Promise<number> =>
  db.rooms.where('siteId').equals(siteId).count();

export const getRoom = (db: RoomcheckDb, id: string) => db.rooms.get(id);

/** The rooms with these ids, in that order, undefined where one no longer exists. */
export const getRooms = (db: RoomcheckDb, ids: string[]) => db.rooms.bulkGet(ids);

export const listAllRooms = (db: RoomcheckDb): Promise<Room[]> => db.rooms.toArray();

export async function createRack(db: RoomcheckDb, draft: Draft<Rack>): Promise<Rack> {
  const now = nowIso();
  const rack = RackSchema.parse({ ...draft, id: newId(), createdAt: now, updatedAt: now });
  await db.racks.add(rack);
  return rack;
}

export const listRacks = (db: RoomcheckDb, roomId: string): Promise<Rack[]> =>
  db.racks.where('roomId').equals(roomId).sortBy('walkOrder');

export const listAllRacks = (db: RoomcheckDb): Promise<Rack[]> => db.racks.toArray();

/** A device with every optional field at its "not recorded" value. */
/** A new device with every field at its default (shared/domain/device-fields.ts). */
export function blankDevice(siteId: string, roomId: string): Draft<Device> {
  return blankDeviceFields(siteId, roomId);
}

export class DuplicateAssetTagError extends Error {
  constructor(readonly assetTag: string) {
    super(`Asset tag "${assetTag}" is already used by another device of this site.`);
    this.name = 'DuplicateAssetTagError';
  }
}

async function assertAssetTagFree(db: RoomcheckDb, device: Device): Promise<void> {
  if (!device.assetTag) return;
  const clash = await db.devices
    .where('[siteId+assetTag]')
    .equals([device.siteId, device.assetTag])
    .filter((d) => d.id !== device.id)
    .first();
  if (clash) throw new DuplicateAssetTagError(device.assetTag);
}

export async function createDevice(db: RoomcheckDb, draft: Draft<Device>): Promise<Device> {
  const now = nowIso();
  const device = DeviceSchema.parse({ ...draft, id: newId(), createdAt: now, updatedAt: now });
  await db.transaction('rw', db.devices, async () => {
    await assertAssetTagFree(db, device);
    await db.devices.add(device);
  });
  return device;
}

export async function updateDevice(db: RoomcheckDb, device: Device): Promise<Device> {
  const next = DeviceSchema.parse({ ...device, updatedAt: nowIso() });
  await db.transaction('rw', db.devices, async () => {
    await assertAssetTagFree(db, next);
    await db.devices.put(next);
  });
  return next;
}

export const listDevices = (db: RoomcheckDb, roomId: string): Promise<Device[]> =>
  db.devices.where('roomId').equals(roomId).toArray();

export const listDevicesByName = (db: RoomcheckDb, roomId: string): Promise<Device[]> =>
  db.devices.where('roomId').equals(roomId).sortBy('name');

export const listDevicesOfRooms = (db: RoomcheckDb, roomIds: string[]): Promise<Device[]> =>
  db.devices.where('roomId').anyOf(roomIds).toArray();

export const countDevices = (db: RoomcheckDb, roomId: string): Promise<number> =>
  db.devices.where('roomId').equals(roomId).count();

export const getDevice = (db: RoomcheckDb, id: string) => db.devices.get(id);
