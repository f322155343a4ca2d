import { parseColumnMapping, type ColumnMapping } from '../../../shared/import/mapping.ts';
import type { RoomcheckDb } from '../db.ts';
import { ExchangeError } from '../exchange-error.ts';

// Column mappings the user saved ("our CMDB export"), kept in the settings table under one
// key. Each is re-validated when read, so a damaged entry is dropped rather than applied.

const KEY = 'importMappings';
const MAX_SAVED = 50;

export async function listSavedMappings(db: RoomcheckDb): Promise<ColumnMapping[]> {
  const row = await db.settings.get(KEY);
  const list = Array.isArray(row?.value) ? (row.value as unknown[]) : [];
  return list.flatMap((entry) => {
    const parsed = parseColumnMapping(entry);
    return parsed.ok ? [parsed.mapping] : [];
  });
}

/** Saves (or replaces, by name) a mapping; returns the saved list. */
export async function saveMapping(
  db: RoomcheckDb,
  mapping: ColumnMapping,
): Promise<ColumnMapping[]> {
  const name = mapping.name.trim();
  if (!name) throw new ExchangeError('mapping_name_required', 'Give the mapping a name.');
  const parsed = parseColumnMapping({ ...mapping, name });
  if (!parsed.ok) throw new Error('The mapping is not valid.');
  return db.transaction('rw', db.settings, async () => {
    const current = await listSavedMappings(db);
    const next = [parsed.mapping, ...current.filter((m) => m.name !== name)].slice(0, MAX_SAVED);
    await db.settings.put({ key: KEY, value: next });
    return next;
  });
}

export async function deleteMapping(db: RoomcheckDb, name: string): Promise<void> {
  await db.transaction('rw', db.settings, async () => {
    const current = await listSavedMappings(db);
    await db.settings.put({ key: KEY, value: current.filter((m) => m.name !== name) });
  });
}
