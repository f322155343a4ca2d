import type { MessageKey } from '../../i18n/catalog.ts';
import type { Translator } from '../../i18n/translate.ts';
import { useT } from '../../i18n/use-t.ts';
import { Field } from '../../ui/Field.tsx';
import { MIN_PASSPHRASE_LENGTH, passphraseStrength, type Strength } from './passphrase-strength.ts';

export type PassphrasePair = { passphrase: string; confirm: string };

const STRENGTH_TEXT: Record<Strength, MessageKey> = {
  empty: 'identities.strengthEmpty',
  'too-short': 'identities.strengthTooShort',
  weak: 'identities.strengthWeak',
  fair: 'identities.strengthFair',
  strong: 'identities.strengthStrong',
};

const STRENGTH_LEVEL: Record<Strength, number> = {
  empty: 0,
  'too-short': 1,
  weak: 1,
  fair: 2,
  strong: 3,
};

/** What is wrong with a new passphrase pair, or null; checked before anything is sent. */
export function passphraseProblems(
  pair: PassphrasePair,
  t: Translator,
): { passphrase?: string; confirm?: string } {
  if (pair.passphrase.length < MIN_PASSPHRASE_LENGTH)
    return { passphrase: t('identities.passphraseTooShort', { min: MIN_PASSPHRASE_LENGTH }) };
  if (pair.passphrase !== pair.confirm) return { confirm: t('identities.passphraseMismatch') };
  return {};
}

/** A new passphrase typed twice, with a strength hint read out as it changes. */
export function PassphraseFields(props: {
  idPrefix: string;
  value: PassphrasePair;
  onChange: (next: PassphrasePair) => void;
  errors: { passphrase?: string; confirm?: string };
}) {
  const t = useT();
  const strength = passphraseStrength(props.value.passphrase);
  const hintId = `${props.idPrefix}-strength`;
  return (
    <div className="passphrase-fields">
      <Field
        id={`${props.idPrefix}-pass`}
        label={t('identities.newPassphrase')}
        error={props.errors.passphrase}
      >
        <input
          id={`${props.idPrefix}-pass`}
          type="password"
          autoComplete="new-password"
          value={props.value.passphrase}
          aria-invalid={!!props.errors.passphrase}
          aria-describedby={hintId}
          onChange={(e) => props.onChange({ ...props.value, passphrase: e.target.value })}
        />
      </Field>
      <div className={`strength strength-${strength}`} id={hintId} aria-live="polite">
        <span className="strength-bar" aria-hidden="true">
          {[1, 2, 3].map((level) => (
            <span key={level} className={STRENGTH_LEVEL[strength] >= level ? 'on' : ''} />
          ))}
        </span>
        <span>{t(STRENGTH_TEXT[strength], { min: MIN_PASSPHRASE_LENGTH })}</span>
      </div>
      <Field
        id={`${props.idPrefix}-confirm`}
        label={t('identities.confirmPassphrase')}
        error={props.errors.confirm}
      >
        <input
          id={`${props.idPrefix}-confirm`}
          type="password"
          autoComplete="new-password"
          value={props.value.confirm}
          aria-invalid={!!props.errors.confirm}
          onChange={(e) => props.onChange({ ...props.value, confirm: e.target.value })}
        />
      </Field>
      <p className="hint">{t('identities.passphraseWarning')}</p>
    </div>
  );
}
