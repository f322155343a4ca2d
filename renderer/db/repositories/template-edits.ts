import {
  nextVersion,
  validateTemplate,
  type TemplateResult,
} from '../../../shared/checklist/template-io.ts';
import type { LocalizedText, Template } from '../../../shared/domain/schemas.ts';
import type { RoomcheckDb } from '../db.ts';

// Writes of users' checklist templates. The pure operations (duplicate, edit, import) live in
// shared/checklist/template-io.ts and return a validated template or a bilingual reason; this
// door re-validates, refuses built-in templates and keeps audit history consistent.

/** A refusal with its reason in both UI languages. */
export class TemplateRefusedError extends Error {
  constructor(readonly reason: LocalizedText) {
    super(reason.en);
    this.name = 'TemplateRefusedError';
  }
}

function checked(result: TemplateResult): Template {
  if (!result.ok) throw new TemplateRefusedError(result.error);
  return result.template;
}

const READ_ONLY: LocalizedText = {
  en: 'The built-in template is read-only; duplicate it to make an editable copy.',
  zh: '内置模板为只读；请先复制一份再编辑。',
};

/** How many audits were made with this exact template version. */
async function auditsUsing(db: RoomcheckDb, template: Pick<Template, 'id' | 'version'>) {
  return db.audits
    .filter((a) => a.templateId === template.id && a.templateVersion === template.version)
    .count();
}

/** Stores a new template (a copy or an import). Refuses an id already taken. */
export async function addTemplate(db: RoomcheckDb, template: Template): Promise<Template> {
  const valid = checked(validateTemplate(template));
  if (valid.builtIn) throw new TemplateRefusedError(READ_ONLY);
  await db.transaction('rw', db.templates, async () => {
    if (await db.templates.get(valid.id))
      throw new TemplateRefusedError({
        en: 'A template with this id already exists.',
        zh: '已存在相同编号的模板。',
      });
    await db.templates.add(valid);
  });
  return valid;
}

/**
 * Saves an edited copy. If an audit was already made with the stored version, the edit becomes
 * the next version, so that audit's record of "template X version N" keeps its meaning.
 */
export async function saveTemplate(db: RoomcheckDb, edited: Template): Promise<Template> {
  const valid = checked(validateTemplate(edited));
  return db.transaction('rw', [db.templates, db.audits], async () => {
    const stored = await db.templates.get(valid.id);
    if (!stored) throw new Error('This template no longer exists.');
    if (stored.builtIn || valid.builtIn) throw new TemplateRefusedError(READ_ONLY);
    let next = { ...valid, version: stored.version };
    if ((await auditsUsing(db, stored)) > 0) next = checked(nextVersion(next, valid.updatedAt));
    await db.templates.put(next);
    return next;
  });
}

/** Deletes a copy no audit refers to; returns it for Undo. */
export async function deleteTemplate(db: RoomcheckDb, id: string): Promise<Template | null> {
  return db.transaction('rw', [db.templates, db.audits], async () => {
    const stored = await db.templates.get(id);
    if (!stored) return null;
    if (stored.builtIn) throw new TemplateRefusedError(READ_ONLY);
    const used = await db.audits.filter((a) => a.templateId === id).count();
    if (used > 0)
      throw new TemplateRefusedError({
        en: `${used} audit(s) were made with this template, so it cannot be deleted.`,
        zh: `已有 ${used} 次检查使用了此模板，因此不能删除。`,
      });
    await db.templates.delete(id);
    return stored;
  });
}
