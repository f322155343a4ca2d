import { useCallback, useEffect, useState } from 'react';
import { formatBytes } from '../../../shared/import/messages.ts';
import { bridgeAvailable, call } from '../../bridge/client.ts';
import { useT } from '../../i18n/use-t.ts';
import { backupText, writeAutomaticBackup } from './auto-backup.ts';
import { downloadBlob, localDay } from '../../ui/download.ts';
import { problemText } from './problem-text.ts';
import { EncryptionChoice, sealFile, useEncryptionState } from './EncryptionChoice.tsx';

/** A file not saved for a reason already said in the user's language. */
class NotSaved extends Error {}

type Listed = { directory: string; files: { fileName: string; bytes: number; at: string }[] };

/** Whole-database backup to a file, and the automatic backups main keeps. */
export function BackupPanel() {
  const t = useT();
  const [listed, setListed] = useState<Listed | null>(null);
  const [message, setMessage] = useState<{ kind: 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const [encryption, setEncryption] = useEncryptionState();

  const refresh = useCallback(() => {
    if (!bridgeAvailable()) return;
    call('backupList', {}).then(setListed, () => setListed(null));
  }, []);
  useEffect(refresh, [refresh]);

  const run = async (work: () => Promise<string>) => {
    setBusy(true);
    setMessage(null);
    try {
      setMessage({ kind: 'info', text: await work() });
    } catch (err) {
      setMessage({
        kind: 'error',
        text: err instanceof NotSaved ? err.message : problemText(t, err),
      });
    } finally {
      setBusy(false);
      refresh();
    }
  };

  const download = () =>
    run(async () => {
      const sealed = await sealFile(await backupText(), encryption, t);
      if ('problem' in sealed) throw new NotSaved(sealed.problem);
      const name = `roomcheck-backup-${localDay()}${sealed.encrypted ? '.encrypted' : ''}.json`;
      downloadBlob(new Blob([sealed.text], { type: 'application/json' }), name);
      return t(sealed.encrypted ? 'exchange.encrypt.savedEncrypted' : 'exchange.backupSaved', {
        file: name,
      });
    });

  const now = () =>
    run(async () => t('exchange.backupWritten', { file: await writeAutomaticBackup('manual') }));

  return (
    <section className="card" aria-labelledby="backup-title">
      <h2 id="backup-title">{t('exchange.backupTitle')}</h2>
      <p className="muted">{t('exchange.backupHelp')}</p>
      <EncryptionChoice
        state={encryption}
        onChange={setEncryption}
        contents={t('exchange.encrypt.backupContents')}
      />
      <div className="button-row">
        <button type="button" className="secondary" disabled={busy} onClick={() => void download()}>
          {t('exchange.backupDownload')}
        </button>
        {bridgeAvailable() && (
          <button type="button" className="secondary" disabled={busy} onClick={() => void now()}>
            {t('exchange.backupNow')}
          </button>
        )}
      </div>
      <p className="muted small-text">{t('exchange.restoreHelp')}</p>
      {message && (
        <p
          className={message.kind === 'error' ? 'error-box' : 'info-box'}
          role={message.kind === 'error' ? 'alert' : 'status'}
        >
          {message.text}
        </p>
      )}
      <h3>{t('exchange.automaticBackups')}</h3>
      {listed && listed.files.length === 0 && <p className="empty">{t('exchange.noBackups')}</p>}
      {listed && listed.files.length > 0 && (
        <>
          <p className="muted small-text">
            {t('exchange.backupFolder')} <span className="mono">{listed.directory}</span>
          </p>
          <ul className="list backup-list">
            {listed.files.slice(0, 10).map((f) => (
              <li key={f.fileName}>
                <span>{f.at.slice(0, 19).replace('T', ' ')} UTC</span>
                <span className="muted">{formatBytes(f.bytes)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </section>
  );
}
