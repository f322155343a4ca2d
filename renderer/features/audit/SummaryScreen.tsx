import { LOCALES, type Lang } from '../../../shared/i18n/lang.ts';
import { useLiveQuery } from 'dexie-react-hooks';
import { useState, type ReactNode } from 'react';
import { stepKey } from '../../../shared/checklist/applicability.ts';
import { reconciliationLists } from '../../../shared/checklist/reconciliation.ts';
import { FINDING_STATUSES, SEVERITIES, type AnswerResult } from '../../../shared/domain/enums.ts';
import type { Audit, Reconciliation } from '../../../shared/domain/schemas.ts';
import { tallyFindings } from '../../../shared/findings/findings.ts';
import type { AuditFigures } from '../../../shared/audit/figures.ts';
import { LIFECYCLE_STATES } from '../../../shared/findings/lifecycle.ts';
import { db } from '../../db/instance.ts';
import { buildAuditSnapshot } from '../../db/repositories/snapshot.ts';
import { completeAudit, getAudit, isLocked, reopenAudit } from '../../db/repositories/audits.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import type { WalkData } from '../../store/slices/walkthrough.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { useAction } from '../../ui/use-action.ts';
import { afterAuditCompleted, appVersion } from '../exchange/auto-backup.ts';
import { AuditHeader, ProgressBar } from './AuditHeader.tsx';
import { shortRecordId } from '../../../shared/record/record-id.ts';
import { BriefDialog } from './BriefDialog.tsx';
import { loadWalk, MISSING_TEXT } from './load-walk.ts';
import { positionLabel } from './SubjectList.tsx';
import './summary.css';

/** A stored UTC moment in the inspector's local time, e.g. "27 Nov 2026, 09:32". */
function localTime(iso: string, lang: Lang): string {
  return new Date(iso).toLocaleString(LOCALES[lang], {
    dateStyle: 'medium',
    timeStyle: 'short',
  });
}

function useSummaryData(auditId: string) {
  // Live: completing and reopening show at once. A completed audit's walk, findings and
  // figures all come from its frozen record; an audit in progress is computed from its scope
  // with the same function (shared/audit/figures.ts).
  return useLiveQuery(async () => {
    const loaded = await loadWalk(auditId);
    if ('missing' in loaded) return loaded.missing;
    const [snapshot, prior] = await Promise.all([
      buildAuditSnapshot(db(), auditId, {
        appVersion: '',
        signOff: null,
        includeEvidenceBytes: false,
      }),
      loaded.walk.audit.priorAuditId
        ? getAudit(db(), loaded.walk.audit.priorAuditId)
        : Promise.resolve(undefined),
    ]);
    return {
      walk: loaded.walk,
      findings: snapshot.findings,
      figures: snapshot.figures,
      prior,
      recordId: snapshot.recordId ?? null,
    };
  }, [auditId]);
}

const LIFECYCLE_ROWS = [...LIFECYCLE_STATES, 'notCarried'] as const;

