import { LOCALES } from '../../../shared/i18n/lang.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import {
  addItem,
  editItem,
  moveItem,
  removeItem,
  setSeverity,
  validateTemplate,
  type TemplateResult,
} from '../../../shared/checklist/template-io.ts';
import {
  DEVICE_TYPES,
  SEVERITIES,
  type DeviceType,
  type Severity,
} from '../../../shared/domain/enums.ts';
import type { CheckItem, Template } from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import { getTemplate } from '../../db/repositories/templates.ts';
import { nowIso } from '../../db/ids.ts';
import {
  addTemplate,
  deleteTemplate,
  saveTemplate,
  TemplateRefusedError,
} from '../../db/repositories/template-edits.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { ItemEditor } from './ItemEditor.tsx';
import { templateName } from './template-name.ts';
import { useTemplateActions } from './use-template-actions.ts';
import './templates.css';
import { errorText } from '../../ui/error-text.ts';

export function TemplateScreen({ templateId }: { templateId: string }) {
  const t = useT();
  const template = useLiveQuery(
    async () => (await getTemplate(db(), templateId)) ?? null,
    [templateId],
  );
  if (template === undefined) return <p>{t('common.loading')}</p>;
  if (template === null) return <p className="empty">{t('templates.gone')}</p>;
  return <TemplateView template={template} />;
}

function AppliesTo({ item }: { item: CheckItem }) {
  const t = useT();
  if (item.scope === 'room')
    return <span className="badge tpl-scope-room">{t('templates.scope.room')}</span>;
  if (item.appliesTo.length === 0) return <span className="muted">{t('templates.allTypes')}</span>;
  const separator = t.lang === 'zh' ? '、' : ', ';
  const names = (types: readonly DeviceType[]) =>
    types.map((type) => t.label('deviceType', type)).join(separator);
  // "Every type except loose media" reads better than a list of sixteen types.
  const missing = DEVICE_TYPES.filter((type) => !item.appliesTo.includes(type));
  const text =
    missing.length < item.appliesTo.length
      ? t('templates.allExcept', { types: names(missing) })
      : names(item.appliesTo);
  return <span title={names(item.appliesTo)}>{text}</span>;
}

