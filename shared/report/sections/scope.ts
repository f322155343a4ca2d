import { COLORS } from '../pdf-canvas.ts';
import { inTimeZone } from '../time-zone.ts';
import {
  dateTime,
  keyValues,
  lbl,
  sectionHeading,
  subHeading,
  type ReportContext,
  templateName,
} from '../report-context.ts';

// Objectives, scope and criteria (ISO 19011 6.5.2): what the audit was for and for whom,
// what it covered, what it was judged against, who did it, when and where, how it was done
// and what it could not see.

/** "Asia/Shanghai (UTC+08:00), recorded with the audit…" or why another zone is used. */
function timeZoneText(ctx: ReportContext): string {
  const at = ctx.m.snapshot.audit.completedAt ?? ctx.generatedAt;
  const offset = inTimeZone(at, ctx.timeZone).offset;
  return ctx.timeZoneRecorded
    ? ctx.s.timeZoneRecorded(ctx.timeZone, offset)
    : ctx.s.timeZoneFallback(ctx.timeZone, offset);
}

export function drawScope(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  const snap = m.snapshot;
  const audit = snap.audit;
  sectionHeading(ctx, s.sectionScope);

  const stated = (text: string) => text.trim() || s.notStated;
  keyValues(
    ctx,
    [
      [s.objectives, stated(audit.objectives)],
      [s.auditClient, stated(audit.auditClient)],
      [s.auditees, audit.auditees.join(s.listSeparator) || s.notStated],
      [s.auditScope, s.auditScopeValue(snap.rooms.length, snap.racks.length, snap.devices.length)],
      [
        s.auditCriteria,
        s.criteriaValue(
          s.checklistLine(templateName(ctx), snap.template.version, snap.template.items.length),
        ),
      ],
      [s.controlBases, m.controlBases.join('; ') || s.notRecorded],
      [s.auditTeam, audit.inspectors.join(s.listSeparator) || s.notRecorded],
    ],
    { labelWidth: 40 },
  );
  c.y += 2;

  subHeading(ctx, s.datesAndPlaces);
  keyValues(
    ctx,
    [
      [
        s.auditPeriod,
        s.auditPeriodValue(
          dateTime(ctx, audit.startedAt),
          audit.completedAt ? dateTime(ctx, audit.completedAt) : null,
        ),
      ],
      [s.timeZone, timeZoneText(ctx)],
      [s.coverSite, snap.site.name],
    ],
    { labelWidth: 40 },
  );
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
  if (m.answerCounts.unchecked > 0)
    extra.push(
      s.limitUnchecked(m.answerCounts.unchecked, `${s.sectionConformity} · ${s.notCheckedItems}`),
    );
  if (m.reconciliation.notFound > 0) extra.push(s.limitNotFound(m.reconciliation.notFound));
  if (snap.audit.reopenLog.length > 0) extra.push(s.limitReopened(snap.audit.reopenLog.length));
  for (const line of extra) {
    const lh = c.lineHeight(9.5);
    c.ensure(lh);
    c.textAt('•', c.page.left + 1, c.y, { size: 9.5, color: COLORS.muted });
    c.paragraph(line, { size: 9.5, x: c.page.left + 5, gapAfter: 0.5 });
  }
}
