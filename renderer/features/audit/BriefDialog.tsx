import { useState } from 'react';
import { BRIEF_LIMITS, readListLines, timeZoneChoices } from '../../../shared/audit/brief.ts';
import type { Audit } from '../../../shared/domain/schemas.ts';
import { isTimeZone } from '../../../shared/report/time-zone.ts';
import { db } from '../../db/instance.ts';
import { updateAuditBrief } from '../../db/repositories/audits.ts';
import { useT } from '../../i18n/use-t.ts';
import { Field } from '../../ui/Field.tsx';
import { BriefFields, type BriefDraft } from './BriefFields.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { listProblemText } from '../../ui/list-problem.ts';
import { useAction } from '../../ui/use-action.ts';

// The audit's details (audit record v2: objectives, audit client, auditees, time zone), edited
// from its summary while it is in progress: they are often known only once the walk has begun.
// The same labels as the start dialog; the repository refuses a completed audit.

export function BriefDialog(props: { audit: Audit; onClose: () => void }) {
  const t = useT();
  const { audit } = props;
  const [draft, setDraft] = useState<BriefDraft>({
    objectives: audit.objectives,
    auditClient: audit.auditClient,
    auditees: audit.auditees.join('\n'),
  });
  const [timeZone, setTimeZone] = useState(audit.timeZone ?? '');
  const [errors, setErrors] = useState<{ auditees?: string; timeZone?: string }>({});
  const auditeeList = readListLines(draft.auditees, BRIEF_LIMITS.entries);
  const zone = timeZone.trim();
  const { run, busy } = useAction(async () => {
    await updateAuditBrief(db(), audit.id, {
      objectives: draft.objectives.trim(),
      auditClient: draft.auditClient.trim(),
      auditees: auditeeList.entries,
      // Left empty on an older audit that recorded none: it stays unrecorded.
      ...(zone ? { timeZone: zone } : {}),
    });
    props.onClose();
  });
  const submit = () => {
    const next = {
      auditees: auditeeList.problem ? listProblemText(t, auditeeList.problem) : undefined,
      timeZone: zone && !isTimeZone(zone) ? t('summary.timeZoneUnknown', { zone }) : undefined,
    };
    setErrors(next);
    if (!next.auditees && !next.timeZone) void run();
  };
  return (
    <FormDialog
      title={t('summary.briefTitle')}
      submitLabel={t('common.save')}
      cancelLabel={t('common.cancel')}
      onSubmit={submit}
      onCancel={props.onClose}
      busy={busy}
      wide
    >
      <p className="muted">{t('summary.briefBody')}</p>
      <BriefFields
        idPrefix="brief"
        value={draft}
        onChange={setDraft}
        auditeesError={errors.auditees}
        autoFocus
      />
      <Field id="brief-time-zone" label={t('summary.timeZone')} error={errors.timeZone}>
        <input
          id="brief-time-zone"
          list="brief-time-zones"
          value={timeZone}
          placeholder={audit.timeZone ? undefined : t('summary.timeZoneNone')}
          aria-invalid={!!errors.timeZone}
          aria-describedby="brief-time-zone-hint"
          onChange={(e) => setTimeZone(e.target.value)}
        />
        <datalist id="brief-time-zones">
          {timeZoneChoices(audit.timeZone).map((z) => (
            <option key={z} value={z} />
          ))}
        </datalist>
        <span className="hint" id="brief-time-zone-hint">
          {t('summary.timeZoneHint')}
        </span>
      </Field>
    </FormDialog>
  );
}
