import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { latestAudit, roomOverview } from '../../../shared/audit/schedule.ts';
import { db } from '../../db/instance.ts';
import { listFindingsOfRooms } from '../../db/repositories/findings.ts';
import { listAuditsOfSite } from '../../db/repositories/audits.ts';
import { countDevices, createRoom, getSite, listRooms } from '../../db/repositories/inventory.ts';
import { findingsAsTheyStand } from '../../db/repositories/finding-events.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { useAction } from '../../ui/use-action.ts';
import { DueBadge, OpenFindings } from './DueBadge.tsx';
import { DeletePlaceDialog, EditSiteDialog } from './PlaceDialogs.tsx';
import { RoomFields, useRoomForm, type RoomValues } from './RoomFields.tsx';
import { localToday } from './today.ts';
import './inventory.css';

const NEW_ROOM: RoomValues = {
  name: '',
  building: '',
  floor: '',
  classification: 'secret',
  auditIntervalDays: 90,
  notes: '',
};

function NewRoomForm({ siteId }: { siteId: string }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const form = useRoomForm(NEW_ROOM);
  const { run, busy } = useAction(async (values: RoomValues) => {
    const room = await createRoom(db(), { siteId, ...values });
    navigate({ name: 'room', roomId: room.id });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const values = form.validate();
    if (values) void run(values);
  };
  return (
    <form className="card form" onSubmit={submit} aria-label={t('rooms.new')}>
      <h2>{t('rooms.new')}</h2>
      <RoomFields form={form} idPrefix="room" />
      <button type="submit" className="primary" disabled={busy}>
        {t('common.create')}
      </button>
    </form>
  );
}

/**
 * A site's rooms with what a manager asks first: when each was last audited, when the next
 * audit is due, whether it is overdue, and how many findings are still open.
 */
export function SiteScreen({ siteId }: { siteId: string }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const site = useLiveQuery(() => getSite(db(), siteId), [siteId]);
  const [dialog, setDialog] = useState<'edit' | 'delete' | null>(null);
  const rows = useLiveQuery(async () => {
    const rooms = await listRooms(db(), siteId);
    const roomIds = rooms.map((r) => r.id);
    const [audits, recorded, devices] = await Promise.all([
      listAuditsOfSite(db(), siteId),
      listFindingsOfRooms(db(), roomIds),
      Promise.all(roomIds.map((id) => countDevices(db(), id))),
    ]);
    const today = localToday();
    // Open findings as they stand now: a completed audit's finding closed since counts no more.
    const findings = await findingsAsTheyStand(db(), recorded, audits);
    return rooms.map((room, i) => ({
      room,
      devices: devices[i] ?? 0,
      overview: roomOverview(room, audits, findings, today),
      inProgress: latestAudit(audits, room.id)?.status === 'in_progress',
    }));
  }, [siteId]);
  const overdue = rows?.filter((r) => r.overview.schedule.overdue).length ?? 0;
  return (
    <div className="screen two-col">
      <section aria-labelledby="site-title">
        <p className="crumbs">
          <button type="button" className="link" onClick={() => navigate({ name: 'sites' })}>
            {t('sites.title')}
          </button>
        </p>
        <div className="title-row">
          <h1 id="site-title">{site?.name ?? t('common.loading')}</h1>
          {site && (
            <span className="inv-room-actions">
              <button type="button" className="secondary" onClick={() => setDialog('edit')}>
                {t('places.editSite')}
              </button>
              <button type="button" className="secondary" onClick={() => setDialog('delete')}>
                {t('places.deleteSite')}
              </button>
            </span>
          )}
        </div>
        {site?.organisation && <p className="muted">{site.organisation}</p>}
        {site && dialog === 'edit' && (
          <EditSiteDialog site={site} onClose={() => setDialog(null)} />
        )}
        {site && dialog === 'delete' && (
          <DeletePlaceDialog
            kind="site"
            id={site.id}
            name={site.name}
            onClose={() => setDialog(null)}
            onDeleted={() => navigate({ name: 'sites' })}
          />
        )}
        <h2>
          {t('rooms.title')}{' '}
          {overdue > 0 && (
            <span className="badge due-overdue">
              <span aria-hidden="true">⚠ </span>
              {t('inventory.roomsOverdue', { count: overdue })}
            </span>
          )}
        </h2>
        {rows && rows.length === 0 && <p className="empty">{t('rooms.empty')}</p>}
        {rows && rows.length > 0 && (
          <table className="grid inv-rooms">
            <thead>
              <tr>
                <th scope="col">{t('rooms.name')}</th>
                <th scope="col">{t('rooms.classification')}</th>
                <th scope="col" className="num">
                  {t('inventory.col.devices')}
                </th>
                <th scope="col" className="num">
                  {t('inventory.col.interval')}
                </th>
                <th scope="col">{t('inventory.col.lastAudit')}</th>
                <th scope="col">{t('inventory.col.nextDue')}</th>
                <th scope="col">{t('inventory.col.openFindings')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map(({ room, devices, overview, inProgress }) => (
                <tr key={room.id} className={overview.schedule.overdue ? 'inv-overdue' : undefined}>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => navigate({ name: 'room', roomId: room.id })}
                      aria-label={t('rooms.open', { name: room.name })}
                    >
                      {room.name}
                    </button>
                    {(room.building || room.floor) && (
                      <div className="muted inv-sub">
                        {[room.building, room.floor].filter(Boolean).join(' · ')}
                      </div>
                    )}
                  </td>
                  <td>
                    <span className={`badge class-${room.classification}`}>
                      {t.label('classification', room.classification)}
                    </span>
                  </td>
                  <td className="num">{devices}</td>
                  <td className="num">{t('inventory.days', { days: room.auditIntervalDays })}</td>
                  <td className="inv-nowrap">
                    {overview.schedule.lastAuditDate ?? (
                      <span className="muted">{t('inventory.neverShort')}</span>
                    )}
                    {inProgress && (
                      <div className="inv-sub">
                        <span className="badge audit-in_progress">
                          {t('inventory.auditRunning')}
                        </span>
                      </div>
                    )}
                  </td>
                  <td className="inv-nowrap">
                    {overview.schedule.nextDue && (
                      <span className="mono">{overview.schedule.nextDue} </span>
                    )}
                    <DueBadge schedule={overview.schedule} />
                  </td>
                  <td>
                    <OpenFindings counts={overview.openFindings} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <aside>
        <NewRoomForm siteId={siteId} />
      </aside>
    </div>
  );
}
