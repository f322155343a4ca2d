import type { Device, Rack, Room, Site } from '../../../shared/domain/schemas.ts';
import type { RoomcheckDb } from '../db.ts';
import { ExchangeError } from '../exchange-error.ts';
import type { ImportLogRow } from '../types.ts';
import { importLogRow, type ImportLogInfo, type ImportSource } from './import-log.ts';

// Writing an inventory import. The preview (shared/import/preview.ts) was computed from one
// consistent read of the site; applying writes exactly what the user saw, in one transaction,
// after checking that the site is still as it was read: if anybody added, edited or deleted a
// device, room or rack of the site in between, nothing is written and the user previews
// again. All rows are written with bulk operations and nothing but Dexie is awaited inside
// the transaction, so a 10,000-row file commits at bulkPut speed.

export type SiteInventory = {
  site: Site | undefined;
  devices: Device[];
  rooms: Room[];
  racks: Rack[];
  /** What the site looked like, to detect changes before applying. */
  basis: string;
};

const stamp = (rows: { id: string; updatedAt: string }[]): string =>
  rows
    .map((r) => `${r.id}@${r.updatedAt}`)
    .sort()
    .join('\n');

function basisOf(devices: Device[], rooms: Room[], racks: Rack[]): string {
  return `${stamp(devices)}\n#rooms\n${stamp(rooms)}\n#racks\n${stamp(racks)}`;
}

async function readSite(db: RoomcheckDb, siteId: string) {
  const [site, devices, rooms] = await Promise.all([
    db.sites.get(siteId),
    db.devices.where('siteId').equals(siteId).toArray(),
    db.rooms.where('siteId').equals(siteId).toArray(),
  ]);
  const racks = rooms.length
    ? await db.racks
        .where('roomId')
        .anyOf(rooms.map((r) => r.id))
        .toArray()
    : [];
  return { site, devices, rooms, racks };
}

/** The site's inventory, read in one transaction, as the preview's "existing data". */
export async function readSiteInventory(db: RoomcheckDb, siteId: string): Promise<SiteInventory> {
  return db.transaction('r', [db.sites, db.devices, db.rooms, db.racks], async () => {
    const read = await readSite(db, siteId);
    return { ...read, basis: basisOf(read.devices, read.rooms, read.racks) };
  });
}

export type InventoryImportWrite = {
  siteId: string;
  /** From readSiteInventory, before the preview was built. */
  basis: string;
  rooms: Room[];
  racks: Rack[];
  add: Device[];
  /** Full records after the change (their ids exist). */
  update: Device[];
};

export type InventoryImportCounts = { rejected: number; skipped: number };

/** Writes the import in one transaction with its log line; refuses if the site changed. */
export async function applyInventoryImport(
  db: RoomcheckDb,
  write: InventoryImportWrite,
  info: ImportLogInfo & { source: ImportSource } & InventoryImportCounts,
): Promise<ImportLogRow> {
  const log = importLogRow(info, {
    source: info.source,
    counts: {
      added: write.add.length,
      updated: write.update.length,
      rejected: info.rejected,
      skipped: info.skipped,
    },
  });
  await db.transaction('rw', [db.sites, db.devices, db.rooms, db.racks, db.importLog], async () => {
    const now = await readSite(db, write.siteId);
    if (!now.site)
      throw new ExchangeError('stale_preview', 'The site was deleted after the preview.');
    if (basisOf(now.devices, now.rooms, now.racks) !== write.basis)
      throw new ExchangeError(
        'stale_preview',
        'The inventory of this site changed after the preview; preview the import again.',
      );
    const writes: Promise<unknown>[] = [db.importLog.add(log)];
    if (write.rooms.length) writes.push(db.rooms.bulkAdd(write.rooms));
    if (write.racks.length) writes.push(db.racks.bulkAdd(write.racks));
    if (write.add.length) writes.push(db.devices.bulkAdd(write.add));
    if (write.update.length) writes.push(db.devices.bulkPut(write.update));
    await Promise.all(writes);
  });
  return log;
}
