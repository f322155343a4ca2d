import { useState, type FormEvent } from 'react';
import { call } from '../../bridge/client.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { Field } from '../../ui/Field.tsx';
import { refreshCounts, syncNow } from '../../sync/hub-service.ts';

const MIN_PASSPHRASE = 8;

type Form = {
  url: string;
  user: string;
  password: string;
  caPem: string;
  sites: string;
  keychain: boolean;
  passphrase: string;
  confirm: string;
};

const EMPTY: Form = {
  url: '',
  user: '',
  password: '',
  caPem: '',
  sites: '',
  keychain: false,
  passphrase: '',
  confirm: '',
};

/** Joining a hub: its address, the user's credentials, the organisation's CA, and how the password is kept. */
export function JoinForm(props: { osKeyStore: boolean }) {
  const t = useT();
  const setHub = useStore((s) => s.setHub);
  const notify = useStore((s) => s.notify);
  const [form, setForm] = useState<Form>(EMPTY);
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    const next: typeof errors = {};
    if (!form.url.trim()) next.url = t('hub.required');
    if (!form.user.trim()) next.user = t('hub.required');
    if (!form.password) next.password = t('hub.required');
    if (!form.keychain) {
      if (form.passphrase.length < MIN_PASSPHRASE)
        next.passphrase = t('hub.passphraseShort', { min: MIN_PASSPHRASE });
      else if (form.passphrase !== form.confirm) next.confirm = t('hub.passphraseMismatch');
    }
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    setBusy(true);
    setProblem(null);
    try {
      const sites = form.sites
        .split(/[,\s，]+/)
        .map((s) => s.trim())
        .filter(Boolean);
      const status = await call('hubJoin', {
        url: form.url.trim(),
        user: form.user.trim(),
        password: form.password,
        caPem: form.caPem.trim() || null,
        ...(sites.length ? { sites } : {}),
        protection: form.keychain
          ? { kind: 'safeStorage' }
          : { kind: 'passphrase', passphrase: form.passphrase },
      });
      setHub(status);
      setForm(EMPTY);
      if (status.state !== 'none')
        notify('info', t('hub.joined', { origin: status.origin, user: status.user }));
      await refreshCounts();
      void syncNow();
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function loadCa(file: File | undefined) {
    if (file) set({ caPem: await file.text() });
  }

  return (
    <form className="hub-form" onSubmit={(e) => void submit(e)} noValidate>
      <Field id="hub-url" label={t('hub.url')} error={errors.url}>
        <input
          id="hub-url"
          type="url"
          value={form.url}
          placeholder="https://hub.example.org:6984"
          aria-describedby="hub-url-hint"
          onChange={(e) => set({ url: e.target.value })}
        />
      </Field>
      <p className="hint" id="hub-url-hint">
        {t('hub.urlHint')}
      </p>
      <div className="hub-pair">
        <Field id="hub-user" label={t('hub.user')} error={errors.user}>
          <input
            id="hub-user"
            autoComplete="username"
            value={form.user}
            onChange={(e) => set({ user: e.target.value })}
          />
        </Field>
        <Field id="hub-password" label={t('hub.password')} error={errors.password}>
          <input
            id="hub-password"
            type="password"
            autoComplete="current-password"
            value={form.password}
            onChange={(e) => set({ password: e.target.value })}
          />
        </Field>
      </div>
      <Field id="hub-ca" label={t('hub.ca')}>
        <textarea
          id="hub-ca"
          rows={3}
          value={form.caPem}
          spellCheck={false}
          placeholder="-----BEGIN CERTIFICATE-----"
          aria-describedby="hub-ca-hint"
          onChange={(e) => set({ caPem: e.target.value })}
        />
      </Field>
      <p className="hint" id="hub-ca-hint">
        {t('hub.caHint')}{' '}
        <label className="file-link">
          {t('hub.caFile')}
          <input
            type="file"
            accept=".pem,.crt,.cer"
            onChange={(e) => void loadCa(e.target.files?.[0])}
          />
        </label>
      </p>
      <Field id="hub-sites" label={t('hub.sites')}>
        <input
          id="hub-sites"
          value={form.sites}
          aria-describedby="hub-sites-hint"
          onChange={(e) => set({ sites: e.target.value })}
        />
      </Field>
      <p className="hint" id="hub-sites-hint">
        {t('hub.sitesHint')}
      </p>
      {props.osKeyStore && (
        <label className="check-row">
          <input
            type="checkbox"
            checked={form.keychain}
            onChange={(e) => set({ keychain: e.target.checked })}
          />
          {t('hub.keychain')}
        </label>
      )}
      {!form.keychain && (
        <div className="hub-pair">
          <Field id="hub-pass" label={t('hub.passphrase')} error={errors.passphrase}>
            <input
              id="hub-pass"
              type="password"
              autoComplete="new-password"
              value={form.passphrase}
              onChange={(e) => set({ passphrase: e.target.value })}
            />
          </Field>
          <Field id="hub-pass2" label={t('hub.passphraseConfirm')} error={errors.confirm}>
            <input
              id="hub-pass2"
              type="password"
              autoComplete="new-password"
              value={form.confirm}
              onChange={(e) => set({ confirm: e.target.value })}
            />
          </Field>
        </div>
      )}
      {!form.keychain && <p className="hint">{t('hub.passphraseHint', { min: MIN_PASSPHRASE })}</p>}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button type="submit" className="primary" disabled={busy}>
          {t('hub.join')}
        </button>
      </div>
    </form>
  );
}
