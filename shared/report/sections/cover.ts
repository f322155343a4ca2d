import { COLORS } from '../pdf-canvas.ts';
import {
  date,
  dateTime,
  keyValues,
  lbl,
  templateName,
  type ReportContext,
} from '../report-context.ts';

// Page 1: what the report is, whose, which rooms, when, which version, how classified; the
// contents list is drawn into the space reserved here once every page number is known.

const MAX_ROOMS_ON_COVER = 6;

/** Draws page 1 and returns where its content ends, for the contents list below it. */
export function drawCover(ctx: ReportContext): number {
  const { c, m, s } = ctx;
  const snap = m.snapshot;
  const x = c.page.left;
  c.y = 30;

  const org = snap.signOff?.organisation || snap.site.organisation;
  const unit = snap.signOff?.unit ?? '';
  c.paragraph([org, unit].filter(Boolean).join('  ·  '), {
    size: 10,
    color: COLORS.muted,
    gapAfter: 4,
  });

  const classification = lbl(ctx, 'classification', m.classification);
  const stampText = s.classificationBanner(classification);
  const stampW = c.measure(stampText, { size: 13, bold: true }) + 10;
  c.strokeRect(c.page.right - stampW, 24, stampW, 11, COLORS.high, 0.6);
  c.textAt(stampText, c.page.right - stampW / 2, 26.2, {
    size: 13,
    bold: true,
    color: COLORS.high,
    align: 'center',
  });

  c.paragraph(s.reportTitle, {
    size: 24,
    bold: true,
    color: COLORS.accent,
    gapAfter: 1,
    lineFactor: 1.3,
  });
  c.paragraph(snap.audit.title || s.reportTitle, { size: 14, color: COLORS.ink, gapAfter: 3 });
  c.fillRect(x, c.y, 40, 1.2, COLORS.accent);
  c.y += 7;

  const listed = snap.rooms.slice(0, MAX_ROOMS_ON_COVER);
  const more = snap.rooms.length - listed.length;
  const rooms = listed
    .map((r) => {
      const where = [r.building, r.floor].filter(Boolean).join(' ');
      return `${r.name}${where ? ` (${where})` : ''} — ${lbl(ctx, 'classification', r.classification)}`;
    })
    .concat(
      more > 0
        ? [`+ ${s.formatCount(more, s.colRoom.toLowerCase(), s.colRoom.toLowerCase())}`]
        : [],
    )
    .join('\n');
  keyValues(
    ctx,
    [
      [s.coverOrganisation, org],
      ...(unit ? ([[s.coverUnit, unit]] as const) : []),
      [s.coverSite, snap.site.name],
      [s.coverRooms, rooms],
      [
        s.coverAuditPeriod,
        s.auditPeriodValue(
          date(ctx, snap.audit.startedAt),
          snap.audit.completedAt ? date(ctx, snap.audit.completedAt) : null,
        ),
      ],
      [s.coverInspectors, snap.audit.inspectors.join(s.listSeparator) || s.notRecorded],
      [
        s.coverChecklist,
        s.checklistLine(templateName(ctx), snap.template.version, snap.template.items.length),
      ],
      [
        s.coverReportId,
        s.reportIdVersion(snap.signOff?.reportId ?? '', snap.signOff?.reportVersion ?? 1),
      ],
      ...(snap.recordId ? ([[s.coverRecordId, snap.recordId]] as const) : []),
      [s.coverStatus, lbl(ctx, 'auditStatus', snap.audit.status)],
      [s.coverGenerated, dateTime(ctx, ctx.generatedAt)],
      [s.coverClassification, classification],
    ],
    { labelWidth: 40, size: 10 },
  );
  return c.y;
}

/** Fills the contents list on page 1; called after every other page exists. */
export function drawContents(ctx: ReportContext, coverEnd: number): void {
  const { c, s } = ctx;
  c.goToPage(1);
  const x = c.page.left;
  const top = Math.max(coverEnd + 8, 150);
  c.fillRect(x, top, c.contentWidth, 0.4, COLORS.rule);
  c.textAt(s.contents, x, top + 3, { size: 11, bold: true, color: COLORS.accent });
  let y = top + 10;
  const lh = c.lineHeight(9.5, 1.5);
  for (const entry of ctx.toc) {
    const indent = entry.level === 2 ? 6 : 0;
    const page = String(entry.page);
    c.textAt(entry.title, x + indent, y, { size: 9.5, bold: entry.level === 1 });
    const titleEnd =
      x + indent + c.measure(entry.title, { size: 9.5, bold: entry.level === 1 }) + 2;
    const pageStart = c.page.right - c.measure(page, { size: 9.5 }) - 2;
    if (pageStart > titleEnd) c.line(titleEnd, y + 3.2, pageStart, y + 3.2, COLORS.rule, 0.2);
    c.textAt(page, c.page.right, y, { size: 9.5, align: 'right' });
    // The whole line links to the page, as readers expect of a contents list.
    c.doc.link(x, y - 0.5, c.contentWidth, lh, { pageNumber: entry.page });
    y += lh;
  }
  c.y = c.page.bottom - 10;
  c.paragraph(s.coverHandling, { size: 8, color: COLORS.muted });
}
