import type { Device, Finding } from '../../domain/schemas.ts';
import { COLORS, type Rgb } from '../pdf-canvas.ts';
import {
  SEVERITY_COLORS,
  date,
  shortDate,
  deviceLabel,
  deviceLocation,
  lbl,
  sectionHeading,
  subHeading,
  type ReportContext,
} from '../report-context.ts';

// Comparison with the previous audit: what is new, resolved, recurring and overdue among the
// findings, and how the inventory changed (added, missing, moved, status changed).

export type ComparisonView = {
  findings: { new: Finding[]; resolved: Finding[]; recurring: Finding[]; overdue: Finding[] };
  devices: {
    added: Device[];
    missing: Device[];
    moved: { before: Device; now: Device }[];
    statusChanged: { before: Device; now: Device }[];
  };
};

function tiles(ctx: ReportContext, items: ReadonlyArray<readonly [string, number, Rgb]>): void {
  const { c } = ctx;
  const gap = 4;
  const w = (c.contentWidth - gap * (items.length - 1)) / items.length;
  const h = 17;
  c.ensure(h + 4);
  items.forEach(([label, n, color], i) => {
    const x = c.page.left + i * (w + gap);
    c.fillRect(x, c.y, w, h, COLORS.panel);
    c.fillRect(x, c.y, w, 1, color);
    c.textAt(String(n), x + 3, c.y + 2.5, { size: 15, bold: true, color });
    c.textAt(label, x + 3, c.y + 10.5, { size: 8, color: COLORS.muted });
  });
  c.y += h + 5;
}

function findingNo(ctx: ReportContext, f: Finding): string {
  return ctx.m.findingNoById.get(f.id) ?? '—';
}

function deviceChangeTable(
  ctx: ReportContext,
  title: string,
  rows: string[][],
  headers: [string, string, string],
): void {
  const { c, s } = ctx;
  subHeading(ctx, title, rows.length ? 16 : 8);
  if (rows.length === 0) {
    c.paragraph(s.none, { size: 9, color: COLORS.muted });
    return;
  }
  c.table({
    columns: [
      { header: headers[0], width: 64 },
      { header: headers[1], width: 55 },
      { header: headers[2], width: 55 },
    ],
    rows,
    fontSize: 8,
  });
}

function byReportNumber(ctx: ReportContext, findings: Finding[]): Finding[] {
  const no = (f: Finding) => ctx.m.findingNoById.get(f.id) ?? '~';
  const rank = (f: Finding) => ['H', 'M', 'L'].indexOf(no(f).charAt(0));
  return [...findings].sort((a, b) => rank(a) - rank(b) || no(a).localeCompare(no(b)));
}

function findingTable(
  ctx: ReportContext,
  title: string,
  findings: Finding[],
  kind: 'resolved' | 'recurring' | 'overdue',
): void {
  const { c, s } = ctx;
  subHeading(ctx, title, findings.length ? 16 : 8);
  if (findings.length === 0) {
    c.paragraph(s.none, { size: 9, color: COLORS.muted });
    return;
  }
  const third =
    kind === 'overdue'
      ? { header: s.colDue, value: (f: Finding) => shortDate(ctx, f.dueDate) }
      : { header: s.colFirstSeen, value: (f: Finding) => shortDate(ctx, f.firstSeenAt) };
  c.table({
    columns: [
      { header: s.colNo, width: 15, bold: true },
      { header: s.colFinding, width: 93 },
      { header: s.colSeverity, width: 18 },
      { header: third.header, width: 24 },
      { header: s.colStatus, width: 24 },
    ],
    rows: findings.map((f) => [
      kind === 'resolved' ? '—' : findingNo(ctx, f),
      f.title,
      lbl(ctx, 'severity', f.severity),
      third.value(f),
      lbl(ctx, 'findingStatus', kind === 'resolved' ? 'closed' : f.status),
    ]),
    fontSize: 8,
    cellColor: (row, col) => {
      const f = findings[row];
      if (!f) return null;
      if (col === 2) return SEVERITY_COLORS[f.severity];
      if (col === 3 && kind === 'overdue') return COLORS.high;
      return null;
    },
  });
}

export function drawComparison(ctx: ReportContext, view: ComparisonView | null): void {
  const { c, m, s } = ctx;
  sectionHeading(ctx, s.sectionComparison);
  const prior = m.snapshot.prior;
  if (!prior || !view) {
    c.paragraph(s.firstAudit, { size: 13, bold: true, color: COLORS.accent, gapAfter: 2 });
    c.paragraph(s.firstAuditText, { size: 9.5 });
    return;
  }
  c.paragraph(
    s.previousAudit(
      prior.audit.title || prior.audit.id,
      date(ctx, prior.audit.completedAt ?? prior.audit.startedAt),
    ),
    { size: 9.5, gapAfter: 4 },
  );

  subHeading(ctx, s.findingChanges, 24);
  tiles(ctx, [
    [s.changeNew, view.findings.new.length, COLORS.accent],
    [s.changeResolved, view.findings.resolved.length, COLORS.good],
    [s.changeRecurring, view.findings.recurring.length, COLORS.medium],
    [s.changeOverdue, view.findings.overdue.length, COLORS.high],
  ]);
  subHeading(ctx, s.inventoryChanges, 24);
  tiles(ctx, [
    [s.changeAdded, view.devices.added.length, COLORS.accent],
    [s.changeMissing, view.devices.missing.length, COLORS.high],
    [s.changeMoved, view.devices.moved.length, COLORS.medium],
    [s.changeStatus, view.devices.statusChanged.length, COLORS.low],
  ]);
  c.paragraph(s.newFindingsNote, { size: 8.5, color: COLORS.muted, gapAfter: 2 });

  findingTable(ctx, s.changeOverdue, byReportNumber(ctx, view.findings.overdue), 'overdue');
  findingTable(ctx, s.changeRecurring, byReportNumber(ctx, view.findings.recurring), 'recurring');
  findingTable(ctx, s.changeResolved, view.findings.resolved, 'resolved');

  const where = (d: Device) => deviceLocation(ctx, d);
  deviceChangeTable(
    ctx,
    s.changeAdded,
    view.devices.added.map((d) => [
      deviceLabel(d),
      where(d),
      lbl(ctx, 'lifecycleStatus', d.status),
    ]),
    [s.colDevice, s.colLocation, s.colStatus],
  );
  deviceChangeTable(
    ctx,
    s.changeMissing,
    view.devices.missing.map((d) => [
      deviceLabel(d),
      where(d),
      lbl(ctx, 'lifecycleStatus', d.status),
    ]),
    [s.colDevice, s.colFrom, s.colStatus],
  );
  deviceChangeTable(
    ctx,
    s.changeMoved,
    view.devices.moved.map(({ before, now }) => [deviceLabel(now), where(before), where(now)]),
    [s.colDevice, s.colFrom, s.colTo],
  );
  deviceChangeTable(
    ctx,
    s.changeStatus,
    view.devices.statusChanged.map(({ before, now }) => [
      deviceLabel(now),
      lbl(ctx, 'lifecycleStatus', before.status),
      lbl(ctx, 'lifecycleStatus', now.status),
    ]),
    [s.colDevice, s.colFrom, s.colTo],
  );
}