/** How this audit's findings stand against the prior audit's: the counts Compare shows too. */
function LifecycleCounts({ figures }: { figures: AuditFigures }) {
  const t = useT();
  return (
    <section className="card" aria-labelledby="summary-lifecycle-title">
      <h2 id="summary-lifecycle-title">{t('summary.lifecycleTitle')}</h2>
      <dl className="summary-lifecycle">
        {LIFECYCLE_ROWS.map((k) => (
          <div key={k} data-state={k}>
            <dt>{t(`summary.lifecycle.${k}`)}</dt>
            <dd className="num">{figures.lifecycle[k]}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

function ResultCounts({ walk }: { walk: WalkData }) {
  const t = useT();
  const byRoom = walk.plan.rooms.map(() => ({ pass: 0, fail: 0, na: 0 }));
  for (const answer of walk.answers.values()) {
    const index = walk.plan.indexByKey.get(stepKey(answer.roomId, answer.deviceId, answer.itemId));
    if (index === undefined || answer.result === 'unchecked') continue;
    byRoom[walk.plan.roomOfStep[index]!]![answer.result as Exclude<AnswerResult, 'unchecked'>] += 1;
  }
  return (
    <table className="grid summary-table">
      <caption>{t('summary.progressTitle')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('summary.room')}</th>
          <th scope="col">{t('summary.progress')}</th>
          <th scope="col" className="num">
            {t('walk.result.pass')}
          </th>
          <th scope="col" className="num">
            {t('walk.result.fail')}
          </th>
          <th scope="col" className="num">
            {t('walk.result.na')}
          </th>
          <th scope="col" className="num">
            {t('summary.unanswered')}
          </th>
        </tr>
      </thead>
      <tbody>
        {walk.plan.rooms.map((r, i) => {
          const total = r.end - r.start;
          const answered = walk.answeredByRoom[i] ?? 0;
          const c = byRoom[i]!;
          return (
            <tr key={r.room.id}>
              <th scope="row">{r.room.name}</th>
              <td>
                <ProgressBar
                  answered={answered}
                  total={total}
                  label={t('walk.progressOverall', {
                    answered,
                    total,
                    percent: total ? Math.floor((answered / total) * 100) : 100,
                  })}
                />
              </td>
              <td className="num">{c.pass}</td>
              <td className="num">{c.fail}</td>
              <td className="num">{c.na}</td>
              <td className="num">{total - answered}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

function FindingCounts({ findings }: { findings: Parameters<typeof tallyFindings>[0] }) {
  const t = useT();
  const tally = tallyFindings(findings);
  return (
    <table className="grid summary-table">
      <caption>{t('summary.findingsTitle', { count: tally.total })}</caption>
      <thead>
        <tr>
          <th scope="col">{t('summary.severity')}</th>
          {FINDING_STATUSES.map((s) => (
            <th key={s} scope="col" className="num">
              {t.label('findingStatus', s)}
            </th>
          ))}
          <th scope="col" className="num">
            {t('summary.total')}
          </th>
        </tr>
      </thead>
      <tbody>
        {SEVERITIES.map((sev) => (
          <tr key={sev}>
            <th scope="row">
              <span className={`badge sev-${sev}`}>
                {t.label('severity', sev)} · {t.label('severityCat', sev)}
              </span>
            </th>
            {FINDING_STATUSES.map((s) => (
              <td key={s} className="num">
                {tally.cells[sev][s]}
              </td>
            ))}
            <td className="num strong">{tally.bySeverity[sev]}</td>
          </tr>
        ))}
        <tr className="total-row">
          <th scope="row">{t('summary.total')}</th>
          {FINDING_STATUSES.map((s) => (
            <td key={s} className="num">
              {tally.byStatus[s]}
            </td>
          ))}
          <td className="num strong">{tally.total}</td>
        </tr>
      </tbody>
    </table>
  );
}

function ReconciliationSummary({ walk }: { walk: WalkData }) {
  const t = useT();
  const lists = reconciliationLists(walk.reconciliations.values());
  const group = (title: string, rows: readonly Reconciliation[]) => (
    <div className="recon-col">
      <h3>{title}</h3>
      {rows.length === 0 ? (
        <p className="empty">{t('summary.reconNone')}</p>
      ) : (
        <ul>
          {rows.map((r) => {
            const d = walk.devices.get(r.deviceId);
            return (
              <li key={r.id}>
                <span>{d?.name || d?.assetTag || r.deviceId}</span>{' '}
                <span className="mono muted">{d ? positionLabel(walk, d) : ''}</span>
                {r.note && <span className="muted"> — {r.note}</span>}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
  return (
    <section className="card summary-recon" aria-labelledby="summary-recon-title">
      <h2 id="summary-recon-title">{t('walk.reconTitle')}</h2>
      <div className="recon-cols">
        {group(t('walk.missingList', { count: lists.missing.length }), lists.missing)}
        {group(t('walk.unexpectedList', { count: lists.unexpected.length }), lists.unexpected)}
        {group(t('walk.movedList', { count: lists.moved.length }), lists.moved)}
      </div>
    </section>
  );
}

function CompleteDialog(props: { auditId: string; unanswered: number; onClose: () => void }) {
  const t = useT();
  const { run, busy } = useAction(async () => {
    // The audit and its frozen record, in one transaction; then the automatic backup.
    await completeAudit(db(), props.auditId, await appVersion());
    await afterAuditCompleted(props.auditId);
    props.onClose();
  });
  return (
    <FormDialog
      title={t('summary.completeTitle')}
      submitLabel={t('summary.complete')}
      cancelLabel={t('common.cancel')}
      onSubmit={() => void run()}
      onCancel={props.onClose}
      busy={busy}
    >
      <p>{t('summary.completeBody')}</p>
      {props.unanswered > 0 && (
        <p className="warning" role="alert">
          {t('summary.completeUnanswered', { count: props.unanswered })}
        </p>
      )}
    </FormDialog>
  );
}

function ReopenDialog(props: { auditId: string; inspector: string; onClose: () => void }) {
  const t = useT();
  const [by, setBy] = useState(props.inspector);
  const [reason, setReason] = useState('');
  const [errors, setErrors] = useState<{ by?: string; reason?: string }>({});
  const { run, busy } = useAction(async () => {
    await reopenAudit(db(), props.auditId, by, reason);
    props.onClose();
  });
  return (
    <FormDialog
      title={t('summary.reopenTitle')}
      submitLabel={t('summary.reopen')}
      cancelLabel={t('common.cancel')}
      onCancel={props.onClose}
      busy={busy}
      onSubmit={() => {
        const next = {
          by: by.trim() ? undefined : t('common.required', { field: t('summary.reopenBy') }),
          reason: reason.trim() ? undefined : t('summary.reopenReasonRequired'),
        };
        setErrors(next);
        if (!next.by && !next.reason) void run();
      }}
    >
      <p>{t('summary.reopenBody')}</p>
      <Field id="reopen-by" label={t('summary.reopenBy')} error={errors.by}>
        <input id="reopen-by" value={by} onChange={(e) => setBy(e.target.value)} />
      </Field>
      <Field id="reopen-reason" label={t('summary.reopenReason')} error={errors.reason}>
        <textarea
          id="reopen-reason"
          rows={3}
          autoFocus
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          aria-invalid={!!errors.reason}
        />
      </Field>
    </FormDialog>
  );
}

/** `reportActions` is where the reports feature puts its "Sign report" control for this audit. */
export function SummaryScreen({
  auditId,
  reportActions,
}: {
  auditId: string;
  reportActions?: (audit: Audit) => ReactNode;
}) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const data = useSummaryData(auditId);
  const [dialog, setDialog] = useState<'complete' | 'reopen' | 'brief' | null>(null);
  if (data === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (typeof data === 'string') return <p role="alert">{t(MISSING_TEXT[data])}</p>;
  const { walk, findings, figures, prior, recordId } = data;
  const audit = walk.audit;
  const total = walk.plan.steps.length;
  const unanswered = total - walk.answeredTotal;
  return (
    <div className="summary-screen">
      <AuditHeader audit={audit} tab="summary">
        {audit.status === 'in_progress' && (
          <button type="button" className="secondary" onClick={() => setDialog('brief')}>
            {t('summary.editBrief')}
          </button>
        )}
        {audit.status === 'in_progress' && (
          <button type="button" className="primary" onClick={() => setDialog('complete')}>
            {t('summary.complete')}
          </button>
        )}
        {audit.status === 'completed' && (
          <button type="button" className="secondary" onClick={() => setDialog('reopen')}>
            {t('summary.reopen')}
          </button>
        )}
        {reportActions?.(audit)}
      </AuditHeader>
      <section className="card summary-facts" aria-label={t('summary.factsTitle')}>
        <dl>
          <div>
            <dt>{t('summary.inspectors')}</dt>
            <dd>{audit.inspectors.join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>{t('summary.template')}</dt>
            <dd>
              {walk.template.name} · v{audit.templateVersion}
            </dd>
          </div>
          <div>
            <dt>{t('summary.rooms')}</dt>
            <dd>{walk.rooms.map((r) => r.name).join(', ')}</dd>
          </div>
          <div>
            <dt>{t('summary.started')}</dt>
            <dd>{localTime(audit.startedAt, t.lang)}</dd>
          </div>
          <div>
            <dt>{t('summary.completed')}</dt>
            <dd>{audit.completedAt ? localTime(audit.completedAt, t.lang) : '—'}</dd>
          </div>
          <div>
            <dt>{t('summary.prior')}</dt>
            <dd>
              {prior ? (
                <button
                  type="button"
                  className="link"
                  onClick={() => navigate({ name: 'summary', auditId: prior.id })}
                >
                  {prior.title}
                </button>
              ) : (
                '—'
              )}
            </dd>
          </div>
          <div className="summary-facts-wide">
            <dt>{t('walk.startObjectives')}</dt>
            <dd>{audit.objectives || '—'}</dd>
          </div>
          <div>
            <dt>{t('walk.startAuditClient')}</dt>
            <dd>{audit.auditClient || '—'}</dd>
          </div>
          <div>
            <dt>{t('walk.startAuditees')}</dt>
            <dd>{audit.auditees.join(', ') || '—'}</dd>
          </div>
          <div>
            <dt>{t('summary.timeZone')}</dt>
            <dd>{audit.timeZone ?? t('summary.timeZoneNone')}</dd>
          </div>
          <div>
            <dt>{t('summary.devicesInScope')}</dt>
            <dd>
              {t('summary.devicesInspected', {
                inspected: figures.devicesInspected,
                total: figures.devices,
              })}
            </dd>
          </div>
          {recordId && (
            <div>
              <dt>{t('summary.recordId')}</dt>
              <dd className="mono" title={recordId}>
                {shortRecordId(recordId)}
              </dd>
            </div>
          )}
          <div>
            <dt>{t('summary.overall')}</dt>
            <dd>
              {t('walk.progressOverall', {
                answered: walk.answeredTotal,
                total,
                percent: total ? Math.floor((walk.answeredTotal / total) * 100) : 100,
              })}
            </dd>
          </div>
        </dl>
      </section>
      <div className="summary-grid">
        <section className="card">
          <FindingCounts findings={findings} />
        </section>
        <section className="card">
          <ResultCounts walk={walk} />
        </section>
      </div>
      {audit.priorAuditId && <LifecycleCounts figures={figures} />}
      <ReconciliationSummary walk={walk} />
      {audit.reopenLog.length > 0 && (
        <section className="card" aria-labelledby="summary-reopen-title">
          <h2 id="summary-reopen-title">{t('summary.reopenLog')}</h2>
          <table className="grid">
            <thead>
              <tr>
                <th scope="col">{t('summary.when')}</th>
                <th scope="col">{t('summary.reopenBy')}</th>
                <th scope="col">{t('summary.reopenReason')}</th>
              </tr>
            </thead>
            <tbody>
              {audit.reopenLog.map((e) => (
                <tr key={e.at}>
                  <td>{localTime(e.at, t.lang)}</td>
                  <td>{e.by}</td>
                  <td>{e.reason}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      )}
      {dialog === 'complete' && !isLocked(audit) && (
        <CompleteDialog
          auditId={audit.id}
          unanswered={unanswered}
          onClose={() => setDialog(null)}
        />
      )}
      {dialog === 'brief' && !isLocked(audit) && (
        <BriefDialog audit={audit} onClose={() => setDialog(null)} />
      )}
      {dialog === 'reopen' && (
        <ReopenDialog
          auditId={audit.id}
          inspector={walk.inspector}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
