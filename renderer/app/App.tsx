import { useEffect, useState } from 'react';
import { call } from '../bridge/client.ts';
import { db } from '../db/instance.ts';
import { setSetting } from '../db/repositories/settings.ts';
import { AuditScreen } from '../features/audit/AuditScreen.tsx';
import { ElevationButton, ElevationScreen } from '../features/audit/ElevationScreen.tsx';
import { FindingsScreen } from '../features/audit/FindingsScreen.tsx';
import { StartAuditButton } from '../features/audit/StartAuditDialog.tsx';
import { SummaryScreen } from '../features/audit/SummaryScreen.tsx';
import { CompareButton, CompareScreen } from '../features/exchange/CompareScreen.tsx';
import { ExchangeNavLink } from '../features/exchange/ExchangeNavLink.tsx';
import { ExchangeScreen } from '../features/exchange/ExchangeScreen.tsx';
import { DeviceScreen } from '../features/inventory/DeviceScreen.tsx';
import { RoomScreen } from '../features/inventory/RoomScreen.tsx';
import { SiteScreen } from '../features/inventory/SiteScreen.tsx';
import { HubScreen } from '../features/hub/HubScreen.tsx';
import { OverviewScreen } from '../features/hub/OverviewScreen.tsx';
import { SyncStatus } from '../features/hub/SyncStatus.tsx';
import { IdentitiesScreen } from '../features/reports/IdentitiesScreen.tsx';
import { ReportsScreen } from '../features/reports/ReportsScreen.tsx';
import { SignReportScreen } from '../features/reports/SignReportScreen.tsx';
import { SignReportButton } from '../features/reports/SignReportButton.tsx';
import { VerifyScreen } from '../features/reports/VerifyScreen.tsx';
import { SitesScreen } from '../features/sites/SitesScreen.tsx';
import { TemplateScreen } from '../features/templates/TemplateScreen.tsx';
import { TemplatesNavLink } from '../features/templates/TemplatesNavLink.tsx';
import { TemplatesScreen } from '../features/templates/TemplatesScreen.tsx';
import type { Lang } from '../i18n/define.ts';
import { useT } from '../i18n/use-t.ts';
import { useStore } from '../store/store.ts';
import { Toasts } from '../ui/Toasts.tsx';
import { storageState } from './start.ts';

function LanguageSwitch() {
  const t = useT();
  const lang = useStore((s) => s.lang);
  const setLang = useStore((s) => s.setLang);
  const choose = (next: Lang) => {
    setLang(next);
    void setSetting(db(), 'language', next);
  };
  return (
    <label className="lang-switch">
      <span>{t('common.language')}</span>
      <select
        value={lang}
        onChange={(e) => choose(e.target.value as Lang)}
        aria-label={t('common.language')}
      >
        <option value="en">English</option>
        <option value="zh">简体中文</option>
      </select>
    </label>
  );
}

function useAppVersion(): string | null {
  const [version, setVersion] = useState<string | null>(null);
  useEffect(() => {
    call('appInfo', {})
      .then((info) => setVersion(info.version))
      .catch(() => setVersion(null));
  }, []);
  return version;
}

function Screen() {
  const route = useStore((s) => s.route);
  switch (route.name) {
    case 'sites':
      return <SitesScreen />;
    case 'site':
      return <SiteScreen siteId={route.siteId} />;
    case 'room':
      return (
        <RoomScreen
          roomId={route.roomId}
          auditActions={(room) => (
            <>
              <StartAuditButton room={room} />
              <CompareButton roomId={room.id} />
              <ElevationButton roomId={room.id} />
            </>
          )}
        />
      );
    case 'device':
      return <DeviceScreen mode="edit" deviceId={route.deviceId} />;
    case 'newDevice':
      return <DeviceScreen mode="new" roomId={route.roomId} />;
    case 'templates':
      return <TemplatesScreen />;
    case 'template':
      return <TemplateScreen templateId={route.templateId} />;
    case 'audit':
      return <AuditScreen auditId={route.auditId} startDeviceId={route.deviceId} />;
    case 'findings':
      return <FindingsScreen auditId={route.auditId} />;
    case 'exchange':
      return <ExchangeScreen />;
    case 'compare':
      return <CompareScreen roomId={route.roomId} />;
    case 'elevation':
      return <ElevationScreen roomId={route.roomId} />;
    case 'summary':
      return (
        <SummaryScreen
          auditId={route.auditId}
          reportActions={(audit) => <SignReportButton audit={audit} />}
        />
      );
    case 'reports':
      return <ReportsScreen />;
    case 'signReport':
      return <SignReportScreen auditId={route.auditId} />;
    case 'verify':
      return <VerifyScreen />;
    case 'identities':
      return <IdentitiesScreen />;
    case 'hub':
      return <HubScreen />;
    case 'overview':
      return <OverviewScreen />;
  }
}

export function App() {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const route = useStore((s) => s.route);
  const hub = useStore((s) => s.hub);
  const version = useAppVersion();
  return (
    <div className="app">
      <header className="topbar">
        <button type="button" className="brand" onClick={() => navigate({ name: 'sites' })}>
          <span className="brand-mark" aria-hidden="true">
            ▣
          </span>
          <span className="brand-name">{t('common.appName')}</span>
          <span className="brand-tagline">{t('common.tagline')}</span>
        </button>
        <nav aria-label={t('nav.main')} className="topnav">
          <button type="button" onClick={() => navigate({ name: 'sites' })}>
            {t('nav.sites')}
          </button>
          <TemplatesNavLink />
          <ExchangeNavLink />
          <button
            type="button"
            aria-current={
              route.name === 'reports' || route.name === 'signReport' ? 'page' : undefined
            }
            onClick={() => navigate({ name: 'reports' })}
          >
            {t('reports.nav')}
          </button>
          <button
            type="button"
            aria-current={route.name === 'verify' ? 'page' : undefined}
            onClick={() => navigate({ name: 'verify' })}
          >
            {t('verify.nav')}
          </button>
          <button
            type="button"
            aria-current={route.name === 'identities' ? 'page' : undefined}
            onClick={() => navigate({ name: 'identities' })}
          >
            {t('identities.nav')}
          </button>
          {/* One slot: a manager's hub is the overview (it links to the hub's settings). */}
          {hub.state !== 'none' && hub.manager ? (
            <button
              type="button"
              aria-current={route.name === 'overview' ? 'page' : undefined}
              onClick={() => navigate({ name: 'overview' })}
            >
              {t('overview.nav')}
            </button>
          ) : (
            <button
              type="button"
              aria-current={route.name === 'hub' ? 'page' : undefined}
              onClick={() => navigate({ name: 'hub' })}
            >
              {t('hub.nav')}
            </button>
          )}
        </nav>
        <LanguageSwitch />
      </header>
      <main className="content">
        <Screen />
      </main>
      <footer className="statusbar">
        <SyncStatus />
        <span>
          {storageState.persisted ? t('common.storagePersisted') : t('common.storageNotPersisted')}
        </span>
        {version && <span>{t('common.version', { version })}</span>}
      </footer>
      <Toasts />
    </div>
  );
}
