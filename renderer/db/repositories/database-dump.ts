import type { RoomcheckDb } from '../db.ts';
import type { Rows } from '../types.ts';

// The whole database as plain rows, for backups, restores and tests that must prove a failed
// import changed nothing. Tables are listed in the order a restore writes them (parents before
// children), which matters to nobody but a reader of a backup file.

export const TABLE_NAMES = [
  'settings',
  'templates',
  'sites',
  'rooms',
  'racks',
  'devices',
  'audits',
  'answers',
  'findings',
  'reconciliations',
  'evidence',
  'auditRecords',
  'importLog',
  'auditScopes',
  'findingEvents',
] as const satisfies readonly (keyof Rows)[];
export type TableName = (typeof TABLE_NAMES)[number];

export type DatabaseTables = { [K in TableName]: Rows[K][] };

const tablesOf = (db: RoomcheckDb) => TABLE_NAMES.map((name) => db.table(name));

/** Every row of every table, read in one transaction so the copy is consistent. */
export async function readAllTables(db: RoomcheckDb): Promise<DatabaseTables> {
  return db.transaction('r', tablesOf(db), async () => {
    const lists = await Promise.all(TABLE_NAMES.map((name) => db.table(name).toArray()));
    return Object.fromEntries(TABLE_NAMES.map((name, i) => [name, lists[i]])) as DatabaseTables;
  });
}

export function countRows(tables: DatabaseTables): Record<TableName, number> {
  return Object.fromEntries(TABLE_NAMES.map((n) => [n, tables[n].length])) as Record<
    TableName,
    number
  >;
}

/**
 * Replaces the whole database with `tables` in one transaction: either every table holds the
 * new rows afterwards, or (on any failure) every table still holds what it held before.
 * `extra` runs inside the same transaction (e.g. to log the restore).
 */
export async function replaceAllTables(
  db: RoomcheckDb,
  tables: DatabaseTables,
  extra?: () => Promise<void>,
): Promise<void> {
  await db.transaction('rw', tablesOf(db), async () => {
    await Promise.all(TABLE_NAMES.map((name) => db.table(name).clear()));
    await Promise.all(
      TABLE_NAMES.map((name) =>
        tables[name].length ? db.table(name).bulkAdd(tables[name]) : Promise.resolve(),
      ),
    );
    if (extra) await extra();
  });
}
