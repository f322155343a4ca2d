import { LOCALES, type Lang } from '../../../shared/i18n/lang.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { syncNow } from '../../sync/hub-service.ts';

const time = (iso: string, lang: Lang) =>
  new Date(iso).toLocaleTimeString(LOCALES[lang], {
    hour: '2-digit',
    minute: '2-digit',
  });

/** The status bar's word on the hub: always there, with last sync, pending and conflicts. */
export function SyncStatus() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const hub = useStore((s) => s.hub);
  const sync = useStore((s) => s.sync);
  const navigate = useStore((s) => s.navigate);
  if (hub.state === 'none') return <span className="sync-status">{t('common.offline')}</span>;
  const parts = [
    hub.state === 'locked'
      ? t('hub.status.locked')
      : sync.running
        ? t('hub.syncing')
        : sync.lastSyncAt
          ? t('hub.status.last', { time: time(sync.lastSyncAt, lang) })
          : t('hub.status.never'),
    t('hub.status.pending', { count: sync.pending }),
    t('hub.status.conflicts', { count: sync.conflicts }),
    ...(sync.denied ? [t('hub.status.denied', { count: sync.denied })] : []),
    ...(sync.refused ? [t('hub.status.refused', { count: sync.refused })] : []),
  ];
  return (
    <span className="sync-status" role="status" aria-live="polite">
      <button type="button" className="link" onClick={() => navigate({ name: 'hub' })}>
        {parts.join(' · ')}
      </button>
      {sync.problem && (
        <span className="sync-problem">{t('hub.status.problem', { problem: sync.problem })}</span>
      )}
      {hub.state === 'ready' && (
        <button
          type="button"
          className="secondary small"
          disabled={sync.running}
          onClick={() => void syncNow()}
        >
          {t('hub.syncNow')}
        </button>
      )}
    </span>
  );
}
