import { useLiveQuery } from 'dexie-react-hooks';
import type { Room } from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import { listRoomAudits } from '../../db/repositories/audit-sides.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';

/** The audits a room has been part of, newest first, each opening its walk-through. */
export function RoomAudits({ room }: { room: Room }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const audits = useLiveQuery(() => listRoomAudits(db(), room.id), [room.id]);
  return (
    <section className="inv-audits" aria-labelledby="room-audits-title">
      <h2 id="room-audits-title">
        {t('audits.title')} <span className="muted">{audits?.length ?? ''}</span>
      </h2>
      {audits && audits.length === 0 && <p className="empty">{t('audits.empty')}</p>}
      <ul className="list">
        {audits?.map((a) => (
          <li key={a.id}>
            <button
              type="button"
              className="link"
              onClick={() => navigate({ name: 'audit', auditId: a.id })}
              aria-label={t('audits.open', { title: a.title })}
              title={a.title}
            >
              {a.title}
            </button>
            <span className={`badge audit-${a.status}`}>{t.label('auditStatus', a.status)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}
