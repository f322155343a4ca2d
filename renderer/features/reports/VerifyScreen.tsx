import { useState } from 'react';
import type { Verdict } from '../../../shared/verify/verdict.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { formatBytes } from './format.ts';
import { PdfDropZone } from './PdfDropZone.tsx';
import { MAX_PDF_BYTES, readPdfInput } from './pdf-input.ts';
import { call } from '../../bridge/client.ts';
import { VerdictView } from './VerdictView.tsx';
import './reports.css';
import { errorText } from '../../ui/error-text.ts';

type State =
  | { kind: 'idle' }
  | { kind: 'checking'; fileName: string }
  | { kind: 'done'; fileName: string; verdict: Verdict }
  | { kind: 'problem'; fileName: string; message: string };

/** "Verify a report": drop a PDF, see whether it is authentic and what audit it records. */
export function VerifyScreen() {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const [state, setState] = useState<State>({ kind: 'idle' });
  const check = async (file: File) => {
    setState({ kind: 'checking', fileName: file.name });
    try {
      const input = await readPdfInput(file);
      if (!input.ok) {
        const message =
          input.problem === 'tooLarge'
            ? t('verify.tooLarge', {
                size: formatBytes(input.size),
                max: formatBytes(MAX_PDF_BYTES),
              })
            : input.problem === 'empty'
              ? t('verify.emptyFile')
              : t('verify.notPdf');
        setState({ kind: 'problem', fileName: file.name, message });
        return;
      }
      const verdict = await call('reportVerify', { pdfBase64: input.base64 });
      setState({ kind: 'done', fileName: file.name, verdict });
    } catch (err) {
      setState({
        kind: 'problem',
        fileName: file.name,
        message: errorText(t, err),
      });
    }
  };
  return (
    <div className="screen reports-screen verify-screen">
      <div className="title-row">
        <h1>{t('verify.title')}</h1>
        <button
          type="button"
          className="secondary"
          onClick={() => navigate({ name: 'identities' })}
        >
          {t('verify.manageTrust')}
        </button>
      </div>
      <p className="lead">{t('verify.intro')}</p>
      <PdfDropZone
        label={t('verify.choose')}
        hint={t('verify.dropHint', { max: formatBytes(MAX_PDF_BYTES) })}
        busy={state.kind === 'checking'}
        compact={state.kind !== 'idle'}
        onFile={(file) => void check(file)}
      />
      <div aria-live="polite" className="verify-result">
        {state.kind === 'checking' && (
          <p className="progress-line" role="status">
            <span className="spinner" aria-hidden="true" />
            {t('verify.checking', { file: state.fileName })}
          </p>
        )}
        {state.kind === 'problem' && (
          <div className="verdict-banner verdict-unreadable" role="alert">
            <span className="verdict-icon" aria-hidden="true">
              !
            </span>
            <div>
              <p className="verdict-headline">{t('verify.headline.unreadable')}</p>
              <p className="verdict-reason">{state.message}</p>
              <p className="muted file-line">{state.fileName}</p>
            </div>
          </div>
        )}
        {state.kind === 'done' && <VerdictView verdict={state.verdict} fileName={state.fileName} />}
      </div>
    </div>
  );
}
