import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useState, type ReactNode } from 'react';
import type { Room } from '../../../shared/domain/schemas.ts';
import { roomOverview } from '../../../shared/audit/schedule.ts';
import { db } from '../../db/instance.ts';
import { listFindingsOfRooms } from '../../db/repositories/findings.ts';
import { listRoomAudits } from '../../db/repositories/audit-sides.ts';
import { getRoom, listDevices, listRacks } from '../../db/repositories/inventory.ts';
import { findingsAsTheyStand } from '../../db/repositories/finding-events.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { Crumbs } from './Crumbs.tsx';
import { DeviceList } from './DeviceList.tsx';
import { DueBadge, OpenFindings } from './DueBadge.tsx';
import { RackPanel } from './RackPanel.tsx';
import { RoomAudits } from './RoomAudits.tsx';
import { DeletePlaceDialog } from './PlaceDialogs.tsx';
import { RoomEditDialog } from './RoomEditDialog.tsx';
import { localToday } from './today.ts';
import './inventory.css';

/**
 * One room's inventory: its racks in walk order on the left, its devices on the right.
 * `auditActions` is where the audit feature puts its "Start audit" control for this room.
 */
export function RoomScreen(props: { roomId: string; auditActions?: (room: Room) => ReactNode }) {
  const { roomId } = props;
  const t = useT();
  const showRoomDevices = useStore((s) => s.showRoomDevices);
  const [editing, setEditing] = useState(false);
  const [deleting, setDeleting] = useState(false);
  const navigate = useStore((s) => s.navigate);
  useEffect(() => showRoomDevices(roomId), [roomId, showRoomDevices]);

  const data = useLiveQuery(async () => {
    const room = await getRoom(db(), roomId);
    if (!room) return null;
    const [racks, devices, audits, findings] = await Promise.all([
      listRacks(db(), roomId),
      listDevices(db(), roomId),
      listRoomAudits(db(), roomId),
      listFindingsOfRooms(db(), [roomId]),
    ]);
    // Open findings as they stand now: a completed audit's finding closed since counts no more.
    const standing = await findingsAsTheyStand(db(), findings, audits);
    return { room, racks, devices, overview: roomOverview(room, audits, standing, localToday()) };
  }, [roomId]);

  if (data === undefined) return <p>{t('common.loading')}</p>;
  if (data === null) return <p className="empty">{t('inventory.roomGone')}</p>;
  const { room, racks, devices, overview } = data;
  const { schedule } = overview;
  const place = [room.building, room.floor].filter(Boolean).join(' · ');

  return (
    <div className="screen inv-room">
      <header className="inv-room-head">
        <Crumbs room={room} current="room" />
        <div className="title-row">
          <h1 id="room-title">{room.name}</h1>
          <span className={`badge class-${room.classification}`}>
            {t.label('classification', room.classification)}
          </span>
          <span className="inv-room-actions">
            <button type="button" className="secondary" onClick={() => setEditing(true)}>
              {t('inventory.editRoomButton')}
            </button>
            <button type="button" className="secondary" onClick={() => setDeleting(true)}>
              {t('places.deleteRoom')}
            </button>
            {props.auditActions?.(room)}
          </span>
        </div>
        <p className="inv-room-due">
          {place && <span>{place}</span>}
          <span className="muted">
            {schedule.lastAuditDate && schedule.nextDue
              ? `${t('inventory.lastAudit', { date: schedule.lastAuditDate })} · ${t('inventory.nextDue', { date: schedule.nextDue })} · `
              : ''}
            {t('inventory.everyDays', { days: room.auditIntervalDays })}
          </span>
          <DueBadge schedule={schedule} />
          <OpenFindings counts={overview.openFindings} />
        </p>
      </header>
      <div className="inv-room-body">
        <aside className="inv-side">
          <RackPanel room={room} racks={racks} devices={devices} />
          <RoomAudits room={room} />
        </aside>
        <section className="inv-main" aria-labelledby="devices-title">
          <h2 id="devices-title" className="visually-hidden">
            {t('devices.title')}
          </h2>
          <DeviceList room={room} racks={racks} devices={devices} />
        </section>
      </div>
      {editing && <RoomEditDialog room={room} onClose={() => setEditing(false)} />}
      {deleting && (
        <DeletePlaceDialog
          kind="room"
          id={room.id}
          name={room.name}
          onClose={() => setDeleting(false)}
          onDeleted={() => navigate({ name: 'site', siteId: room.siteId })}
        />
      )}
    </div>
  );
}
