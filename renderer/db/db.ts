import Dexie, { type EntityTable } from 'dexie';
import { DB_NAME, SCHEMA_VERSIONS } from './schema.ts';
import { UPGRADES } from './migrations.ts';
import type { Rows } from './types.ts';

export type RoomcheckDb = Dexie & {
  sites: EntityTable<Rows['sites'], 'id'>;
  rooms: EntityTable<Rows['rooms'], 'id'>;
  racks: EntityTable<Rows['racks'], 'id'>;
  devices: EntityTable<Rows['devices'], 'id'>;
  templates: EntityTable<Rows['templates'], 'id'>;
  audits: EntityTable<Rows['audits'], 'id'>;
  answers: EntityTable<Rows['answers'], 'id'>;
  findings: EntityTable<Rows['findings'], 'id'>;
  evidence: EntityTable<Rows['evidence'], 'id'>;
  reconciliations: EntityTable<Rows['reconciliations'], 'id'>;
  settings: EntityTable<Rows['settings'], 'key'>;
  importLog: EntityTable<Rows['importLog'], 'id'>;
  auditRecords: EntityTable<Rows['auditRecords'], 'auditId'>;
  auditScopes: EntityTable<Rows['auditScopes'], 'auditId'>;
  findingEvents: EntityTable<Rows['findingEvents'], 'id'>;
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
