import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import { CLASSIFICATIONS, type Classification } from '../../../shared/domain/enums.ts';
import { db } from '../../db/instance.ts';
import { createRoom } from '../../db/repositories/inventory.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { Field } from '../../ui/Field.tsx';
import { useAction } from '../../ui/use-action.ts';

function NewRoomForm({ siteId }: { siteId: string }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const [name, setName] = useState('');
  const [building, setBuilding] = useState('');
  const [floor, setFloor] = useState('');
  const [classification, setClassification] = useState<Classification>('secret');
  const [interval, setInterval] = useState('90');
  const [errors, setErrors] = useState<{ name?: string; interval?: string }>({});
  const { run, busy } = useAction(async () => {
    const room = await createRoom(db(), {
      siteId,
      name: name.trim(),
      building: building.trim(),
      floor: floor.trim(),
      classification,
      auditIntervalDays: Number(interval),
      notes: '',
    });
    navigate({ name: 'room', roomId: room.id });
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const days = Number(interval);
    const next = {
      name: name.trim() ? undefined : t('common.required', { field: t('rooms.name') }),
      interval:
        Number.isInteger(days) && days >= 1 && days <= 3660
          ? undefined
          : t('rooms.intervalInvalid'),
    };
    setErrors(next);
    if (!next.name && !next.interval) void run();
  };
  return (
    <form className="card form" onSubmit={submit} aria-label={t('rooms.new')}>
      <h2>{t('rooms.new')}</h2>
      <Field id="room-name" label={t('rooms.name')} error={errors.name}>
        <input
          id="room-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={!!errors.name}
        />
      </Field>
      <div className="row">
        <Field id="room-building" label={t('rooms.building')}>
          <input
            id="room-building"
            value={building}
            onChange={(e) => setBuilding(e.target.value)}
          />
        </Field>
        <Field id="room-floor" label={t('rooms.floor')}>
          <input id="room-floor" value={floor} onChange={(e) => setFloor(e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <Field id="room-classification" label={t('rooms.classification')}>
          <select
            id="room-classification"
            value={classification}
            onChange={(e) => setClassification(e.target.value as Classification)}
          >
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {t.label('classification', c)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="room-interval" label={t('rooms.interval')} error={errors.interval}>
          <input
            id="room-interval"
            inputMode="numeric"
            value={interval}
            onChange={(e) => setInterval(e.target.value)}
            aria-invalid={!!errors.interval}
          />
        </Field>
      </div>
      <button type="submit" className="primary" disabled={busy}>
        {t('common.create')}
      </button>
    </form>
  );
}

export function SiteScreen({ siteId }: { siteId: string }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const site = useLiveQuery(() => db().sites.get(siteId), [siteId]);
  const rooms = useLiveQuery(
    () => db().rooms.where('siteId').equals(siteId).sortBy('name'),
    [siteId],
  );
  return (
    <div className="screen two-col">
      <section aria-labelledby="site-title">
        <p className="crumbs">
          <button type="button" className="link" onClick={() => navigate({ name: 'sites' })}>
            {t('sites.title')}
          </button>
        </p>
        <h1 id="site-title">{site?.name ?? t('common.loading')}</h1>
        {site?.organisation && <p className="muted">{site.organisation}</p>}
        <h2>{t('rooms.title')}</h2>
        {rooms && rooms.length === 0 && <p className="empty">{t('rooms.empty')}</p>}
        {rooms && rooms.length > 0 && (
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('rooms.name')}</th>
                <th scope="col">{t('rooms.building')}</th>
                <th scope="col">{t('rooms.classification')}</th>
                <th scope="col">{t('rooms.interval')}</th>
              </tr>
            </thead>
            <tbody>
              {rooms.map((room) => (
                <tr key={room.id}>
                  <td>
                    <button
                      type="button"
                      className="link"
                      onClick={() => navigate({ name: 'room', roomId: room.id })}
                      aria-label={t('rooms.open', { name: room.name })}
                    >
                      {room.name}
                    </button>
                  </td>
                  <td>{[room.building, room.floor].filter(Boolean).join(' · ')}</td>
                  <td>
                    <span className={`badge class-${room.classification}`}>
                      {t.label('classification', room.classification)}
                    </span>
                  </td>
                  <td className="num">{room.auditIntervalDays}</td>
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
