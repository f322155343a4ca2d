import { useEffect, useState } from 'react';
import type { AuditSnapshot } from '../../../shared/snapshot/schema.ts';
import { displayValue } from '../../db/device-diff.ts';
import { db } from '../../db/instance.ts';
import {
  applyAuditImport,
  planAuditImport,
  type AuditImportPlan,
  type AuditImportSource,
  type DeviceChoice,
  type EvidenceProblemReason,
} from '../../db/repositories/audit-import.ts';
import { getSetting } from '../../db/repositories/settings.ts';
import type { ImportLogRow } from '../../db/types.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/use-t.ts';
import { deviceFieldLabel } from './device-field-label.ts';
import type { PickedFile } from './file-info.ts';
import { problemText } from './problem-text.ts';

const EVIDENCE_REASON: Record<EvidenceProblemReason, MessageKey> = {
  no_bytes: 'exchange.photo.no_bytes',
  bad_base64: 'exchange.photo.bad_base64',
  size_mismatch: 'exchange.photo.size_mismatch',
  hash_mismatch: 'exchange.photo.hash_mismatch',
  not_an_image: 'exchange.photo.not_an_image',
  too_large: 'exchange.photo.too_large',
};

/** The preview and apply step of importing a prior audit (from a report or an export). */
export function AuditImport(props: {
  file: PickedFile;
  snapshot: AuditSnapshot;
  source: AuditImportSource;
  onDone: (log: ImportLogRow, auditId: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [plan, setPlan] = useState<AuditImportPlan | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [choices, setChoices] = useState<Record<string, DeviceChoice>>({});
  const [busy, setBusy] = useState(false);
  const { snapshot, source } = props;

  useEffect(() => {
    let live = true;
    planAuditImport(db(), snapshot, source).then(
      (p) => live && setPlan(p),
      (err: unknown) => live && setError(problemText(t, err)),
    );
    return () => {
      live = false;
    };
    // The plan is made once per file; the language only changes how errors read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [snapshot, source]);

  const apply = async () => {
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      const by = await getSetting(db(), 'inspectorName', '');
      const log = await applyAuditImport(db(), plan, choices, {
        fileName: props.file.name,
        sha256: props.file.sha256,
        by,
      });
      props.onDone(log, plan.snapshot.audit.id);
    } catch (err) {
      setError(problemText(t, err));
    } finally {
      setBusy(false);
    }
  };

  const a = snapshot.audit;
  return (
    <section className="card import-flow" aria-labelledby="audit-import-title">
      <h2 id="audit-import-title">{t('exchange.auditTitle', { title: a.title })}</h2>
      <dl className="facts">
        <div>
          <dt>{t('exchange.site')}</dt>
          <dd>
            {snapshot.site.name}
            {plan && (plan.siteIsNew ? ` (${t('exchange.new')})` : ` (${t('exchange.known')})`)}
          </dd>
        </div>
        <div>
          <dt>{t('exchange.rooms')}</dt>
          <dd>{snapshot.rooms.map((r) => r.name).join(', ')}</dd>
        </div>
        <div>
          <dt>{t('exchange.auditStatus')}</dt>
          <dd>
            {t.label('auditStatus', a.status)} · {a.startedAt.slice(0, 10)}
            {a.completedAt ? ` – ${a.completedAt.slice(0, 10)}` : ''}
          </dd>
        </div>
        <div>
          <dt>{t('exchange.inspectors')}</dt>
          <dd>{a.inspectors.join(', ') || '—'}</dd>
        </div>
      </dl>

      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      {!plan && !error && <p>{t('common.loading')}</p>}
      {plan && (
        <>
          <ul className="counts" aria-label={t('exchange.previewSummary')}>
            <li className="count count-add">
              <strong>{plan.devicesNew.length}</strong> <span>{t('exchange.countAdd')}</span>
            </li>
            <li className="count count-conflict">
              <strong>{plan.conflicts.length}</strong> <span>{t('exchange.countDiffering')}</span>
            </li>
            <li className="count count-same">
              <strong>{plan.devicesUnchanged}</strong> <span>{t('exchange.countUnchanged')}</span>
            </li>
            <li className="count">
              <strong>{snapshot.findings.length}</strong> <span>{t('exchange.countFindings')}</span>
            </li>
            <li className="count">
              <strong>{plan.evidence.length}</strong> <span>{t('exchange.countPhotos')}</span>
            </li>
            {plan.evidenceProblems.length > 0 && (
              <li className="count count-reject">
                <strong>{plan.evidenceProblems.length}</strong>{' '}
                <span>{t('exchange.countPhotosRejected')}</span>
              </li>
            )}
          </ul>
          {(plan.roomsNew.length > 0 || plan.racksNew.length > 0) && (
            <p className="info-box">
              {plan.roomsNew.length > 0 && (
                <span className="place-line">
                  {t('exchange.createRooms', {
                    names: plan.roomsNew.map((r) => r.name).join(', '),
                  })}
                </span>
              )}
              {plan.racksNew.length > 0 && (
                <span className="place-line">
                  {t('exchange.createRacks', {
                    names: plan.racksNew.map((r) => r.name).join(', '),
                  })}
                </span>
              )}
            </p>
          )}
          {plan.evidenceProblems.length > 0 && (
            <section aria-labelledby="ai-photos">
              <h3 id="ai-photos">{t('exchange.photosRejectedTitle')}</h3>
              <ul className="problems">
                {plan.evidenceProblems.map((p) => (
                  <li key={p.evidence.id}>
                    {p.evidence.fileName}: {t(EVIDENCE_REASON[p.reason])}
                  </li>
                ))}
              </ul>
            </section>
          )}
          {plan.conflicts.length > 0 && (
            <section aria-labelledby="ai-conflicts">
              <h3 id="ai-conflicts">
                {t('exchange.deviceConflictsTitle', { count: plan.conflicts.length })}
              </h3>
              <p className="muted">{t('exchange.deviceConflictsHelp')}</p>
              <ul className="conflicts">
                {plan.conflicts.map((c) => {
                  const choice = choices[c.local.id] ?? c.suggested;
                  const label = c.local.name || c.local.assetTag || c.local.serial;
                  return (
                    <li key={c.local.id} className="conflict">
                      <p>
                        <strong>{label}</strong>{' '}
                        <span className="mono muted">{c.local.assetTag}</span>
                      </p>
                      <table className="grid compact">
                        <thead>
                          <tr>
                            <th scope="col">{t('exchange.field')}</th>
                            <th scope="col">{t('exchange.here')}</th>
                            <th scope="col">{t('exchange.inFile')}</th>
                          </tr>
                        </thead>
                        <tbody>
                          {c.changes.map((ch) => (
                            <tr key={ch.field}>
                              <td>{deviceFieldLabel(t, ch.field)}</td>
                              <td>{displayValue(ch.from) || '—'}</td>
                              <td>{displayValue(ch.to) || '—'}</td>
                            </tr>
                          ))}
                        </tbody>
                      </table>
                      <fieldset className="choice">
                        <legend>{t('exchange.deviceChoice', { device: label })}</legend>
                        <label>
                          <input
                            type="radio"
                            name={`dev-${c.local.id}`}
                            checked={choice === 'keep'}
                            onChange={() => setChoices((x) => ({ ...x, [c.local.id]: 'keep' }))}
                          />
                          {t('exchange.keepMine')}
                        </label>
                        <label>
                          <input
                            type="radio"
                            name={`dev-${c.local.id}`}
                            checked={choice === 'take'}
                            onChange={() => setChoices((x) => ({ ...x, [c.local.id]: 'take' }))}
                          />
                          {t('exchange.takeTheirs')}
                        </label>
                      </fieldset>
                    </li>
                  );
                })}
              </ul>
            </section>
          )}
        </>
      )}
      <div className="flow-buttons">
        <button type="button" className="secondary" onClick={props.onCancel} disabled={busy}>
          {t('exchange.cancelImport')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={!plan || busy}
          onClick={() => void apply()}
        >
          {busy ? t('exchange.applying') : t('exchange.applyImport')}
        </button>
      </div>
    </section>
  );
}
