import { useEffect, useState, type ReactNode } from 'react';
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
import type { Route, RouteName, RouteOf } from '../store/slices/navigation.ts';
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

/** One screen per declared route; a route without a screen here does not compile. */
const SCREENS: { [N in RouteName]: (route: RouteOf<N>) => ReactNode } = {
  sites: () => <SitesScreen />,
  site: (route) => <SiteScreen siteId={route.siteId} />,
  room: (route) => (
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
  ),
  device: (route) => <DeviceScreen mode="edit" deviceId={route.deviceId} />,
  newDevice: (route) => <DeviceScreen mode="new" roomId={route.roomId} />,
  templates: () => <TemplatesScreen />,
  template: (route) => <TemplateScreen templateId={route.templateId} />,
  audit: (route) => <AuditScreen auditId={route.auditId} startDeviceId={route.deviceId} />,
  findings: (route) => <FindingsScreen auditId={route.auditId} />,
  exchange: () => <ExchangeScreen />,
  compare: (route) => <CompareScreen roomId={route.roomId} />,
  elevation: (route) => <ElevationScreen roomId={route.roomId} />,
  summary: (route) => (
    <SummaryScreen
      auditId={route.auditId}
      reportActions={(audit) => <SignReportButton audit={audit} />}
    />
  ),
  reports: () => <ReportsScreen />,
  signReport: (route) => <SignReportScreen auditId={route.auditId} />,
  verify: () => <VerifyScreen />,
  identities: () => <IdentitiesScreen />,
  hub: () => <HubScreen />,
  overview: () => <OverviewScreen />,
};

function Screen() {
  const route = useStore((s) => s.route);
  // The table's entry for route.name takes exactly that route (a correlated union TS cannot see).
  const render = SCREENS[route.name] as (route: Route) => ReactNode;
  return render(route);
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
