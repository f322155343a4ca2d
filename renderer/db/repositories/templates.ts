import { TemplateSchema, type Template } from '../../../shared/domain/schemas.ts';
import { SECURE_ROOM_TEMPLATE } from '../../../shared/checklist/secure-room.ts';
import type { RoomcheckDb } from '../db.ts';

/** Puts the built-in templates in the database, replacing an older version of them. */
export async function ensureBuiltInTemplates(db: RoomcheckDb): Promise<void> {
  await db.transaction('rw', db.templates, async () => {
    const stored = await db.templates.get(SECURE_ROOM_TEMPLATE.id);
    if (!stored || stored.version < SECURE_ROOM_TEMPLATE.version) {
      await db.templates.put(TemplateSchema.parse(SECURE_ROOM_TEMPLATE));
    }
  });
}

export const listTemplates = (db: RoomcheckDb): Promise<Template[]> => db.templates.toArray();

export const getTemplate = (db: RoomcheckDb, id: string) => db.templates.get(id);
