import Dexie, { type EntityTable } from 'dexie';
import { DB_NAME, SCHEMA_VERSIONS } from './schema.ts';
import { UPGRADES } from './migrations.ts';
import type { Rows } from './types.ts';

export type RoomcheckDb = Dexie & {
  [T in Exclude<keyof Rows, 'settings'>]: EntityTable<Rows[T], 'id'>;
} & {
  settings: EntityTable<Rows['settings'], 'key'>;
};

/** Declares every version in order so any older database upgrades step by step. */
export function declareVersions(db: Dexie, upTo: number = Number.POSITIVE_INFINITY): void {
  for (const { version, stores } of SCHEMA_VERSIONS) {
    if (version > upTo) break;
    const declared = db.version(version).stores(stores);
    const upgrade = UPGRADES[version];
    if (upgrade) declared.upgrade(upgrade);
  }
}

export function openDatabase(name: string = DB_NAME): RoomcheckDb {
  // 'strict' durability: a committed answer is on disk before the UI says so (a flat battery
  // must not lose the last answers).
  const db = new Dexie(name, { chromeTransactionDurability: 'strict' }) as RoomcheckDb;
  declareVersions(db);
  return db;
}
