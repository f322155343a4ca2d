import type { ReactNode } from 'react';
import type { z } from 'zod';
import {
  fieldValue,
  FORM_FIELDS,
  FORM_SECTIONS,
  setFieldValue,
  type FormSection,
} from '../../../shared/domain/device-fields.ts';
import type { Device, Rack } from '../../../shared/domain/schemas.ts';
import type { DeviceFormValues } from '../../../shared/inventory/device-form.ts';
import type { Translator } from '../../i18n/translate.ts';
import { DateInput, EnumSelect, Section, TextArea, TextInput, fieldId } from './fields.tsx';

// The device editor's sections and controls, derived from the device field table
// (shared/domain/device-fields.ts): each field's section, width and kind of control come from
// its entry, its label from LABELS.deviceField. Only the nested records (management interfaces,
// media, sanitization) have controls of their own, given by the editor as `records`.

type FormField = (typeof FORM_FIELDS)[number];

export type SectionProps = {
  t: Translator;
  values: DeviceFormValues;
  onChange: (values: DeviceFormValues) => void;
  racks: readonly Rack[];
  /** The message for a field's problem, by form path. */
  error: (path: string, label: string) => string | null;
  /** An error not from the form's own checks (the asset tag already taken). */
  extraError?: Partial<Record<string, string | null>>;
  /** Controls of the nested records, by field id. */
  records: Partial<Record<FormField['id'], ReactNode>>;
  /** Sections not shown (sanitization for an active device). */
  hidden: ReadonlySet<FormSection>;
  /** A wider or narrower section than the table says, for this screen. */
  width?: Partial<Record<FormSection, 'half' | 'wide'>>;
  autoFocus: boolean;
  /** Called when a field changes, before the new values are set. */
  onFieldChange?: (path: string) => void;
  /** Shown after the sections, in the grid (photos). */
  children?: ReactNode;
};

const WIDTH_CLASS = { half: 'inv-half', wide: 'inv-wide', full: '' } as const;
const SPAN_CLASS = { 1: undefined, 2: 'span-2', 4: 'span-4' } as const;
/** A line under a section's fields. */
const SECTION_HINT: Partial<Record<FormSection, 'inventory.positionHint'>> = {
  location: 'inventory.positionHint',
};

export function DeviceSections(props: SectionProps) {
  const { t } = props;
  return (
    <div className="inv-sections">
      {FORM_SECTIONS.filter((s) => !props.hidden.has(s.id)).map((section) => {
        const fields = FORM_FIELDS.filter((f) => f.form.section === section.id);
        const width = props.width?.[section.id] ?? section.width;
        const hint = SECTION_HINT[section.id];
        const record = fields.length === 1 && fields[0]!.kind.kind === 'record';
        return (
          <Section
            key={section.id}
            title={t(`inventory.sec.${section.id}`)}
            className={WIDTH_CLASS[width]}
          >
            {record ? (
              props.records[fields[0]!.id]
            ) : (
              <div className="inv-grid">
                {fields.map((f) => (
                  <FieldControl key={f.id} field={f} {...props} />
                ))}
              </div>
            )}
            {hint && <p className="inv-hint">{t(hint)}</p>}
          </Section>
        );
      })}
      {props.children}
    </div>
  );
}

function FieldControl(props: SectionProps & { field: FormField }) {
  const { field: f, t, values } = props;
  const path = f.path.join('.');
  const label = t.label('deviceField', f.id);
  const value = fieldValue(values as unknown as Device, f);
  const set = (v: unknown) => {
    props.onFieldChange?.(path);
    const next = { ...values, [f.path[0]]: structuredCopy(values, f.path[0]) } as DeviceFormValues;
    setFieldValue(next as Record<string, unknown>, f, v);
    props.onChange(next);
  };
  const form = f.form as FormField['form'] & {
    span?: 2 | 4;
    mono?: boolean;
    rows?: number;
    placeholder?: string;
    autoFocus?: boolean;
  };
  const common = {
    className: SPAN_CLASS[form.span ?? 1],
    path,
    label,
    error: props.extraError?.[path] ?? props.error(path, label),
  };
  const k = f.kind;
  switch (k.kind) {
    case 'enum':
      return (
        <EnumSelect
          {...common}
          value={value as string}
          options={(f.type as z.ZodEnum).options as string[]}
          kind={k.labels}
          t={t}
          onChange={set}
        />
      );
    case 'flag':
      return (
        <label className={`inv-check ${common.className ?? ''}`}>
          <input
            type="checkbox"
            id={fieldId(path)}
            checked={value as boolean}
            onChange={(e) => set(e.target.checked)}
          />
          <span>{label}</span>
        </label>
      );
    case 'date':
      return <DateInput {...common} value={value as string} t={t} onChange={set} />;
    case 'place':
      return (
        <div className={common.className}>
          <div className="field">
            <label htmlFor={fieldId(path)}>{label}</label>
            <select
              id={fieldId(path)}
              value={value as string}
              onChange={(e) => set(e.target.value)}
            >
              <option value="">{t('inventory.noRack')}</option>
              {props.racks.map((r) => (
                <option key={r.id} value={r.id}>
                  {t('inventory.rackOption', { name: r.name, height: r.heightU })}
                </option>
              ))}
            </select>
          </div>
        </div>
      );
    default:
      if (form.rows !== undefined) {
        return (
          <TextArea
            {...common}
            value={value as string}
            mono={form.mono}
            rows={form.rows}
            placeholder={form.placeholder}
            hint={k.kind === 'list' ? t('inventory.listHint') : undefined}
            onChange={set}
          />
        );
      }
      return (
        <TextInput
          {...common}
          value={value as string}
          mono={form.mono}
          inputMode={k.kind === 'u' ? 'numeric' : undefined}
          autoFocus={props.autoFocus && form.autoFocus}
          onChange={set}
        />
      );
  }
}

/** A nested object of the values copied, so setting one of its fields leaves the old one be. */
function structuredCopy(values: DeviceFormValues, key: string): unknown {
  const v = (values as Record<string, unknown>)[key];
  return v && typeof v === 'object' && !Array.isArray(v) ? { ...v } : v;
}
