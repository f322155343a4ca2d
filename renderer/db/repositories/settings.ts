import type { RoomcheckDb } from '../db.ts';
import { DEFAULT_SETTINGS } from '../migrations.ts';

export async function getSetting<T>(db: RoomcheckDb, key: string, fallback: T): Promise<T> {
  const row = await db.settings.get(key);
  return row ? (row.value as T) : ((DEFAULT_SETTINGS[key] as T | undefined) ?? fallback);
}

export async function setSetting(db: RoomcheckDb, key: string, value: unknown): Promise<void> {
  await db.settings.put({ key, value });
}
