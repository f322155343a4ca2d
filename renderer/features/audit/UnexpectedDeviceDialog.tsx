import { useState } from 'react';
import {
  DEVICE_TYPES,
  NetworkState,
  PowerState,
  type DeviceType,
} from '../../../shared/domain/enums.ts';
import type { Device } from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import { blankDevice } from '../../db/repositories/inventory.ts';
import { addUnexpectedDevice } from '../../db/repositories/reconciliation.ts';
import { useT } from '../../i18n/use-t.ts';
import type { WalkData } from '../../store/slices/walkthrough.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { useAction } from '../../ui/use-action.ts';

/** "Unexpected device found here": records what was found and adds it to the inventory. */
export function UnexpectedDeviceDialog(props: {
  walk: WalkData;
  roomId: string;
  /** Rack of the device the inspector stands at, proposed as the place of the new one. */
  rackId: string | null;
  onDone: (device: Device | null) => void;
}) {
  const t = useT();
  const { walk } = props;
  const [roomId, setRoomId] = useState(props.roomId);
  const racks = [...walk.racksById.values()]
    .filter((r) => r.roomId === roomId)
    .sort((a, b) => a.walkOrder - b.walkOrder);
  const [name, setName] = useState('');
  const [type, setType] = useState<DeviceType>('other');
  const [assetTag, setAssetTag] = useState('');
  const [serial, setSerial] = useState('');
  const [rackId, setRackId] = useState(props.rackId ?? '');
  const [position, setPosition] = useState('');
  const [power, setPower] = useState<PowerState>('on');
  const [network, setNetwork] = useState<NetworkState>('unknown');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<{ name?: string; position?: string }>({});
  const room = walk.rooms.find((r) => r.id === roomId)!;
  const { run, busy } = useAction(async () => {
    const draft = blankDevice(room.siteId, room.id);
    const { device } = await addUnexpectedDevice(db(), {
      auditId: walk.audit.id,
      draft: {
        ...draft,
        name: name.trim(),
        type,
        assetTag: assetTag.trim(),
        serial: serial.trim(),
        rackId: rackId && racks.some((r) => r.id === rackId) ? rackId : null,
        positionU: position.trim() ? Number(position) : null,
        power,
        network: { ...draft.network, state: network },
        notes: note.trim(),
      },
      note: note.trim(),
      by: walk.inspector,
    });
    props.onDone(device);
  });
  const submit = () => {
    const u = Number(position);
    const next = {
      name: name.trim() ? undefined : t('common.required', { field: t('walk.unexpectedName') }),
      position:
        !position.trim() || (Number.isInteger(u) && u >= 1 && u <= 60)
          ? undefined
          : t('walk.uInvalid'),
    };
    setErrors(next);
    if (!next.name && !next.position) void run();
  };
  return (
    <FormDialog
      title={t('walk.unexpectedTitle')}
      submitLabel={t('walk.unexpectedSubmit')}
      cancelLabel={t('common.cancel')}
      onSubmit={submit}
      onCancel={() => props.onDone(null)}
      busy={busy}
      wide
    >
      <p className="muted">{t('walk.unexpectedHelp')}</p>
      <div className="row">
        <Field id="unx-name" label={t('walk.unexpectedName')} error={errors.name}>
          <input
            id="unx-name"
            autoFocus
            value={name}
            onChange={(e) => setName(e.target.value)}
            aria-invalid={!!errors.name}
          />
        </Field>
        <Field id="unx-type" label={t('walk.fieldType')}>
          <select
            id="unx-type"
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
      </div>
      <div className="row">
        <Field id="unx-tag" label={t.label('deviceField', 'assetTag')}>
          <input id="unx-tag" value={assetTag} onChange={(e) => setAssetTag(e.target.value)} />
        </Field>
        <Field id="unx-serial" label={t('walk.fieldSerial')}>
          <input id="unx-serial" value={serial} onChange={(e) => setSerial(e.target.value)} />
        </Field>
      </div>
      <div className={walk.rooms.length > 1 ? 'row row-3' : 'row'}>
        {walk.rooms.length > 1 && (
          <Field id="unx-room" label={t('walk.fieldRoom')}>
            <select id="unx-room" value={roomId} onChange={(e) => setRoomId(e.target.value)}>
              {walk.rooms.map((r) => (
                <option key={r.id} value={r.id}>
                  {r.name}
                </option>
              ))}
            </select>
          </Field>
        )}
        <Field id="unx-rack" label={t('walk.fieldRack')}>
          <select id="unx-rack" value={rackId} onChange={(e) => setRackId(e.target.value)}>
            <option value="">{t('walk.noRack')}</option>
            {racks.map((r) => (
              <option key={r.id} value={r.id}>
                {r.name}
              </option>
            ))}
          </select>
        </Field>
        <Field id="unx-u" label={t('walk.fieldU')} error={errors.position}>
          <input
            id="unx-u"
            inputMode="numeric"
            value={position}
            onChange={(e) => setPosition(e.target.value)}
            aria-invalid={!!errors.position}
          />
        </Field>
      </div>
      <div className="row">
        <Field id="unx-power" label={t('walk.fieldPower')}>
          <select
            id="unx-power"
            value={power}
            onChange={(e) => setPower(e.target.value as PowerState)}
          >
            {PowerState.options.map((v) => (
              <option key={v} value={v}>
                {t.label('powerState', v)}
              </option>
            ))}
          </select>
        </Field>
        <Field id="unx-network" label={t('walk.fieldNetwork')}>
          <select
            id="unx-network"
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
      </div>
      <Field id="unx-note" label={t('walk.unexpectedNote')}>
        <textarea id="unx-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} />
      </Field>
    </FormDialog>
  );
}
