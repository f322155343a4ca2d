import { useState } from 'react';
import {
  FINDING_STATUSES,
  SEVERITIES,
  type FindingStatus,
  type Severity,
} from '../../../shared/domain/enums.ts';
import { IsoDate, type Device, type Finding, type Room } from '../../../shared/domain/schemas.ts';
import { checkStatusChange } from '../../../shared/findings/findings.ts';
import { db } from '../../db/instance.ts';
import {
  changeSeverity,
  setFindingStatus,
  updateRemediation,
} from '../../db/repositories/findings.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { useAction } from '../../ui/use-action.ts';
import { isCarried } from '../../../shared/findings/lifecycle.ts';
import type { FindingStanding } from '../../../shared/findings/status-events.ts';
import { EvidencePanel } from './EvidencePanel.tsx';
import { FindingStatusLog } from './FindingStatusLog.tsx';

function SeverityDialog(props: { finding: Finding; by: string; onClose: () => void }) {
  const t = useT();
  const [to, setTo] = useState<Severity>(props.finding.severity);
  const [reason, setReason] = useState('');
  const [error, setError] = useState<string | null>(null);
  const { run, busy } = useAction(async () => {
    await changeSeverity(db(), props.finding.id, to, reason, props.by);
    props.onClose();
  });
  return (
    <FormDialog
      title={t('findings.changeSeverity')}
      submitLabel={t('common.save')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onClose}
      busy={busy}
      onSubmit={() => {
        if (!reason.trim()) return setError(t('findings.severityReasonRequired'));
        setError(null);
        void run();
      }}
    >
      <Field id="sev-to" label={t('findings.severity')}>
        <select id="sev-to" value={to} onChange={(e) => setTo(e.target.value as Severity)}>
          {SEVERITIES.map((s) => (
            <option key={s} value={s}>
              {t.label('severityMeaning', s)}
            </option>
          ))}
        </select>
      </Field>
      <Field id="sev-reason" label={t('findings.severityReason')} error={error}>
        <textarea
          id="sev-reason"
          rows={3}
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={!!error}
        />
      </Field>
    </FormDialog>
  );
}

