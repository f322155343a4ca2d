import { useState } from 'react';
import {
  decryptEnvelope,
  ENVELOPE_FORMAT,
  readEnvelope,
  type Envelope,
} from '../../../shared/exchange/encrypted-envelope.ts';
import { useT } from '../../i18n/use-t.ts';
import { webEnvelopeCrypto } from './envelope-crypto.ts';
import { problemText } from './problem-text.ts';

/**
 * The envelope of a picked file, when it is one. Roomcheck writes `format` first, so the
 * first bytes tell; anything else is left to the ordinary readers. A damaged envelope header
 * throws its one sentence here.
 */
export function lockedEnvelope(bytes: Uint8Array): Envelope | null {
  const head = new TextDecoder().decode(bytes.subarray(0, 64));
  if (!head.includes(`"${ENVELOPE_FORMAT}"`)) return null;
  return readEnvelope(new TextDecoder().decode(bytes));
}

/** Asks for an encrypted file's passphrase; a wrong one or a damaged file changes nothing. */
export function UnlockFile(props: {
  file: { name: string };
  envelope: Envelope;
  onOpen: (text: string) => Promise<void>;
  onCancel: () => void;
}) {
  const t = useT();
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const open = async () => {
    setBusy(true);
    setProblem(null);
    try {
      const text = await decryptEnvelope(props.envelope, passphrase, webEnvelopeCrypto);
      await props.onOpen(text);
    } catch (err) {
      setProblem(problemText(t, err));
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="card import-flow" aria-labelledby="unlock-title">
      <h2 id="unlock-title">{t('exchange.unlock.title', { file: props.file.name })}</h2>
      <p className="muted">{t('exchange.unlock.body')}</p>
      <form
        className="inline-form"
        onSubmit={(e) => {
          e.preventDefault();
          if (!busy) void open();
        }}
      >
        <div className="field">
          <label htmlFor="unlock-pass">{t('exchange.unlock.passphrase')}</label>
          <input
            id="unlock-pass"
            type="password"
            autoComplete="off"
            autoFocus
            value={passphrase}
            onChange={(e) => setPassphrase(e.target.value)}
          />
        </div>
        <button type="submit" className="primary" disabled={busy || passphrase === ''}>
          {busy ? t('exchange.unlock.opening') : t('exchange.unlock.open')}
        </button>
        <button type="button" className="secondary" onClick={props.onCancel} disabled={busy}>
          {t('common.cancel')}
        </button>
      </form>
      {problem && (
        <p className="error-box" role="alert">
          {problem}
        </p>
      )}
    </section>
  );
}
