import { COLORS } from '../pdf-canvas.ts';
import {
  date,
  keyValues,
  lbl,
  sectionHeading,
  subHeading,
  type ReportContext,
  templateName,
} from '../report-context.ts';

// Scope and method: which checklist (name and version), which rooms and racks, who inspected,
// how the walk was done, and what the audit could not see.

export function drawScope(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  const snap = m.snapshot;
  sectionHeading(ctx, s.sectionScope);

  keyValues(ctx, [
    [
      s.checklist,
      s.checklistLine(templateName(ctx), snap.template.version, snap.template.items.length),
    ],
    [s.inspectors, snap.audit.inspectors.join(s.listSeparator) || s.notRecorded],
    [
      s.auditPeriod,
      s.auditPeriodValue(
        date(ctx, snap.audit.startedAt),
        snap.audit.completedAt ? date(ctx, snap.audit.completedAt) : null,
      ),
    ],
  ]);
  c.y += 2;

  subHeading(ctx, s.roomsAndRacks, 20);
  const devicesPerRoom = new Map<string, number>();
  for (const d of snap.devices)
    devicesPerRoom.set(d.roomId, (devicesPerRoom.get(d.roomId) ?? 0) + 1);
  const racksPerRoom = new Map<string, string[]>();
  for (const r of [...snap.racks].sort((a, b) => a.walkOrder - b.walkOrder)) {
    racksPerRoom.set(r.roomId, [...(racksPerRoom.get(r.roomId) ?? []), r.name]);
  }
  const racksText = (roomId: string): string => {
    const names = racksPerRoom.get(roomId) ?? [];
    if (names.length === 0) return s.none;
    // A 2,000-device room has a hundred racks: name the span, not each one.
    return names.length > 12
      ? `${names.length}: ${names.slice(0, 3).join(s.listSeparator)} … ${names[names.length - 1]}`
      : names.join(s.listSeparator);
  };
  c.table({
    columns: [
      { header: s.colRoom, width: 52, bold: true },
      { header: s.colBuildingFloor, width: 34 },
      { header: s.colClassification, width: 24 },
      { header: s.colRacks, width: 46 },
      { header: s.colDevices, width: 18, align: 'right' },
    ],
    rows: snap.rooms.map((r) => [
      r.name,
      [r.building, r.floor].filter(Boolean).join(' '),
      lbl(ctx, 'classification', r.classification),
      racksText(r.id),
      String(devicesPerRoom.get(r.id) ?? 0),
    ]),
    fontSize: 8.5,
  });

  subHeading(ctx, s.method);
  c.paragraph(s.methodText, { size: 9.5, gapAfter: 3 });

  subHeading(ctx, s.limits);
  c.paragraph(s.limitsText, { size: 9.5, gapAfter: 2 });
  const extra: string[] = [];
  if (m.answerCounts.unchecked > 0) extra.push(s.limitUnchecked(m.answerCounts.unchecked));
  if (m.reconciliation.notFound > 0) extra.push(s.limitNotFound(m.reconciliation.notFound));
  if (snap.audit.reopenLog.length > 0) extra.push(s.limitReopened(snap.audit.reopenLog.length));
  for (const line of extra) {
    const lh = c.lineHeight(9.5);
    c.ensure(lh);
    c.textAt('•', c.page.left + 1, c.y, { size: 9.5, color: COLORS.muted });
    c.paragraph(line, { size: 9.5, x: c.page.left + 5, gapAfter: 0.5 });
  }
}