/** One finding: what was found, what is done about it, and its photos. */
export function FindingDetail(props: {
  finding: Finding;
  room: Room | undefined;
  device: Device | undefined;
  locked: boolean;
  inspector: string;
  /** The prior audit's title, for "carried from". */
  priorTitle: string | null;
  /** How it stands now; for a completed audit, its status frozen and the changes since. */
  standing: FindingStanding;
}) {
  const t = useT();
  const notify = useStore((s) => s.notify);
  const { finding, locked } = props;
  const [detail, setDetail] = useState(finding.detail);
  const [remediation, setRemediation] = useState(finding.remediation);
  const [owner, setOwner] = useState(finding.owner);
  const [dueDate, setDueDate] = useState(finding.dueDate ?? '');
  const [status, setStatus] = useState<FindingStatus>(finding.status);
  const [reason, setReason] = useState(finding.statusReason);
  const [errors, setErrors] = useState<{ due?: string; reason?: string }>({});
  const [changingSeverity, setChangingSeverity] = useState(false);
  const { run, busy } = useAction(async () => {
    await updateRemediation(db(), finding.id, {
      ...(locked ? {} : { detail }),
      remediation,
      owner: owner.trim(),
      dueDate: dueDate || null,
    });
    if (status !== finding.status || reason !== finding.statusReason)
      await setFindingStatus(db(), finding.id, status, reason);
    notify('info', t('common.saved'));
  });
  const save = () => {
    const next = {
      due: dueDate && !IsoDate.safeParse(dueDate).success ? t('findings.dueInvalid') : undefined,
      reason:
        checkStatusChange(status, reason) === 'reasonRequired'
          ? t('findings.riskReasonRequired')
          : undefined,
    };
    setErrors(next);
    if (!next.due && !next.reason) void run();
  };
  const where = [props.room?.name, props.device?.name || props.device?.assetTag]
    .filter(Boolean)
    .join(' › ');
  return (
    <article className="finding-detail" aria-labelledby="finding-title">
      <header>
        <h2 id="finding-title">{finding.title}</h2>
        <p className="finding-where">
          <span className={`badge sev-${finding.severity}`}>
            {t.label('severity', finding.severity)} · {t.label('severityCat', finding.severity)}
          </span>
          {finding.itemId ? (
            <span className="mono">{finding.itemId}</span>
          ) : (
            <span className="badge">{t('findings.manual')}</span>
          )}
          <span className="muted">{where}</span>
          {!locked && (
            <button type="button" className="link" onClick={() => setChangingSeverity(true)}>
              {t('findings.changeSeverity')}
            </button>
          )}
        </p>
        {isCarried(finding) && (
          <p className="finding-origin">
            {t('findings.carriedFrom', {
              audit: props.priorTitle ?? finding.carriedFrom?.auditId ?? finding.firstSeenAuditId,
              date: finding.firstSeenAt.slice(0, 10),
            })}
            {finding.resolution &&
              ` · ${t('findings.resolvedBy', { by: finding.resolution.by, date: finding.resolution.at.slice(0, 10) })}`}
          </p>
        )}
        {finding.severityChanges.length > 0 && (
          <ul className="severity-log">
            {finding.severityChanges.map((c) => (
              <li key={c.at}>
                {t('findings.severityChanged', {
                  from: t.label('severity', c.from),
                  to: t.label('severity', c.to),
                  by: c.by || '—',
                  date: c.at.slice(0, 10),
                  reason: c.reason,
                })}
              </li>
            ))}
          </ul>
        )}
      </header>
      <form
        className="finding-form"
        onSubmit={(e) => {
          e.preventDefault();
          save();
        }}
      >
        <Field id="finding-detail-text" label={t('findings.detail')}>
          <textarea
            id="finding-detail-text"
            rows={3}
            value={detail}
            readOnly={locked}
            onChange={(e) => setDetail(e.target.value)}
          />
        </Field>
        <Field id="finding-remediation" label={t('findings.remediation')}>
          <textarea
            id="finding-remediation"
            rows={2}
            value={remediation}
            readOnly={locked}
            onChange={(e) => setRemediation(e.target.value)}
          />
        </Field>
        <div className="row row-3">
          <Field id="finding-owner" label={t('findings.owner')}>
            <input
              id="finding-owner"
              value={owner}
              readOnly={locked}
              onChange={(e) => setOwner(e.target.value)}
            />
          </Field>
          <Field id="finding-due" label={t('findings.dueDate')} error={errors.due}>
            <input
              id="finding-due"
              className="mono"
              inputMode="numeric"
              placeholder={t('common.datePlaceholder')}
              value={dueDate}
              readOnly={locked}
              onChange={(e) => setDueDate(e.target.value)}
              aria-invalid={!!errors.due}
            />
          </Field>
          <Field id="finding-status" label={t('findings.status')}>
            <select
              id="finding-status"
              value={status}
              disabled={locked}
              onChange={(e) => setStatus(e.target.value as FindingStatus)}
            >
              {FINDING_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t.label('findingStatus', s)}
                </option>
              ))}
            </select>
          </Field>
        </div>
        {(status === 'risk_accepted' || status === 'closed' || reason) && (
          <Field
            id="finding-reason"
            label={
              status === 'risk_accepted' ? t('findings.riskReason') : t('findings.statusReason')
            }
            error={errors.reason}
          >
            <textarea
              id="finding-reason"
              rows={2}
              value={reason}
              readOnly={locked}
              onChange={(e) => setReason(e.target.value)}
              aria-invalid={!!errors.reason}
            />
          </Field>
        )}
        {locked ? (
          <p className="muted">{t('findingLog.lockedHint')}</p>
        ) : (
          <div className="finding-form-buttons">
            <button type="submit" className="primary" disabled={busy}>
              {t('common.save')}
            </button>
          </div>
        )}
      </form>
      {locked && (
        <FindingStatusLog
          key={`${props.standing.status}|${props.standing.since.length}`}
          auditId={finding.auditId}
          finding={finding}
          standing={props.standing}
          inspector={props.inspector}
        />
      )}
      <EvidencePanel findingId={finding.id} locked={locked} refs={finding.evidenceRefs} />
      {changingSeverity && (
        <SeverityDialog
          finding={finding}
          by={props.inspector}
          onClose={() => setChangingSeverity(false)}
        />
      )}
    </article>
  );
}
