import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type ChangeEvent } from 'react';
import { importTemplate, TEMPLATE_MAX_JSON_CHARS } from '../../../shared/checklist/template-io.ts';
import type { Template } from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import { getTemplate, listTemplates } from '../../db/repositories/templates.ts';
import { newId } from '../../db/ids.ts';
import { addTemplate } from '../../db/repositories/template-edits.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { templateName } from './template-name.ts';
import { useTemplateActions } from './use-template-actions.ts';
import './templates.css';

/** Every checklist template: the read-only built-in one and the user's own copies. */
export function TemplatesScreen() {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  const { duplicate, exportFile } = useTemplateActions();
  const templates = useLiveQuery(async () => {
    const all = await listTemplates(db());
    // Built-in first, then the user's by name.
    return all.sort(
      (a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name, 'zh-Hans-CN'),
    );
  });
  const [importError, setImportError] = useState<string | null>(null);
  const fileRef = useRef<HTMLInputElement>(null);

  const onImport = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (!file) return;
    setImportError(null);
    // A JSON text takes at least one byte per character: refuse huge files before reading them.
    if (file.size > TEMPLATE_MAX_JSON_CHARS * 4) {
      setImportError(t('templates.importTooLarge', { name: file.name }));
      return;
    }
    const result = importTemplate(await file.text());
    if (!result.ok) {
      setImportError(
        t('templates.importRefused', { name: file.name, reason: result.error[t.lang] }),
      );
      return;
    }
    try {
      // The same template imported twice, or on the machine it came from, becomes a second copy.
      const exists = await getTemplate(db(), result.template.id);
      const template: Template = exists ? { ...result.template, id: newId() } : result.template;
      const stored = await addTemplate(db(), template);
      notify('info', t('templates.imported', { name: stored.name }));
      navigate({ name: 'template', templateId: stored.id });
    } catch (error) {
      setImportError(
        t('templates.importRefused', {
          name: file.name,
          reason: error instanceof Error ? error.message : String(error),
        }),
      );
    }
  };

  return (
    <div className="screen tpl-screen">
      <div className="title-row">
        <h1 id="templates-title">{t('templates.title')}</h1>
        <span className="tpl-import">
          <label htmlFor="template-import" className="secondary tpl-file-label">
            {t('templates.import')}
          </label>
          <input
            id="template-import"
            ref={fileRef}
            type="file"
            accept="application/json,.json"
            className="tpl-file-input"
            onChange={(e) => void onImport(e)}
            aria-describedby={importError ? 'template-import-error' : 'template-import-hint'}
          />
        </span>
      </div>
      <p className="muted tpl-intro" id="template-import-hint">
        {t('templates.intro')}
      </p>
      {importError && (
        <p className="tpl-error" id="template-import-error" role="alert">
          {importError}
        </p>
      )}
      {templates === undefined ? (
        <p>{t('common.loading')}</p>
      ) : (
        <table className="grid tpl-list" aria-labelledby="templates-title">
          <thead>
            <tr>
              <th scope="col">{t('templates.col.name')}</th>
              <th scope="col" className="num">
                {t('templates.col.version')}
              </th>
              <th scope="col" className="num">
                {t('templates.col.items')}
              </th>
              <th scope="col">{t('templates.col.kind')}</th>
              <th scope="col">{t('templates.col.updated')}</th>
              <th scope="col">
                <span className="visually-hidden">{t('templates.col.actions')}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {templates.map((template) => {
              const name = templateName(template, t.lang);
              const base = template.basedOn
                ? templates.find((x) => x.id === template.basedOn?.templateId)
                : undefined;
              return (
                <tr key={template.id}>
                  <td>
                    <button
                      type="button"
                      className="link tpl-name"
                      onClick={() => navigate({ name: 'template', templateId: template.id })}
                    >
                      {name}
                    </button>
                    {template.basedOn && (
                      <div className="muted tpl-sub">
                        {t('templates.basedOn', {
                          name: base ? templateName(base, t.lang) : template.basedOn.templateId,
                          version: template.basedOn.version,
                        })}
                      </div>
                    )}
                  </td>
                  <td className="num">v{template.version}</td>
                  <td className="num">{template.items.length}</td>
                  <td>
                    {template.builtIn ? (
                      <span className="badge tpl-builtin">{t('templates.builtIn')}</span>
                    ) : (
                      <span className="badge tpl-custom">{t('templates.custom')}</span>
                    )}
                  </td>
                  <td className="mono">{template.updatedAt.slice(0, 10)}</td>
                  <td className="tpl-row-actions">
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => void duplicate(template)}
                      aria-label={t('templates.duplicateNamed', { name })}
                    >
                      {t('templates.duplicate')}
                    </button>
                    <button
                      type="button"
                      className="secondary small"
                      onClick={() => exportFile(template)}
                      aria-label={t('templates.exportNamed', { name })}
                    >
                      {t('templates.export')}
                    </button>
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </div>
  );
}
