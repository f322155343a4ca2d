import { useState } from 'react';
import { CLASSIFICATIONS, type Classification } from '../../../shared/domain/enums.ts';
import type { Room } from '../../../shared/domain/schemas.ts';
import { useT } from '../../i18n/use-t.ts';
import { Field } from '../../ui/Field.tsx';

// The room form shared by "New room" on the site screen and the room's edit dialog, so both
// check the name and the audit interval the same way.

export type RoomValues = Pick<
  Room,
  'name' | 'building' | 'floor' | 'classification' | 'auditIntervalDays' | 'notes'
>;

type Draft = Omit<RoomValues, 'auditIntervalDays'> & { interval: string };

export function useRoomForm(initial: RoomValues) {
  const t = useT();
  const [draft, setDraft] = useState<Draft>(() => ({
    ...initial,
    interval: String(initial.auditIntervalDays),
  }));
  const [errors, setErrors] = useState<{ name?: string; interval?: string }>({});
  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  /** The trimmed values, or null after showing what is wrong. */
  const validate = (): RoomValues | null => {
    const interval = draft.interval.trim();
    const days = Number(interval);
    const next = {
      name: draft.name.trim() ? undefined : t('common.required', { field: t('rooms.name') }),
      interval:
        /^\d+$/.test(interval) && days >= 1 && days <= 3660
          ? undefined
          : t('rooms.intervalInvalid'),
    };
    setErrors(next);
    if (next.name || next.interval) return null;
    return {
      name: draft.name.trim(),
      building: draft.building.trim(),
      floor: draft.floor.trim(),
      classification: draft.classification,
      auditIntervalDays: days,
      notes: draft.notes,
    };
  };
  return { draft, errors, set, validate };
}

/**
 * The room's fields. `idPrefix` keeps the ids unique per form; the edit dialog adds notes and
 * the usual interval presets (monthly to yearly) as suggestions.
 */
export function RoomFields(props: {
  form: ReturnType<typeof useRoomForm>;
  idPrefix: string;
  autoFocus?: boolean;
  withNotes?: boolean;
  intervalPresets?: boolean;
}) {
  const t = useT();
  const { draft, errors, set } = props.form;
  const id = (field: string) => `${props.idPrefix}-${field}`;
  const presetsId = props.intervalPresets ? id('interval-presets') : undefined;
  return (
    <>
      <Field id={id('name')} label={t('rooms.name')} error={errors.name}>
        <input
          id={id('name')}
          value={draft.name}
          onChange={(e) => set('name', e.target.value)}
          aria-invalid={errors.name ? true : undefined}
          autoFocus={props.autoFocus}
        />
      </Field>
      <div className="row">
        <Field id={id('building')} label={t('rooms.building')}>
          <input
            id={id('building')}
            value={draft.building}
            onChange={(e) => set('building', e.target.value)}
          />
        </Field>
        <Field id={id('floor')} label={t('rooms.floor')}>
          <input
            id={id('floor')}
            value={draft.floor}
            onChange={(e) => set('floor', e.target.value)}
          />
        </Field>
      </div>
      <div className="row">
        <Field id={id('classification')} label={t('rooms.classification')}>
          <select
            id={id('classification')}
            value={draft.classification}
            onChange={(e) => set('classification', e.target.value as Classification)}
          >
            {CLASSIFICATIONS.map((c) => (
              <option key={c} value={c}>
                {t.label('classification', c)}
              </option>
            ))}
          </select>
        </Field>
        <Field id={id('interval')} label={t('rooms.interval')} error={errors.interval}>
          <input
            id={id('interval')}
            inputMode="numeric"
            value={draft.interval}
            onChange={(e) => set('interval', e.target.value)}
            aria-invalid={errors.interval ? true : undefined}
            list={presetsId}
          />
        </Field>
      </div>
      {presetsId && (
        <datalist id={presetsId}>
          <option value="30">{t('inventory.interval.monthly')}</option>
          <option value="91">{t('inventory.interval.quarterly')}</option>
          <option value="182">{t('inventory.interval.halfYearly')}</option>
          <option value="365">{t('inventory.interval.yearly')}</option>
        </datalist>
      )}
      {props.withNotes && (
        <Field id={id('notes')} label={t('inventory.notes')}>
          <textarea
            id={id('notes')}
            rows={2}
            value={draft.notes}
            onChange={(e) => set('notes', e.target.value)}
          />
        </Field>
      )}
    </>
  );
}
