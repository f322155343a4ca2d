import { FINDING_STATUSES, SEVERITIES, type FindingStatus } from '../../domain/enums.ts';
import { COLORS, type Rgb } from '../pdf-canvas.ts';
import {
  SEVERITY_COLORS,
  deviceLabel,
  keyValues,
  lbl,
  sectionHeading,
  subHeading,
  type ReportContext,
} from '../report-context.ts';

// Executive summary: the judgement first, then the numbers behind it (table and a bar chart
// drawn with PDF primitives), the risks a manager must act on, and the audit at a glance.

export const STATUS_COLORS: Record<FindingStatus, Rgb> = {
  open: [176, 32, 38],
  in_remediation: [224, 138, 30],
  risk_accepted: [122, 111, 160],
  closed: [76, 154, 94],
};

const JUDGEMENT_COLORS = {
  unsatisfactory: COLORS.high,
  reservations: COLORS.medium,
  satisfactory: COLORS.good,
} as const;

/** The overall judgement in one sentence, with the unresolved findings it rests on. */
export function judgementText({ m, s }: ReportContext): string {
  return m.judgement === 'unsatisfactory'
    ? s.judgementUnsatisfactory(m.unresolvedHigh)
    : m.judgement === 'reservations'
      ? s.judgementReservations(m.unresolvedOther)
      : s.judgementSatisfactory;
}

function judgementBox(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  const text = judgementText(ctx);
  const inner = c.contentWidth - 10;
  const lines = c.wrap(text, inner, { size: 11, bold: true });
  const lh = c.lineHeight(11, 1.4);
  // The conformity figure under the judgement: the one number an ISO 19011 reader looks for.
  const conformity = c.wrap(s.conformityLine(m.conformity), inner, { size: 9.5 });
  const clh = c.lineHeight(9.5);
  const h = 8 + c.lineHeight(9) + lines.length * lh + 1 + conformity.length * clh + 3;
  c.ensure(h + 4);
  c.fillRect(c.page.left, c.y, c.contentWidth, h, COLORS.panel);
  c.fillRect(c.page.left, c.y, 1.8, h, JUDGEMENT_COLORS[m.judgement]);
  let y = c.y + 4;
  c.textAt(s.overallJudgement, c.page.left + 6, y, { size: 9, bold: true, color: COLORS.muted });
  y += c.lineHeight(9) + 1;
  for (const line of lines) {
    c.textAt(line, c.page.left + 6, y, {
      size: 11,
      bold: true,
      color: JUDGEMENT_COLORS[m.judgement],
    });
    y += lh;
  }
  y += 1;
  for (const line of conformity) {
    c.textAt(line, c.page.left + 6, y, { size: 9.5 });
    y += clh;
  }
  c.y += h + 6;
}

function countsTable(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  const statusWidth = 24;
  const first = c.contentWidth - statusWidth * (FINDING_STATUSES.length + 1);
  c.table({
    columns: [
      { header: s.severityColumn, width: first, bold: true },
      ...FINDING_STATUSES.map((st) => ({
        header: lbl(ctx, 'findingStatus', st),
        width: statusWidth,
        align: 'right' as const,
      })),
      { header: s.total, width: statusWidth, align: 'right', bold: true },
    ],
    rows: [
      ...SEVERITIES.map((sev) => [
        s.qualified(lbl(ctx, 'severity', sev), lbl(ctx, 'severityCat', sev)),
        ...FINDING_STATUSES.map((st) => String(m.counts[sev][st])),
        String(FINDING_STATUSES.reduce((n, st) => n + m.counts[sev][st], 0)),
      ]),
      [
        s.total,
        ...FINDING_STATUSES.map((st) =>
          String(SEVERITIES.reduce((n, sev) => n + m.counts[sev][st], 0)),
        ),
        String(m.findings.length),
      ],
    ],
    fontSize: 9,
    cellColor: (row, col) =>
      col === 0 && row < SEVERITIES.length ? SEVERITY_COLORS[SEVERITIES[row] ?? 'low'] : null,
  });
}

function niceStep(max: number): number {
  const rough = Math.max(1, max / 5);
  const pow = 10 ** Math.floor(Math.log10(rough));
  for (const m of [1, 2, 5, 10]) if (m * pow >= rough) return m * pow;
  return 10 * pow;
}

