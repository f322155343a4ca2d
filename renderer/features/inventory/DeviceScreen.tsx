import { useLiveQuery } from 'dexie-react-hooks';
import { useRef, useState, type FormEvent } from 'react';
import {
  CLASSIFICATIONS,
  DEVICE_TYPES,
  LIFECYCLE_STATUSES,
  NetworkState,
  PowerState,
  SanitizationMethod,
  TriState,
} from '../../../shared/domain/enums.ts';
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
import { DateInput, EnumSelect, Section, TextArea, TextInput, fieldId } from './fields.tsx';
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
  const setIn = <K extends 'credentials' | 'network'>(
    key: K,
    patch: Partial<DeviceFormValues[K]>,
  ) => setValues((v) => ({ ...v, [key]: { ...v[key], ...patch } }));

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
    err('assetTag', t('devices.assetTag')) ??
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

      <div className="inv-sections">
        <Section title={t('inventory.sec.identity')} className="inv-half">
          <div className="inv-grid">
            <TextInput
              className="span-2"
              path="name"
              label={t('devices.name')}
              value={values.name}
              onChange={(v) => set('name', v)}
              error={err('name', t('devices.name'))}
              autoFocus={!device}
            />
            <TextInput
              path="assetTag"
              label={t('devices.assetTag')}
              value={values.assetTag}
              mono
              onChange={(v) => {
                set('assetTag', v);
                setAssetTagTaken(null);
              }}
              error={assetTagError}
            />
            <EnumSelect
              path="type"
              label={t('devices.type')}
              value={values.type}
              options={DEVICE_TYPES}
              kind="deviceType"
              t={t}
              onChange={(v) => set('type', v)}
            />
            <TextInput
              path="manufacturer"
              label={t('inventory.manufacturer')}
              value={values.manufacturer}
              onChange={(v) => set('manufacturer', v)}
              error={err('manufacturer', t('inventory.manufacturer'))}
            />
            <TextInput
              path="model"
              label={t('inventory.model')}
              value={values.model}
              onChange={(v) => set('model', v)}
              error={err('model', t('inventory.model'))}
            />
            <TextInput
              path="serial"
              label={t('devices.serial')}
              value={values.serial}
              mono
              onChange={(v) => set('serial', v)}
              error={err('serial', t('devices.serial'))}
            />
            <EnumSelect
              path="classification"
              label={t('inventory.classification')}
              value={values.classification}
              options={CLASSIFICATIONS}
              kind="classification"
              t={t}
              onChange={(v) => set('classification', v)}
            />
          </div>
        </Section>

        <Section title={t('inventory.sec.addresses')} className="inv-half">
          <div className="inv-grid">
            <TextInput
              className="span-4"
              path="hostname"
              label={t('inventory.hostname')}
              value={values.hostname}
              mono
              onChange={(v) => set('hostname', v)}
              error={err('hostname', t('inventory.hostname'))}
            />
            <TextArea
              className="span-2"
              path="ips"
              label={t('inventory.ips')}
              value={values.ips}
              mono
              rows={2}
              placeholder="10.0.0.5"
              hint={t('inventory.listHint')}
              onChange={(v) => set('ips', v)}
              error={err('ips', t('inventory.ips'))}
            />
            <TextArea
              className="span-2"
              path="macs"
              label={t('inventory.macs')}
              value={values.macs}
              mono
              rows={2}
              placeholder="00:1A:2B:3C:4D:5E"
              hint={t('inventory.listHint')}
              onChange={(v) => set('macs', v)}
              error={err('macs', t('inventory.macs'))}
            />
          </div>
        </Section>

        <Section title={t('inventory.sec.location')}>
          <div className="inv-grid">
            <div className="span-2">
              <div className="field">
                <label htmlFor={fieldId('rackId')}>{t('inventory.rack')}</label>
                <select
                  id={fieldId('rackId')}
                  value={values.rackId}
                  onChange={(e) => set('rackId', e.target.value)}
                >
                  <option value="">{t('inventory.noRack')}</option>
                  {racks.map((r) => (
                    <option key={r.id} value={r.id}>
                      {t('inventory.rackOption', { name: r.name, height: r.heightU })}
                    </option>
                  ))}
                </select>
              </div>
            </div>
            <TextInput
              path="positionU"
              label={t('inventory.positionU')}
              value={values.positionU}
              inputMode="numeric"
              onChange={(v) => set('positionU', v)}
              error={err('positionU', t('inventory.positionU'))}
            />
            <TextInput
              path="heightU"
              label={t('inventory.heightU')}
              value={values.heightU}
              inputMode="numeric"
              onChange={(v) => set('heightU', v)}
              error={err('heightU', t('inventory.heightU'))}
            />
          </div>
          <p className="inv-hint">{t('inventory.positionHint')}</p>
        </Section>

        <Section title={t('inventory.sec.lifecycle')}>
          <div className="inv-grid">
            <TextInput
              className="span-2"
              path="owner"
              label={t('inventory.owner')}
              value={values.owner}
              onChange={(v) => set('owner', v)}
              error={err('owner', t('inventory.owner'))}
            />
            <TextInput
              className="span-2"
              path="department"
              label={t('inventory.department')}
              value={values.department}
              onChange={(v) => set('department', v)}
              error={err('department', t('inventory.department'))}
            />
            <EnumSelect
              className="span-2"
              path="status"
              label={t('devices.status')}
              value={values.status}
              options={LIFECYCLE_STATUSES}
              kind="lifecycleStatus"
              t={t}
              onChange={(v) => set('status', v)}
            />
            <DateInput
              className="span-2"
              path="idleSince"
              label={t('inventory.idleSince')}
              value={values.idleSince}
              t={t}
              onChange={(v) => set('idleSince', v)}
              error={err('idleSince', t('inventory.idleSince'))}
            />
          </div>
        </Section>

        <Section title={t('inventory.sec.firmware')}>
          <div className="inv-grid">
            <TextInput
              className="span-4"
              path="firmwareVersion"
              label={t('inventory.firmwareVersion')}
              value={values.firmwareVersion}
              onChange={(v) => set('firmwareVersion', v)}
              error={err('firmwareVersion', t('inventory.firmwareVersion'))}
            />
            <DateInput
              className="span-2"
              path="firmwareDate"
              label={t('inventory.firmwareDate')}
              value={values.firmwareDate}
              t={t}
              onChange={(v) => set('firmwareDate', v)}
              error={err('firmwareDate', t('inventory.firmwareDate'))}
            />
            <DateInput
              className="span-2"
              path="endOfSupport"
              label={t('inventory.endOfSupport')}
              value={values.endOfSupport}
              t={t}
              onChange={(v) => set('endOfSupport', v)}
              error={err('endOfSupport', t('inventory.endOfSupport'))}
            />
          </div>
        </Section>

        <Section title={t('inventory.sec.credentials')} className="inv-half">
          <div className="inv-grid">
            <EnumSelect
              className="span-2"
              path="credentials.defaultChanged"
              label={t('inventory.defaultChanged')}
              value={values.credentials.defaultChanged}
              options={TriState.options}
              kind="triState"
              t={t}
              onChange={(v) => setIn('credentials', { defaultChanged: v })}
            />
            <EnumSelect
              className="span-2"
              path="credentials.unique"
              label={t('inventory.uniqueCredentials')}
              value={values.credentials.unique}
              options={TriState.options}
              kind="triState"
              t={t}
              onChange={(v) => setIn('credentials', { unique: v })}
            />
            <DateInput
              className="span-2"
              path="credentials.lastRotated"
              label={t('inventory.lastRotated')}
              value={values.credentials.lastRotated}
              t={t}
              onChange={(v) => setIn('credentials', { lastRotated: v })}
              error={err('credentials.lastRotated', t('inventory.lastRotated'))}
            />
            <label className="inv-check span-2">
              <input
                type="checkbox"
                id={fieldId('credentials.storesOtherCredentials')}
                checked={values.credentials.storesOtherCredentials}
                onChange={(e) => setIn('credentials', { storesOtherCredentials: e.target.checked })}
              />
              <span>{t('inventory.storesOtherCredentials')}</span>
            </label>
          </div>
        </Section>

        <Section title={t('inventory.sec.observed')} className="inv-half">
          <div className="inv-grid">
            <EnumSelect
              className="span-2"
              path="power"
              label={t('devices.power')}
              value={values.power}
              options={PowerState.options}
              kind="powerState"
              t={t}
              onChange={(v) => set('power', v)}
            />
            <EnumSelect
              className="span-2"
              path="network.state"
              label={t('devices.network')}
              value={values.network.state}
              options={NetworkState.options}
              kind="networkState"
              t={t}
              onChange={(v) => setIn('network', { state: v })}
            />
            <TextInput
              className="span-2"
              path="network.switchName"
              label={t('inventory.switchName')}
              value={values.network.switchName}
              onChange={(v) => setIn('network', { switchName: v })}
              error={err('network.switchName', t('inventory.switchName'))}
            />
            <TextInput
              path="network.switchPort"
              label={t('inventory.switchPort')}
              value={values.network.switchPort}
              mono
              onChange={(v) => setIn('network', { switchPort: v })}
              error={err('network.switchPort', t('inventory.switchPort'))}
            />
            <EnumSelect
              path="network.portEnabled"
              label={t('inventory.portEnabled')}
              value={values.network.portEnabled}
              options={TriState.options}
              kind="triState"
              t={t}
              onChange={(v) => setIn('network', { portEnabled: v })}
            />
          </div>
        </Section>

        <Section title={t('inventory.sec.management')} className="inv-wide">
          <InterfacesEditor
            t={t}
            value={values.managementInterfaces}
            onChange={(v) => set('managementInterfaces', v)}
          />
        </Section>

        <Section title={t('inventory.sec.media')} className="inv-wide">
          <MediaEditor
            t={t}
            value={values.media}
            errors={errors}
            onChange={(v) => set('media', v)}
          />
        </Section>

        {showSanitization && (
          <Section title={t('inventory.sec.sanitization')} className="inv-wide">
            <label className="inv-check">
              <input
                type="checkbox"
                checked={values.sanitization !== null}
                onChange={(e) => set('sanitization', e.target.checked ? emptySanitization() : null)}
              />
              <span>{t('inventory.sanitization.recorded')}</span>
            </label>
            {values.sanitization && (
              <SanitizationFields
                value={values.sanitization}
                onChange={(s) => set('sanitization', s)}
                err={err}
              />
            )}
          </Section>
        )}

        <Section title={t('inventory.sec.notes')} className={device ? 'inv-half' : 'inv-wide'}>
          <TextArea
            path="notes"
            label={t('inventory.notes')}
            value={values.notes}
            rows={3}
            onChange={(v) => set('notes', v)}
            error={err('notes', t('inventory.notes'))}
          />
        </Section>

        {device && (
          <Section title={t('inventory.sec.photos')} className="inv-half">
            <DevicePhotos deviceId={device.id} />
          </Section>
        )}
      </div>

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
