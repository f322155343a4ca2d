import { useState } from 'react';
import { CLASSIFICATIONS, type Classification } from '../../../shared/domain/enums.ts';
import type { Room } from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import { updateRoom } from '../../db/repositories/inventory.ts';
import { useT } from '../../i18n/use-t.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { Field } from '../../ui/Field.tsx';
import { useAction } from '../../ui/use-action.ts';

/** Edits a room's name, place, classification, audit interval and notes. */
export function RoomEditDialog(props: { room: Room; onClose: () => void }) {
  const t = useT();
  const { room, onClose } = props;
  const [name, setName] = useState(room.name);
  const [building, setBuilding] = useState(room.building);
  const [floor, setFloor] = useState(room.floor);
  const [classification, setClassification] = useState<Classification>(room.classification);
  const [interval, setInterval] = useState(String(room.auditIntervalDays));
  const [notes, setNotes] = useState(room.notes);
  const [errors, setErrors] = useState<{ name?: string; interval?: string }>({});
  const { run, busy } = useAction(async () => {
    await updateRoom(db(), {
      ...room,
      name: name.trim(),
      building: building.trim(),
      floor: floor.trim(),
      classification,
      auditIntervalDays: Number(interval.trim()),
      notes,
    });
    onClose();
  });
  const submit = () => {
    const days = Number(interval.trim());
    const next = {
      name: name.trim() ? undefined : t('inventory.err.required', { field: t('rooms.name') }),
      interval:
        /^\d+$/.test(interval.trim()) && days >= 1 && days <= 3660
          ? undefined
          : t('rooms.intervalInvalid'),
    };
    setErrors(next);
    if (!next.name && !next.interval) void run();
  };
  return (
    <ConfirmDialog
      title={t('inventory.editRoom', { name: room.name })}
      confirmLabel={t('common.save')}
      cancelLabel={t('common.cancel')}
      onConfirm={submit}
      onCancel={onClose}
      busy={busy}
      focusContent
      wide
    >
      <Field id="room-edit-name" label={t('rooms.name')} error={errors.name}>
        <input
          id="room-edit-name"
          value={name}
          onChange={(e) => setName(e.target.value)}
          aria-invalid={errors.name ? true : undefined}
          autoFocus
        />
      </Field>
      <div className="row">
        <Field id="room-edit-building" label={t('rooms.building')}>
          <input
            id="room-edit-building"
            value={building}
            onChange={(e) => setBuilding(e.target.value)}
          />
        </Field>
        <Field id="room-edit-floor" label={t('rooms.floor')}>
          <input id="room-edit-floor" value={floor} onChange={(e) => setFloor(e.target.value)} />
        </Field>
      </div>
      <div className="row">
        <Field id="room-edit-classification" label={t('rooms.classification')}>
          <select
            id="room-edit-classification"
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
        <Field id="room-edit-interval" label={t('rooms.interval')} error={errors.interval}>
          <input
            id="room-edit-interval"
            inputMode="numeric"
            value={interval}
            onChange={(e) => setInterval(e.target.value)}
            aria-invalid={errors.interval ? true : undefined}
            list="room-interval-presets"
          />
        </Field>
      </div>
      <datalist id="room-interval-presets">
        <option value="30">{t('inventory.interval.monthly')}</option>
        <option value="91">{t('inventory.interval.quarterly')}</option>
        <option value="182">{t('inventory.interval.halfYearly')}</option>
        <option value="365">{t('inventory.interval.yearly')}</option>
      </datalist>
      <Field id="room-edit-notes" label={t('inventory.notes')}>
        <textarea
          id="room-edit-notes"
          rows={2}
          value={notes}
          onChange={(e) => setNotes(e.target.value)}
        />
      </Field>
    </ConfirmDialog>
  );
}
