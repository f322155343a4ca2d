import { useCallback } from 'react';
import { duplicateTemplate, exportTemplate } from '../../../shared/checklist/template-io.ts';
import type { Template } from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import { newId, nowIso } from '../../db/ids.ts';
import { addTemplate, TemplateRefusedError } from '../../db/repositories/template-edits.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { downloadBlob, fileSlug } from '../../ui/download.ts';
import { templateName } from './template-name.ts';
import { errorText } from '../../ui/error-text.ts';

/** Duplicate and export, shared by the list and the detail screen. */
export function useTemplateActions() {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);

  const fail = useCallback(
    (error: unknown) =>
      notify(
        'error',
        error instanceof TemplateRefusedError ? error.reason[t.lang] : errorText(t, error),
      ),
    [notify, t],
  );

  const duplicate = useCallback(
    async (source: Template) => {
      const result = duplicateTemplate(source, {
        id: newId(),
        now: nowIso(),
        name: t('templates.copyName', { name: templateName(source, t.lang) }),
      });
      if (!result.ok) return notify('error', result.error[t.lang]);
      try {
        const copy = await addTemplate(db(), result.template);
        notify('info', t('templates.duplicated', { name: copy.name }));
        navigate({ name: 'template', templateId: copy.id });
      } catch (error) {
        fail(error);
      }
    },
    [fail, navigate, notify, t],
  );

  const exportFile = useCallback(
    (template: Template) => {
      try {
        const name = templateName(template, t.lang);
        downloadBlob(
          new Blob([exportTemplate(template)], { type: 'application/json' }),
          `${fileSlug(name, 'template')}-v${template.version}.roomcheck-template.json`,
        );
      } catch (error) {
        fail(error);
      }
    },
    [fail, t],
  );

  return { duplicate, exportFile, fail };
}
