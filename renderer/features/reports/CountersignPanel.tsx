import { useState } from 'react';
import { base64ToBytes } from '../../../shared/encoding/base64.ts';
import type { Verdict } from '../../../shared/verify/verdict.ts';
import { useT } from '../../i18n/use-t.ts';
import { Field } from '../../ui/Field.tsx';
import { downloadBytes, safeFileName } from './files.ts';
import { formatBytes } from './format.ts';
import { PdfDropZone } from './PdfDropZone.tsx';
import { MAX_PDF_BYTES, readPdfInput } from './pdf-input.ts';
import { call } from '../../bridge/client.ts';
import { useIdentities } from './use-signing-lists.ts';
import { VerdictView } from './VerdictView.tsx';
import { errorText } from '../../ui/error-text.ts';

type Picked = { name: string; base64: string; size: number };
type Result = { pdf: Uint8Array; fileName: string; verdict: Verdict };

/**
 * The approver's side: a report the inspector signed gets a second signature as an incremental
 * update, which leaves the inspector's signature valid.
 */
export function CountersignPanel() {
  const t = useT();
  const identities = useIdentities();
  const [picked, setPicked] = useState<Picked | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [identityId, setIdentityId] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [location, setLocation] = useState('');
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<Result | null>(null);
  const ready =
    identities.data.state === 'ready'
      ? identities.data.value.filter((i) => i.state === 'ready' && i.certificate)
      : [];
  const identity = ready.find((i) => i.id === identityId);

  const pick = async (file: File) => {
    setResult(null);
    setPicked(null);
    const input = await readPdfInput(file);
    if (!input.ok) {
      setProblem(
        input.problem === 'tooLarge'
          ? t('verify.tooLarge', { size: formatBytes(input.size), max: formatBytes(MAX_PDF_BYTES) })
          : input.problem === 'empty'
            ? t('verify.emptyFile')
            : t('verify.notPdf'),
      );
      return;
    }
    setProblem(null);
    setPicked({ name: file.name, base64: input.base64, size: input.bytes.length });
  };

  const countersign = async () => {
    if (!picked) return setProblem(t('countersign.pickFirst'));
    if (!identity) return setProblem(t('reports.identityRequired'));
    if (identity.protection === 'passphrase' && !passphrase)
      return setProblem(t('reports.passphraseRequired'));
    setProblem(null);
    setBusy(true);
    try {
      const out = await call('reportCountersign', {
        pdfBase64: picked.base64,
        identityId: identity.id,
        ...(identity.protection === 'passphrase' && { passphrase }),
        ...(location.trim() && { location: location.trim() }),
      });
      const base = safeFileName(picked.name.replace(/\.pdf$/i, ''), 'report');
      setResult({
        pdf: base64ToBytes(out.pdfBase64),
        fileName: `${base}-countersigned.pdf`,
        verdict: out.verdict,
      });
      setPassphrase('');
    } catch (err) {
      setProblem(errorText(t, err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card countersign" aria-labelledby="countersign-title">
      <h2 id="countersign-title">{t('countersign.title')}</h2>
      <p className="hint">{t('countersign.intro')}</p>
      <div className="countersign-grid">
        <PdfDropZone
          label={t('countersign.choose')}
          hint={
            picked
              ? t('countersign.picked', { file: picked.name, size: formatBytes(picked.size) })
              : t('verify.dropHint', { max: formatBytes(MAX_PDF_BYTES) })
          }
          busy={busy}
          onFile={(file) => void pick(file)}
        />
        <form
          className="form"
          aria-label={t('countersign.title')}
          onSubmit={(e) => {
            e.preventDefault();
            if (!busy) void countersign();
          }}
        >
          {identities.data.state !== 'ready' ? (
            // The identities come from main: no empty list that fills a moment later.
            <p className="muted" role={identities.data.state === 'error' ? 'alert' : undefined}>
              {identities.data.state === 'loading'
                ? t('common.loading')
                : errorText(t, identities.data.error)}
            </p>
          ) : (
            <Field id="cs-identity" label={t('countersign.identity')}>
              <select
                id="cs-identity"
                value={identityId}
                onChange={(e) => {
                  setIdentityId(e.target.value);
                  setPassphrase('');
                }}
              >
                <option value="">{t('reports.chooseIdentity')}</option>
                {ready.map((i) => (
                  <option key={i.id} value={i.id}>
                    {i.label}
                  </option>
                ))}
              </select>
            </Field>
          )}
          {identity?.protection === 'passphrase' && (
            <Field id="cs-pass" label={t('reports.passphrase')}>
              <input
                id="cs-pass"
                type="password"
                autoComplete="off"
                value={passphrase}
                onChange={(e) => setPassphrase(e.target.value)}
              />
            </Field>
          )}
          <Field id="cs-loc" label={t('reports.location')}>
            <input
              id="cs-loc"
              maxLength={200}
              value={location}
              onChange={(e) => setLocation(e.target.value)}
            />
          </Field>
          <button type="submit" className="primary" disabled={busy}>
            {busy ? t('countersign.working') : t('countersign.submit')}
          </button>
          {problem && (
            <p className="form-error" role="alert">
              {problem}
            </p>
          )}
        </form>
      </div>
      {result && (
        <div className="countersign-result" aria-live="polite">
          <div className="title-row">
            <h3>{t('countersign.done')}</h3>
            <button
              type="button"
              className="primary"
              onClick={() => downloadBytes(result.pdf, result.fileName, 'application/pdf')}
            >
              {t('reports.download', { file: result.fileName })}
            </button>
          </div>
          <VerdictView verdict={result.verdict} compact />
        </div>
      )}
    </section>
  );
}
