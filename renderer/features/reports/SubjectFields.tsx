import { useT } from '../../i18n/use-t.ts';
import { Field } from '../../ui/Field.tsx';
import { PassphraseFields, passphraseProblems, type PassphrasePair } from './PassphraseFields.tsx';
import type { CallRequest } from '../../../shared/bridge/contract.ts';
import type { Translator } from '../../i18n/translate.ts';

export type KeyAlgorithm = CallRequest<'identityCreateCsr'>['keyAlgorithm'];
export type Protection = CallRequest<'identityCreateCsr'>['protection'];

export type SubjectForm = {
  commonName: string;
  organisation: string;
  unit: string;
  email: string;
  keyAlgorithm: KeyAlgorithm;
};

export const emptySubject = (organisation = ''): SubjectForm => ({
  commonName: '',
  organisation,
  unit: '',
  email: '',
  keyAlgorithm: 'ec-p256',
});

/** The certificate subject (DistinguishedNameSchema limits each part to 64 characters). */
export function subjectOf(form: SubjectForm) {
  const organisation = form.organisation.trim();
  const unit = form.unit.trim();
  const email = form.email.trim();
  return {
    commonName: form.commonName.trim(),
    ...(organisation && { organisation }),
    ...(unit && { organisationalUnit: unit }),
    ...(email && { email }),
  };
}

/** "Name (Organisation)", the label identities are listed under. */
export const labelOf = (form: SubjectForm): string =>
  [form.commonName.trim(), form.organisation.trim() && `(${form.organisation.trim()})`]
    .filter(Boolean)
    .join(' ')
    .slice(0, 120);

// The browser's own notion of an address (input type=email), checked before main's schema.
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function subjectProblems(
  form: SubjectForm,
  t: Translator,
): { commonName?: string; email?: string } {
  return {
    commonName: form.commonName.trim()
      ? undefined
      : t('common.required', { field: t('identities.commonName') }),
    email:
      !form.email.trim() || EMAIL.test(form.email.trim())
        ? undefined
        : t('identities.emailInvalid'),
  };
}

export function SubjectFields(props: {
  idPrefix: string;
  value: SubjectForm;
  onChange: (next: SubjectForm) => void;
  errors: { commonName?: string; email?: string };
}) {
  const t = useT();
  const p = props.idPrefix;
  const set = (patch: Partial<SubjectForm>) => props.onChange({ ...props.value, ...patch });
  return (
    <>
      <Field id={`${p}-cn`} label={t('identities.commonName')} error={props.errors.commonName}>
        <input
          id={`${p}-cn`}
          autoFocus
          maxLength={64}
          value={props.value.commonName}
          aria-invalid={!!props.errors.commonName}
          onChange={(e) => set({ commonName: e.target.value })}
        />
      </Field>
      <div className="row">
        <Field id={`${p}-org`} label={t('identities.organisation')}>
          <input
            id={`${p}-org`}
            maxLength={64}
            value={props.value.organisation}
            onChange={(e) => set({ organisation: e.target.value })}
          />
        </Field>
        <Field id={`${p}-unit`} label={t('identities.unit')}>
          <input
            id={`${p}-unit`}
            maxLength={64}
            value={props.value.unit}
            onChange={(e) => set({ unit: e.target.value })}
          />
        </Field>
      </div>
      <Field id={`${p}-email`} label={t('identities.email')} error={props.errors.email}>
        <input
          id={`${p}-email`}
          // Not type=email: the browser's own bubble would block the form in its own language.
          type="text"
          inputMode="email"
          spellCheck={false}
          maxLength={128}
          autoComplete="email"
          value={props.value.email}
          aria-invalid={!!props.errors.email}
          onChange={(e) => set({ email: e.target.value })}
        />
      </Field>
      <Field id={`${p}-alg`} label={t('identities.keyType')}>
        <select
          id={`${p}-alg`}
          value={props.value.keyAlgorithm}
          onChange={(e) => set({ keyAlgorithm: e.target.value as KeyAlgorithm })}
        >
          <option value="ec-p256">{t('identities.keyEc')}</option>
          <option value="rsa-3072">{t('identities.keyRsa')}</option>
        </select>
      </Field>
    </>
  );
}

export type ProtectionForm = { kind: 'passphrase' | 'safeStorage'; pair: PassphrasePair };

export const emptyProtection = (): ProtectionForm => ({
  kind: 'passphrase',
  pair: { passphrase: '', confirm: '' },
});

export function protectionOf(form: ProtectionForm): Protection {
  return form.kind === 'safeStorage'
    ? { kind: 'safeStorage' }
    : { kind: 'passphrase', passphrase: form.pair.passphrase };
}

export function protectionProblems(form: ProtectionForm, t: Translator) {
  return form.kind === 'safeStorage' ? {} : passphraseProblems(form.pair, t);
}

/** How the new private key is kept: a passphrase, or (desktop app only) the OS key store. */
export function ProtectionFields(props: {
  idPrefix: string;
  osAvailable: boolean;
  value: ProtectionForm;
  onChange: (next: ProtectionForm) => void;
  errors: { passphrase?: string; confirm?: string };
}) {
  const t = useT();
  const p = props.idPrefix;
  return (
    <fieldset className="protection">
      <legend>{t('identities.protection')}</legend>
      {props.osAvailable ? (
        <div className="choice-row" role="radiogroup" aria-label={t('identities.protection')}>
          <label>
            <input
              type="radio"
              name={`${p}-protection`}
              checked={props.value.kind === 'passphrase'}
              onChange={() => props.onChange({ ...props.value, kind: 'passphrase' })}
            />
            {t('identities.protectPassphrase')}
          </label>
          <label>
            <input
              type="radio"
              name={`${p}-protection`}
              checked={props.value.kind === 'safeStorage'}
              onChange={() => props.onChange({ ...props.value, kind: 'safeStorage' })}
            />
            {t('identities.protectOs')}
          </label>
        </div>
      ) : (
        <p className="hint">{t('identities.protectPassphraseOnly')}</p>
      )}
      {props.value.kind === 'passphrase' && (
        <PassphraseFields
          idPrefix={p}
          value={props.value.pair}
          onChange={(pair) => props.onChange({ ...props.value, pair })}
          errors={props.errors}
        />
      )}
    </fieldset>
  );
}
