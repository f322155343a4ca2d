import { SEVERITIES } from '../../domain/enums.ts';
import type { SnapshotEvidence } from '../../snapshot/schema.ts';
import { COLORS } from '../pdf-canvas.ts';
import type { ReportFinding } from '../report-model.ts';
import {
  SEVERITY_COLORS,
  date,
  deviceLabel,
  deviceLocation,
  lbl,
  sectionHeading,
  subHeading,
  type ReportContext,
} from '../report-context.ts';
import { drawImageFitted } from './images.ts';
import { STATUS_COLORS } from './summary.ts';

// Findings grouped by severity, one block each: number, tags and title; the check item and
// the control it rests on; device and location; owner, due date, status; what was seen, what
// to do; and thumbnails of the photos that show it.

const THUMB_W = 40;
const THUMB_H = 30;
const LABEL_W = 30;

function fieldRows(ctx: ReportContext, f: ReportFinding): [string, string][] {
  const { s } = ctx;
  const rows: [string, string][] = [];
  rows.push([s.fieldCheck, f.item ? `${f.item.id} — ${f.item.text[ctx.lang]}` : s.manualFinding]);
  if (f.item?.basis) rows.push([s.fieldBasis, f.item.basis]);
  rows.push([s.fieldDevice, f.device ? deviceLabel(f.device) : s.roomLevel]);
  rows.push([
    s.fieldLocation,
    f.device ? deviceLocation(ctx, f.device) : (f.room?.name ?? f.finding.roomId),
  ]);
  return rows;
}

type Field = { label: string; lines: string[] };
const FIELD_SIZE = 9;

function layoutField(ctx: ReportContext, label: string, value: string): Field {
  return { label, lines: ctx.c.wrap(value, ctx.c.contentWidth - LABEL_W, { size: FIELD_SIZE }) };
}

function fieldHeight(ctx: ReportContext, field: Field): number {
  return field.lines.length * ctx.c.lineHeight(FIELD_SIZE, 1.4) + 0.6;
}

function drawField(ctx: ReportContext, field: Field): void {
  const { c } = ctx;
  const lh = c.lineHeight(FIELD_SIZE, 1.4);
  c.ensure(lh * Math.min(field.lines.length, 2));
  c.textAt(field.label, c.page.left, c.y, {
    size: FIELD_SIZE - 0.5,
    bold: true,
    color: COLORS.muted,
  });
  for (const line of field.lines) {
    c.ensure(lh);
    c.textAt(line, c.page.left + LABEL_W, c.y, { size: FIELD_SIZE });
    c.y += lh;
  }
  c.y += 0.6;
}

type EvidenceRow = { items: SnapshotEvidence[]; captions: string[][]; height: number };
const CAPTION_SIZE = 7;

function layoutEvidence(ctx: ReportContext, evidence: SnapshotEvidence[]): EvidenceRow[] {
  const { c } = ctx;
  const clh = c.lineHeight(CAPTION_SIZE, 1.3);
  const perRow = Math.max(1, Math.floor((c.contentWidth - LABEL_W + 4) / (THUMB_W + 4)));
  const rows: EvidenceRow[] = [];
  for (let i = 0; i < evidence.length; i += perRow) {
    const items = evidence.slice(i, i + perRow);
    const captions = items.map((ev) =>
      c.wrap(ev.caption || ev.fileName, THUMB_W, { size: CAPTION_SIZE }).slice(0, 2),
    );
    const height = THUMB_H + 1.5 + Math.max(...captions.map((l) => l.length)) * clh + 2;
    rows.push({ items, captions, height });
  }
  return rows;
}

function drawEvidence(ctx: ReportContext, rows: EvidenceRow[], no: string): void {
  const { c, s } = ctx;
  const clh = c.lineHeight(CAPTION_SIZE, 1.3);
  rows.forEach((row, i) => {
    const before = c.pageCount();
    c.ensure(row.height);
    // A row pushed to the next page says whose evidence it is.
    const label = i === 0 || c.pageCount() !== before ? s.fieldEvidence : '';
    if (label) {
      c.textAt(c.pageCount() !== before ? `${label} (${no})` : label, c.page.left, c.y, {
        size: FIELD_SIZE - 0.5,
        bold: true,
        color: COLORS.muted,
      });
    }
    row.items.forEach((ev, j) => {
      const x = c.page.left + LABEL_W + j * (THUMB_W + 4);
      drawImageFitted(ctx, ev, x, c.y, THUMB_W, THUMB_H);
      let cy = c.y + THUMB_H + 1.5;
      for (const line of row.captions[j] ?? []) {
        c.textAt(line, x, cy, { size: CAPTION_SIZE, color: COLORS.muted });
        cy += clh;
      }
    });
    c.y += row.height;
  });
}

