import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type FormEvent } from 'react';
import { SanitizationMethod } from '../../../shared/domain/enums.ts';
import type { Device, Rack, Room } from '../../../shared/domain/schemas.ts';
import { charactersReportsCannotShowIn } from '../../../shared/report/showable.ts';
import {
  emptySanitization,
  fromFormValues,
  sanitizationRelevant,
  toFormValues,
  type DeviceFieldErrors,
  type DeviceFormValues,
} from '../../../shared/inventory/device-form.ts';
import { db } from '../../db/instance.ts';
import { getDevice, getRoom, listRacks } from '../../db/repositories/inventory.ts';
import {
  blankDevice,
  createDevice,
  DuplicateAssetTagError,
  updateDevice,
} from '../../db/repositories/inventory.ts';
import { deleteDevices } from '../../db/repositories/inventory-edits.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { useAction } from '../../ui/use-action.ts';
import { DevicePhotos } from './DevicePhotos.tsx';
import { DeviceSections } from './DeviceSections.tsx';
import { DateInput, EnumSelect, Section, TextInput, fieldId } from './fields.tsx';
import { InterfacesEditor, MediaEditor } from './ListEditors.tsx';
import { problemText } from './problem-text.ts';
import { Crumbs } from './Crumbs.tsx';
import { localToday } from './today.ts';
import { useUndoableRemoval } from './use-undoable.ts';
import './inventory.css';

type Props = { mode: 'edit'; deviceId: string } | { mode: 'new'; roomId: string };

/** The editor of one device: every recorded field, for a new device or an existing one. */
export function DeviceScreen(props: Props) {
  const t = useT();
  const device = useLiveQuery(
    async () => (props.mode === 'edit' ? ((await getDevice(db(), props.deviceId)) ?? null) : null),
    [props.mode === 'edit' ? props.deviceId : ''],
  );
  const roomId = props.mode === 'new' ? props.roomId : device?.roomId;
  const room = useLiveQuery(
    async () => (roomId ? ((await getRoom(db(), roomId)) ?? null) : undefined),
    [roomId],
  );
  const racks = useLiveQuery(() => (roomId ? listRacks(db(), roomId) : []), [roomId]);
  if (props.mode === 'edit' && device === null)
    return <p className="empty">{t('inventory.deviceGone')}</p>;
  if (room === null) return <p className="empty">{t('inventory.roomGone')}</p>;
  if (!room || !racks || (props.mode === 'edit' && !device)) return <p>{t('common.loading')}</p>;
  // Keyed so the form's state starts from the record once and is not reset by live updates.
  return (
    <DeviceEditor
      key={device?.id ?? `new-${room.id}`}
      room={room}
      racks={racks}
      device={device ?? null}
    />
  );
}

