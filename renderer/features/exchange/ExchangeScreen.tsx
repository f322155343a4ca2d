import { useT } from '../../i18n/use-t.ts';
import { BackupPanel } from './BackupPanel.tsx';
import { ExportPanel } from './ExportPanel.tsx';
import { ImportLogPanel } from './ImportLogPanel.tsx';
import { ImportPanel } from './ImportPanel.tsx';
import './exchange.css';

/** Import, export, backup and the import log on one screen. */
export function ExchangeScreen() {
  const t = useT();
  return (
    <div className="screen exchange">
      <h1>{t('exchange.title')}</h1>
      <div className="exchange-grid">
        <div className="exchange-main">
          <ImportPanel />
          <ImportLogPanel />
        </div>
        <aside className="exchange-side">
          <ExportPanel />
          <BackupPanel />
        </aside>
      </div>
    </div>
  );
}