function drawFinding(ctx: ReportContext, f: ReportFinding): void {
  const { c, s } = ctx;
  const fin = f.finding;
  const titleLines = c.wrap(fin.title, c.contentWidth, { size: 10.5, bold: true });
  const tlh = c.lineHeight(10.5, 1.35);

  const fields: Field[] = fieldRows(ctx, f).map(([label, value]) => layoutField(ctx, label, value));
  if (fin.detail) fields.push(layoutField(ctx, s.fieldDetail, fin.detail));
  if (fin.remediation) fields.push(layoutField(ctx, s.fieldRemediation, fin.remediation));
  if (fin.statusReason) {
    const label = fin.status === 'risk_accepted' ? s.fieldRiskAccepted : s.fieldStatusReason;
    fields.push(layoutField(ctx, label, fin.statusReason));
  }
  for (const change of fin.severityChanges) {
    const from = lbl(ctx, 'severity', change.from);
    const to = lbl(ctx, 'severity', change.to);
    fields.push(
      layoutField(
        ctx,
        s.fieldSeverityChange,
        s.severityChangeLine(from, to, change.reason, change.by),
      ),
    );
  }
  if (!f.isNew) {
    const prior = ctx.m.snapshot.prior?.audit;
    // The date the finding was first recorded, as the comparison's "first seen" column shows.
    const seen =
      prior && prior.id === fin.firstSeenAuditId
        ? s.qualified(prior.title, date(ctx, fin.firstSeenAt))
        : date(ctx, fin.firstSeenAt);
    fields.push(layoutField(ctx, s.fieldFirstSeen, seen));
  }
  const evidence = layoutEvidence(ctx, f.evidence);

  const meta = s.ownerAndDue(fin.owner || s.notRecorded, date(ctx, fin.dueDate));
  const metaW = c.measure(meta, { size: 8 });
  const headH = 6.5 + titleLines.length * tlh + 1;
  const total =
    headH +
    fields.reduce((h, field) => h + fieldHeight(ctx, field), 0) +
    evidence.reduce((h, row) => h + row.height, 0) +
    5.5;
  // Keep a finding on one page when it fits on one; otherwise at least keep its head together.
  const pageSpace = c.page.bottom - c.page.top;
  c.ensure(total <= pageSpace ? total : headH + 16);

  let x = c.page.left;
  x += c.chip(f.no, x, c.y, SEVERITY_COLORS[fin.severity], COLORS.white, 8) + 1.5;
  x += c.chip(lbl(ctx, 'findingStatus', fin.status), x, c.y, STATUS_COLORS[fin.status]) + 1.5;
  if (f.overdue) x += c.chip(s.tagOverdue, x, c.y, COLORS.high) + 1.5;
  x += c.chip(f.isNew ? s.tagNew : s.tagRecurring, x, c.y, COLORS.accentLight, COLORS.accent) + 1.5;
  if (x + 4 + metaW <= c.page.right) {
    c.textAt(meta, c.page.right, c.y + 0.5, { size: 8, color: COLORS.muted, align: 'right' });
    c.y += 6.5;
  } else {
    c.y += 6.5;
    c.paragraph(meta, { size: 8, color: COLORS.muted, gapAfter: 0.5 });
  }
  for (const line of titleLines) {
    c.textAt(line, c.page.left, c.y, { size: 10.5, bold: true });
    c.y += tlh;
  }
  c.y += 1;
  for (const field of fields) drawField(ctx, field);
  drawEvidence(ctx, evidence, f.no);
  c.y += 1.5;
  c.ensure(4);
  c.line(c.page.left, c.y, c.page.right, c.y, COLORS.rule, 0.25);
  c.y += 4;
}

export function drawFindings(ctx: ReportContext): void {
  const { m, s } = ctx;
  sectionHeading(ctx, s.sectionFindings, { newPage: true });
  for (const severity of SEVERITIES) {
    const group = m.bySeverity[severity];
    const title = s.severityGroup(
      s.qualified(lbl(ctx, 'severity', severity), lbl(ctx, 'severityCat', severity)),
      group.length,
    );
    subHeading(ctx, title, 30, true);
    if (group.length === 0) {
      ctx.c.paragraph(s.noFindings, { size: 9.5, color: COLORS.muted, gapAfter: 4 });
      continue;
    }
    for (const f of group) drawFinding(ctx, f);
  }
}
