import type { ReactNode } from 'react';
import type { Audit } from '../../../shared/domain/schemas.ts';
import { useT } from '../../i18n/use-t.ts';
import { useStore } from '../../store/store.ts';
import './audit.css';

export type AuditTab = 'audit' | 'findings' | 'summary';

/** Title, status and the three views of one audit; `children` adds view-specific facts. */
export function AuditHeader(props: { audit: Audit; tab: AuditTab; children?: ReactNode }) {
  const t = useT();
  const navigate = useStore((s) => s.navigate);
  const { audit, tab } = props;
  const tabs: { name: AuditTab; label: string }[] = [
    { name: 'audit', label: t('walk.tabWalk') },
    { name: 'findings', label: t('walk.tabFindings') },
    { name: 'summary', label: t('walk.tabSummary') },
  ];
  return (
    <div className="audit-head">
      <div className="audit-head-title">
        <h1 title={audit.title}>{audit.title}</h1>
        <span className={`badge audit-${audit.status}`}>
          {t.label('auditStatus', audit.status)}
        </span>
      </div>
      <nav className="audit-tabs" aria-label={t('walk.tabs')}>
        {tabs.map(({ name, label }) => (
          <button
            key={name}
            type="button"
            aria-current={tab === name ? 'page' : undefined}
            onClick={() => navigate({ name, auditId: audit.id })}
          >
            {label}
          </button>
        ))}
      </nav>
      <div className="audit-head-extra">{props.children}</div>
    </div>
  );
}

/** A thin horizontal bar with its numbers as text for screen readers and the eye. */
export function ProgressBar(props: { answered: number; total: number; label: string }) {
  const percent = props.total === 0 ? 100 : Math.floor((props.answered / props.total) * 100);
  return (
    <div className="pbar" title={props.label}>
      <progress
        max={props.total || 1}
        value={props.total ? props.answered : 1}
        aria-label={props.label}
      />
      <span className="pbar-text">{props.label}</span>
      <span className="visually-hidden">{percent}%</span>
    </div>
  );
}
