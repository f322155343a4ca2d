import { useState } from 'react';
import { bytesToBase64 } from '../../../shared/encoding/base64.ts';
import type { IdentitySummary } from '../../../shared/bridge/signing-schemas.ts';
import { MAX_P12_BYTES } from '../../../shared/bridge/signing-schemas.ts';
import { useT } from '../../i18n/use-t.ts';
import { Field } from '../../ui/Field.tsx';
import { FormDialog } from '../../ui/FormDialog.tsx';
import { readFileBytes } from './files.ts';
import { formatBytes } from './format.ts';
import { call } from '../../bridge/client.ts';
import {
  emptyProtection,
  protectionOf,
  protectionProblems,
  ProtectionFields,
} from './SubjectFields.tsx';
import { useBridgeAction } from './use-bridge-action.ts';

/** A PKCS#12 file (.p12/.pfx) from the organisation's PKI: key and certificate in one. */
export function ImportP12Dialog(props: {
  osKeyProtection: boolean;
  onImported: (identity: IdentitySummary) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const [file, setFile] = useState<File | null>(null);
  const [label, setLabel] = useState('');
  const [filePassphrase, setFilePassphrase] = useState('');
  const [protection, setProtection] = useState(emptyProtection);
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});
  const { run, busy, error } = useBridgeAction(async (chosen: File) => {
    const bytes = await readFileBytes(chosen);
    return call('identityImportP12', {
      label: label.trim() || chosen.name.replace(/\.(p12|pfx)$/i, '').slice(0, 120) || 'PKCS#12',
      p12Base64: bytesToBase64(bytes),
      p12Passphrase: filePassphrase,
      protection: protectionOf(protection),
    });
  });
  const submit = async () => {
    const problems: Record<string, string | undefined> = {
      file: !file
        ? t('identities.p12Missing')
        : file.size === 0
          ? t('identities.fileEmpty')
          : file.size > MAX_P12_BYTES
            ? t('identities.p12TooLarge', { max: formatBytes(MAX_P12_BYTES) })
            : undefined,
      ...protectionProblems(protection, t),
    };
    setErrors(problems);
    if (!file || Object.values(problems).some(Boolean)) return;
    const identity = await run(file);
    if (identity) props.onImported(identity);
  };
  return (
    <FormDialog
      title={t('identities.p12Title')}
      submitLabel={busy ? t('identities.importing') : t('identities.importP12')}
      cancelLabel={t('common.cancel')}
      onSubmit={() => void submit()}
      onCancel={props.onCancel}
      busy={busy}
      wide
    >
      <p className="hint">{t('identities.p12Intro')}</p>
      <Field id="p12-file" label={t('identities.p12File')} error={errors.file}>
        <input
          id="p12-file"
          type="file"
          accept=".p12,.pfx,application/x-pkcs12"
          autoFocus
          aria-invalid={!!errors.file}
          onChange={(e) => setFile(e.target.files?.[0] ?? null)}
        />
      </Field>
      <Field id="p12-filepass" label={t('identities.p12Passphrase')}>
        <input
          id="p12-filepass"
          type="password"
          autoComplete="off"
          value={filePassphrase}
          onChange={(e) => setFilePassphrase(e.target.value)}
        />
      </Field>
      <Field id="p12-label" label={t('identities.label')}>
        <input
          id="p12-label"
          maxLength={120}
          value={label}
          placeholder={file?.name ?? ''}
          onChange={(e) => setLabel(e.target.value)}
        />
      </Field>
      <ProtectionFields
        idPrefix="p12"
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
