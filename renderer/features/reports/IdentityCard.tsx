import type { IdentitySummary } from '../../../shared/bridge/signing-schemas.ts';
import { useT } from '../../i18n/use-t.ts';
import { formatDate, formatFingerprint, validityAt } from './format.ts';

export type IdentityAction = 'downloadCsr' | 'importCert' | 'pin' | 'remove';

/** One signing identity as metadata: the private key itself never leaves main. */
export function IdentityCard(props: {
  identity: IdentitySummary;
  pinned: boolean;
  onAction: (action: IdentityAction) => void;
}) {
  const t = useT();
  const { identity } = props;
  const cert = identity.certificate;
  const validity = cert ? validityAt(cert) : null;
  const headingId = `identity-${identity.id}`;
  return (
    <li className="identity-card" aria-labelledby={headingId}>
      <div className="identity-head">
        <h3 id={headingId}>{identity.label}</h3>
        {identity.state === 'awaiting-certificate' ? (
          <span className="badge badge-wait">{t('identities.awaiting')}</span>
        ) : cert?.selfIssued ? (
          <span className="badge badge-self">{t('identities.selfIssued')}</span>
        ) : (
          <span className="badge badge-ca">{t('identities.caIssued')}</span>
        )}
        {validity === 'expired' && (
          <span className="badge badge-bad">{t('identities.expired')}</span>
        )}
        {validity === 'not-yet' && (
          <span className="badge badge-wait">{t('identities.notYetValid')}</span>
        )}
        {props.pinned && <span className="badge badge-ca">{t('identities.pinnedHere')}</span>}
      </div>
      <dl className="facts">
        <div>
          <dt>{t('identities.subject')}</dt>
          <dd>{cert ? cert.subject : t('identities.noCertificateYet')}</dd>
        </div>
        <div>
          <dt>{t('identities.issuer')}</dt>
          <dd>{cert ? (cert.selfIssued ? t('identities.issuerSelf') : cert.issuer) : '—'}</dd>
        </div>
        <div>
          <dt>{t('identities.validFromTo')}</dt>
          <dd>{cert ? `${formatDate(cert.notBefore)} – ${formatDate(cert.notAfter)}` : '—'}</dd>
        </div>
        <div>
          <dt>{t('identities.key')}</dt>
          <dd>
            {identity.keyAlgorithm} ·{' '}
            {identity.protection === 'passphrase'
              ? t('identities.protectedPassphrase')
              : t('identities.protectedOs')}
          </dd>
        </div>
        {cert && (
          <div className="wide">
            <dt>{t('identities.fingerprint')}</dt>
            <dd className="mono fingerprint">{formatFingerprint(cert.fingerprintSha256)}</dd>
          </div>
        )}
      </dl>
      {cert?.selfIssued && <p className="hint">{t('identities.selfIssuedNote')}</p>}
      <div className="card-actions">
        {identity.state === 'awaiting-certificate' && (
          <>
            <button
              type="button"
              className="secondary"
              onClick={() => props.onAction('downloadCsr')}
            >
              {t('identities.downloadCsr')}
            </button>
            <button type="button" className="primary" onClick={() => props.onAction('importCert')}>
              {t('identities.importCert')}
            </button>
          </>
        )}
        {cert?.selfIssued && !props.pinned && (
          <button type="button" className="secondary" onClick={() => props.onAction('pin')}>
            {t('identities.pinOwn')}
          </button>
        )}
        <button
          type="button"
          className="secondary danger-text"
          aria-label={t('identities.removeNamed', { label: identity.label })}
          onClick={() => props.onAction('remove')}
        >
          {t('identities.remove')}
        </button>
      </div>
    </li>
  );
}
