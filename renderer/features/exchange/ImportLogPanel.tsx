import { LOCALES } from '../../../shared/i18n/lang.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/instance.ts';
import { listImportLog } from '../../db/repositories/import-log.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/use-t.ts';

const SOURCE: Record<string, MessageKey> = {
  'inventory-csv': 'exchange.source.inventory-csv',
  'inventory-xlsx': 'exchange.source.inventory-xlsx',
  'audit-export': 'exchange.source.audit-export',
  'signed-report': 'exchange.source.signed-report',
  'backup-restore': 'exchange.source.backup-restore',
};

/** Every import and restore: when, who, which file (with its SHA-256), what it did. */
export function ImportLogPanel() {
  const t = useT();
  const rows = useLiveQuery(() => listImportLog(db()), []);
  return (
    <section className="card" aria-labelledby="import-log-title">
      <h2 id="import-log-title">{t('exchange.logTitle')}</h2>
      {rows?.length === 0 && <p className="empty">{t('exchange.logEmpty')}</p>}
      {rows && rows.length > 0 && (
        <table className="grid compact import-log">
          <thead>
            <tr>
              <th scope="col">{t('exchange.logWhen')}</th>
              <th scope="col">{t('exchange.logFile')}</th>
              <th scope="col">{t('exchange.logKind')}</th>
              <th scope="col" className="num">
                {t('exchange.countAdd')}
              </th>
              <th scope="col" className="num">
                {t('exchange.countUpdate')}
              </th>
              <th scope="col" className="num">
                {t('exchange.countRejected')}
              </th>
              <th scope="col" className="num">
                {t('exchange.countSkipped')}
              </th>
              <th scope="col">{t('exchange.logWho')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.id}>
                <td>{new Date(r.at).toLocaleString(LOCALES[t.lang])}</td>
                <td>
                  <span className="log-file">{r.fileName}</span>
                  <span className="mono muted sha" title={r.sha256}>
                    SHA-256 {r.sha256.slice(0, 16)}…
                  </span>
                </td>
                <td>{SOURCE[r.source] ? t(SOURCE[r.source]!) : r.source}</td>
                <td className="num">{r.counts.added}</td>
                <td className="num">{r.counts.updated}</td>
                <td className="num">{r.counts.rejected}</td>
                <td className="num">{r.counts.skipped}</td>
                <td>{r.by || '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
