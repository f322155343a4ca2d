import { useState } from 'react';
import type { IdentitySummary } from '../../../shared/bridge/signing-schemas.ts';
import { useT } from '../../i18n/use-t.ts';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { downloadBytes, safeFileName } from './files.ts';
import { call } from '../../bridge/client.ts';
import {
  emptyProtection,
  emptySubject,
  labelOf,
  protectionOf,
  protectionProblems,
  ProtectionFields,
  SubjectFields,
  subjectOf,
  subjectProblems,
} from './SubjectFields.tsx';
import { useBridgeAction } from './use-bridge-action.ts';

/** Saves the PKCS#10 request of an identity that waits for its CA's certificate. */
export function downloadCsr(identity: IdentitySummary): void {
  if (!identity.csrPem) return;
  downloadBytes(
    identity.csrPem,
    `${safeFileName(identity.label, 'roomcheck-request')}.csr`,
    'application/pkcs10',
  );
}

/** Step 1 of the organisation-PKI path: a new key and a request for the CA to sign. */
export function CsrDialog(props: {
  osKeyProtection: boolean;
  organisation?: string;
  onCreated: (identity: IdentitySummary) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [subject, setSubject] = useState(() => emptySubject(props.organisation));
  const [protection, setProtection] = useState(emptyProtection);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const [created, setCreated] = useState<IdentitySummary | null>(null);
  const { run, busy, error } = useBridgeAction(() =>
    call('identityCreateCsr', {
      label: labelOf(subject),
      subject: subjectOf(subject),
      keyAlgorithm: subject.keyAlgorithm,
      protection: protectionOf(protection),
    }),
  );
  const { onCreated } = props;
  const submit = async () => {
    const problems = { ...subjectProblems(subject, t), ...protectionProblems(protection, t) };
    setErrors(problems);
    if (Object.values(problems).some(Boolean)) return;
    const identity = await run();
    if (identity) {
      setCreated(identity);
      onCreated(identity);
    }
  };
  if (created) {
    return (
      <FormDialog
        title={t('identities.csrReadyTitle')}
        submitLabel={t('identities.downloadCsr')}
        cancelLabel={t('common.close')}
        onSubmit={() => downloadCsr(created)}
        onCancel={props.onCancel}
        wide
      >
        <p role="status">{t('identities.csrReadyBody', { label: created.label })}</p>
        <ol className="steps">
          <li>{t('identities.csrStep1')}</li>
          <li>{t('identities.csrStep2')}</li>
          <li>{t('identities.csrStep3')}</li>
        </ol>
        <pre className="pem" aria-label={t('identities.csrText')} tabIndex={0}>
          {created.csrPem}
        </pre>
      </FormDialog>
    );
  }
  return (
    <FormDialog
      title={t('identities.csrTitle')}
      submitLabel={busy ? t('identities.creating') : t('identities.createCsr')}
      cancelLabel={t('common.cancel')}
      onSubmit={() => void submit()}
      onCancel={props.onCancel}
      busy={busy}
      wide
    >
      <p className="hint">{t('identities.csrIntro')}</p>
      <SubjectFields idPrefix="csr" value={subject} onChange={setSubject} errors={errors} />
      <ProtectionFields
        idPrefix="csr"
        osAvailable={props.osKeyProtection}
        value={protection}
        onChange={setProtection}
        errors={errors}
      />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
    </FormDialog>
  );
}
