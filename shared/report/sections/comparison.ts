import type { AuditComparison } from '../../compare/compare-audits.ts';
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

type FindingRow = { finding: Finding; no: string; status: string };

/**
 * Above this many rows a list would repeat, page after page, what the findings section (tags)
 * and the remediation plan (overdue dates) already show; the count and a pointer say it.
 */
const LIST_LIMIT = 40;

function findingTable(
  ctx: ReportContext,
  title: string,
  rows: FindingRow[],
  third: { header: string; value: (f: Finding) => string; red?: boolean },
  elsewhere?: (n: number) => string,
): void {
  const { c, s } = ctx;
  subHeading(ctx, title, rows.length ? 16 : 8);
  if (rows.length === 0) {
    c.paragraph(s.none, { size: 9, color: COLORS.muted });
    return;
  }
  if (elsewhere && rows.length > LIST_LIMIT) {
    c.paragraph(elsewhere(rows.length), { size: 9.5, gapAfter: 3 });
    return;
  }
  c.table({
    columns: [
      { header: s.colNo, width: 15, bold: true },
      { header: s.colFinding, width: 87 },
      { header: s.colSeverity, width: 18 },
      { header: third.header, width: 22 },
      { header: s.colStatus, width: 32 },
    ],
    rows: rows.map((r) => [
      r.no,
      r.finding.title,
      lbl(ctx, 'severity', r.finding.severity),
      third.value(r.finding),
      r.status,
    ]),
    fontSize: 8,
    cellColor: (row, col) => {
      const f = rows[row]?.finding;
      if (!f) return null;
      if (col === 2) return SEVERITY_COLORS[f.severity];
      if (col === 3 && third.red) return COLORS.high;
      return null;
    },
  });
}

export function drawComparison(ctx: ReportContext, comparison: AuditComparison): void {
  const { c, m, s } = ctx;
  sectionHeading(ctx, s.sectionComparison);
  const prior = m.snapshot.prior;
  if (!prior || comparison.isFirstAudit) {
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
  const { findings, devices, counts } = comparison;

  subHeading(ctx, s.findingChanges, 24);
  tiles(ctx, [
    [s.changeNew, counts.newFindings, COLORS.accent],
    [s.changeResolved, counts.resolved, COLORS.good],
    [s.changeRecurring, counts.recurring, COLORS.medium],
    [s.changeNotRechecked, counts.notRechecked + counts.passed, COLORS.low],
    [s.changeOverdue, counts.overdue, COLORS.high],
  ]);
  subHeading(ctx, s.inventoryChanges, 24);
  // What the inspector found (the same figures as the summary), then how the records changed.
  tiles(ctx, [
    [s.changeMissing, counts.missing, COLORS.high],
    [s.changeUnexpected, counts.unexpected, COLORS.high],
    [s.changeMoved, counts.moved, COLORS.medium],
  ]);
  tiles(ctx, [
    [s.changeAdded, counts.added, COLORS.accent],
    [s.changeRemoved, counts.removed, COLORS.medium],
    [s.changeRelocated, counts.relocated, COLORS.medium],
    [s.changeStatus, counts.statusChanged, COLORS.low],
  ]);
  c.paragraph(s.newFindingsNote, { size: 8.5, color: COLORS.muted, gapAfter: 2 });

  const status = (f: Finding) => lbl(ctx, 'findingStatus', f.status);
  const row = (f: Finding, statusText = status(f)): FindingRow => ({
    finding: f,
    no: findingNo(ctx, f),
    status: statusText,
  });
  findingTable(
    ctx,
    s.changeOverdue,
    byReportNumber(ctx, [...findings.overdue]).map((f) => row(f)),
    { header: s.colDue, value: (f) => shortDate(ctx, f.dueDate), red: true },
    s.overdueElsewhere,
  );
  const recurringByCurrent = new Map(findings.recurring.map((r) => [r.current.id, r]));
  findingTable(
    ctx,
    s.changeRecurring,
    byReportNumber(
      ctx,
      findings.recurring.map((r) => r.current),
    ).map((f) =>
      row(
        f,
        recurringByCurrent.get(f.id)?.reappeared
          ? `${status(f)}${s.tagList([s.reappeared])}`
          : status(f),
      ),
    ),
    {
      header: s.colFirstSeen,
      value: (f) => shortDate(ctx, recurringByCurrent.get(f.id)?.firstSeenAt ?? f.firstSeenAt),
    },
    s.recurringElsewhere,
  );
  findingTable(
    ctx,
    s.changeResolved,
    findings.resolved.map((r) =>
      r.current
        ? { finding: r.prior, no: findingNo(ctx, r.current), status: status(r.current) }
        : { finding: r.prior, no: '—', status: s.notSeenAgain },
    ),
    { header: s.colFirstSeen, value: (f) => shortDate(ctx, f.firstSeenAt) },
  );

  const where = (d: Device) => deviceLocation(ctx, d);
  deviceChangeTable(
    ctx,
    s.changeAdded,
    devices.added.map((d) => [deviceLabel(d), where(d), lbl(ctx, 'lifecycleStatus', d.status)]),
    [s.colDevice, s.colLocation, s.colStatus],
  );
  deviceChangeTable(
    ctx,
    s.changeRemoved,
    devices.missing.map((d) => [deviceLabel(d), where(d), lbl(ctx, 'lifecycleStatus', d.status)]),
    [s.colDevice, s.colFrom, s.colStatus],
  );
  deviceChangeTable(
    ctx,
    s.changeRelocated,
    devices.moved.map((mv) => [deviceLabel(mv.current), where(mv.prior), where(mv.current)]),
    [s.colDevice, s.colFrom, s.colTo],
  );
  deviceChangeTable(
    ctx,
    s.changeStatus,
    devices.statusChanged.map((ch) => [
      deviceLabel(ch.current),
      lbl(ctx, 'lifecycleStatus', ch.status.from),
      lbl(ctx, 'lifecycleStatus', ch.status.to),
    ]),
    [s.colDevice, s.colFrom, s.colTo],
  );
}
