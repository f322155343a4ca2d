import {
  MANAGEMENT_INTERFACE_KINDS,
  MEDIA_KINDS,
  TriState,
  type ManagementInterfaceKind,
  type MediaKind,
} from '../../../shared/domain/enums.ts';
import type {
  DeviceFieldErrors,
  DeviceFormValues,
  MediaFormValues,
} from '../../../shared/inventory/device-form.ts';
import type { Translator } from '../../i18n/translate.ts';
import { EnumSelect, TextInput } from './fields.tsx';
import { problemText } from './problem-text.ts';

// Editors for the two lists of a device: management interfaces and data-bearing media. Each
// row is a group named after its position so screen-reader users know which row a control is in.

type Interfaces = DeviceFormValues['managementInterfaces'];

export function InterfacesEditor(props: {
  t: Translator;
  value: Interfaces;
  onChange: (value: Interfaces) => void;
}) {
  const { t, value, onChange } = props;
  const patch = (i: number, p: Partial<Interfaces[number]>) =>
    onChange(value.map((row, j) => (j === i ? { ...row, ...p } : row)));
  return (
    <div className="inv-list-editor">
      {value.length === 0 && <p className="empty">{t('inventory.mgmt.none')}</p>}
      {value.map((row, i) => (
        <div
          key={i}
          className="inv-list-row inv-mgmt-row"
          role="group"
          aria-label={t('inventory.mgmt.row', { n: i + 1 })}
        >
          <EnumSelect<ManagementInterfaceKind>
            path={`managementInterfaces.${i}.kind`}
            label={t('inventory.mgmt.kind')}
            value={row.kind}
            options={MANAGEMENT_INTERFACE_KINDS}
            kind="managementInterfaceKind"
            t={t}
            onChange={(kind) => patch(i, { kind })}
          />
          <TextInput
            path={`managementInterfaces.${i}.address`}
            label={t('inventory.mgmt.address')}
            value={row.address}
            mono
            onChange={(address) => patch(i, { address })}
          />
          <EnumSelect
            path={`managementInterfaces.${i}.enabled`}
            label={t('inventory.mgmt.enabled')}
            value={row.enabled}
            options={TriState.options}
            kind="triState"
            t={t}
            onChange={(enabled) => patch(i, { enabled })}
          />
          <EnumSelect
            path={`managementInterfaces.${i}.isolated`}
            label={t('inventory.mgmt.isolated')}
            value={row.isolated}
            options={TriState.options}
            kind="triState"
            t={t}
            onChange={(isolated) => patch(i, { isolated })}
          />
          <EnumSelect
            path={`managementInterfaces.${i}.credentialsChanged`}
            label={t('inventory.mgmt.credentialsChanged')}
            value={row.credentialsChanged}
            options={TriState.options}
            kind="triState"
            t={t}
            onChange={(credentialsChanged) => patch(i, { credentialsChanged })}
          />
          <button
            type="button"
            className="inv-remove"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label={t('inventory.mgmt.remove', { n: i + 1 })}
            title={t('inventory.mgmt.remove', { n: i + 1 })}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary small"
        disabled={value.length >= 16}
        onClick={() =>
          onChange([
            ...value,
            {
              kind: 'bmc',
              address: '',
              enabled: 'unknown',
              isolated: 'unknown',
              credentialsChanged: 'unknown',
            },
          ])
        }
      >
        {t('inventory.mgmt.add')}
      </button>
    </div>
  );
}

export function MediaEditor(props: {
  t: Translator;
  value: MediaFormValues[];
  errors: DeviceFieldErrors;
  onChange: (value: MediaFormValues[]) => void;
}) {
  const { t, value, errors, onChange } = props;
  const patch = (i: number, p: Partial<MediaFormValues>) =>
    onChange(value.map((row, j) => (j === i ? { ...row, ...p } : row)));
  const err = (path: string, label: string) => {
    const problem = errors[path];
    return problem ? problemText(t, problem, label) : null;
  };
  return (
    <div className="inv-list-editor">
      {value.length === 0 && <p className="empty">{t('inventory.media.none')}</p>}
      {value.map((row, i) => (
        <div
          key={i}
          className="inv-list-row inv-media-row"
          role="group"
          aria-label={t('inventory.media.row', { n: i + 1 })}
        >
          <TextInput
            path={`media.${i}.count`}
            label={t('inventory.media.count')}
            value={row.count}
            inputMode="numeric"
            error={err(`media.${i}.count`, t('inventory.media.count'))}
            onChange={(count) => patch(i, { count })}
          />
          <EnumSelect<MediaKind>
            path={`media.${i}.kind`}
            label={t('inventory.media.kind')}
            value={row.kind}
            options={MEDIA_KINDS}
            kind="mediaKind"
            t={t}
            onChange={(kind) => patch(i, { kind })}
          />
          <TextInput
            path={`media.${i}.serials`}
            label={t('inventory.media.serials')}
            value={row.serials}
            mono
            error={err(`media.${i}.serials`, t('inventory.media.serials'))}
            onChange={(serials) => patch(i, { serials })}
          />
          <button
            type="button"
            className="inv-remove"
            onClick={() => onChange(value.filter((_, j) => j !== i))}
            aria-label={t('inventory.media.remove', { n: i + 1 })}
            title={t('inventory.media.remove', { n: i + 1 })}
          >
            ×
          </button>
        </div>
      ))}
      <button
        type="button"
        className="secondary small"
        disabled={value.length >= 64}
        onClick={() => onChange([...value, { count: '1', kind: 'hdd', serials: '' }])}
      >
        {t('inventory.media.add')}
      </button>
    </div>
  );
}
