import { afterEach, describe, expect, it } from 'vitest';
import { ExchangeError } from '../../../../renderer/db/exchange-error.ts';
import { newId } from '../../../../renderer/db/ids.ts';
import {
  deleteMapping,
  listSavedMappings,
  saveMapping,
} from '../../../../renderer/db/repositories/import-mappings.ts';
import {
  applyInventoryImport,
  readSiteInventory,
} from '../../../../renderer/db/repositories/inventory-import.ts';
import {
  blankDevice,
  createDevice,
  createRoom,
  createSite,
} from '../../../../renderer/db/repositories/inventory.ts';
import { plannedWrite } from '../../../../renderer/features/exchange/planned-write.ts';
import type { RoomcheckDb } from '../../../../renderer/db/db.ts';
import { parseCsv } from '../../../../shared/import/csv.ts';
import { autoMapping } from '../../../../shared/import/mapping.ts';
import { buildImportPreview } from '../../../../shared/import/preview.ts';
import { closeAll, comparableDump, freshDb } from './dump-support.ts';

afterEach(closeAll);

const CSV = [
  'asset_tag,name,device_type,serial,status,room,rack,position',
  'A-1,Core switch,switch,SN1,active,Room 301,R1,40',
  'A-2,Renamed VMS,nvr_vms,SN2,idle,Room 301,R1,20',
  'A-3,Camera,ip_camera,SN3,active,Room 302,,',
  'A-4,Mystery,toaster,SN4,active,Room 301,,',
].join('\n');

const info = {
  fileName: 'inv.csv',
  sha256: 'd'.repeat(64),
  by: 'tester',
  source: 'inventory-csv' as const,
};

async function setUp(db: RoomcheckDb) {
  const site = await createSite(db, { name: 'HQ', organisation: '', notes: '' });
  const room = await createRoom(db, {
    siteId: site.id,
    name: 'Room 301',
    building: '',
    floor: '',
    classification: 'secret',
    auditIntervalDays: 90,
    notes: '',
  });
  await createDevice(db, {
    ...blankDevice(site.id, room.id),
    assetTag: 'A-2',
    name: 'Old VMS',
    type: 'nvr_vms',
  });
  return { site, room };
}

async function previewOf(db: RoomcheckDb, siteId: string, csv = CSV) {
  const inventory = await readSiteInventory(db, siteId);
  const sheet = parseCsv(csv);
  const preview = buildImportPreview(sheet, autoMapping(sheet.headers, 'auto').mapping, inventory, {
    now: new Date().toISOString(),
    newId,
    siteId,
  });
  return { inventory, preview };
}

describe('applying an inventory import', () => {
  it('writes adds, updates, new rooms and racks and one log line in one transaction', async () => {
    const db = await freshDb();
    const { site } = await setUp(db);
    const { inventory, preview } = await previewOf(db, site.id);
    expect(preview.toAdd).toHaveLength(2);
    expect(preview.toUpdate).toHaveLength(1);
    expect(new Set(preview.rejected.map((r) => r.row))).toEqual(new Set([5]));
    const write = plannedWrite(preview, {});
    const log = await applyInventoryImport(
      db,
      { siteId: site.id, basis: inventory.basis, ...write },
      { ...info, rejected: 1, skipped: 0 },
    );
    expect(log.counts).toEqual({ added: 2, updated: 1, rejected: 1, skipped: 0 });
    expect(await db.devices.count()).toBe(3);
    expect((await db.devices.where('serial').equals('SN2').first())?.name).toBe('Renamed VMS');
    expect((await db.rooms.toArray()).map((r) => r.name).sort()).toEqual(['Room 301', 'Room 302']);
    expect((await db.racks.toArray()).map((r) => r.name)).toEqual(['R1']);
    expect(await db.importLog.toArray()).toEqual([log]);
  });

  it('refuses to write when the site changed after the preview, leaving every table as it was', async () => {
    const db = await freshDb();
    const { site, room } = await setUp(db);
    const { inventory, preview } = await previewOf(db, site.id);
    // Somebody adds a device while the preview is on screen.
    await createDevice(db, { ...blankDevice(site.id, room.id), assetTag: 'A-9', name: 'new' });
    const before = await comparableDump(db);
    const err = await applyInventoryImport(
      db,
      { siteId: site.id, basis: inventory.basis, ...plannedWrite(preview, {}) },
      { ...info, rejected: 1, skipped: 0 },
    ).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ExchangeError);
    expect((err as ExchangeError).code).toBe('stale_preview');
    expect(await comparableDump(db)).toEqual(before);
  });

  it('rolls back a failure in the middle of the writes: a full dump before and after is identical', async () => {
    const db = await freshDb();
    const { site } = await setUp(db);
    const { inventory, preview } = await previewOf(db, site.id);
    const write = plannedWrite(preview, {});
    // The second new device reuses the first one's id: its bulkAdd fails after the rooms,
    // racks and the log line were queued in the same transaction.
    const broken = { ...write, add: [write.add[0]!, { ...write.add[1]!, id: write.add[0]!.id }] };
    const before = await comparableDump(db);
    await expect(
      applyInventoryImport(
        db,
        { siteId: site.id, basis: inventory.basis, ...broken },
        { ...info, rejected: 1, skipped: 0 },
      ),
    ).rejects.toThrow();
    expect(await comparableDump(db)).toEqual(before);
  });

  it('writes a conflict only when the user chose to apply it, and counts the others as skipped', async () => {
    const db = await freshDb();
    const { site } = await setUp(db);
    // A-2 moves to another room: a conflict with a proposed update.
    const csv = 'asset_tag,name,room\nA-2,Moved VMS,Room 302\n';
    const { preview } = await previewOf(db, site.id, csv);
    expect(preview.conflicts).toHaveLength(1);
    const row = preview.conflicts[0]!.row;
    expect(plannedWrite(preview, {}).update).toHaveLength(0);
    expect(plannedWrite(preview, {}).rooms).toHaveLength(0);
    expect(plannedWrite(preview, {}).skippedConflicts).toBe(1);
    const chosen = plannedWrite(preview, { [row]: 'apply' });
    expect(chosen.update.map((d) => d.name)).toEqual(['Moved VMS']);
    expect(chosen.rooms.map((r) => r.name)).toEqual(['Room 302']);
  });
});

describe('saved column mappings', () => {
  it('are saved by name, replaced by name, listed, and a damaged entry is dropped', async () => {
    const db = await freshDb();
    const mapping = autoMapping(['资产编号', '名称', '状态'], 'auto').mapping;
    await saveMapping(db, { ...mapping, name: 'CMDB' });
    await saveMapping(db, { ...mapping, name: 'CMDB', dateOrder: 'dmy' });
    await saveMapping(db, { ...mapping, name: 'Other' });
    const list = await listSavedMappings(db);
    expect(list.map((m) => m.name)).toEqual(['Other', 'CMDB']);
    expect(list.find((m) => m.name === 'CMDB')?.dateOrder).toBe('dmy');
    const row = await db.settings.get('importMappings');
    await db.settings.put({
      key: 'importMappings',
      value: [...(row!.value as unknown[]), { junk: true }],
    });
    expect((await listSavedMappings(db)).map((m) => m.name)).toEqual(['Other', 'CMDB']);
    await deleteMapping(db, 'Other');
    expect((await listSavedMappings(db)).map((m) => m.name)).toEqual(['CMDB']);
    await expect(saveMapping(db, { ...mapping, name: '   ' })).rejects.toBeInstanceOf(
      ExchangeError,
    );
  });
});
