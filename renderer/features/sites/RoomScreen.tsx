import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type FormEvent } from 'react';
import {
  DEVICE_TYPES,
  LIFECYCLE_STATUSES,
  NetworkState,
  type DeviceType,
  type LifecycleStatus,
} from '../../../shared/domain/enums.ts';
import type { Room } from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import { startAudit } from '../../db/repositories/audits.ts';
import { blankDevice, createDevice } from '../../db/repositories/inventory.ts';
import { getSetting } from '../../db/repositories/settings.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { Field } from '../../ui/Field.tsx';
import { useAction } from '../../ui/use-action.ts';

function NewDeviceForm({ room }: { room: Room }) {
  const t = useT();
  const [name, setName] = useState('');
  const [assetTag, setAssetTag] = useState('');
  const [type, setType] = useState<DeviceType>('server');
  const [status, setStatus] = useState<LifecycleStatus>('active');
  const [network, setNetwork] = useState<NetworkState>('unknown');
  const [error, setError] = useState<string | null>(null);
  const { run, busy } = useAction(async () => {
    const draft = blankDevice(room.siteId, room.id);
    await createDevice(db(), {
      ...draft,
      name: name.trim(),
      assetTag: assetTag.trim(),
      type,
      status,
      network: { ...draft.network, state: network },
    });
    setName('');
    setAssetTag('');
  });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return setError(t('common.required', { field: t('devices.name') }));
    setError(null);
    void run();
  };
  return (
    <form className="card form" onSubmit={submit} aria-label={t('devices.new')}>
      <h2>{t('devices.new')}</h2>
      <div className="row">
        <Field id="device-name" label={t('devices.name')} error={error}>
          <input
            id="device-name"
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={!!error}
          />
        </Field>
        <Field id="device-tag" label={t('devices.assetTag')}>
          <input id="device-tag" value={assetTag} onChange={(e) => setAssetTag(e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <Field id="device-type" label={t('devices.type')}>
          <select
            id="device-type"
            value={type}
            onChange={(e) => setType(e.target.value as DeviceType)}
          >
            {DEVICE_TYPES.map((v) => (
              <option key={v} value={v}>
                {t.label('deviceType', v)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="device-status" label={t('devices.status')}>
          <select
            id="device-status"
            value={status}
            onChange={(e) => setStatus(e.target.value as LifecycleStatus)}
          >
            {LIFECYCLE_STATUSES.map((v) => (
              <option key={v} value={v}>
                {t.label('lifecycleStatus', v)}
              </option>
            ))}
          </select>
        </Field>
      </div>
      <Field id="device-network" label={t('devices.network')}>
        <select
          id="device-network"
          value={network}
          onChange={(e) => setNetwork(e.target.value as NetworkState)}
        >
          {NetworkState.options.map((v) => (
            <option key={v} value={v}>
              {t.label('networkState', v)}
            </option>
          ))}
        </select>
      </Field>
      <button type="submit" className="primary" disabled={busy}>
        {t('common.add')}
      </button>
    </form>
  );
}

export function RoomScreen({ roomId }: { roomId: string }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const room = useLiveQuery(() => db().rooms.get(roomId), [roomId]);
  const devices = useLiveQuery(
    () => db().devices.where('roomId').equals(roomId).sortBy('name'),
    [roomId],
  );
  const audits = useLiveQuery(
    () => db().audits.where('roomIds').equals(roomId).reverse().sortBy('startedAt'),
    [roomId],
  );
  const templates = useLiveQuery(() => db().templates.toArray());
  const { run: begin, busy } = useAction(async () => {
    if (!room || !templates?.[0]) return;
    const inspector = await getSetting(db(), 'inspectorName', '');
    const audit = await startAudit(db(), {
      siteId: room.siteId,
      roomIds: [room.id],
      templateId: templates[0].id,
      title: t('audits.startTitle', {
        room: room.name,
        date: new Date().toISOString().slice(0, 10),
      }),
      inspectors: inspector ? [inspector] : [],
    });
    navigate({ name: 'audit', auditId: audit.id });
  });
  if (room === undefined) return <p>{t('common.loading')}</p>;
  if (room === null) return <p>{t('audit.notFound')}</p>;
  return (
    <div className="screen two-col">
      <section aria-labelledby="room-title">
        <p className="crumbs">
          <button
            type="button"
            className="link"
            onClick={() => navigate({ name: 'site', siteId: room.siteId })}
          >
            {t('rooms.title')}
          </button>
        </p>
        <div className="title-row">
          <h1 id="room-title">{room.name}</h1>
          <span className={`badge class-${room.classification}`}>
            {t.label('classification', room.classification)}
          </span>
          <button
            type="button"
            className="primary"
            onClick={() => void begin()}
            disabled={busy || !templates?.length}
          >
            {t('audits.start')}
          </button>
        </div>
        <h2>
          {t('devices.title')}{' '}
          <span className="muted">{t('devices.count', { count: devices?.length ?? 0 })}</span>
        </h2>
        {devices && devices.length === 0 && <p className="empty">{t('devices.empty')}</p>}
        {devices && devices.length > 0 && (
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('devices.name')}</th>
                <th scope="col">{t('devices.assetTag')}</th>
                <th scope="col">{t('devices.type')}</th>
                <th scope="col">{t('devices.status')}</th>
                <th scope="col">{t('devices.network')}</th>
              </tr>
            </thead>
            <tbody>
              {devices.map((d) => (
                <tr key={d.id}>
                  <td>{d.name}</td>
                  <td className="mono">{d.assetTag}</td>
                  <td>{t.label('deviceType', d.type)}</td>
                  <td>
                    <span className={`badge status-${d.status}`}>
                      {t.label('lifecycleStatus', d.status)}
                    </span>
                  </td>
                  <td>{t.label('networkState', d.network.state)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        <h2>{t('audits.title')}</h2>
        {audits && audits.length === 0 && <p className="empty">{t('audits.empty')}</p>}
        <ul className="list">
          {audits?.map((a) => (
            <li key={a.id}>
              <button
                type="button"
                className="link"
                onClick={() => navigate({ name: 'audit', auditId: a.id })}
                aria-label={t('audits.open', { title: a.title })}
              >
                {a.title}
              </button>
              <span className={`badge audit-${a.status}`}>{t.label('auditStatus', a.status)}</span>
            </li>
          ))}
        </ul>
      </section>
      <aside>
        <NewDeviceForm room={room} />
      </aside>
    </div>
  );
}
