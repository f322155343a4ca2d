import { useState, type FormEvent } from 'react';
import type { Device, Rack, Room } from '../../../shared/domain/schemas.ts';
import { db } from '../../db/instance.ts';
import {
  addRack,
  deleteRack,
  moveRack,
  updateRack,
} from '../../db/repositories/inventory-edits.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { errorText, repositoryErrorText } from '../../ui/error-text.ts';
import { useUndoableRemoval } from './use-undoable.ts';

// The room's racks in walk order: the order the inspector meets them, which the walk-through
// follows. Reordering is by buttons (keyboard and screen-reader friendly), not drag and drop.

type RackForm = { name: string; height: string };

function checkRackForm(
  form: RackForm,
  t: ReturnType<typeof useT>,
): { name?: string; height?: string } {
  const height = Number(form.height.trim());
  return {
    name: form.name.trim()
      ? undefined
      : t('inventory.err.required', { field: t('inventory.rackName') }),
    height:
      /^\d+$/.test(form.height.trim()) && height >= 1 && height <= 60
        ? undefined
        : t('inventory.err.wholeNumber', { min: 1, max: 60 }),
  };
}

function RackFields(props: {
  idPrefix: string;
  form: RackForm;
  errors: { name?: string; height?: string };
  onChange: (form: RackForm) => void;
}) {
  const t = useT();
  const { idPrefix, form, errors } = props;
  return (
    <div className="inv-rack-fields">
      <div className={`field${errors.name ? ' field-invalid' : ''}`}>
        <label htmlFor={`${idPrefix}-name`}>{t('inventory.rackName')}</label>
        <input
          id={`${idPrefix}-name`}
          value={form.name}
          onChange={(e) => props.onChange({ ...form, name: e.target.value })}
          aria-invalid={errors.name ? true : undefined}
          aria-describedby={errors.name ? `${idPrefix}-name-error` : undefined}
          autoComplete="off"
        />
        {errors.name && (
          <span className="field-error" id={`${idPrefix}-name-error`} role="alert">
            {errors.name}
          </span>
        )}
      </div>
      <div className={`field inv-rack-height${errors.height ? ' field-invalid' : ''}`}>
        <label htmlFor={`${idPrefix}-height`}>{t('inventory.rackHeight')}</label>
        <input
          id={`${idPrefix}-height`}
          value={form.height}
          inputMode="numeric"
          onChange={(e) => props.onChange({ ...form, height: e.target.value })}
          aria-invalid={errors.height ? true : undefined}
          aria-describedby={errors.height ? `${idPrefix}-height-error` : undefined}
        />
        {errors.height && (
          <span className="field-error" id={`${idPrefix}-height-error`} role="alert">
            {errors.height}
          </span>
        )}
      </div>
    </div>
  );
}

