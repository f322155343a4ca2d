import { COLORS } from '../pdf-canvas.ts';
import { conformityPercent, type Conformity } from '../report-model.ts';
import { deviceLabel, sectionHeading, subHeading, type ReportContext } from '../report-context.ts';

// Conformity (ISO 19011 6.5.2): items passed of items checked, overall and per room, and every
// item that was not checked, by room, device and item, so "15 items were not checked" names them.

const rate = (c: Conformity) => {
  const p = conformityPercent(c);
  return p === null ? '—' : `${p} %`;
};

export function drawConformity(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  sectionHeading(ctx, s.sectionConformity);
  c.paragraph(s.conformityLine(m.conformity), { size: 10.5, bold: true, gapAfter: 1.5 });
  c.paragraph(s.conformityIntro, { size: 9, color: COLORS.muted, gapAfter: 3 });

  subHeading(ctx, s.conformityByRoom, 20);
  const numeric = { width: 19, align: 'right' as const };
  c.table({
    columns: [
      { header: s.colRoom, width: 60, bold: true },
      { header: s.colPassed, ...numeric },
      { header: s.colFailed, ...numeric },
      { header: s.colNa, ...numeric },
      { header: s.colNotChecked, ...numeric },
      { header: s.colConformity, width: 19, align: 'right', bold: true },
    ],
    rows: m.conformityByRoom.map((r) => [
      r.room.name,
      String(r.conformity.passed),
      String(r.conformity.checked - r.conformity.passed),
      String(r.na),
      String(r.unchecked),
      rate(r.conformity),
    ]),
    fontSize: 8.5,
    cellColor: (row, col) => {
      const r = m.conformityByRoom[row];
      if (!r) return null;
      if (col === 2 && r.conformity.checked > r.conformity.passed) return COLORS.high;
      if (col === 4 && r.unchecked > 0) return COLORS.medium;
      return null;
    },
  });

  subHeading(ctx, s.notCheckedItems, 20);
  if (m.notChecked.length === 0) {
    c.paragraph(s.allChecked, { size: 9.5 });
    return;
  }
  c.paragraph(s.notCheckedIntro, { size: 9, color: COLORS.muted, gapAfter: 2 });
  c.table({
    columns: [
      { header: s.colRoom, width: 44 },
      { header: s.colDevice, width: 56 },
      { header: s.colItem, width: 74 },
    ],
    rows: m.notChecked.map((n) => [
      n.room.name,
      n.device ? deviceLabel(n.device) : s.roomLevel,
      `${n.item.id}  ${n.item.text[ctx.lang]}`,
    ]),
    fontSize: 8,
  });
}
