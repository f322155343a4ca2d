import { useState } from 'react';
import type { IdentitySummary } from '../../../shared/bridge/signing-schemas.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import { ConfirmDialog } from '../../ui/ConfirmDialog.tsx';
import { CsrDialog, downloadCsr } from './CsrDialog.tsx';
import { IdentityCard, type IdentityAction } from './IdentityCard.tsx';
import { ImportCertificateDialog } from './ImportCertificateDialog.tsx';
import { ImportP12Dialog } from './ImportP12Dialog.tsx';
import { SelfIssuedDialog } from './SelfIssuedDialog.tsx';
import { call } from '../../bridge/client.ts';
import { TrustPanel } from './TrustPanel.tsx';
import { useBridgeAction } from './use-bridge-action.ts';
import { useIdentities, useOsKeyProtection, useTrustList } from './use-signing-lists.ts';
import './reports.css';
import { errorText } from '../../ui/error-text.ts';

type Dialog =
  | { kind: 'selfIssued' }
  | { kind: 'csr' }
  | { kind: 'p12' }
  | { kind: 'importCert'; identity: IdentitySummary }
  | { kind: 'remove'; identity: IdentitySummary };

/** Signing identities (certificate + protected key, kept in main) and the trust list. */
export function IdentitiesScreen() {
  const t = useT();
  const notify = useStore((s) => s.notify);
  const identities = useIdentities();
  const trust = useTrustList();
  const osKeyProtection = useOsKeyProtection();
  const [dialog, setDialog] = useState<Dialog | null>(null);
  const remover = useBridgeAction((id: string) => call('identityRemove', { identityId: id }));
  const pinned = new Set(
    trust.data.state === 'ready' ? trust.data.value.pins.map((p) => p.fingerprint) : [],
  );

  const created = (identity: IdentitySummary, message: MessageKey) => {
    identities.reload();
    notify('info', t(message, { label: identity.label }));
  };
  const act = async (identity: IdentitySummary, action: IdentityAction) => {
    if (action === 'downloadCsr') downloadCsr(identity);
    else if (action === 'importCert') setDialog({ kind: 'importCert', identity });
    else if (action === 'remove') setDialog({ kind: 'remove', identity });
    else if (action === 'pin' && identity.certificate) {
      try {
        trust.set(
          await call('trustAnchorImport', {
            kind: 'fingerprint',
            fingerprint: identity.certificate.fingerprintSha256,
            label: identity.label,
          }),
        );
        notify('info', t('trust.pinned'));
      } catch (err) {
        notify('error', errorText(t, err));
      }
    }
  };

  return (
    <div className="screen reports-screen">
      <div className="title-row">
        <h1>{t('identities.title')}</h1>
        <button type="button" className="secondary" onClick={() => setDialog({ kind: 'p12' })}>
          {t('identities.importP12')}
        </button>
        <button type="button" className="secondary" onClick={() => setDialog({ kind: 'csr' })}>
          {t('identities.requestFromCa')}
        </button>
        <button type="button" className="primary" onClick={() => setDialog({ kind: 'selfIssued' })}>
          {t('identities.createSelfIssued')}
        </button>
      </div>
      <p className="lead">{t('identities.intro')}</p>
      <section className="card" aria-labelledby="identities-list-title">
        <h2 id="identities-list-title">{t('identities.listTitle')}</h2>
        {identities.data.state === 'loading' && <p className="muted">{t('common.loading')}</p>}
        {identities.data.state === 'error' && (
          <p className="form-error" role="alert">
            {errorText(t, identities.data.error)}
          </p>
        )}
        {identities.data.state === 'ready' &&
          (identities.data.value.length === 0 ? (
            <p className="empty">{t('identities.empty')}</p>
          ) : (
            <ul className="identity-list">
              {identities.data.value.map((identity) => (
                <IdentityCard
                  key={identity.id}
                  identity={identity}
                  pinned={
                    !!identity.certificate && pinned.has(identity.certificate.fingerprintSha256)
                  }
                  onAction={(action) => void act(identity, action)}
                />
              ))}
            </ul>
          ))}
      </section>
      {trust.data.state === 'ready' && <TrustPanel trust={trust.data.value} onChange={trust.set} />}
      {trust.data.state === 'error' && (
        <p className="form-error" role="alert">
          {errorText(t, trust.data.error)}
        </p>
      )}

      {dialog?.kind === 'selfIssued' && (
        <SelfIssuedDialog
          osKeyProtection={osKeyProtection}
          onCancel={() => setDialog(null)}
          onCreated={(identity) => {
            setDialog(null);
            created(identity, 'identities.createdSelfIssued');
          }}
        />
      )}
      {dialog?.kind === 'csr' && (
        <CsrDialog
          osKeyProtection={osKeyProtection}
          onCancel={() => setDialog(null)}
          onCreated={() => identities.reload()}
        />
      )}
      {dialog?.kind === 'p12' && (
        <ImportP12Dialog
          osKeyProtection={osKeyProtection}
          onCancel={() => setDialog(null)}
          onImported={(identity) => {
            setDialog(null);
            created(identity, 'identities.importedP12');
          }}
        />
      )}
      {dialog?.kind === 'importCert' && (
        <ImportCertificateDialog
          identity={dialog.identity}
          onCancel={() => setDialog(null)}
          onImported={(identity) => {
            setDialog(null);
            created(identity, 'identities.importedCert');
          }}
        />
      )}
      {dialog?.kind === 'remove' && (
        <ConfirmDialog
          title={t('identities.removeTitle')}
          confirmLabel={t('identities.remove')}
          cancelLabel={t('common.cancel')}
          danger
          busy={remover.busy}
          onCancel={() => {
            setDialog(null);
            remover.setError(null);
          }}
          onConfirm={() =>
            void remover.run(dialog.identity.id).then((done) => {
              if (!done) return;
              setDialog(null);
              identities.reload();
              notify('info', t('identities.removed', { label: dialog.identity.label }));
            })
          }
        >
          <p>{t('identities.removeBody', { label: dialog.identity.label })}</p>
          {remover.error && (
            <p className="form-error" role="alert">
              {remover.error}
            </p>
          )}
        </ConfirmDialog>
      )}
    </div>
  );
}
