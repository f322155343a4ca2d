import type { Audit } from '../../../shared/domain/schemas.ts';
import { canSign } from '../../db/repositories/signed-reports.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';

/** The way from an audit's summary to its signed report (once the audit is completed). */
export function SignReportButton({ audit }: { audit: Audit }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  if (!canSign(audit)) return null;
  return (
    <button
      type="button"
      className={audit.status === 'signed' ? 'secondary' : 'primary'}
      onClick={() => navigate({ name: 'signReport', auditId: audit.id })}
    >
      {audit.status === 'signed' ? t('reports.signAgain') : t('reports.signAction')}
    </button>
  );
}
