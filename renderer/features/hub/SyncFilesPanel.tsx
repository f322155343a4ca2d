import { useState } from 'react';
import { SiteCodeSchema } from '../../../shared/hub/names.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { downloadBlob, localDay } from '../../ui/download.ts';
import { Field } from '../../ui/Field.tsx';
import { useReadyIdentities } from './use-ready-identities.ts';
import { exportSiteFile, loadSiteFile } from '../../sync/hub-service.ts';

/** Sync files for air-gapped sites: write one for a site, or load one. */
export function SyncFilesPanel(props: { codes: string[]; user: string }) {
  const t = useT();
  const notify = useStore((s) => s.notify);
  const identities = useReadyIdentities();
  // Untouched fields follow the hub's answer, which may arrive after the first render.
  const [typedSite, setSite] = useState<string | null>(null);
  const [typedPublisher, setPublisher] = useState<string | null>(null);
  const site = typedSite ?? props.codes[0] ?? '';
  const publisher = typedPublisher ?? props.user;
  const [chosen, setIdentityId] = useState<string | null>(null);
  const identityId = chosen ?? identities?.[0]?.id ?? '';
  const [passphrase, setPassphrase] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function write() {
    setProblem(null);
    if (!SiteCodeSchema.safeParse(site).success) return setProblem(t('hub.linkInvalid'));
    if (!publisher.trim()) return setProblem(t('hub.required'));
    setBusy(true);
    try {
      const bytes = await exportSiteFile(
        site,
        publisher.trim(),
        identityId,
        passphrase || undefined,
      );
      const name = `roomcheck-${site}-${localDay()}.roomcheck-sync`;
      downloadBlob(new Blob([bytes as BlobPart], { type: 'application/x-ndjson' }), name);
      const count = new TextDecoder().decode(bytes).split('\n').length - 3;
      notify('info', t('hub.fileExported', { name, count }));
      setPassphrase('');
    } catch (err) {
      setProblem(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  }

  async function load(file: File | undefined) {
    if (!file) return;
    setProblem(null);
    setBusy(true);
    try {
      const result = await loadSiteFile(new Uint8Array(await file.arrayBuffer()));
      if (result.ok) {
        notify(
          'info',
          t('hub.fileLoaded', {
            site: result.site,
            signer: result.signer ?? '—',
            documents: result.documents,
            changed: result.changedRows,
          }),
        );
      } else {
        setProblem(t('hub.fileRefused', { problem: result.problem }));
      }
    } catch (err) {
      setProblem(t('hub.fileRefused', { problem: err instanceof Error ? err.message : '' }));
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="hub-files">
      <p>{t('hub.filesIntro')}</p>
      <div className="hub-pair">
        <Field id="hub-file-site" label={t('hub.fileSite')}>
          <input
            id="hub-file-site"
            list="hub-file-sites"
            value={site}
            onChange={(e) => setSite(e.target.value.trim())}
          />
        </Field>
        <datalist id="hub-file-sites">
          {props.codes.map((c) => (
            <option key={c} value={c} />
          ))}
        </datalist>
        <Field id="hub-file-user" label={t('hub.filePublisher')}>
          <input
            id="hub-file-user"
            value={publisher}
            onChange={(e) => setPublisher(e.target.value)}
          />
        </Field>
      </div>
      {identities !== null && identities.length === 0 ? (
        <p className="notice notice-warn">{t('hub.fileNoIdentity')}</p>
      ) : (
        <div className="hub-pair">
          <Field id="hub-file-identity" label={t('hub.fileIdentity')}>
            <select
              id="hub-file-identity"
              value={identityId}
              onChange={(e) => setIdentityId(e.target.value)}
            >
              {(identities ?? []).map((i) => (
                <option key={i.id} value={i.id}>
                  {i.label}
                </option>
              ))}
            </select>
          </Field>
          <Field id="hub-file-pass" label={t('hub.filePassphrase')}>
            <input
              id="hub-file-pass"
              type="password"
              autoComplete="off"
              value={passphrase}
              onChange={(e) => setPassphrase(e.target.value)}
            />
          </Field>
        </div>
      )}
      {problem && (
        <p className="form-error" role="alert">
          {problem}
        </p>
      )}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !identityId}
          onClick={() => void write()}
        >
          {t('hub.fileExport')}
        </button>
        <label className="button secondary file-button">
          {t('hub.fileImport')}
          <input
            type="file"
            accept=".roomcheck-sync"
            disabled={busy}
            onChange={(e) => {
              void load(e.target.files?.[0]);
              e.target.value = '';
            }}
          />
        </label>
      </div>
    </div>
  );
}