function DeviceEditor(props: { room: Room; racks: Rack[]; device: Device | null }) {
  const { room, racks, device } = props;
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const notify = useStore((s) => s.notify);
  const setLastDevice = useStore((s) => s.setLastDevice);
  const removeWithUndo = useUndoableRemoval();
  const initial = () => toFormValues(device ?? blankDevice(room.siteId, room.id));
  const [values, setValues] = useState<DeviceFormValues>(initial);
  const [saved, setSaved] = useState<DeviceFormValues>(values);
  const [errors, setErrors] = useState<DeviceFieldErrors>({});
  const [summary, setSummary] = useState<string | null>(null);
  const [assetTagTaken, setAssetTagTaken] = useState<string | null>(null);
  const [confirm, setConfirm] = useState<'delete' | 'discard' | null>(null);
  const another = useRef(false);
  const dirty = JSON.stringify(values) !== JSON.stringify(saved);

  const set = <K extends keyof DeviceFormValues>(key: K, value: DeviceFormValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }));
  const err = (path: string, label: string) => {
    const problem = errors[path];
    return problem ? problemText(t, problem, label) : null;
  };

  const showErrors = (next: DeviceFieldErrors) => {
    setErrors(next);
    const count = Object.keys(next).length;
    setSummary(count > 0 ? t('inventory.err.summary', { count }) : null);
    const first = Object.keys(next)[0];
    if (first) requestAnimationFrame(() => document.getElementById(fieldId(first))?.focus());
  };

  const backToRoom = (deviceId: string | null) => {
    setLastDevice(deviceId);
    navigate({ name: 'room', roomId: room.id });
  };

  const { run: save, busy } = useAction(async () => {
    const rack = racks.find((r) => r.id === values.rackId) ?? null;
    const result = fromFormValues(values, {
      today: localToday(),
      rackHeightU: rack ? rack.heightU : null,
    });
    if (!result.ok) {
      showErrors(result.errors);
      return;
    }
    try {
      const stored = device
        ? await updateDevice(db(), { ...device, ...result.fields })
        : await createDevice(db(), {
            ...blankDevice(room.siteId, room.id),
            ...result.fields,
          });
      setErrors({});
      setSummary(null);
      notify('info', t('inventory.savedDevice', { name: stored.name }));
      if (!device && another.current) {
        // Keep what devices in one rack usually share; clear what identifies this one.
        const blank = toFormValues(blankDevice(room.siteId, room.id));
        const next: DeviceFormValues = {
          ...blank,
          rackId: values.rackId,
          type: values.type,
          status: values.status,
          owner: values.owner,
          department: values.department,
          classification: values.classification,
        };
        setValues(next);
        setSaved(next);
        setLastDevice(stored.id);
        document.getElementById(fieldId('name'))?.focus();
      } else {
        backToRoom(stored.id);
      }
    } catch (error) {
      if (error instanceof DuplicateAssetTagError) {
        setErrors({});
        setSummary(null);
        setAssetTagTaken(error.assetTag);
        document.getElementById(fieldId('assetTag'))?.focus();
        return;
      }
      throw error;
    }
  });

  const submit = (e: FormEvent) => {
    e.preventDefault();
    setAssetTagTaken(null);
    void save();
  };

  const { run: remove, busy: removing } = useAction(async () => {
    if (!device) return;
    const ok = await removeWithUndo(
      () => deleteDevices(db(), [device.id]),
      t('inventory.deletedDevice', { name: device.name }),
    );
    setConfirm(null);
    if (ok) backToRoom(null);
  });

  const cancel = () => (dirty ? setConfirm('discard') : backToRoom(device?.id ?? null));
  const showSanitization = sanitizationRelevant(values.status, values.sanitization !== null);
  const title = device ? device.name || t('inventory.unnamed') : t('inventory.newDevice');
  const unshowable = charactersReportsCannotShowIn(values);
  const assetTagError =
    err('assetTag', t.label('deviceField', 'assetTag')) ??
    (assetTagTaken ? t('inventory.err.assetTagTaken', { tag: assetTagTaken }) : null);

  return (
    <form
      className="screen inv-editor"
      onSubmit={submit}
      noValidate
      aria-labelledby="dev-title"
      onKeyDown={(e) => {
        // Ctrl+S saves from any field, as in every editor the inspector knows.
        if ((e.ctrlKey || e.metaKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          another.current = false;
          setAssetTagTaken(null);
          void save();
        }
      }}
    >
      <div className="inv-editor-head">
        <div>
          <Crumbs room={room} />
          <h1 id="dev-title">{title}</h1>
        </div>
        <div className="inv-editor-actions">
          {dirty && <span className="inv-dirty">{t('inventory.unsaved')}</span>}
          {device && (
            <button
              type="button"
              className="secondary danger-text"
              onClick={() => setConfirm('delete')}
            >
              {t('common.delete')}
            </button>
          )}
          <button type="button" className="secondary" onClick={cancel}>
            {t('common.cancel')}
          </button>
          {!device && (
            <button
              type="submit"
              className="secondary"
              disabled={busy}
              onClick={() => (another.current = true)}
            >
              {t('inventory.saveAndAdd')}
            </button>
          )}
          <button
            type="submit"
            className="primary"
            disabled={busy}
            onClick={() => (another.current = false)}
            aria-keyshortcuts="Control+S"
            title={t('inventory.saveShortcut')}
          >
            {t('common.save')}
          </button>
        </div>
      </div>
      {(summary || assetTagTaken) && (
        <p className="inv-error-summary" role="alert">
          {summary ?? assetTagError}
        </p>
      )}
      {unshowable.length > 0 && (
        <p className="inv-notice" role="status">
          {t('inventory.unshowable', { chars: unshowable.join(' ') })}
        </p>
      )}

      <DeviceSections
        t={t}
        values={values}
        onChange={setValues}
        racks={racks}
        error={err}
        extraError={{ assetTag: assetTagError }}
        onFieldChange={(path) => path === 'assetTag' && setAssetTagTaken(null)}
        autoFocus={!device}
        hidden={new Set(showSanitization ? [] : ['sanitization'])}
        width={{ notes: device ? 'half' : 'wide' }}
        records={{
          managementInterfaces: (
            <InterfacesEditor
              t={t}
              value={values.managementInterfaces}
              onChange={(v) => set('managementInterfaces', v)}
            />
          ),
          media: (
            <MediaEditor
              t={t}
              value={values.media}
              errors={errors}
              onChange={(v) => set('media', v)}
            />
          ),
          sanitization: (
            <>
              <label className="inv-check">
                <input
                  type="checkbox"
                  checked={values.sanitization !== null}
                  onChange={(e) =>
                    set('sanitization', e.target.checked ? emptySanitization() : null)
                  }
                />
                <span>{t('inventory.sanitization.recorded')}</span>
              </label>
              {values.sanitization && (
                <SanitizationFields
                  value={values.sanitization}
                  onChange={(v) => set('sanitization', v)}
                  err={err}
                />
              )}
            </>
          ),
        }}
      >
        {device && (
          <Section title={t('inventory.sec.photos')} className="inv-half">
            <DevicePhotos deviceId={device.id} />
          </Section>
        )}
      </DeviceSections>

      {confirm === 'delete' && device && (
        <ConfirmDialog
          title={t('inventory.confirmDeleteDevice', { name: device.name })}
          confirmLabel={t('common.delete')}
          cancelLabel={t('common.cancel')}
          danger
          busy={removing}
          onConfirm={() => void remove()}
          onCancel={() => setConfirm(null)}
        >
          <p>{t('inventory.confirmDeleteDeviceBody')}</p>
        </ConfirmDialog>
      )}
      {confirm === 'discard' && (
        <ConfirmDialog
          title={t('inventory.confirmDiscard')}
          confirmLabel={t('inventory.discard')}
          cancelLabel={t('inventory.keepEditing')}
          danger
          onConfirm={() => backToRoom(device?.id ?? null)}
          onCancel={() => setConfirm(null)}
        >
          <p>{t('inventory.confirmDiscardBody')}</p>
        </ConfirmDialog>
      )}
    </form>
  );
}

