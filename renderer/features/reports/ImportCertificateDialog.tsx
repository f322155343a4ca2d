import { useState } from 'react';
import type { IdentitySummary } from '../../../shared/bridge/signing-schemas.ts';
import { MAX_CERT_TEXT } from '../../../shared/bridge/signing-schemas.ts';
import { useT } from '../../i18n/use-t.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { certificatePayload, readFileBytes } from './files.ts';
import { formatBytes } from './format.ts';
import { call } from '../../bridge/client.ts';
import { useBridgeAction } from './use-bridge-action.ts';

/**
 * A certificate from a file (PEM or DER) or pasted PEM text, as the bridge takes it; null with
 * a reason when there is nothing usable.
 */
export async function certificateInput(
  file: File | null,
  pasted: string,
): Promise<{ data: string } | { problem: 'none' | 'tooLarge' | 'empty' }> {
  if (file) {
    if (file.size > MAX_CERT_TEXT) return { problem: 'tooLarge' };
    const data = certificatePayload(await readFileBytes(file));
    return data ? { data } : { problem: 'empty' };
  }
  const text = pasted.trim();
  if (!text) return { problem: 'none' };
  if (text.length > MAX_CERT_TEXT) return { problem: 'tooLarge' };
  return { data: text };
}

/** Step 2 of the organisation-PKI path: the certificate the CA issued for our request. */
export function ImportCertificateDialog(props: {
  identity: IdentitySummary;
  onImported: (identity: IdentitySummary) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [pasted, setPasted] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const { run, busy, error } = useBridgeAction((certificate: string) =>
    call('identityImportCertificate', { identityId: props.identity.id, certificate }),
  );
  const submit = async () => {
    const input = await certificateInput(file, pasted);
    if ('problem' in input) {
      setProblem(
        input.problem === 'tooLarge'
          ? t('identities.certTooLarge', { max: formatBytes(MAX_CERT_TEXT) })
          : input.problem === 'empty'
            ? t('identities.fileEmpty')
            : t('identities.certMissing'),
      );
      return;
    }
    setProblem(null);
    const identity = await run(input.data);
    if (identity) props.onImported(identity);
  };
  return (
    <FormDialog
      title={t('identities.importCertTitle')}
      submitLabel={t('identities.importCert')}
      cancelLabel={t('common.cancel')}
      onSubmit={() => void submit()}
      onCancel={props.onCancel}
      busy={busy}
      wide
    >
      <p className="hint">{t('identities.importCertIntro', { label: props.identity.label })}</p>
      <Field id="cert-file" label={t('identities.certFile')}>
        <input
          id="cert-file"
          type="file"
          accept=".pem,.crt,.cer,.der,.p7b,application/x-x509-ca-cert,application/pkix-cert"
          autoFocus
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </Field>
      <Field id="cert-paste" label={t('identities.certPaste')}>
        <textarea
          id="cert-paste"
          rows={5}
          className="mono"
          placeholder="-----BEGIN CERTIFICATE-----"
          value={pasted}
          disabled={!!file}
          onChange={(e) => setPasted(e.target.value)}
        />
      </Field>
      {(problem ?? error) && (
        <p className="form-error" role="alert">
          {problem ?? error}
        </p>
      )}
    </FormDialog>
  );
}
