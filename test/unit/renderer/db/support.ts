import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { openDatabase, type RoomcheckDb } from '../../../../renderer/db/db.ts';
import { createRoom, createSite } from '../../../../renderer/db/repositories/inventory.ts';
import { ensureBuiltInTemplates } from '../../../../renderer/db/repositories/templates.ts';

// Database set-up shared by the unit tests that run repositories on fake-indexeddb: each test
// gets its own database, so no test sees another's rows, and `afterEach(closeAll)` removes it.

let n = 0;
const opened: RoomcheckDb[] = [];

/** A new, empty database on fake-indexeddb (closed and deleted by `closeAll`). */
export async function freshDb(): Promise<RoomcheckDb> {
  const db = openDatabase(`test-${process.pid}-${n++}-${Date.now()}`);
  await db.open();
  opened.push(db);
  return db;
}

/** A fresh database holding the built-in checklist templates, as the app has after first start. */
export async function freshDbWithTemplates(): Promise<RoomcheckDb> {
  const db = await freshDb();
  await ensureBuiltInTemplates(db);
  return db;
}

export async function closeAll(): Promise<void> {
  for (const db of opened.splice(0)) {
    db.close();
    await Dexie.delete(db.name);
  }
}

/** Site "HQ" with one secret room on a 90-day interval: the starting point of most tests. */
export async function siteWithRoom(
  db: RoomcheckDb,
  { organisation = '', roomName = 'Room A' }: { organisation?: string; roomName?: string } = {},
) {
  const site = await createSite(db, { name: 'HQ', organisation, notes: '' });
  const room = await createRoom(db, {
    siteId: site.id,
    name: roomName,
    building: '',
    floor: '',
    classification: 'secret',
    auditIntervalDays: 90,
    notes: '',
  });
  return { site, room };
}