export function RackPanel(props: { room: Room; racks: Rack[]; devices: Device[] }) {
  const { room, racks, devices } = props;
  const t = useT();
  const notify = useStore((s) => s.notify);
  const rackFilter = useStore((s) => s.deviceView.filter.rackId);
  const setFilter = useStore((s) => s.setDeviceFilter);
  const removeWithUndo = useUndoableRemoval();
  const [adding, setAdding] = useState<RackForm>({ name: '', height: '42' });
  const [addErrors, setAddErrors] = useState<{ name?: string; height?: string }>({});
  const [editing, setEditing] = useState<{ rack: Rack; form: RackForm } | null>(null);
  const [editErrors, setEditErrors] = useState<{ name?: string; height?: string }>({});
  const [toDelete, setToDelete] = useState<Rack | null>(null);
  const [devicesMode, setDevicesMode] = useState<'keep' | 'delete'>('keep');

  const counts = new Map<string, number>();
  for (const d of devices) if (d.rackId) counts.set(d.rackId, (counts.get(d.rackId) ?? 0) + 1);

  const fail = (error: unknown) => notify('error', errorText(t, error));

  const submitAdd = async (e: FormEvent) => {
    e.preventDefault();
    const errors = checkRackForm(adding, t);
    setAddErrors(errors);
    if (errors.name || errors.height) return;
    try {
      await addRack(db(), {
        roomId: room.id,
        name: adding.name,
        heightU: Number(adding.height),
        notes: '',
      });
      // Cleared for the next rack only if it still holds this one: what was typed while the
      // write ran is the user's next rack, not something to wipe.
      setAdding((now) =>
        now.name === adding.name && now.height === adding.height
          ? { name: '', height: now.height }
          : now,
      );
      document.getElementById('rack-new-name')?.focus();
    } catch (error) {
      const text = repositoryErrorText(t, error);
      if (text) setAddErrors({ name: text });
      else fail(error);
    }
  };

  const submitEdit = async (e: FormEvent) => {
    e.preventDefault();
    if (!editing) return;
    const errors = checkRackForm(editing.form, t);
    setEditErrors(errors);
    if (errors.name || errors.height) return;
    try {
      await updateRack(db(), {
        ...editing.rack,
        name: editing.form.name,
        heightU: Number(editing.form.height),
      });
      setEditing(null);
    } catch (error) {
      const text = repositoryErrorText(t, error);
      if (text) setEditErrors({ name: text });
      else fail(error);
    }
  };

  const confirmDelete = async () => {
    if (!toDelete) return;
    const rack = toDelete;
    const mode = (counts.get(rack.id) ?? 0) > 0 ? devicesMode : 'keep';
    setToDelete(null);
    const ok = await removeWithUndo(
      () => deleteRack(db(), rack.id, mode),
      t('inventory.deletedRack', { name: rack.name }),
    );
    if (ok && rackFilter === rack.id) setFilter({ rackId: '' });
  };

  const move = (rack: Rack, step: -1 | 1) => {
    moveRack(db(), rack.id, step).then(() => {
      // Keep the focus on the same button of the moved rack so repeated presses keep moving it.
      requestAnimationFrame(() =>
        document.getElementById(`rack-${step < 0 ? 'up' : 'down'}-${rack.id}`)?.focus(),
      );
    }, fail);
  };

  return (
    <section className="inv-racks" aria-labelledby="racks-title">
      <h2 id="racks-title">
        {t('inventory.racks')} <span className="muted">{racks.length}</span>
      </h2>
      {racks.length === 0 && <p className="empty">{t('inventory.noRacks')}</p>}
      <ol className="inv-rack-list">
        {racks.map((rack, i) => (
          <li key={rack.id} className={rackFilter === rack.id ? 'inv-rack-selected' : undefined}>
            {editing?.rack.id === rack.id ? (
              <form onSubmit={(e) => void submitEdit(e)} className="inv-rack-edit">
                <RackFields
                  idPrefix={`rack-edit-${rack.id}`}
                  form={editing.form}
                  errors={editErrors}
                  onChange={(form) => setEditing({ rack, form })}
                />
                <div className="inv-rack-edit-buttons">
                  <button
                    type="button"
                    className="secondary small"
                    onClick={() => setEditing(null)}
                  >
                    {t('common.cancel')}
                  </button>
                  <button type="submit" className="primary small">
                    {t('common.save')}
                  </button>
                </div>
              </form>
            ) : (
              <>
                <span className="inv-rack-order" aria-hidden="true">
                  {i + 1}
                </span>
                <button
                  type="button"
                  className="link inv-rack-name"
                  onClick={() => setFilter({ rackId: rackFilter === rack.id ? '' : rack.id })}
                  aria-pressed={rackFilter === rack.id}
                  title={t('inventory.showRack', { name: rack.name })}
                >
                  {rack.name}
                </button>
                <span className="muted inv-rack-meta">
                  {t('inventory.rackMeta', {
                    height: rack.heightU,
                    count: counts.get(rack.id) ?? 0,
                  })}
                </span>
                <span className="inv-rack-tools">
                  <button
                    type="button"
                    id={`rack-up-${rack.id}`}
                    className="icon-button"
                    disabled={i === 0}
                    onClick={() => move(rack, -1)}
                    aria-label={t('inventory.rackUp', { name: rack.name })}
                    title={t('inventory.rackUp', { name: rack.name })}
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    id={`rack-down-${rack.id}`}
                    className="icon-button"
                    disabled={i === racks.length - 1}
                    onClick={() => move(rack, 1)}
                    aria-label={t('inventory.rackDown', { name: rack.name })}
                    title={t('inventory.rackDown', { name: rack.name })}
                  >
                    ↓
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => {
                      setEditErrors({});
                      setEditing({ rack, form: { name: rack.name, height: String(rack.heightU) } });
                    }}
                    aria-label={t('inventory.editRack', { name: rack.name })}
                    title={t('inventory.editRack', { name: rack.name })}
                  >
                    ✎
                  </button>
                  <button
                    type="button"
                    className="icon-button"
                    onClick={() => {
                      setDevicesMode('keep');
                      setToDelete(rack);
                    }}
                    aria-label={t('inventory.deleteRack', { name: rack.name })}
                    title={t('inventory.deleteRack', { name: rack.name })}
                  >
                    ×
                  </button>
                </span>
              </>
            )}
          </li>
        ))}
      </ol>
      <form
        className="inv-rack-add"
        onSubmit={(e) => void submitAdd(e)}
        aria-label={t('inventory.addRack')}
      >
        <RackFields idPrefix="rack-new" form={adding} errors={addErrors} onChange={setAdding} />
        <button type="submit" className="secondary small">
          {t('inventory.addRack')}
        </button>
      </form>

      {toDelete && (
        <ConfirmDialog
          title={t('inventory.confirmDeleteRack', { name: toDelete.name })}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          danger
          onConfirm={() => void confirmDelete()}
          onCancel={() => setToDelete(null)}
        >
          {(counts.get(toDelete.id) ?? 0) === 0 ? (
            <p>{t('inventory.rackEmptyBody')}</p>
          ) : (
            <fieldset className="inv-choice">
              <legend>
                {t('inventory.rackDevicesQuestion', { count: counts.get(toDelete.id) ?? 0 })}
              </legend>
              <label>
                <input
                  type="radio"
                  name="rack-devices"
                  checked={devicesMode === 'keep'}
                  onChange={() => setDevicesMode('keep')}
                />
                {t('inventory.rackKeepDevices')}
              </label>
              <label>
                <input
                  type="radio"
                  name="rack-devices"
                  checked={devicesMode === 'delete'}
                  onChange={() => setDevicesMode('delete')}
                />
                {t('inventory.rackDeleteDevices')}
              </label>
            </fieldset>
          )}
        </ConfirmDialog>
      )}
    </section>
  );
}
