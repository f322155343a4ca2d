import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { AGE_BUCKETS, buildOverview } from '../../../shared/hub/overview.ts';
import { db } from '../../db/instance.ts';
import { overviewSources } from '../../db/repositories/hub-mirror.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { localDay } from '../../ui/download.ts';
import { OverviewExport } from './OverviewExport.tsx';
import './hub.css';

const SEVERITIES = ['high', 'medium', 'low'] as const;

/** The security office's view of every site received from the hub. */
export function OverviewScreen() {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const sources = useLiveQuery(() => overviewSources(db()), []);
  const [siteId, setSiteId] = useState<string>('');
  const overview = useMemo(
    () =>
      sources
        ? buildOverview({
            ...sources,
            countersigned: new Set(),
            today: localDay(),
            siteId: siteId || null,
          })
        : null,
    [sources, siteId],
  );
  if (!sources || !overview) return <p className="muted">{t('common.loading')}</p>;
  return (
    <div className="screen overview-screen">
      <div className="title-row">
        <h1>{t('overview.title')}</h1>
        <button type="button" className="secondary" onClick={() => navigate({ name: 'hub' })}>
          {t('hub.title')}
        </button>
      </div>
      <p className="lead">{t('overview.intro')}</p>
      {sources.sites.length === 0 ? (
        <p className="empty">{t('overview.empty')}</p>
      ) : (
        <>
          <div className="overview-filter">
            <label htmlFor="overview-site">{t('overview.site')}</label>
            <select id="overview-site" value={siteId} onChange={(e) => setSiteId(e.target.value)}>
              <option value="">{t('overview.allSites')}</option>
              {sources.sites.map((s) => (
                <option key={s.id} value={s.id}>
                  {s.name}
                </option>
              ))}
            </select>
            <OverviewExport
              overview={overview}
              siteName={sources.sites.find((s) => s.id === siteId)?.name ?? null}
            />
          </div>
          <div className="overview-tiles">
            <div className="overview-tile">
              <strong>{overview.rooms.length}</strong>
              <span>{t('overview.rooms')}</span>
            </div>
            <div className="overview-tile">
              <strong className={overview.overdue ? 'status-overdue' : undefined}>
                {overview.overdue}
              </strong>
              <span>{t('overview.overdue')}</span>
            </div>
            <div className="overview-tile">
              <strong>{overview.neverAudited}</strong>
              <span>{t('overview.neverAudited')}</span>
            </div>
            <div className="overview-tile">
              <strong>{overview.awaitingCountersignature.length}</strong>
              <span>{t('overview.awaiting')}</span>
            </div>
          </div>
          <section className="card" aria-labelledby="overview-rooms-title">
            <h2 id="overview-rooms-title">{t('overview.rooms')}</h2>
            <table className="grid overview-rooms">
              <thead>
                <tr>
                  <th scope="col">{t('overview.colSite')}</th>
                  <th scope="col">{t('overview.colRoom')}</th>
                  <th scope="col">{t('overview.colLast')}</th>
                  <th scope="col">{t('overview.colNext')}</th>
                  <th scope="col">{t('overview.colStatus')}</th>
                  <th scope="col">{t('overview.colOpen')}</th>
                </tr>
              </thead>
              <tbody>
                {overview.rooms.map((r) => (
                  <tr key={r.roomId}>
                    <td>{r.siteName}</td>
                    <td>{r.roomName}</td>
                    <td>{r.lastAuditDate ?? '—'}</td>
                    <td>{r.nextDue ?? '—'}</td>
                    <td className={`status-${r.status}`}>{t(`overview.status.${r.status}`)}</td>
                    <td>
                      {r.open.high} / {r.open.medium} / {r.open.low}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="overview-findings-title">
            <h2 id="overview-findings-title">{t('overview.findingsTitle')}</h2>
            <table className="grid">
              <thead>
                <tr>
                  <th scope="col">{t('overview.colSeverity')}</th>
                  {AGE_BUCKETS.map((b) => (
                    <th scope="col" key={b}>
                      {t(`overview.age.${b}`)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {SEVERITIES.map((s) => (
                  <tr key={s}>
                    <th scope="row">{t(`overview.severity.${s}`)}</th>
                    {AGE_BUCKETS.map((b) => (
                      <td key={b}>{overview.openBySeverityAndAge[s][b]}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </section>
          <section className="card" aria-labelledby="overview-recurring-title">
            <h2 id="overview-recurring-title">{t('overview.recurringTitle')}</h2>
            {overview.recurring.length === 0 ? (
              <p className="empty">{t('overview.recurringNone')}</p>
            ) : (
              <table className="grid">
                <thead>
                  <tr>
                    <th scope="col">{t('overview.colFinding')}</th>
                    <th scope="col">{t('overview.colSeverity')}</th>
                    <th scope="col">{t('overview.colRoom')}</th>
                    <th scope="col">{t('overview.colSightings')}</th>
                    <th scope="col">{t('overview.colFirstSeen')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.recurring.map((f) => (
                    <tr key={`${f.lineageId}-${f.roomName}`}>
                      <td>{f.title}</td>
                      <td>{t(`overview.severity.${f.severity}`)}</td>
                      <td>
                        {f.siteName} · {f.roomName}
                      </td>
                      <td>{f.sightings}</td>
                      <td>{f.firstSeen}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
          <section className="card" aria-labelledby="overview-awaiting-title">
            <h2 id="overview-awaiting-title">{t('overview.awaitingTitle')}</h2>
            {overview.awaitingCountersignature.length === 0 ? (
              <p className="empty">{t('overview.awaitingNone')}</p>
            ) : (
              <table className="grid">
                <thead>
                  <tr>
                    <th scope="col">{t('overview.colAudit')}</th>
                    <th scope="col">{t('overview.colSite')}</th>
                    <th scope="col">{t('overview.colCompleted')}</th>
                  </tr>
                </thead>
                <tbody>
                  {overview.awaitingCountersignature.map((a) => (
                    <tr key={a.auditId}>
                      <td>{a.title}</td>
                      <td>{a.siteName}</td>
                      <td>{a.completedAt.slice(0, 10)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
          </section>
        </>
      )}
    </div>
  );
}
