import { useState } from 'react';
import type { IdentitySummary } from '../../../shared/bridge/signing-schemas.ts';
import { useT } from '../../i18n/use-t.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
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

const VALIDITY_DAYS = [365, 730, 1095, 1825] as const;

/** A new key and a certificate it signs itself, for organisations without a PKI. */
export function SelfIssuedDialog(props: {
  osKeyProtection: boolean;
  organisation?: string;
  onCreated: (identity: IdentitySummary) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [subject, setSubject] = useState(() => emptySubject(props.organisation));
  const [protection, setProtection] = useState(emptyProtection);
  const [days, setDays] = useState<number>(730);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const { run, busy, error } = useBridgeAction(() =>
    call('identityCreateSelfIssued', {
      label: labelOf(subject),
      subject: subjectOf(subject),
      keyAlgorithm: subject.keyAlgorithm,
      validDays: days,
      protection: protectionOf(protection),
    }),
  );
  const submit = async () => {
    const problems = { ...subjectProblems(subject, t), ...protectionProblems(protection, t) };
    setErrors(problems);
    if (Object.values(problems).some(Boolean)) return;
    const created = await run();
    if (created) props.onCreated(created);
  };
  return (
    <FormDialog
      title={t('identities.selfIssuedTitle')}
      submitLabel={busy ? t('identities.creating') : t('identities.createCertificate')}
      cancelLabel={t('common.cancel')}
      onSubmit={() => void submit()}
      onCancel={props.onCancel}
      busy={busy}
      wide
    >
      <p className="notice notice-warn">{t('identities.selfIssuedWarning')}</p>
      <SubjectFields idPrefix="si" value={subject} onChange={setSubject} errors={errors} />
      <Field id="si-days" label={t('identities.validity')}>
        <select id="si-days" value={days} onChange={(e) => setDays(Number(e.target.value))}>
          {VALIDITY_DAYS.map((d) => (
            <option key={d} value={d}>
              {t('identities.validityYears', { years: d / 365 })}
            </option>
          ))}
        </select>
      </Field>
      <ProtectionFields
        idPrefix="si"
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