function SanitizationFields(props: {
  value: NonNullable<DeviceFormValues['sanitization']>;
  onChange: (value: NonNullable<DeviceFormValues['sanitization']>) => void;
  err: (path: string, label: string) => string | null;
}) {
  const t = useT();
  const { value, onChange, err } = props;
  const text = (key: 'tool' | 'verifiedBy' | 'witness' | 'certificateId' | 'destination') => (
    <TextInput
      className="span-2"
      path={`sanitization.${key}`}
      label={t(`inventory.sanitization.${key}`)}
      value={value[key]}
      onChange={(v) => onChange({ ...value, [key]: v })}
      error={err(`sanitization.${key}`, t(`inventory.sanitization.${key}`))}
    />
  );
  return (
    <div className="inv-grid inv-grid-wide">
      <EnumSelect
        className="span-2"
        path="sanitization.method"
        label={t('inventory.sanitization.method')}
        value={value.method}
        options={SanitizationMethod.options}
        kind="sanitizationMethod"
        t={t}
        onChange={(method) => onChange({ ...value, method })}
      />
      <DateInput
        className="span-2"
        path="sanitization.date"
        label={t('inventory.sanitization.date')}
        value={value.date}
        t={t}
        onChange={(date) => onChange({ ...value, date })}
        error={err('sanitization.date', t('inventory.sanitization.date'))}
      />
      {text('tool')}
      {text('verifiedBy')}
      {text('witness')}
      {text('certificateId')}
      {text('destination')}
    </div>
  );
}
