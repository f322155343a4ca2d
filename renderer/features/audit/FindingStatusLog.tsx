import { useState } from 'react';
import { FINDING_STATUSES, type FindingStatus } from '../../../shared/domain/enums.ts';
import type { Finding } from '../../../shared/domain/schemas.ts';
import type { FindingStanding } from '../../../shared/findings/status-events.ts';
import { db } from '../../db/instance.ts';
import { recordFindingEvent } from '../../db/repositories/finding-events.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { Field } from '../../ui/Field.tsx';
import { useAction } from '../../ui/use-action.ts';

/**
 * A finding of a completed audit: the status its record froze, what was recorded since (who,
 * when, why), and the form that records a further change. The record itself never changes.
 */
export function FindingStatusLog(props: {
  auditId: string;
  finding: Finding;
  standing: FindingStanding;
  inspector: string;
}) {
  const t = useT();
  const notify = useStore((s) => s.notify);
  const { standing } = props;
  const other = FINDING_STATUSES.filter((s) => s !== standing.status);
  const [status, setStatus] = useState<FindingStatus>(
    other.includes('closed') ? 'closed' : other[0]!,
  );
  const [by, setBy] = useState(props.inspector);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ by?: string; reason?: string }>({});
  const { run, busy } = useAction(async () => {
    await recordFindingEvent(db(), {
      auditId: props.auditId,
      findingId: props.finding.id,
      status,
      by,
      reason,
    });
    setReason('');
    notify('info', t('findingLog.recorded'));
  });
  const submit = () => {
    const next = {
      by: by.trim() ? undefined : t('common.required', { field: t('findingLog.by') }),
      reason: reason.trim() ? undefined : t('findingLog.reasonRequired'),
    };
    setErrors(next);
    if (!next.by && !next.reason) void run();
  };
  return (
    <section className="finding-status-log" aria-labelledby="finding-log-title">
      <h3 id="finding-log-title">{t('findingLog.title')}</h3>
      <p>
        {t('findingLog.frozen')}{' '}
        <span className={`badge fstatus-${standing.frozen}`}>
          {t.label('findingStatus', standing.frozen)}
        </span>
      </p>
      {standing.since.length === 0 ? (
        <p className="muted">{t('findingLog.none')}</p>
      ) : (
        <>
          <p>{t('findingLog.since')}</p>
          <ol className="finding-log-events">
            {standing.since.map((e) => (
              <li key={e.id}>
                <span className={`badge fstatus-${e.status}`}>
                  {t.label('findingStatus', e.status)}
                </span>{' '}
                {t('findingLog.event', { by: e.by, date: e.at.slice(0, 10) })}
                <span className="finding-log-reason"> — {e.reason}</span>
              </li>
            ))}
          </ol>
        </>
      )}
      <form
        className="finding-log-form"
        aria-label={t('findingLog.formTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          submit();
        }}
      >
        <div className="row row-2">
          <Field id="finding-log-status" label={t('findingLog.newStatus')}>
            <select
              id="finding-log-status"
              value={status}
              onChange={(e) => setStatus(e.target.value as FindingStatus)}
            >
              {other.map((s) => (
                <option key={s} value={s}>
                  {t.label('findingStatus', s)}
                </option>
              ))}
            </select>
          </Field>
          <Field id="finding-log-by" label={t('findingLog.by')} error={errors.by}>
            <input
              id="finding-log-by"
              value={by}
              onChange={(e) => setBy(e.target.value)}
              aria-invalid={!!errors.by}
            />
          </Field>
        </div>
        <Field id="finding-log-reason" label={t('findingLog.reason')} error={errors.reason}>
          <textarea
            id="finding-log-reason"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            aria-invalid={!!errors.reason}
          />
        </Field>
        <div className="finding-form-buttons">
          <button type="submit" className="primary" disabled={busy}>
            {t('findingLog.record')}
          </button>
        </div>
      </form>
    </section>
  );
}
