import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useRef, useState } from 'react';
import type { IdentitySummary } from '../../../shared/bridge/signing-schemas.ts';
import type { Audit, Room, Site } from '../../../shared/domain/schemas.ts';
import type { SignOff } from '../../../shared/snapshot/schema.ts';
import { BRIEF_LIMITS, readListLines } from '../../../shared/audit/brief.ts';
import { listProblemText } from '../../ui/list-problem.ts';
import type { Verdict } from '../../../shared/verify/verdict.ts';
import { db } from '../../db/instance.ts';
import { getRooms, getSite } from '../../db/repositories/inventory.ts';
import { getAudit } from '../../db/repositories/audits.ts';
import { getSetting } from '../../db/repositories/settings.ts';
import {
  canSign,
  listSignedReports,
  nextReportNumbering,
  type SignedReportEntry,
} from '../../db/repositories/signed-reports.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import type { Lang } from '../../i18n/define.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { Field } from '../../ui/Field.tsx';
import { downloadBytes } from './files.ts';
import { formatBytes, formatDateTime } from './format.ts';
import { SignFlowError, signReport, type SignedResult, type SignStep } from './sign-flow.ts';
import { useIdentities } from './use-signing-lists.ts';
import { VerdictView } from './VerdictView.tsx';
import { translate, type Translator } from '../../i18n/translate.ts';
import './reports.css';
import { errorText } from '../../ui/error-text.ts';

type Form = {
  language: Lang;
  inspectorName: string;
  inspectorRole: string;
  approverName: string;
  approverRole: string;
  organisation: string;
  unit: string;
  reportId: string;
  reportVersion: string;
  /** Who receives a copy, one per line. */
  distribution: string;
  location: string;
  identityId: string;
  passphrase: string;
};

type Run =
  | { kind: 'idle' }
  | { kind: 'running'; step: SignStep }
  | { kind: 'done'; result: SignedResult }
  | { kind: 'failed'; message: string; verdict?: Verdict };

const STEPS: SignStep[] = ['snapshot', 'signing', 'recording'];
const STEP_TEXT: Record<SignStep, MessageKey> = {
  snapshot: 'reports.step.snapshot',
  signing: 'reports.step.signing',
  recording: 'reports.step.recording',
};

function useSignData(auditId: string) {
  return useLiveQuery(async () => {
    const audit = await getAudit(db(), auditId);
    if (!audit) return null;
    const [site, rooms, history, inspector] = await Promise.all([
      getSite(db(), audit.siteId),
      getRooms(db(), audit.roomIds),
      listSignedReports(db(), auditId),
      getSetting(db(), 'inspectorName', ''),
    ]);
    return { audit, site, rooms: rooms.filter((r) => r !== undefined), history, inspector };
  }, [auditId]);
}

const usable = (i: IdentitySummary) => i.state === 'ready' && i.certificate !== null;

type SignData = {
  audit: Audit;
  site: Site | undefined;
  rooms: Room[];
  history: SignedReportEntry[];
  inspector: string;
};

export function SignReportScreen({ auditId }: { auditId: string }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const data = useSignData(auditId);
  const identities = useIdentities();
  if (data === undefined) return <p className="muted">{t('common.loading')}</p>;
  if (data === null) return <p>{t('reports.auditMissing')}</p>;
  const { audit } = data;
  return (
    <div className="screen reports-screen sign-screen">
      <p className="crumbs">
        <button type="button" className="link" onClick={() => navigate({ name: 'reports' })}>
          {t('reports.title')}
        </button>
      </p>
      <div className="title-row">
        <h1>{t('reports.signTitle')}</h1>
        <span className={`badge audit-${audit.status}`}>
          {t.label('auditStatus', audit.status)}
        </span>
      </div>
      <p className="lead">
        <strong>{audit.title}</strong> · {data.site?.name} ·{' '}
        {data.rooms.map((r) => r.name).join(', ')} · {formatDateTime(audit.startedAt)}
      </p>
      {!canSign(audit) ? (
        <div className="notice notice-warn" role="alert">
          <p>{t('reports.notCompleted')}</p>
          <button
            type="button"
            className="secondary"
            onClick={() => navigate({ name: 'summary', auditId })}
          >
            {t('reports.openSummary')}
          </button>
        </div>
      ) : identities.data.state === 'loading' ? (
        <p className="muted">{t('common.loading')}</p>
      ) : identities.data.state === 'error' ? (
        <p className="form-error" role="alert">
          {errorText(t, identities.data.error)}
        </p>
      ) : (
        <SignForm key={auditId} data={data} identities={identities.data.value.filter(usable)} />
      )}
    </div>
  );
}

