import { useState } from 'react';
import type { Overview } from '../../../shared/hub/overview.ts';
import { base64ToBytes } from '../../../shared/encoding/base64.ts';
import { call } from '../../bridge/client.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { downloadBlob, localDay } from '../../ui/download.ts';
import { Field } from '../../ui/Field.tsx';
import { useReadyIdentities } from './use-ready-identities.ts';

/** The overview as shown (filter included), laid out and signed in main, then downloaded. */
export function OverviewExport(props: { overview: Overview; siteName: string | null }) {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const notify = useStore((s) => s.notify);
  const identities = useReadyIdentities();
  const [chosen, setChosen] = useState<string | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const identityId = chosen ?? identities?.[0]?.id ?? '';

  async function exportPdf() {
    setBusy(true);
    setProblem(null);
    try {
      const signed = await call('overviewSign', {
        overview: props.overview,
        siteName: props.siteName,
        lang,
        identityId,
        ...(passphrase ? { passphrase } : {}),
      });
      const name = `roomcheck-overview-${localDay()}.pdf`;
      downloadBlob(
        new Blob([base64ToBytes(signed.pdfBase64) as BlobPart], { type: 'application/pdf' }),
        name,
      );
      setPassphrase('');
      notify('info', t('overview.exported', { name }));
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  if (identities === null) return null;
  if (identities.length === 0) return <p className="hint">{t('overview.noIdentity')}</p>;
  return (
    <div className="overview-export">
      <Field id="overview-identity" label={t('hub.fileIdentity')}>
        <select
          id="overview-identity"
          value={identityId}
          onChange={(e) => setChosen(e.target.value)}
        >
          {identities.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </select>
      </Field>
      <Field id="overview-pass" label={t('hub.filePassphrase')} error={problem}>
        <input
          id="overview-pass"
          type="password"
          autoComplete="off"
          value={passphrase}
          onChange={(e) => setPassphrase(e.target.value)}
        />
      </Field>
      <button type="button" className="primary" disabled={busy} onClick={() => void exportPdf()}>
        {t('overview.export')}
      </button>
    </div>
  );
}
