import { useEffect, useState } from 'react';
import { bytesToBase64 } from '../../../shared/encoding/base64.ts';
import type { AuditSnapshot } from '../../../shared/snapshot/schema.ts';
import { formatVerifyMessage } from '../../../shared/verify/messages.ts';
import type { Verdict } from '../../../shared/verify/verdict.ts';
import { call } from '../../bridge/client.ts';
import type { ImportLogRow } from '../../db/types.ts';
import { useT } from '../../i18n/use-t.ts';
import { AuditImport } from './AuditImport.tsx';
import type { PickedFile } from './file-info.ts';
import { problemText } from './problem-text.ts';

type Read = { verdict: Verdict; snapshot: AuditSnapshot | null };

/**
 * A signed report: main verifies it first. Invalid is refused outright (main does not even
 * return its snapshot); indeterminate needs the user's explicit confirmation; valid goes on to
 * the import preview.
 */
export function ReportImport(props: {
  file: PickedFile;
  onDone: (log: ImportLogRow, auditId: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [read, setRead] = useState<Read | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [confirmed, setConfirmed] = useState(false);
  const [proceed, setProceed] = useState(false);

  useEffect(() => {
    let live = true;
    call('reportReadForImport', { pdfBase64: bytesToBase64(props.file.bytes) }).then(
      (r) => live && setRead(r),
      (err: unknown) => live && setError(problemText(t, err)),
    );
    return () => {
      live = false;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [props.file]);

  if (proceed && read?.snapshot)
    return (
      <AuditImport
        file={props.file}
        snapshot={read.snapshot}
        source="signed-report"
        onDone={props.onDone}
        onCancel={props.onCancel}
      />
    );

  const v = read?.verdict;
  const signer = v?.signatures[0]?.signer;
  return (
    <section className="card import-flow" aria-labelledby="report-import-title">
      <h2 id="report-import-title">{t('exchange.reportTitle', { file: props.file.name })}</h2>
      {!read && !error && <p>{t('exchange.verifying')}</p>}
      {error && (
        <p className="error-box" role="alert">
          {error}
        </p>
      )}
      {v && (
        <div className={`verdict-box verdict-${v.status}`} role="status">
          <p className="verdict-head">
            <span className="verdict-icon" aria-hidden="true">
              {v.status === 'valid' ? '✓' : v.status === 'invalid' ? '✕' : '?'}
            </span>
            <strong>{t(`exchange.verdict.${v.status}`)}</strong>
          </p>
          <p>{formatVerifyMessage(v.message, t.lang)}</p>
          {signer && (
            <p className="muted">
              {t('exchange.signedBy', {
                name: signer.commonName || signer.subject,
                issuer: signer.selfIssued ? t('exchange.selfIssued') : signer.issuer,
              })}
            </p>
          )}
        </div>
      )}
      {v?.status === 'invalid' && (
        <p className="error-box" role="alert">
          {t('exchange.reportRefused')}
        </p>
      )}
      {read && v?.status !== 'invalid' && !read.snapshot && (
        <p className="error-box" role="alert">
          {t('exchange.reportNoSnapshot', {
            detail: v?.snapshotProblem ? formatVerifyMessage(v.snapshotProblem, t.lang) : '',
          })}
        </p>
      )}
      {read?.snapshot && v?.status === 'indeterminate' && (
        <label className="check confirm-check">
          <input
            type="checkbox"
            checked={confirmed}
            onChange={(e) => setConfirmed(e.target.checked)}
          />
          <span>{t('exchange.confirmIndeterminate')}</span>
        </label>
      )}
      <div className="flow-buttons">
        <button type="button" className="secondary" onClick={props.onCancel}>
          {t('exchange.cancelImport')}
        </button>
        <button
          type="button"
          className="primary"
          disabled={
            !read?.snapshot ||
            v?.status === 'invalid' ||
            (v?.status === 'indeterminate' && !confirmed)
          }
          onClick={() => setProceed(true)}
        >
          {t('exchange.continueToPreview')}
        </button>
      </div>
    </section>
  );
}
