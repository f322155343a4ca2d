import { useId, useState } from 'react';
import {
  encryptEnvelope,
  MIN_PASSPHRASE_LENGTH,
} from '../../../shared/exchange/encrypted-envelope.ts';
import { useT } from '../../i18n/use-t.ts';
import { webEnvelopeCrypto } from './envelope-crypto.ts';

// How an export or a backup file is saved: encrypted with a passphrase (the default), or in
// plain text only after a deliberate choice that says what the file then shows to anyone.

export type EncryptionState = { passphrase: string; again: string; plain: boolean };

/** What the file becomes, or the sentence that says what is missing. */
export async function sealFile(
  text: string,
  state: EncryptionState,
  t: ReturnType<typeof useT>,
): Promise<{ text: string; encrypted: boolean } | { problem: string }> {
  if (state.plain) return { text, encrypted: false };
  if (state.passphrase.length < MIN_PASSPHRASE_LENGTH)
    return { problem: t('exchange.encrypt.tooShort', { min: MIN_PASSPHRASE_LENGTH }) };
  if (state.passphrase !== state.again) return { problem: t('exchange.encrypt.mismatch') };
  return {
    text: await encryptEnvelope(text, state.passphrase, webEnvelopeCrypto),
    encrypted: true,
  };
}

export function useEncryptionState() {
  return useState<EncryptionState>({ passphrase: '', again: '', plain: false });
}

export function EncryptionChoice(props: {
  state: EncryptionState;
  onChange: (state: EncryptionState) => void;
  /** What a plain file would show, e.g. "every note, finding and photo of the audit". */
  contents: string;
}) {
  const t = useT();
  const id = useId();
  const { state } = props;
  const set = (patch: Partial<EncryptionState>) => props.onChange({ ...state, ...patch });
  return (
    <fieldset className="encryption-choice">
      <legend>{t('exchange.encrypt.legend')}</legend>
      {!state.plain && (
        <div className="row">
          <div className="field">
            <label htmlFor={`${id}-pass`}>{t('exchange.encrypt.passphrase')}</label>
            <input
              id={`${id}-pass`}
              type="password"
              autoComplete="new-password"
              value={state.passphrase}
              onChange={(e) => set({ passphrase: e.target.value })}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-again`}>{t('exchange.encrypt.again')}</label>
            <input
              id={`${id}-again`}
              type="password"
              autoComplete="new-password"
              value={state.again}
              onChange={(e) => set({ again: e.target.value })}
            />
          </div>
        </div>
      )}
      <label className="check-line">
        <input
          type="checkbox"
          checked={state.plain}
          onChange={(e) => set({ plain: e.target.checked, passphrase: '', again: '' })}
        />
        {t('exchange.encrypt.plain')}
      </label>
      <p className={state.plain ? 'warn-box small-text' : 'muted small-text'}>
        {state.plain
          ? t('exchange.encrypt.plainWarning', { contents: props.contents })
          : t('exchange.encrypt.help', { min: MIN_PASSPHRASE_LENGTH })}
      </p>
    </fieldset>
  );
}
