import type { ReactNode } from 'react';
import type { LabelKind } from '../../../shared/i18n/labels.ts';
import type { Translator } from '../../i18n/translate.ts';
import { Field } from '../../ui/Field.tsx';

// Compact labelled controls for the device editor. Every control gets its label through
// <label for>, and its error through aria-describedby, so screen readers read both.

/** The DOM id of the control for a form path such as "credentials.lastRotated". */
export const fieldId = (path: string) => `dev-${path.replace(/\./g, '-')}`;

type Common = {
  path: string;
  label: string;
  error?: string | null;
  className?: string;
};

function describedBy(path: string, error: string | null | undefined, hint?: string) {
  const ids = [error ? `${fieldId(path)}-error` : '', hint ? `${fieldId(path)}-hint` : '']
    .filter(Boolean)
    .join(' ');
  return ids || undefined;
}

function Wrap(props: Common & { hint?: string; children: ReactNode }) {
  return (
    <div className={props.className}>
      <Field id={fieldId(props.path)} label={props.label} error={props.error}>
        {props.children}
      </Field>
      {props.hint && !props.error && (
        <span className="inv-hint" id={`${fieldId(props.path)}-hint`}>
          {props.hint}
        </span>
      )}
    </div>
  );
}

export function TextInput(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    placeholder?: string;
    hint?: string;
    mono?: boolean;
    inputMode?: 'numeric' | 'text';
    autoFocus?: boolean;
  },
) {
  return (
    <Wrap {...props}>
      <input
        id={fieldId(props.path)}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        inputMode={props.inputMode}
        className={props.mono ? 'mono' : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.path, props.error, props.hint)}
        autoComplete="off"
        spellCheck={false}
        autoFocus={props.autoFocus}
      />
    </Wrap>
  );
}

export function TextArea(
  props: Common & {
    value: string;
    onChange: (value: string) => void;
    rows?: number;
    hint?: string;
    mono?: boolean;
    placeholder?: string;
  },
) {
  return (
    <Wrap {...props}>
      <textarea
        id={fieldId(props.path)}
        value={props.value}
        rows={props.rows ?? 2}
        onChange={(e) => props.onChange(e.target.value)}
        placeholder={props.placeholder}
        className={props.mono ? 'mono' : undefined}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.path, props.error, props.hint)}
        spellCheck={false}
      />
    </Wrap>
  );
}

/** A date typed as text: faster than a picker and accepts what people actually type. */
export function DateInput(
  props: Common & { value: string; onChange: (value: string) => void; t: Translator },
) {
  return (
    <TextInput {...props} mono placeholder={props.t('common.datePlaceholder')} hint={undefined} />
  );
}

export function EnumSelect<V extends string>(
  props: Common & {
    value: V;
    options: readonly V[];
    kind: LabelKind;
    t: Translator;
    onChange: (value: V) => void;
  },
) {
  return (
    <Wrap {...props}>
      <select
        id={fieldId(props.path)}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as V)}
        aria-invalid={props.error ? true : undefined}
        aria-describedby={describedBy(props.path, props.error)}
      >
        {props.options.map((v) => (
          <option key={v} value={v}>
            {props.t.label(props.kind, v)}
          </option>
        ))}
      </select>
    </Wrap>
  );
}

export function Section(props: { title: string; className?: string; children: ReactNode }) {
  return (
    <fieldset className={`inv-section ${props.className ?? ''}`}>
      <legend>{props.title}</legend>
      {props.children}
    </fieldset>
  );
}
