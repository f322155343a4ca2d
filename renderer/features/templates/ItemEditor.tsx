import type { Lang } from '../../../shared/i18n/lang.ts';
import { useState } from 'react';
import {
  DEVICE_TYPES,
  SEVERITIES,
  type DeviceType,
  type Severity,
} from '../../../shared/domain/enums.ts';
import { CheckItemSchema, type CheckItem } from '../../../shared/domain/schemas.ts';
import { useT } from '../../i18n/use-t.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Field } from '../../ui/Field.tsx';

type Errors = Partial<Record<'id' | Lang | 'basis' | 'form', string>>;

const ID_PATTERN = CheckItemSchema.shape.id;

/**
 * Adds or edits one check item: id, text in both languages, severity, basis, and whether it
 * applies to the room or to devices (all types, or the types ticked). `onSave` returns the
 * template-level refusal (e.g. a duplicate id) in the UI language, or null when saved.
 */
export function ItemEditor(props: {
  item: CheckItem | null;
  takenIds: readonly string[];
  onSave: (item: CheckItem) => Promise<string | null>;
  onClose: () => void;
}) {
  const t = useT();
  const start: CheckItem = props.item ?? {
    id: '',
    text: { en: '', zh: '' },
    severity: 'medium',
    basis: '',
    scope: 'device',
    appliesTo: [],
  };
  const [id, setId] = useState(start.id);
  const [en, setEn] = useState(start.text.en);
  const [zh, setZh] = useState(start.text.zh);
  const [severity, setSeverity] = useState<Severity>(start.severity);
  const [basis, setBasis] = useState(start.basis);
  const [scope, setScope] = useState<CheckItem['scope']>(start.scope);
  const [types, setTypes] = useState<DeviceType[]>([...start.appliesTo]);
  const [errors, setErrors] = useState<Errors>({});
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    const trimmedId = id.trim();
    const next: Errors = {};
    if (!ID_PATTERN.safeParse(trimmedId).success) next.id = t('templates.err.id');
    else if (
      props.takenIds.some(
        (taken) => taken.toLowerCase() === trimmedId.toLowerCase() && taken !== props.item?.id,
      )
    )
      next.id = t('templates.err.idTaken', { id: trimmedId });
    if (!en.trim()) next.en = t('templates.err.textRequired');
    if (!zh.trim()) next.zh = t('templates.err.textRequired');
    if (basis.length > 300) next.basis = t('templates.err.basisTooLong');
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    const refusal = await props.onSave({
      id: trimmedId,
      text: { en: en.trim(), zh: zh.trim() },
      severity,
      basis: basis.trim(),
      scope,
      appliesTo: scope === 'room' ? [] : DEVICE_TYPES.filter((type) => types.includes(type)),
    });
    setBusy(false);
    if (refusal) setErrors({ form: refusal });
  };

  const toggle = (type: DeviceType, on: boolean) =>
    setTypes((current) => (on ? [...current, type] : current.filter((x) => x !== type)));

  return (
    <ConfirmDialog
      title={props.item ? t('templates.editItem', { id: props.item.id }) : t('templates.addItem')}
      confirmLabel={t('common.save')}
      cancelLabel={t('common.cancel')}
      onConfirm={() => void submit()}
      onCancel={props.onClose}
      busy={busy}
      focusContent
      wide
    >
      {errors.form && (
        <p className="tpl-error" role="alert">
          {errors.form}
        </p>
      )}
      <div className="tpl-item-grid">
        <Field id="item-id" label={t('templates.item.id')} error={errors.id}>
          <input
            id="item-id"
            className="mono"
            value={id}
            onChange={(e) => setId(e.target.value)}
            aria-invalid={errors.id ? true : undefined}
            autoFocus
            autoComplete="off"
          />
        </Field>
        <Field id="item-severity" label={t('templates.item.severity')}>
          <select
            id="item-severity"
            value={severity}
            onChange={(e) => setSeverity(e.target.value as Severity)}
          >
            {SEVERITIES.map((s) => (
              <option key={s} value={s}>
                {t.label('severity', s)} ({t.label('severityCat', s)})
              </option>
            ))}
          </select>
        </Field>
        <Field id="item-basis" label={t('templates.item.basis')} error={errors.basis}>
          <input
            id="item-basis"
            value={basis}
            onChange={(e) => setBasis(e.target.value)}
            aria-invalid={errors.basis ? true : undefined}
          />
        </Field>
      </div>
      {props.item && id.trim() !== props.item.id && !errors.id && (
        <p className="tpl-warn" role="status">
          {t('templates.renameWarning', { id: props.item.id })}
        </p>
      )}
      <Field id="item-en" label={t('templates.item.textEn')} error={errors.en}>
        <textarea
          id="item-en"
          rows={2}
          lang="en"
          value={en}
          onChange={(e) => setEn(e.target.value)}
          aria-invalid={errors.en ? true : undefined}
        />
      </Field>
      <Field id="item-zh" label={t('templates.item.textZh')} error={errors.zh}>
        <textarea
          id="item-zh"
          rows={2}
          lang="zh-CN"
          value={zh}
          onChange={(e) => setZh(e.target.value)}
          aria-invalid={errors.zh ? true : undefined}
        />
      </Field>
      <fieldset className="tpl-scope">
        <legend>{t('templates.item.scope')}</legend>
        <label>
          <input
            type="radio"
            name="item-scope"
            checked={scope === 'room'}
            onChange={() => setScope('room')}
          />
          {t('templates.scope.room')}
        </label>
        <label>
          <input
            type="radio"
            name="item-scope"
            checked={scope === 'device'}
            onChange={() => setScope('device')}
          />
          {t('templates.scope.device')}
        </label>
      </fieldset>
      {scope === 'device' && (
        <fieldset className="tpl-types" aria-describedby="item-types-hint">
          <legend>{t('templates.item.appliesTo')}</legend>
          <p className="muted tpl-types-hint" id="item-types-hint">
            {t('templates.item.appliesToHint')}{' '}
            <button type="button" className="link" onClick={() => setTypes([...DEVICE_TYPES])}>
              {t('templates.tickAll')}
            </button>
            {' · '}
            <button type="button" className="link" onClick={() => setTypes([])}>
              {t('templates.tickNone')}
            </button>
          </p>
          <div className="tpl-type-grid">
            {DEVICE_TYPES.map((type) => (
              <label key={type}>
                <input
                  type="checkbox"
                  checked={types.includes(type)}
                  onChange={(e) => toggle(type, e.target.checked)}
                />
                {t.label('deviceType', type)}
              </label>
            ))}
          </div>
        </fieldset>
      )}
    </ConfirmDialog>
  );
}
