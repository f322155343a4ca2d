import { useId } from 'react';
import { SEVERITIES } from '../../../shared/domain/enums.ts';
import { formatVerifyMessage } from '../../../shared/verify/messages.ts';
import type { SignatureReport, SnapshotSummary, Verdict } from '../../../shared/verify/verdict.ts';
import { useT } from '../../i18n/use-t.ts';
import { formatBytes, formatDateTime, formatFingerprint } from './format.ts';
import { isUnreadable, STATUS_HEADLINE, STATUS_TEXT } from './verdict-text.ts';

const ICON = { valid: '✓', invalid: '✕', indeterminate: '?' } as const;

/** When a signature was made, and what vouches for that time. */
function SignatureTime({ sig }: { sig: SignatureReport }) {
  const t = useT();
  const ts = sig.timestamp;
  if (ts?.intact && ts.trusted && ts.time)
    return (
      <>
        {formatDateTime(ts.time)}{' '}
        <span className="ok-text">
          {t('verify.time.trustedTimestamp', { authority: ts.authority ?? '—' })}
        </span>
      </>
    );
  return (
    <>
      {formatDateTime(sig.signingTime)} <span className="muted">{t('verify.claimedTime')}</span>
      {ts?.intact && ts.time && (
        <span className="muted block">
          {t('verify.time.untrustedTimestamp', {
            time: formatDateTime(ts.time),
            authority: ts.authority ?? '—',
          })}
        </span>
      )}
      {ts && !ts.intact && ts.message && (
        <span className="warn-text block">
          {t('verify.time.brokenTimestamp', { reason: formatVerifyMessage(ts.message, t.lang) })}
        </span>
      )}
    </>
  );
}

