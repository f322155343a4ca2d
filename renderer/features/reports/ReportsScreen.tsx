import { useLiveQuery } from 'dexie-react-hooks';
import { db } from '../../db/instance.ts';
import { recordedPlaceNames } from '../../db/repositories/snapshot.ts';
import { listAllRooms, listSites } from '../../db/repositories/inventory.ts';
import { listAllAudits } from '../../db/repositories/audits.ts';
import { canSign, listSignedReports } from '../../db/repositories/signed-reports.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { CountersignPanel } from './CountersignPanel.tsx';
import { formatDate } from './format.ts';
import './reports.css';

/**
 * Every audit with its site and rooms. A completed audit whose site or rooms were deleted is
 * still listed, under the names its record keeps, marked as deleted: its record and reports
 * stay readable and signable.
 */
function useAuditRows() {
  return useLiveQuery(async () => {
    const [all, sites, rooms] = await Promise.all([
      listAllAudits(db()),
      listSites(db()),
      listAllRooms(db()),
    ]);
    const audits = all.sort((a, b) => b.startedAt.localeCompare(a.startedAt));
    const siteName = new Map(sites.map((s) => [s.id, s.name]));
    const roomName = new Map(rooms.map((r) => [r.id, r.name]));
    return Promise.all(
      audits.map(async (audit) => {
        const placeGone =
          !siteName.has(audit.siteId) || audit.roomIds.some((id) => !roomName.has(id));
        // Names of deleted places come from the audit's own record.
        const recorded = placeGone ? await recordedPlaceNames(db(), audit.id) : undefined;
        const recordedRoom = new Map(recorded?.rooms.map((r) => [r.id, r.name]));
        return {
          audit,
          site: siteName.get(audit.siteId) ?? recorded?.site ?? '—',
          siteDeleted: !siteName.has(audit.siteId),
          rooms: audit.roomIds
            .map((id) => roomName.get(id) ?? recordedRoom.get(id) ?? '—')
            .join(', '),
          roomsDeleted: siteName.has(audit.siteId) && placeGone,
          last: (await listSignedReports(db(), audit.id)).at(-1) ?? null,
        };
      }),
    );
  });
}

/** Audits whose report can be signed, and the approver's countersignature. */
export function ReportsScreen() {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const rows = useAuditRows();
  return (
    <div className="screen reports-screen">
      <div className="title-row">
        <h1>{t('reports.title')}</h1>
        <button type="button" className="secondary" onClick={() => navigate({ name: 'verify' })}>
          {t('verify.nav')}
        </button>
        <button
          type="button"
          className="secondary"
          onClick={() => navigate({ name: 'identities' })}
        >
          {t('identities.nav')}
        </button>
      </div>
      <p className="lead">{t('reports.intro')}</p>
      <section className="card" aria-labelledby="reports-audits-title">
        <h2 id="reports-audits-title">{t('reports.auditsTitle')}</h2>
        {rows === undefined ? (
          <p className="muted">{t('common.loading')}</p>
        ) : rows.length === 0 ? (
          <p className="empty">{t('reports.noAudits')}</p>
        ) : (
          <table className="grid reports-table">
            <thead>
              <tr>
                <th scope="col">{t('reports.colAudit')}</th>
                <th scope="col">{t('reports.colSite')}</th>
                <th scope="col">{t('reports.colDates')}</th>
                <th scope="col">{t('reports.colStatus')}</th>
                <th scope="col">{t('reports.colLastReport')}</th>
                <th scope="col">
                  <span className="visually-hidden">{t('reports.colActions')}</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ audit, site, siteDeleted, rooms, roomsDeleted, last }) => (
                <tr key={audit.id}>
                  <th scope="row">
                    <span className="audit-cell">
                      <button
                        type="button"
                        className="link"
                        aria-label={t('reports.openNamed', { title: audit.title })}
                        onClick={() => navigate({ name: 'summary', auditId: audit.id })}
                      >
                        {audit.title}
                      </button>
                      <span className="muted">
                        {rooms}
                        {roomsDeleted && ` · ${t('reports.roomDeleted')}`}
                      </span>
                    </span>
                  </th>
                  <td>
                    {site}
                    {siteDeleted && (
                      <>
                        {' '}
                        <span className="badge place-deleted">{t('reports.siteDeleted')}</span>
                      </>
                    )}
                  </td>
                  <td className="mono">
                    {formatDate(audit.startedAt)}
                    {audit.completedAt && ` – ${formatDate(audit.completedAt)}`}
                  </td>
                  <td>
                    <span className={`badge audit-${audit.status}`}>
                      {t.label('auditStatus', audit.status)}
                    </span>
                  </td>
                  <td className="mono">{last ? `${last.reportId} v${last.reportVersion}` : '—'}</td>
                  <td className="actions">
                    {canSign(audit) ? (
                      <button
                        type="button"
                        className="primary"
                        aria-label={t('reports.signNamed', { title: audit.title })}
                        onClick={() => navigate({ name: 'signReport', auditId: audit.id })}
                      >
                        {last ? t('reports.signAgain') : t('reports.signAction')}
                      </button>
                    ) : (
                      <button
                        type="button"
                        className="secondary"
                        aria-label={t('reports.completeNamed', { title: audit.title })}
                        onClick={() => navigate({ name: 'summary', auditId: audit.id })}
                      >
                        {t('reports.completeFirst')}
                      </button>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <CountersignPanel />
    </div>
  );
}
