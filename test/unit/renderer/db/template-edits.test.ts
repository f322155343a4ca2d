import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RoomcheckDb } from '../../../../renderer/db/db.ts';
import { startAudit } from '../../../../renderer/db/repositories/audits.ts';
import {
  addTemplate,
  deleteTemplate,
  saveTemplate,
  TemplateRefusedError,
} from '../../../../renderer/db/repositories/template-edits.ts';
import { SECURE_ROOM_TEMPLATE } from '../../../../shared/checklist/secure-room.ts';
import { duplicateTemplate, setSeverity } from '../../../../shared/checklist/template-io.ts';
import type { Template } from '../../../../shared/domain/schemas.ts';
import { closeAll, freshDbWithTemplates, siteWithRoom } from './support.ts';

let db: RoomcheckDb;
beforeEach(async () => {
  db = await freshDbWithTemplates();
});
afterEach(closeAll);

const NOW = '2026-03-01T00:00:00.000Z';

function copy(id = 'copy-1'): Template {
  const result = duplicateTemplate(SECURE_ROOM_TEMPLATE, { id, now: NOW, name: 'Our room' });
  if (!result.ok) throw new Error(result.error.en);
  return result.template;
}

async function auditWith(template: Template) {
  const { site, room } = await siteWithRoom(db, { roomName: 'R' });
  return startAudit(db, {
    siteId: site.id,
    roomIds: [room.id],
    templateId: template.id,
    title: 'A',
    inspectors: [],
  });
}

describe('template writes', () => {
  it('adds a copy once and refuses the same id again', async () => {
    await addTemplate(db, copy());
    await expect(addTemplate(db, copy())).rejects.toBeInstanceOf(TemplateRefusedError);
    expect(await db.templates.count()).toBe(2);
  });

  it('refuses to store or overwrite a built-in template', async () => {
    await expect(
      saveTemplate(db, { ...SECURE_ROOM_TEMPLATE, name: 'Mine' }),
    ).rejects.toBeInstanceOf(TemplateRefusedError);
    await expect(addTemplate(db, { ...copy('x'), builtIn: true })).rejects.toBeInstanceOf(
      TemplateRefusedError,
    );
    expect((await db.templates.get(SECURE_ROOM_TEMPLATE.id))?.name).toBe('Secure room');
  });

  it('keeps the version while unused, and moves to the next version once an audit used it', async () => {
    const stored = await addTemplate(db, copy());
    const edited = setSeverity(stored, 'P1', 'high', NOW);
    if (!edited.ok) throw new Error(edited.error.en);
    expect((await saveTemplate(db, edited.template)).version).toBe(1);
    await auditWith(stored);
    const again = setSeverity(edited.template, 'P2', 'low', NOW);
    if (!again.ok) throw new Error(again.error.en);
    const saved = await saveTemplate(db, again.template);
    expect(saved.version).toBe(2);
    expect((await db.templates.get(stored.id))?.version).toBe(2);
  });

  it('refuses an invalid template and writes nothing', async () => {
    const stored = await addTemplate(db, copy());
    const broken = { ...stored, items: [stored.items[0]!, stored.items[0]!] };
    await expect(saveTemplate(db, broken)).rejects.toBeInstanceOf(TemplateRefusedError);
    expect((await db.templates.get(stored.id))?.items.length).toBe(stored.items.length);
  });

  it('deletes an unused copy, but not one an audit was made with', async () => {
    const a = await addTemplate(db, copy('a'));
    expect(await deleteTemplate(db, a.id)).toEqual(a);
    expect(await db.templates.get(a.id)).toBeUndefined();
    const b = await addTemplate(db, copy('b'));
    await auditWith(b);
    await expect(deleteTemplate(db, b.id)).rejects.toBeInstanceOf(TemplateRefusedError);
    await expect(deleteTemplate(db, SECURE_ROOM_TEMPLATE.id)).rejects.toBeInstanceOf(
      TemplateRefusedError,
    );
    expect(await db.templates.count()).toBe(2);
  });
});