function defaults(data: SignData, ready: IdentitySummary[], t: Translator): Form {
  const numbering = nextReportNumbering(data.audit, data.history);
  return {
    language: t.lang,
    inspectorName: data.audit.inspectors[0] ?? data.inspector,
    inspectorRole: t('reports.defaultInspectorRole'),
    approverName: '',
    approverRole: t('reports.defaultApproverRole'),
    organisation: data.site?.organisation ?? '',
    unit: '',
    reportId: numbering.reportId,
    reportVersion: String(numbering.reportVersion),
    distribution: '',
    location: '',
    identityId: ready.length === 1 ? ready[0]!.id : '',
    passphrase: '',
  };
}

function SignForm({ data, identities: ready }: { data: SignData; identities: IdentitySummary[] }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  // The defaults are taken once; later edits are the user's.
  const [form, setForm] = useState<Form>(() => defaults(data, ready, t));
  const [errors, setErrors] = useState<Partial<Record<keyof Form, string>>>({});
  const [run, setRun] = useState<Run>({ kind: 'idle' });
  const auditId = data.audit.id;
  const identity = ready.find((i) => i.id === form.identityId);
  const set = (patch: Partial<Form>) => setForm((f) => ({ ...f, ...patch }));
  const submit = async () => {
    const version = Number(form.reportVersion);
    const distribution = readListLines(form.distribution, BRIEF_LIMITS.distributionEntries);
    const problems: Partial<Record<keyof Form, string>> = {
      inspectorName: form.inspectorName.trim()
        ? undefined
        : t('common.required', { field: t('reports.inspectorName') }),
      reportId: form.reportId.trim()
        ? undefined
        : t('common.required', { field: t('reports.reportId') }),
      reportVersion:
        Number.isInteger(version) && version >= 1 ? undefined : t('reports.versionInvalid'),
      distribution: distribution.problem ? listProblemText(t, distribution.problem) : undefined,
      identityId: identity ? undefined : t('reports.identityRequired'),
      passphrase:
        identity?.protection === 'passphrase' && !form.passphrase
          ? t('reports.passphraseRequired')
          : undefined,
    };
    setErrors(problems);
    if (Object.values(problems).some(Boolean) || !identity) return;
    const signOff: SignOff = {
      inspector: { name: form.inspectorName.trim(), role: form.inspectorRole.trim() },
      approver: form.approverName.trim()
        ? { name: form.approverName.trim(), role: form.approverRole.trim() }
        : null,
      organisation: form.organisation.trim(),
      unit: form.unit.trim(),
      reportId: form.reportId.trim(),
      reportVersion: version,
      language: form.language,
      distribution: distribution.entries,
    };
    setRun({ kind: 'running', step: 'snapshot' });
    try {
      const result = await signReport(
        db(),
        {
          auditId,
          signOff,
          identityId: identity.id,
          ...(identity.protection === 'passphrase' && { passphrase: form.passphrase }),
          location: form.location.trim(),
        },
        (step) => setRun({ kind: 'running', step }),
      );
      setRun({ kind: 'done', result });
      // The next signature of this audit is the next version.
      set({ passphrase: '', reportVersion: String(version + 1) });
    } catch (err) {
      if (err instanceof SignFlowError && err.kind === 'tooLarge') {
        setRun({ kind: 'failed', message: t('reports.tooLarge') });
      } else if (err instanceof SignFlowError) {
        setRun({ kind: 'failed', message: t('reports.selfCheckFailed'), verdict: err.verdict });
      } else {
        setRun({
          kind: 'failed',
          message: errorText(t, err),
        });
      }
    }
  };

  const running = run.kind === 'running';
  return (
    <>
      <form
        className="sign-grid"
        aria-label={t('reports.signTitle')}
        onSubmit={(e) => {
          e.preventDefault();
          if (!running) void submit();
        }}
      >
        <fieldset className="card form" disabled={running}>
          <legend>{t('reports.signOff')}</legend>
          <Field id="sr-lang" label={t('reports.language')}>
            <select
              id="sr-lang"
              value={form.language}
              onChange={(e) => {
                const language = e.target.value as Lang;
                // Default roles follow the report's language until the user types their own.
                const patch: Partial<Form> = { language };
                if (form.inspectorRole === translate(form.language, 'reports.defaultInspectorRole'))
                  patch.inspectorRole = translate(language, 'reports.defaultInspectorRole');
                if (form.approverRole === translate(form.language, 'reports.defaultApproverRole'))
                  patch.approverRole = translate(language, 'reports.defaultApproverRole');
                set(patch);
              }}
            >
              <option value="en">English</option>
              <option value="zh">简体中文</option>
            </select>
          </Field>
          <div className="row">
            <Field id="sr-insp" label={t('reports.inspectorName')} error={errors.inspectorName}>
              <input
                id="sr-insp"
                maxLength={200}
                value={form.inspectorName}
                aria-invalid={!!errors.inspectorName}
                onChange={(e) => set({ inspectorName: e.target.value })}
              />
            </Field>
            <Field id="sr-insp-role" label={t('reports.inspectorRole')}>
              <input
                id="sr-insp-role"
                maxLength={200}
                value={form.inspectorRole}
                onChange={(e) => set({ inspectorRole: e.target.value })}
              />
            </Field>
          </div>
          <div className="row">
            <Field id="sr-appr" label={t('reports.approverName')}>
              <input
                id="sr-appr"
                maxLength={200}
                value={form.approverName}
                onChange={(e) => set({ approverName: e.target.value })}
              />
            </Field>
            <Field id="sr-appr-role" label={t('reports.approverRole')}>
              <input
                id="sr-appr-role"
                maxLength={200}
                value={form.approverRole}
                onChange={(e) => set({ approverRole: e.target.value })}
              />
            </Field>
          </div>
          <div className="row">
            <Field id="sr-org" label={t('reports.organisation')}>
              <input
                id="sr-org"
                maxLength={200}
                value={form.organisation}
                onChange={(e) => set({ organisation: e.target.value })}
              />
            </Field>
            <Field id="sr-unit" label={t('reports.unit')}>
              <input
                id="sr-unit"
                maxLength={200}
                value={form.unit}
                onChange={(e) => set({ unit: e.target.value })}
              />
            </Field>
          </div>
          <div className="row">
            <Field id="sr-id" label={t('reports.reportId')} error={errors.reportId}>
              <input
                id="sr-id"
                className="mono"
                maxLength={100}
                value={form.reportId}
                aria-invalid={!!errors.reportId}
                onChange={(e) => set({ reportId: e.target.value })}
              />
            </Field>
            <Field id="sr-ver" label={t('reports.reportVersion')} error={errors.reportVersion}>
              <input
                id="sr-ver"
                type="number"
                min={1}
                step={1}
                value={form.reportVersion}
                aria-invalid={!!errors.reportVersion}
                onChange={(e) => set({ reportVersion: e.target.value })}
              />
            </Field>
          </div>
          <Field id="sr-dist" label={t('reports.distribution')} error={errors.distribution}>
            <textarea
              id="sr-dist"
              rows={3}
              value={form.distribution}
              aria-invalid={!!errors.distribution}
              aria-describedby="sr-dist-hint"
              onChange={(e) => set({ distribution: e.target.value })}
            />
            <span className="hint" id="sr-dist-hint">
              {t('reports.distributionHint')}
            </span>
          </Field>
          {data.history.length > 0 && (
            <p className="hint">
              {t('reports.previousVersions', {
                list: data.history
                  .map((h) => `${h.reportId} v${h.reportVersion} (${formatDateTime(h.signedAt)})`)
                  .join('; '),
              })}
            </p>
          )}
        </fieldset>
        <fieldset className="card form" disabled={running}>
          <legend>{t('reports.signature')}</legend>
          {ready.length === 0 ? (
            <div className="notice notice-warn">
              <p>{t('reports.noIdentity')}</p>
              <button
                type="button"
                className="secondary"
                onClick={() => navigate({ name: 'identities' })}
              >
                {t('reports.manageIdentities')}
              </button>
            </div>
          ) : (
            <>
              <Field id="sr-identity" label={t('reports.identity')} error={errors.identityId}>
                <select
                  id="sr-identity"
                  value={form.identityId}
                  aria-invalid={!!errors.identityId}
                  onChange={(e) => set({ identityId: e.target.value, passphrase: '' })}
                >
                  <option value="">{t('reports.chooseIdentity')}</option>
                  {ready.map((i) => (
                    <option key={i.id} value={i.id}>
                      {i.label}
                      {i.certificate?.selfIssued ? ` — ${t('identities.selfIssued')}` : ''}
                    </option>
                  ))}
                </select>
              </Field>
              {identity?.certificate?.selfIssued && (
                <p className="hint">{t('reports.selfIssuedNote')}</p>
              )}
              {identity?.protection === 'passphrase' && (
                <Field id="sr-pass" label={t('reports.passphrase')} error={errors.passphrase}>
                  <input
                    id="sr-pass"
                    type="password"
                    autoComplete="off"
                    value={form.passphrase}
                    aria-invalid={!!errors.passphrase}
                    onChange={(e) => set({ passphrase: e.target.value })}
                  />
                </Field>
              )}
              <Field id="sr-loc" label={t('reports.location')}>
                <input
                  id="sr-loc"
                  maxLength={200}
                  value={form.location}
                  onChange={(e) => set({ location: e.target.value })}
                />
              </Field>
            </>
          )}
          <button type="submit" className="primary sign-button" disabled={running}>
            {running ? t('reports.signing') : t('reports.sign')}
          </button>
          <SignProgress run={run} />
        </fieldset>
      </form>
      {run.kind === 'done' && <SignedPanel result={run.result} />}
      {run.kind === 'failed' && run.verdict && <VerdictView verdict={run.verdict} />}
    </>
  );
}

