import type { RoomSchedule, SeverityCounts } from '../../../shared/audit/schedule.ts';
import { useT } from '../../i18n/use-t.ts';
import './inventory.css';

/**
 * Whether a room's audit is overdue, due soon or on schedule, in words and with a symbol, so
 * the state does not rest on colour alone.
 */
export function DueBadge({ schedule }: { schedule: RoomSchedule }) {
  const t = useT();
  const days = Math.abs(schedule.daysUntilDue ?? 0);
  switch (schedule.status) {
    case 'never_audited':
      return (
        <span className="badge due-soon">
          <span aria-hidden="true">◌ </span>
          {t('inventory.due.never')}
        </span>
      );
    case 'overdue':
      return (
        <span className="badge due-overdue">
          <span aria-hidden="true">⚠ </span>
          {t('inventory.due.overdue', { days })}
        </span>
      );
    case 'due_soon':
      return (
        <span className="badge due-soon">
          <span aria-hidden="true">◔ </span>
          {days === 0 ? t('inventory.due.today') : t('inventory.due.soon', { days })}
        </span>
      );
    case 'ok':
      return (
        <span className="badge due-ok">
          <span aria-hidden="true">✓ </span>
          {t('inventory.due.ok', { days })}
        </span>
      );
  }
}

/** Open findings as "H 2 · M 1 · L 0" badges with their full names for screen readers. */
export function OpenFindings({ counts }: { counts: SeverityCounts }) {
  const t = useT();
  const total = counts.high + counts.medium + counts.low;
  if (total === 0) return <span className="muted">{t('inventory.findings.none')}</span>;
  return (
    <span className="inv-sev-counts">
      {(['high', 'medium', 'low'] as const).map((severity) =>
        counts[severity] > 0 ? (
          <span
            key={severity}
            className={`badge sev-${severity}`}
            title={t('inventory.findings.count', {
              count: counts[severity],
              severity: t.label('severity', severity),
            })}
          >
            <span className="visually-hidden">
              {t('inventory.findings.count', {
                count: counts[severity],
                severity: t.label('severity', severity),
              })}
            </span>
            <span aria-hidden="true">
              {t.label('severity', severity)} {counts[severity]}
            </span>
          </span>
        ) : null,
      )}
    </span>
  );
}
