import type { Room } from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import { updateRoom } from '../../db/repositories/inventory.ts';
import { useT } from '../../i18n/use-t.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useAction } from '../../ui/use-action.ts';
import { RoomFields, useRoomForm, type RoomValues } from './RoomFields.tsx';

/** Edits a room's name, place, classification, audit interval and notes. */
export function RoomEditDialog(props: { room: Room; onClose: () => void }) {
  const t = useT();
  const { room, onClose } = props;
  const form = useRoomForm(room);
  const { run, busy } = useAction(async (values: RoomValues) => {
    await updateRoom(db(), { ...room, ...values });
    onClose();
  });
  const submit = () => {
    const values = form.validate();
    if (values) void run(values);
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
      <RoomFields form={form} idPrefix="room-edit" autoFocus withNotes intervalPresets />
    </ConfirmDialog>
  );
}