/** Horizontal stacked bars, one per severity, segments by status; drawn, not an image. */
function severityChart(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  const labelW = 34;
  const barH = 9;
  const gap = 5;
  const height = 10 + SEVERITIES.length * (barH + gap) + 16;
  c.ensure(height + 4);
  const top = c.y;
  c.textAt(s.chartTitle, c.page.left, top, { size: 9.5, bold: true, color: COLORS.muted });
  const x0 = c.page.left + labelW;
  const x1 = c.page.right - 12;
  const plotTop = top + 8;
  const plotBottom = plotTop + SEVERITIES.length * (barH + gap) - gap + 2;
  const totals = SEVERITIES.map((sev) =>
    FINDING_STATUSES.reduce((n, st) => n + m.counts[sev][st], 0),
  );
  const step = niceStep(Math.max(1, ...totals));
  const max = Math.max(step, Math.ceil(Math.max(1, ...totals) / step) * step);
  const scale = (x1 - x0) / max;

  for (let v = 0; v <= max; v += step) {
    const x = x0 + v * scale;
    c.line(x, plotTop - 1, x, plotBottom, COLORS.rule, 0.15);
    c.textAt(String(v), x, plotBottom + 1, { size: 7, color: COLORS.faint, align: 'center' });
  }
  SEVERITIES.forEach((sev, i) => {
    const y = plotTop + i * (barH + gap);
    c.fillRect(c.page.left, y + 1.5, 2.4, barH - 3, SEVERITY_COLORS[sev]);
    c.textAt(lbl(ctx, 'severity', sev), c.page.left + 4, y + 0.6, { size: 9, bold: true });
    c.textAt(lbl(ctx, 'severityCat', sev), c.page.left + 4, y + 4.6, {
      size: 7,
      color: COLORS.muted,
    });
    let x = x0;
    for (const st of FINDING_STATUSES) {
      const n = m.counts[sev][st];
      if (n === 0) continue;
      const w = n * scale;
      c.fillRect(x, y, w, barH, STATUS_COLORS[st]);
      const label = String(n);
      if (c.measure(label, { size: 7.5, bold: true }) + 1.5 < w) {
        c.textAt(label, x + w / 2, y + 2.6, {
          size: 7.5,
          bold: true,
          color: COLORS.white,
          align: 'center',
        });
      }
      x += w;
    }
    c.textAt(String(totals[i] ?? 0), x + 1.5, y + 2.4, { size: 8.5, bold: true });
  });
  c.line(x0, plotTop - 1, x0, plotBottom, COLORS.muted, 0.3);

  // Legend
  let lx = x0;
  const ly = plotBottom + 6;
  for (const st of FINDING_STATUSES) {
    const text = lbl(ctx, 'findingStatus', st);
    c.fillRect(lx, ly + 0.7, 3, 3, STATUS_COLORS[st]);
    c.textAt(text, lx + 4.2, ly, { size: 8, color: COLORS.muted });
    lx += 4.2 + c.measure(text, { size: 8 }) + 6;
  }
  c.y = top + height;
}

function keyRisks(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  subHeading(ctx, s.keyRisks);
  if (m.keyRisks.length === 0) {
    c.paragraph(s.noKeyRisks, { size: 9.5 });
    return;
  }
  const lh = c.lineHeight(9.5);
  for (const risk of m.keyRisks) {
    const where = risk.device ? deviceLabel(risk.device) : (risk.room?.name ?? '');
    const tags = [risk.overdue ? s.tagOverdue : '', risk.isNew ? '' : s.tagRecurring].filter(
      Boolean,
    );
    const text = `${risk.finding.title}${where ? ` — ${where}` : ''}${s.tagList(tags)}`;
    const lines = c.wrap(text, c.contentWidth - 16, { size: 9.5 });
    c.ensure(lines.length * lh + 1);
    c.textAt(risk.no, c.page.left, c.y, {
      size: 9.5,
      bold: true,
      color: SEVERITY_COLORS[risk.finding.severity],
    });
    for (const line of lines) {
      c.textAt(line, c.page.left + 16, c.y, { size: 9.5 });
      c.y += lh;
    }
    c.y += 1;
  }
}

function atAGlance(ctx: ReportContext): void {
  const { m, s } = ctx;
  const snap = m.snapshot;
  const exposed = m.exposedDevices.length
    ? `${m.exposedDevices.length}: ${m.exposedDevices.slice(0, 5).map(deviceLabel).join(s.listSeparator)}${m.exposedDevices.length > 5 ? ' …' : ''}`
    : '0';
  subHeading(ctx, s.atAGlance, 40);
  keyValues(
    ctx,
    [
      [s.glanceRooms, String(snap.rooms.length)],
      [s.glanceRacks, String(snap.racks.length)],
      [s.glanceDevices, String(snap.devices.length)],
      [
        s.checklist,
        s.glanceAnswers(
          m.answerCounts.pass,
          m.answerCounts.fail,
          m.answerCounts.na,
          m.answerCounts.unchecked,
        ),
      ],
      [s.glanceFindings, String(m.findings.length)],
      [s.glanceExposed, exposed],
      [s.glanceNotFound, String(m.reconciliation.notFound)],
      [s.glanceUnexpected, String(m.reconciliation.unexpected)],
      [s.glanceWrongLocation, String(m.reconciliation.wrongLocation)],
    ],
    { labelWidth: 72, keepTogether: 0 },
  );
}

export function drawSummary(ctx: ReportContext): void {
  sectionHeading(ctx, ctx.s.sectionSummary, { newPage: true });
  // What to act on first, then the numbers behind the judgement, then the audit's extent.
  judgementBox(ctx);
  keyRisks(ctx);
  subHeading(ctx, ctx.s.countsTitle, 30);
  countsTable(ctx);
  severityChart(ctx);
  atAGlance(ctx);
}
