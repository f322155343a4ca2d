import { COLORS } from '../pdf-canvas.ts';
import { isOpen } from '../report-model.ts';
import { judgementText } from './summary.ts';
import { date, sectionHeading, subHeading, type ReportContext } from '../report-context.ts';

// Conclusions and follow-up (ISO 19011 6.5.2, 6.7): the audit's conclusion in a few sentences,
// what happens next to the unresolved findings and when the next audit is due, and who
// receives the report (the distribution list entered when it was signed).

function bullets(ctx: ReportContext, lines: readonly string[]): void {
  const { c } = ctx;
  for (const line of lines) {
    c.ensure(c.lineHeight(9.5));
    c.textAt('•', c.page.left + 1, c.y, { size: 9.5, color: COLORS.muted });
    c.paragraph(line, { size: 9.5, x: c.page.left + 5, gapAfter: 0.8 });
  }
}

export function drawConclusions(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  const snap = m.snapshot;
  sectionHeading(ctx, s.sectionConclusions);

  const unresolved = m.findings.filter((f) => isOpen(f.finding.status));
  const roomsWithFailures = m.conformityByRoom.filter(
    (r) => r.conformity.checked > r.conformity.passed,
  ).length;
  subHeading(ctx, s.conclusions);
  bullets(ctx, [
    judgementText(ctx),
    s.conclusionConformity(m.conformity, roomsWithFailures),
    ...(unresolved.length > 0
      ? [
          s.conclusionRecurring(
            unresolved.filter((f) => !f.isNew).length,
            unresolved.filter((f) => f.overdue).length,
          ),
        ]
      : []),
  ]);

  subHeading(ctx, s.followUp);
  bullets(ctx, [
    unresolved.length > 0 ? s.followUpUnresolved(unresolved.length) : s.followUpNone,
    ...(m.nextAudit ? [s.nextAuditDue(date(ctx, m.nextAudit.due), m.nextAudit.intervalDays)] : []),
  ]);

  subHeading(ctx, s.distribution);
  const list = snap.signOff?.distribution ?? [];
  if (list.length === 0) c.paragraph(s.distributionNone, { size: 9.5 });
  else bullets(ctx, list);
}
