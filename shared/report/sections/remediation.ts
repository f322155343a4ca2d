import { COLORS } from '../pdf-canvas.ts';
import {
  SEVERITY_COLORS,
  shortDate,
  lbl,
  sectionHeading,
  type ReportContext,
} from '../report-context.ts';

// The remediation plan: every finding that is not closed, soonest due first, with its owner
// and status; overdue dates in red so a manager sees at once what has slipped.

export function drawRemediation(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  sectionHeading(ctx, s.sectionRemediation);
  c.paragraph(s.remediationIntro, { size: 9.5, color: COLORS.muted, gapAfter: 3 });
  const pending = m.findings
    .filter((f) => f.finding.status !== 'closed')
    .sort(
      (a, b) =>
        (a.finding.dueDate ?? '9999').localeCompare(b.finding.dueDate ?? '9999') ||
        a.no.localeCompare(b.no),
    );
  if (pending.length === 0) {
    c.paragraph(s.none, { size: 9.5 });
    return;
  }
  c.table({
    columns: [
      { header: s.colNo, width: 14, bold: true },
      { header: s.colFinding, width: 64 },
      { header: s.colSeverity, width: 15 },
      { header: s.colOwner, width: 38 },
      { header: s.colDueDate, width: 20 },
      { header: s.colStatus, width: 23 },
    ],
    rows: pending.map((f) => [
      f.no,
      f.finding.title,
      lbl(ctx, 'severity', f.finding.severity),
      f.finding.owner || s.notRecorded,
      f.overdue
        ? `${shortDate(ctx, f.finding.dueDate)}\n${s.overdueMark}`
        : shortDate(ctx, f.finding.dueDate),
      lbl(ctx, 'findingStatus', f.finding.status),
    ]),
    fontSize: 8,
    cellColor: (row, col) => {
      const f = pending[row];
      if (!f) return null;
      if (col === 0 || col === 2) return SEVERITY_COLORS[f.finding.severity];
      if (col === 4 && f.overdue) return COLORS.high;
      return null;
    },
  });
}
