import { openDatabase, type RoomcheckDb } from './db.ts';

let instance: RoomcheckDb | null = null;

/** The app's one database connection. */
export function db(): RoomcheckDb {
  instance ??= openDatabase();
  return instance;
}

/** Opens the app's connection now (running any migrations), so start-up fails early. */
export async function openAppDatabase(): Promise<RoomcheckDb> {
  await db().open();
  return db();
}
