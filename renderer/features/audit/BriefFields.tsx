import { BRIEF_LIMITS } from '../../../shared/audit/brief.ts';
import { useT } from '../../i18n/use-t.ts';
import { Field } from '../../ui/Field.tsx';

// The audit brief's fields (objectives, audit client, auditees one per line), the same when an
// audit starts and when its details are edited from the summary.

export type BriefDraft = { objectives: string; auditClient: string; auditees: string };

export function BriefFields(props: {
  /** Prefix of the controls' ids, unique per form. */
  idPrefix: string;
  value: BriefDraft;
  onChange: (next: BriefDraft) => void;
  auditeesError?: string;
  autoFocus?: boolean;
}) {
  const t = useT();
  const { idPrefix: p, value } = props;
  const set = (patch: Partial<BriefDraft>) => props.onChange({ ...value, ...patch });
  return (
    <>
      <Field id={`${p}-objectives`} label={t('walk.startObjectives')}>
        <textarea
          id={`${p}-objectives`}
          rows={2}
          autoFocus={props.autoFocus}
          maxLength={BRIEF_LIMITS.objectives}
          value={value.objectives}
          onChange={(e) => set({ objectives: e.target.value })}
        />
      </Field>
      <div className="row">
        <Field id={`${p}-client`} label={t('walk.startAuditClient')}>
          <input
            id={`${p}-client`}
            maxLength={BRIEF_LIMITS.auditClient}
            value={value.auditClient}
            onChange={(e) => set({ auditClient: e.target.value })}
          />
        </Field>
        <Field id={`${p}-auditees`} label={t('walk.startAuditees')} error={props.auditeesError}>
          <textarea
            id={`${p}-auditees`}
            rows={2}
            value={value.auditees}
            aria-invalid={!!props.auditeesError}
            aria-describedby={`${p}-auditees-hint`}
            onChange={(e) => set({ auditees: e.target.value })}
          />
          <span className="hint" id={`${p}-auditees-hint`}>
            {t('walk.startAuditeesHint')}
          </span>
        </Field>
      </div>
    </>
  );
}