function TemplateView({ template }: { template: Template }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  const { duplicate, exportFile, fail } = useTemplateActions();
  const editable = !template.builtIn;
  const name = templateName(template, t.lang);
  const [editing, setEditing] = useState<CheckItem | 'new' | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [nameDraft, setNameDraft] = useState<string | null>(null);
  const [nameError, setNameError] = useState<string | null>(null);

  /** Persists the result of a template-io operation; returns the refusal text, or null. */
  const persist = async (result: TemplateResult): Promise<string | null> => {
    if (!result.ok) return result.error[t.lang];
    try {
      await saveTemplate(db(), result.template);
      return null;
    } catch (error) {
      if (error instanceof TemplateRefusedError) return error.reason[t.lang];
      fail(error);
      return errorText(t, error);
    }
  };
  const apply = async (result: TemplateResult) => {
    const refusal = await persist(result);
    if (refusal) notify('error', refusal);
    return refusal === null;
  };

  const move = async (item: CheckItem, to: number, which: 'up' | 'down') => {
    if (await apply(moveItem(template, item.id, to, nowIso())))
      // Keep the focus on the button pressed, now on the moved row, so presses can repeat.
      requestAnimationFrame(() => document.getElementById(`item-${which}-${item.id}`)?.focus());
  };

  const remove = async (item: CheckItem) => {
    const before = template;
    if (await apply(removeItem(template, item.id, nowIso())))
      notify('info', t('templates.removedItem', { id: item.id }), {
        label: t('templates.undo'),
        run: () => void apply(validateTemplate({ ...before, updatedAt: nowIso() })),
      });
  };

  const saveName = async (e: FormEvent) => {
    e.preventDefault();
    if (nameDraft === null) return;
    const trimmed = nameDraft.trim();
    if (!trimmed) return setNameError(t('templates.err.nameRequired'));
    const refusal = await persist(
      validateTemplate({ ...template, name: trimmed, updatedAt: nowIso() }),
    );
    if (refusal) return setNameError(refusal);
    setNameError(null);
    setNameDraft(null);
  };

  const doDelete = async () => {
    setConfirmDelete(false);
    try {
      const removed = await deleteTemplate(db(), template.id);
      navigate({ name: 'templates' });
      if (removed)
        notify('info', t('templates.deleted', { name }), {
          label: t('templates.undo'),
          run: () => void addTemplate(db(), removed).catch(fail),
        });
    } catch (error) {
      fail(error);
    }
  };

  const base = template.basedOn;
  return (
    <div className="screen tpl-screen">
      <p className="crumbs">
        <button type="button" className="link" onClick={() => navigate({ name: 'templates' })}>
          {t('templates.title')}
        </button>
      </p>
      <div className="title-row">
        {editable && nameDraft !== null ? (
          <form className="tpl-name-form" onSubmit={(e) => void saveName(e)}>
            <label htmlFor="template-name" className="visually-hidden">
              {t('templates.name')}
            </label>
            <input
              id="template-name"
              value={nameDraft}
              onChange={(e) => setNameDraft(e.target.value)}
              aria-invalid={nameError ? true : undefined}
              aria-describedby={nameError ? 'template-name-error' : undefined}
              autoFocus
            />
            <button type="submit" className="primary small">
              {t('common.save')}
            </button>
            <button type="button" className="secondary small" onClick={() => setNameDraft(null)}>
              {t('common.cancel')}
            </button>
            {nameError && (
              <span className="field-error" id="template-name-error" role="alert">
                {nameError}
              </span>
            )}
          </form>
        ) : (
          <h1 id="template-title">{name}</h1>
        )}
        <span className="badge tpl-version">v{template.version}</span>
        {template.builtIn ? (
          <span className="badge tpl-builtin">{t('templates.readOnly')}</span>
        ) : (
          <span className="badge tpl-custom">{t('templates.custom')}</span>
        )}
        <span className="tpl-actions">
          {editable && nameDraft === null && (
            <button type="button" className="secondary" onClick={() => setNameDraft(template.name)}>
              {t('templates.rename')}
            </button>
          )}
          {editable && (
            <button
              type="button"
              className="secondary danger-text"
              onClick={() => setConfirmDelete(true)}
            >
              {t('common.delete')}
            </button>
          )}
          <button type="button" className="secondary" onClick={() => exportFile(template)}>
            {t('templates.export')}
          </button>
          <button
            type="button"
            className={editable ? 'secondary' : 'primary'}
            onClick={() => void duplicate(template)}
          >
            {t('templates.duplicate')}
          </button>
          {editable && (
            <button type="button" className="primary" onClick={() => setEditing('new')}>
              {t('templates.addItem')}
            </button>
          )}
        </span>
      </div>
      <p className="muted tpl-intro">
        {template.builtIn
          ? t('templates.readOnlyHint')
          : base
            ? t('templates.copyHint', { version: base.version })
            : t('templates.ownHint')}{' '}
        {t('templates.itemCount', { count: template.items.length })}
      </p>

      <table
        className="grid tpl-items"
        aria-labelledby={nameDraft === null ? 'template-title' : undefined}
        aria-label={nameDraft === null ? undefined : name}
      >
        <thead>
          <tr>
            <th scope="col" className="num">
              #
            </th>
            <th scope="col">{t('templates.item.id')}</th>
            <th scope="col">{t('templates.item.text')}</th>
            <th scope="col">{t('templates.item.severity')}</th>
            <th scope="col">{t('templates.item.basis')}</th>
            <th scope="col">{t('templates.item.appliesTo')}</th>
            {editable && (
              <th scope="col">
                <span className="visually-hidden">{t('templates.col.actions')}</span>
              </th>
            )}
          </tr>
        </thead>
        <tbody>
          {template.items.map((item, i) => (
            <tr key={item.id}>
              <td className="num muted">{i + 1}</td>
              <td className="mono tpl-id">{item.id}</td>
              <td className="tpl-text" lang={LOCALES[t.lang]}>
                {item.text[t.lang]}
              </td>
              <td>
                {editable ? (
                  <select
                    className={`tpl-sev sev-${item.severity}`}
                    value={item.severity}
                    aria-label={t('templates.severityOf', { id: item.id })}
                    onChange={(e) =>
                      void apply(
                        setSeverity(template, item.id, e.target.value as Severity, nowIso()),
                      )
                    }
                  >
                    {SEVERITIES.map((s) => (
                      <option key={s} value={s}>
                        {t.label('severity', s)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <span className={`badge sev-${item.severity}`}>
                    {t.label('severity', item.severity)}
                  </span>
                )}
              </td>
              <td className="tpl-basis">{item.basis}</td>
              <td className="tpl-applies">
                <AppliesTo item={item} />
              </td>
              {editable && (
                <td className="tpl-row-tools">
                  <button
                    type="button"
                    id={`item-up-${item.id}`}
                    className="icon-button"
                    disabled={i === 0}
                    onClick={() => void move(item, i - 1, 'up')}
                    aria-label={t('templates.moveUp', { id: item.id })}
                    title={t('templates.moveUp', { id: item.id })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`item-down-${item.id}`}
                    className="icon-button"
                    disabled={i === template.items.length - 1}
                    onClick={() => void move(item, i + 1, 'down')}
                    aria-label={t('templates.moveDown', { id: item.id })}
                    title={t('templates.moveDown', { id: item.id })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => setEditing(item)}
                    aria-label={t('templates.editItem', { id: item.id })}
                    title={t('templates.editItem', { id: item.id })}
                  >
                    ✎
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    disabled={template.items.length === 1}
                    onClick={() => void remove(item)}
                    aria-label={t('templates.removeItem', { id: item.id })}
                    title={t('templates.removeItem', { id: item.id })}
                  >
                    ×
                  </button>
                </td>
              )}
            </tr>
          ))}
        </tbody>
      </table>

      {editing && (
        <ItemEditor
          item={editing === 'new' ? null : editing}
          takenIds={template.items.map((x) => x.id)}
          onClose={() => setEditing(null)}
          onSave={async (item) => {
            const result =
              editing === 'new'
                ? addItem(template, item, nowIso())
                : editItem(template, editing.id, item, nowIso());
            const refusal = await persist(result);
            if (!refusal) setEditing(null);
            return refusal;
          }}
        />
      )}
      {confirmDelete && (
        <ConfirmDialog
          title={t('templates.confirmDelete', { name })}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void doDelete()}
          onCancel={() => setConfirmDelete(false)}
        >
          <p>{t('templates.confirmDeleteBody')}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
