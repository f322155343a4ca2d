import { openDatabase, type RoomcheckDb } from './db.ts';

let instance: RoomcheckDb | null = null;

/** The app's one database connection. */
export function db(): RoomcheckDb {
  instance ??= openDatabase();
  return instance;
}