/** Every change made after this signature, each permitted or not by the standard. */
function LaterChanges({ sig }: { sig: SignatureReport }) {
  const t = useT();
  if (sig.revision === null) return null;
  return (
    <div className="later-changes">
      <h5>{t('verify.laterChanges')}</h5>
      {sig.laterChanges.length === 0 ? (
        <p className="muted">{t('verify.noLaterChanges')}</p>
      ) : (
        <ul>
          {sig.laterChanges.map((c, i) => (
            <li key={i} className={c.permitted ? 'change-permitted' : 'change-refused'}>
              <span
                className={`badge ${c.permitted ? 'verdict-badge-valid' : 'verdict-badge-invalid'}`}
              >
                {t(c.permitted ? 'verify.permitted' : 'verify.notPermitted')}
              </span>
              <span className="change-text">{formatVerifyMessage(c.message, t.lang)}</span>
              <span className="muted">{t('verify.inRevision', { n: c.revision })}</span>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}

function SignatureItem(props: { sig: SignatureReport; count: number; revisions: number }) {
  const t = useT();
  const { sig } = props;
  const trust = sig.trusted
    ? sig.trustedBy === 'pin'
      ? t('verify.trustedPin')
      : t('verify.trustedAnchor')
    : t('verify.notTrusted');
  const kind =
    sig.kind === 'certification'
      ? t('verify.kind.certification', { p: sig.docMdp ?? 2 })
      : t(
          sig.kind === 'timestamp'
            ? 'verify.kind.timestamp'
            : sig.index === 0
              ? 'verify.kind.approval'
              : 'verify.kind.countersignature',
        );
  return (
    <li className={`sig-item sig-${sig.status}`}>
      <div className="sig-head">
        <h4>
          {t('verify.signatureOf', { n: sig.index + 1, count: props.count })} · {kind}
        </h4>
        <span className={`badge verdict-badge-${sig.status}`}>{t(STATUS_TEXT[sig.status])}</span>
      </div>
      <p className="sig-reason">{formatVerifyMessage(sig.message, t.lang)}</p>
      <dl className="facts">
        <div>
          <dt>{t(sig.kind === 'timestamp' ? 'verify.authority' : 'verify.signer')}</dt>
          <dd>{sig.signer ? sig.signer.commonName || sig.signer.subject : t('verify.unknown')}</dd>
        </div>
        <div>
          <dt>{t('verify.issuer')}</dt>
          <dd>
            {sig.signer
              ? sig.signer.selfIssued
                ? t('verify.selfIssued')
                : sig.signer.issuer
              : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('verify.signingTime')}</dt>
          <dd>
            <SignatureTime sig={sig} />
          </dd>
        </div>
        <div>
          <dt>{t('verify.trust')}</dt>
          <dd className={sig.trusted ? 'ok-text' : 'warn-text'}>{trust}</dd>
        </div>
        <div>
          <dt>{t('verify.integrity')}</dt>
          <dd className={sig.intact ? 'ok-text' : 'bad-text'}>
            {sig.intact ? t('verify.intact') : t('verify.notIntact')}
          </dd>
        </div>
        <div>
          <dt>{t('verify.coverage')}</dt>
          <dd>
            {sig.revision === null
              ? '—'
              : sig.coversWholeFile
                ? t('verify.coversAll')
                : t('verify.coversRevision', { n: sig.revision, count: props.revisions })}
          </dd>
        </div>
        {sig.signer && (
          <div className="wide">
            <dt>{t('verify.fingerprint')}</dt>
            <dd className="mono fingerprint">{formatFingerprint(sig.signer.fingerprintSha256)}</dd>
          </div>
        )}
        {(sig.location || sig.signReason) && (
          <div className="wide">
            <dt>{t('verify.statedReason')}</dt>
            <dd>{[sig.signReason, sig.location].filter(Boolean).join(' · ')}</dd>
          </div>
        )}
      </dl>
      <LaterChanges sig={sig} />
    </li>
  );
}

function SnapshotFacts({ s, verdict }: { s: SnapshotSummary; verdict: Verdict }) {
  const t = useT();
  const titleId = useId();
  return (
    <section className="card" aria-labelledby={titleId}>
      <h2 id={titleId}>{t('verify.snapshotTitle')}</h2>
      <p className="hint">{t('verify.snapshotIntro', { n: verdict.snapshotSignature ?? 1 })}</p>
      {verdict.snapshotReplaced && (
        <p className="notice notice-warn" role="note">
          {formatVerifyMessage(
            { code: 'snapshot_replaced', params: { n: verdict.snapshotSignature ?? 1 } },
            t.lang,
          )}
        </p>
      )}
      <dl className="facts">
        <div className="wide">
          <dt>{t('verify.auditTitle')}</dt>
          <dd>{s.title}</dd>
        </div>
        <div>
          <dt>{t('verify.site')}</dt>
          <dd>
            {s.site}
            {s.organisation && <span className="muted"> · {s.organisation}</span>}
          </dd>
        </div>
        <div>
          <dt>{t('verify.rooms')}</dt>
          <dd>{s.rooms.join(', ')}</dd>
        </div>
        <div>
          <dt>{t('verify.auditDates')}</dt>
          <dd>
            {formatDateTime(s.startedAt)} – {s.completedAt ? formatDateTime(s.completedAt) : '—'}
          </dd>
        </div>
        <div>
          <dt>{t('verify.inspector')}</dt>
          <dd>{s.inspector ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('verify.approver')}</dt>
          <dd>{s.approver ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('verify.reportId')}</dt>
          <dd className="mono">{s.reportId ?? '—'}</dd>
        </div>
        <div>
          <dt>{t('verify.devices')}</dt>
          <dd>{s.devices}</dd>
        </div>
        <div>
          <dt>{t('verify.evidence')}</dt>
          <dd>{s.evidence}</dd>
        </div>
        <div className="wide">
          <dt>{t('verify.findings')}</dt>
          <dd className="sev-counts">
            {SEVERITIES.map((sev) => (
              <span key={sev} className={`badge sev-${sev}`}>
                {t.label('severity', sev)} {s.findings[sev]}
              </span>
            ))}
            <span className="muted">{t('verify.openFindings', { count: s.openFindings })}</span>
          </dd>
        </div>
      </dl>
    </section>
  );
}

/** The verifier's answer: the overall verdict first and large, then each signature and the record. */
export function VerdictView(props: { verdict: Verdict; fileName?: string; compact?: boolean }) {
  const t = useT();
  const sigsTitleId = useId();
  const { verdict } = props;
  const unreadable = isUnreadable(verdict);
  const status = verdict.status;
  return (
    <div className="verdict" data-status={status} data-code={verdict.code}>
      <div className={`verdict-banner verdict-${unreadable ? 'unreadable' : status}`} role="status">
        <span className="verdict-icon" aria-hidden="true">
          {unreadable ? '!' : ICON[status]}
        </span>
        <div>
          <p className="verdict-headline">
            {unreadable
              ? t('verify.headline.unreadable')
              : status === 'indeterminate' && verdict.code === 'untrusted'
                ? t('verify.headline.untrusted')
                : t(STATUS_HEADLINE[status])}
          </p>
          <p className="verdict-reason">{formatVerifyMessage(verdict.message, t.lang)}</p>
          {props.fileName && (
            <p className="muted file-line">
              {props.fileName} · {formatBytes(verdict.fileSize)}
            </p>
          )}
        </div>
      </div>
      {status === 'indeterminate' && verdict.code === 'untrusted' && (
        <p className="notice">{t('verify.untrustedAdvice')}</p>
      )}
      {verdict.warnings.map((w, i) => (
        <p key={i} className="notice" role="note">
          {formatVerifyMessage(w, t.lang)}
        </p>
      ))}
      {verdict.signatures.length > 0 && (
        <section
          className={props.compact ? 'sig-section' : 'card sig-section'}
          aria-labelledby={sigsTitleId}
        >
          <h2 id={sigsTitleId}>{t('verify.signatures', { count: verdict.signatures.length })}</h2>
          <ol className="sig-list">
            {verdict.signatures.map((sig) => (
              <SignatureItem
                key={sig.index}
                sig={sig}
                count={verdict.signatures.length}
                revisions={verdict.revisions}
              />
            ))}
          </ol>
        </section>
      )}
      {!props.compact &&
        !unreadable &&
        (verdict.snapshot ? (
          <SnapshotFacts s={verdict.snapshot} verdict={verdict} />
        ) : (
          <p className="notice">
            {t('verify.noSnapshot')}{' '}
            {verdict.snapshotProblem && (
              <span className="detail">{formatVerifyMessage(verdict.snapshotProblem, t.lang)}</span>
            )}
          </p>
        ))}
    </div>
  );
}
