import { useState, type FormEvent } from 'react';
import { MAX_CERT_TEXT, type TrustList } from '../../../shared/bridge/signing-schemas.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { certificatePayload, readFileBytes } from './files.ts';
import { formatBytes, formatDate, formatDateTime, formatFingerprint } from './format.ts';
import { call } from '../../bridge/client.ts';
import { useBridgeAction } from './use-bridge-action.ts';

type Removal = { fingerprint: string; name: string };

const FINGERPRINT = /^[0-9a-f]{64}$/;
const normalizeFingerprint = (s: string) => s.replace(/[\s:]/g, '').toLowerCase();

/**
 * What this computer trusts when it verifies reports: the organisation's CA certificates and
 * pinned certificate fingerprints (a self-issued inspector certificate checked by phone).
 */
export function TrustPanel(props: { trust: TrustList; onChange: (next: TrustList) => void }) {
  const t = useT();
  const notify = useStore((s) => s.notify);
  const [fingerprint, setFingerprint] = useState('');
  const [pinLabel, setPinLabel] = useState('');
  const [pinError, setPinError] = useState<string | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [removing, setRemoving] = useState<Removal | null>(null);
  const importer = useBridgeAction((data: string) =>
    call('trustAnchorImport', { kind: 'certificate', data }),
  );
  const pinner = useBridgeAction((fp: string, label: string) =>
    call('trustAnchorImport', { kind: 'fingerprint', fingerprint: fp, label }),
  );
  const remover = useBridgeAction((fp: string) => call('trustAnchorRemove', { fingerprint: fp }));

  const importFile = async (input: HTMLInputElement) => {
    const file = input.files?.[0];
    input.value = '';
    if (!file) return;
    setFileError(null);
    if (file.size === 0) return setFileError(t('identities.fileEmpty'));
    if (file.size > MAX_CERT_TEXT)
      return setFileError(t('identities.certTooLarge', { max: formatBytes(MAX_CERT_TEXT) }));
    const data = certificatePayload(await readFileBytes(file));
    if (!data) return setFileError(t('identities.fileEmpty'));
    const next = await importer.run(data);
    if (next) {
      props.onChange(next);
      notify('info', t('trust.imported', { file: file.name }));
    }
  };

  const pin = async (e: FormEvent) => {
    e.preventDefault();
    const fp = normalizeFingerprint(fingerprint);
    if (!FINGERPRINT.test(fp)) return setPinError(t('trust.fingerprintInvalid'));
    if (!pinLabel.trim()) return setPinError(t('common.required', { field: t('trust.pinLabel') }));
    setPinError(null);
    const next = await pinner.run(fp, pinLabel.trim());
    if (next) {
      props.onChange(next);
      setFingerprint('');
      setPinLabel('');
      notify('info', t('trust.pinned'));
    }
  };

  const confirmRemove = async () => {
    if (!removing) return;
    const next = await remover.run(removing.fingerprint);
    if (next) {
      props.onChange(next);
      setRemoving(null);
      notify('info', t('trust.removed', { name: removing.name }));
    }
  };

  const { anchors, pins } = props.trust;
  return (
    <section className="card trust-panel" aria-labelledby="trust-title">
      <div className="title-row">
        <h2 id="trust-title">{t('trust.title')}</h2>
        <label className="button-like secondary file-button">
          {t('trust.importCa')}
          <input
            type="file"
            className="file-input-hidden"
            accept=".pem,.crt,.cer,.der,application/x-x509-ca-cert,application/pkix-cert"
            onChange={(e) => void importFile(e.currentTarget)}
          />
        </label>
      </div>
      <p className="hint">{t('trust.intro')}</p>
      {(fileError ?? importer.error) && (
        <p className="form-error" role="alert">
          {fileError ?? importer.error}
        </p>
      )}
      <h3>{t('trust.anchors', { count: anchors.length })}</h3>
      {anchors.length === 0 ? (
        <p className="empty">{t('trust.noAnchors')}</p>
      ) : (
        <ul className="trust-list">
          {anchors.map((a) => (
            <li key={a.fingerprintSha256}>
              <div className="trust-main">
                <strong>{a.commonName || a.subject}</strong>
                <span className="muted">{a.subject}</span>
                <span className="muted">
                  {t('trust.validRange', {
                    from: formatDate(a.notBefore),
                    to: formatDate(a.notAfter),
                  })}
                </span>
                <span className="mono fingerprint">{formatFingerprint(a.fingerprintSha256)}</span>
              </div>
              <button
                type="button"
                className="secondary danger-text"
                aria-label={t('trust.removeNamed', { name: a.commonName || a.subject })}
                onClick={() =>
                  setRemoving({ fingerprint: a.fingerprintSha256, name: a.commonName || a.subject })
                }
              >
                {t('trust.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <h3>{t('trust.pins', { count: pins.length })}</h3>
      {pins.length === 0 ? (
        <p className="empty">{t('trust.noPins')}</p>
      ) : (
        <ul className="trust-list">
          {pins.map((p) => (
            <li key={p.fingerprint}>
              <div className="trust-main">
                <strong>{p.label}</strong>
                <span className="muted">
                  {t('trust.pinnedAt', { at: formatDateTime(p.addedAt) })}
                </span>
                <span className="mono fingerprint">{formatFingerprint(p.fingerprint)}</span>
              </div>
              <button
                type="button"
                className="secondary danger-text"
                aria-label={t('trust.removeNamed', { name: p.label })}
                onClick={() => setRemoving({ fingerprint: p.fingerprint, name: p.label })}
              >
                {t('trust.remove')}
              </button>
            </li>
          ))}
        </ul>
      )}
      <form className="pin-form" onSubmit={(e) => void pin(e)} aria-label={t('trust.pinTitle')}>
        <h3>{t('trust.pinTitle')}</h3>
        <div className="pin-row">
          <Field id="pin-fp" label={t('trust.fingerprint')}>
            <input
              id="pin-fp"
              className="mono"
              spellCheck={false}
              value={fingerprint}
              placeholder="AB:CD:…"
              aria-invalid={!!pinError}
              onChange={(e) => setFingerprint(e.target.value)}
            />
          </Field>
          <Field id="pin-label" label={t('trust.pinLabel')}>
            <input
              id="pin-label"
              value={pinLabel}
              maxLength={120}
              onChange={(e) => setPinLabel(e.target.value)}
            />
          </Field>
          <button type="submit" className="primary" disabled={pinner.busy}>
            {t('trust.pin')}
          </button>
        </div>
        {(pinError ?? pinner.error) && (
          <p className="form-error" role="alert">
            {pinError ?? pinner.error}
          </p>
        )}
      </form>
      {removing && (
        <ConfirmDialog
          title={t('trust.removeTitle')}
          confirmLabel={t('trust.remove')}
          cancelLabel={t('common.cancel')}
          danger
          busy={remover.busy}
          onConfirm={() => void confirmRemove()}
          onCancel={() => {
            setRemoving(null);
            remover.setError(null);
          }}
        >
          <p>{t('trust.removeBody', { name: removing.name })}</p>
          <p className="mono fingerprint">{formatFingerprint(removing.fingerprint)}</p>
          {remover.error && (
            <p className="form-error" role="alert">
              {remover.error}
            </p>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
