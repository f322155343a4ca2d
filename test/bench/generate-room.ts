// A realistic room of 2,000 devices for the walk-through benchmark and screenshots: the demo
// audit generator's inventory (mixed types, idle and connected kit, cameras and the VMS that
// stores their passwords, Chinese and English names, 42U racks) without its audit, so the
// benchmark starts a fresh audit through the UI.
//
//   npx tsx test/bench/generate-room.ts [--devices 2000] [--seed 7] [--out room.json]
import { writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import type { Page } from '@playwright/test';
import { makeDemoAudit } from '../../shared/demo/demo-audit.ts';
import {
  DeviceSchema,
  RackSchema,
  RoomSchema,
  SiteSchema,
  type Device,
  type Rack,
  type Room,
  type Site,
} from '../../shared/domain/schemas.ts';

export type RoomFixture = { site: Site; rooms: Room[]; racks: Rack[]; devices: Device[] };

export function generateRoom(
  options: { deviceCount?: number; seed?: number; now?: Date } = {},
): RoomFixture {
  const snapshot = makeDemoAudit({
    seed: options.seed ?? 7,
    now: options.now ?? new Date('2026-03-02T08:00:00.000Z'),
    deviceCount: options.deviceCount ?? 2000,
    roomCount: 1,
    withPrior: false,
  });
  // Validate as the app would: the fixture must be data the app itself could have written.
  return {
    site: SiteSchema.parse(snapshot.site),
    rooms: snapshot.rooms.map((r) => RoomSchema.parse(r)),
    racks: snapshot.racks.map((r) => RackSchema.parse(r)),
    // The demo's audit is not loaded, so nothing may point at it.
    devices: snapshot.devices.map((d) => DeviceSchema.parse({ ...d, firstSeenAuditId: null })),
  };
}

/**
 * Writes the fixture into the page's own `roomcheck` IndexedDB (opened by the app at its
 * current version), in one transaction, with nothing but the standard IndexedDB API: the app
 * carries no test entry point. Reload or navigate afterwards so the app reads it.
 */
export async function loadRoomIntoPage(page: Page, fixture: RoomFixture): Promise<void> {
  await page.evaluate(async (data) => {
    const open = indexedDB.open('roomcheck');
    const database = await new Promise<IDBDatabase>((resolve, reject) => {
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
      open.onupgradeneeded = () => reject(new Error('The app has not created its database yet.'));
    });
    const tx = database.transaction(['sites', 'rooms', 'racks', 'devices'], 'readwrite');
    tx.objectStore('sites').put(data.site);
    for (const room of data.rooms) tx.objectStore('rooms').put(room);
    for (const rack of data.racks) tx.objectStore('racks').put(rack);
    const devices = tx.objectStore('devices');
    for (const device of data.devices) devices.put(device);
    await new Promise<void>((resolve, reject) => {
      tx.oncomplete = () => resolve();
      tx.onerror = () => reject(tx.error);
      tx.onabort = () => reject(tx.error ?? new Error('aborted'));
    });
    database.close();
  }, fixture);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const { values } = parseArgs({
    options: {
      devices: { type: 'string', default: '2000' },
      seed: { type: 'string', default: '7' },
      out: { type: 'string' },
    },
  });
  const deviceCount = Number(values.devices);
  if (!Number.isInteger(deviceCount) || deviceCount < 1) {
    console.error('--devices must be a whole number of devices.');
    process.exit(2);
  }
  const fixture = generateRoom({ deviceCount, seed: Number(values.seed) });
  const json = JSON.stringify(fixture);
  if (values.out) writeFileSync(values.out, json);
  else process.stdout.write(json);
  const types = new Set(fixture.devices.map((d) => d.type)).size;
  console.error(
    `${fixture.devices.length} devices of ${types} types in ${fixture.racks.length} racks of room "${fixture.rooms[0]?.name}".`,
  );
}