function SignProgress({ run }: { run: Run }) {
  const t = useT();
  if (run.kind === 'idle') return null;
  const current = run.kind === 'running' ? STEPS.indexOf(run.step) : STEPS.length;
  return (
    <div className="sign-progress" aria-live="polite">
      {run.kind !== 'failed' && (
        <ol className="step-list">
          {STEPS.map((step, i) => (
            <li
              key={step}
              className={i < current ? 'step-done' : i === current ? 'step-now' : 'step-later'}
              aria-current={i === current ? 'step' : undefined}
            >
              {i === current && <span className="spinner" aria-hidden="true" />}
              {t(STEP_TEXT[step])}
            </li>
          ))}
        </ol>
      )}
      {run.kind === 'failed' && (
        <p className="form-error" role="alert">
          {run.message}
        </p>
      )}
    </div>
  );
}

function SignedPanel({ result }: { result: SignedResult }) {
  const t = useT();
  const heading = useRef<HTMLHeadingElement>(null);
  // The result appears below the form: bring it into view and put the focus on it.
  useEffect(() => {
    heading.current?.scrollIntoView({ block: 'start', behavior: 'smooth' });
    heading.current?.focus({ preventScroll: true });
  }, [result]);
  return (
    <section className="card signed-panel" aria-labelledby="signed-title">
      <div className="title-row">
        <h2 id="signed-title" ref={heading} tabIndex={-1}>
          {t('reports.signedTitle')}
        </h2>
        <button
          type="button"
          className="primary"
          onClick={() => downloadBytes(result.pdf, result.fileName, 'application/pdf')}
        >
          {t('reports.download', { file: result.fileName })}
        </button>
      </div>
      <p className="muted">
        {t('reports.signedFacts', {
          pages: result.pageCount,
          size: formatBytes(result.pdf.length),
        })}
      </p>
      {result.recordProblem && (
        <p className="form-error" role="alert">
          {t('reports.notRecorded', { message: result.recordProblem })}
        </p>
      )}
      <h3>{t('reports.selfCheck')}</h3>
      <VerdictView verdict={result.verdict} compact />
    </section>
  );
}
