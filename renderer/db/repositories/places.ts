import { SiteSchema, type Audit, type Site } from '../../../shared/domain/schemas.ts';
import type { RoomcheckDb } from '../db.ts';
import { nowIso } from '../ids.ts';

// Renaming and deleting sites and rooms. Audits do not depend on them once completed: each
// completed audit's record keeps the names of its site, rooms and template, so its screens and
// reports stay readable after a rename or a deletion. An audit still in progress needs its
// rooms, so a room (or site) with one cannot be deleted until that audit is completed or
// deleted; the user is asked before anything with audit history goes.

export class PlaceInAuditError extends Error {
  constructor(readonly audits: string[]) {
    super(`An audit in progress covers it (${audits.join(', ')}); complete that audit first.`);
    this.name = 'PlaceInAuditError';
  }
}

export async function renameSite(
  db: RoomcheckDb,
  siteId: string,
  patch: Pick<Site, 'name' | 'organisation'>,
): Promise<Site> {
  return db.transaction('rw', db.sites, async () => {
    const site = await db.sites.get(siteId);
    if (!site) throw new Error('This site no longer exists.');
    const next = SiteSchema.parse({
      ...site,
      name: patch.name.trim(),
      organisation: patch.organisation.trim(),
      updatedAt: nowIso(),
    });
    await db.sites.put(next);
    return next;
  });
}

/** What deleting rooms would touch: their audits (kept) and inventory (deleted). */
export type PlaceImpact = {
  audits: Audit[];
  inProgress: Audit[];
  racks: number;
  devices: number;
};

async function impactOf(db: RoomcheckDb, roomIds: string[]): Promise<PlaceImpact> {
  if (roomIds.length === 0) return { audits: [], inProgress: [], racks: 0, devices: 0 };
  const [audits, racks, devices] = await Promise.all([
    db.audits.where('roomIds').anyOf(roomIds).distinct().toArray(),
    db.racks.where('roomId').anyOf(roomIds).count(),
    db.devices.where('roomId').anyOf(roomIds).count(),
  ]);
  const inProgress = audits.filter((a) => a.status === 'in_progress' || a.status === 'draft');
  return { audits, inProgress, racks, devices };
}

const PLACE_TABLES = (db: RoomcheckDb) => [db.sites, db.rooms, db.racks, db.devices, db.audits];

export const roomImpact = (db: RoomcheckDb, roomId: string) =>
  db.transaction('r', PLACE_TABLES(db), () => impactOf(db, [roomId]));

export const siteImpact = (db: RoomcheckDb, siteId: string) =>
  db.transaction('r', PLACE_TABLES(db), async () =>
    impactOf(db, await db.rooms.where('siteId').equals(siteId).primaryKeys()),
  );

async function removeRooms(db: RoomcheckDb, roomIds: string[]): Promise<void> {
  const impact = await impactOf(db, roomIds);
  if (impact.inProgress.length)
    throw new PlaceInAuditError(impact.inProgress.map((a) => a.title || a.id));
  await db.devices.where('roomId').anyOf(roomIds).delete();
  await db.racks.where('roomId').anyOf(roomIds).delete();
  await db.rooms.bulkDelete(roomIds);
}

/** Deletes a room with its racks and devices; its completed audits keep their records. */
export async function deleteRoom(db: RoomcheckDb, roomId: string): Promise<void> {
  await db.transaction('rw', PLACE_TABLES(db), () => removeRooms(db, [roomId]));
}

/** Deletes a site with its rooms (as deleteRoom); its completed audits keep their records. */
export async function deleteSite(db: RoomcheckDb, siteId: string): Promise<void> {
  await db.transaction('rw', PLACE_TABLES(db), async () => {
    await removeRooms(db, await db.rooms.where('siteId').equals(siteId).primaryKeys());
    await db.sites.delete(siteId);
  });
}
