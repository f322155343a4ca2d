import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { bridgeAvailable } from '../../bridge/client.ts';
import { db } from '../../db/instance.ts';
import {
  countRows,
  readAllTables,
  TABLE_NAMES,
  type DatabaseTables,
  type TableName,
} from '../../db/repositories/database-dump.ts';
import { getSetting } from '../../db/repositories/settings.ts';
import type { ImportLogRow } from '../../db/types.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/use-t.ts';
import { writeAutomaticBackup } from './auto-backup.ts';
import type { PickedFile } from './file-info.ts';
import { problemText } from './problem-text.ts';
import { restoreDatabase } from './restore.ts';

const TABLE_LABEL: Record<TableName, MessageKey> = {
  settings: 'exchange.table.settings',
  templates: 'exchange.table.templates',
  sites: 'exchange.table.sites',
  rooms: 'exchange.table.rooms',
  racks: 'exchange.table.racks',
  devices: 'exchange.table.devices',
  audits: 'exchange.table.audits',
  answers: 'exchange.table.answers',
  findings: 'exchange.table.findings',
  reconciliations: 'exchange.table.reconciliations',
  evidence: 'exchange.table.evidence',
  auditRecords: 'exchange.table.auditRecords',
  auditScopes: 'exchange.table.auditScopes',
  findingEvents: 'exchange.table.findingEvents',
  importLog: 'exchange.table.importLog',
};

/** Restoring a backup: counts now and in the file, an explicit confirmation, one transaction. */
export function RestoreFlow(props: {
  file: PickedFile;
  tables: DatabaseTables;
  createdAt: string;
  onDone: (log: ImportLogRow) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const current = useLiveQuery(async () => countRows(await readAllTables(db())), []);
  const incoming = countRows(props.tables);
  const [confirmed, setConfirmed] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const restore = async () => {
    setBusy(true);
    setError(null);
    try {
      // Keep what is about to be replaced, where main keeps automatic backups.
      if (bridgeAvailable()) await writeAutomaticBackup('before restore');
      const by = await getSetting(db(), 'inspectorName', '');
      const log = await restoreDatabase(db(), props.tables, {
        fileName: props.file.name,
        sha256: props.file.sha256,
        by,
      });
      props.onDone(log);
    } catch (err) {
      setError(problemText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card import-flow" aria-labelledby="restore-title">
      <h2 id="restore-title">{t('exchange.restoreTitle', { file: props.file.name })}</h2>
      <p>
        {t('exchange.restoreExplain', { date: props.createdAt.slice(0, 16).replace('T', ' ') })}
      </p>
      <table className="grid compact counts-table">
        <thead>
          <tr>
            <th scope="col">{t('exchange.table')}</th>
            <th scope="col" className="num">
              {t('exchange.now')}
            </th>
            <th scope="col" className="num">
              {t('exchange.afterRestore')}
            </th>
          </tr>
        </thead>
        <tbody>
          {TABLE_NAMES.map((name) => (
            <tr key={name}>
              <td>{t(TABLE_LABEL[name])}</td>
              <td className="num">{current?.[name] ?? '…'}</td>
              <td className="num">{incoming[name] + (name === 'importLog' ? 1 : 0)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <label className="check confirm-check">
        <input
          type="checkbox"
          checked={confirmed}
          onChange={(e) => setConfirmed(e.target.checked)}
        />
        <span>{t('exchange.restoreConfirm')}</span>
      </label>
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      <div className="flow-buttons">
        <button type="button" className="secondary" onClick={props.onCancel} disabled={busy}>
          {t('exchange.cancelImport')}
        </button>
        <button
          type="button"
          className="primary danger"
          disabled={!confirmed || busy}
          onClick={() => void restore()}
        >
          {busy ? t('exchange.applying') : t('exchange.restoreButton')}
        </button>
      </div>
    </section>
  );
}
