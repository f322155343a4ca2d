import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect } from 'react';
import { db } from '../../db/instance.ts';
import { siteLinks } from '../../db/repositories/hub-mirror.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { refreshHubStatus } from '../../sync/hub-service.ts';
// The one answer to "can keys (and so the hub password) be sealed by the OS here?".
import { useOsKeyProtection } from '../reports/use-signing-lists.ts';
import { ConflictsPanel } from './ConflictsPanel.tsx';
import { HubConnection } from './HubConnection.tsx';
import { JoinForm } from './JoinForm.tsx';
import { SiteLinks } from './SiteLinks.tsx';
import { SyncFilesPanel } from './SyncFilesPanel.tsx';
import './hub.css';

/** Joining the organisation hub, the sites shared, conflicting edits, and sync files. */
export function HubScreen() {
  const t = useT();
  const hub = useStore((s) => s.hub);
  const osKeyStore = useOsKeyProtection();
  const linked = useLiveQuery(async () => Object.values(await siteLinks(db())), []);
  useEffect(() => {
    void refreshHubStatus().catch(() => undefined);
  }, []);
  const joined = hub.state !== 'none';
  const reader = joined && (hub.manager || hub.roles.includes('importer'));
  const codes = [...new Set([...(joined ? hub.siteCodes : []), ...(linked ?? [])])].sort();
  return (
    <div className="screen hub-screen">
      <h1>{t('hub.title')}</h1>
      <p className="lead">{t('hub.intro')}</p>
      <section className="card" aria-labelledby="hub-connection-title">
        <h2 id="hub-connection-title">{t('hub.connection')}</h2>
        {joined ? <HubConnection hub={hub} /> : <JoinForm osKeyStore={osKeyStore} />}
      </section>
      {!reader && (
        <section className="card" aria-labelledby="hub-links-title">
          <h2 id="hub-links-title">{t('hub.linksTitle')}</h2>
          <p>{t('hub.linksIntro')}</p>
          <SiteLinks codes={joined ? hub.siteCodes : null} />
        </section>
      )}
      {joined && (
        <section className="card" aria-labelledby="hub-conflicts-title">
          <h2 id="hub-conflicts-title">{t('hub.conflictsTitle')}</h2>
          <ConflictsPanel />
        </section>
      )}
      <section className="card" aria-labelledby="hub-files-title">
        <h2 id="hub-files-title">{t('hub.filesTitle')}</h2>
        <SyncFilesPanel codes={codes} user={joined ? hub.user : ''} />
      </section>
    </div>
  );
}
