import { COLORS } from '../pdf-canvas.ts';
import {
  date,
  dateTime,
  sectionHeading,
  type ReportContext,
  type SignatureInfo,
} from '../report-context.ts';
import {
  SIGNATURE_BOX,
  isBold,
  layoutSignatureBox,
  type SignatureBoxContent,
} from '../signature-box.ts';

// Sign-off: the inspector and the approver with room to sign a printed copy by hand, and the
// digital signature that makes the PDF itself evidence: whose certificate, issued by whom,
// its fingerprint, and a plain warning when the certificate is self-issued.

const BOX_H = 58;

function personBox(
  ctx: ReportContext,
  x: number,
  w: number,
  title: string,
  person: { name: string; role: string } | null,
  when: string | null,
): void {
  const { c, s } = ctx;
  const top = c.y;
  c.strokeRect(x, top, w, BOX_H, COLORS.rule, 0.3);
  c.fillRect(x, top, w, 8, COLORS.accentLight);
  c.textAt(title, x + 3, top + 1.8, { size: 10, bold: true, color: COLORS.accent });
  let y = top + 11;
  const rows: [string, string][] = person
    ? [
        [s.fieldName, person.name],
        [s.fieldRole, person.role || '—'],
        [s.fieldDate, when ?? ''],
      ]
    : [[s.fieldName, s.noApprover]];
  for (const [label, value] of rows) {
    c.textAt(label, x + 3, y, { size: 8.5, bold: true, color: COLORS.muted });
    const lines = c.wrap(value, w - 24, { size: 9 }).slice(0, 2);
    lines.forEach((line, i) => c.textAt(line, x + 21, y + i * c.lineHeight(9), { size: 9 }));
    if (!value) c.line(x + 21, y + 4, x + w - 4, y + 4, COLORS.faint, 0.2);
    y += Math.max(1, lines.length) * c.lineHeight(9) + 1.5;
  }
  // Space for a wet signature on the printed copy.
  c.line(x + 4, top + BOX_H - 7, x + w - 4, top + BOX_H - 7, COLORS.muted, 0.3);
  c.textAt(s.wetSignature, x + 4, top + BOX_H - 6, { size: 7.5, color: COLORS.muted });
}

const PT = 25.4 / 72;

/** Where the inspector's signature box was drawn, for the signature widget's /Rect. */
export type SignatureBoxPlacement = { page: number; x: number; top: number; w: number; h: number };

function boxTexts(ctx: ReportContext, content: SignatureBoxContent) {
  // The layout works in points; the canvas measures in millimetres.
  return layoutSignatureBox(
    ctx.s,
    content,
    (text, size, bold) => ctx.c.measure(text, { size, bold }) / PT,
  );
}

/** The inspector's signature box (drawn) and the slot the approver's countersignature fills. */
function signatureBoxes(ctx: ReportContext, signature: SignatureInfo): SignatureBoxPlacement {
  const { c, s } = ctx;
  const w = SIGNATURE_BOX.width * PT;
  const h = SIGNATURE_BOX.height * PT;
  const gap = SIGNATURE_BOX.gap * PT;
  // Room for every row of boxes, so later countersignatures never cover the text below.
  const rowsHeight = SIGNATURE_BOX.rows * h + (SIGNATURE_BOX.rows - 1) * gap;
  c.ensure(rowsHeight + 4);
  const x = c.page.left;
  const top = c.y;
  c.fillRect(x, top, w, h, COLORS.panel);
  c.strokeRect(x, top, w, h, COLORS.accent, 0.4);
  const texts = boxTexts(ctx, {
    role: s.inspector,
    signer: signature.signerName,
    time: dateTime(ctx, signature.signingTime),
    reason: signature.reason,
    location: signature.location,
    fingerprintSha256: signature.fingerprintSha256,
  });
  for (const t of texts) {
    c.textAt(t.text, x + t.x * PT, top + t.top * PT, {
      size: t.size,
      bold: isBold(t),
      color: t.kind === 'title' ? COLORS.accent : t.kind === 'label' ? COLORS.muted : COLORS.ink,
    });
  }
  // The approver's slot: a dashed frame the countersignature's appearance covers.
  const sx = x + w + gap;
  c.doc.setLineDashPattern([1.2, 1.2], 0);
  // Inset, so the countersignature's opaque appearance covers all of it.
  c.strokeRect(sx + 0.4, top + 0.4, w - 0.8, h - 0.8, COLORS.faint, 0.3);
  c.doc.setLineDashPattern([], 0);
  const lines = c.wrap(s.sigBoxCountersignSlot, w - 12, { size: 8 });
  let ly = top + h / 2 - (lines.length * c.lineHeight(8)) / 2;
  for (const line of lines) {
    c.textAt(line, sx + w / 2, ly, { size: 8, color: COLORS.faint, align: 'center' });
    ly += c.lineHeight(8);
  }
  c.y = top + rowsHeight + 5;
  return { page: c.pageCount(), x, top, w, h };
}

function signaturePanel(ctx: ReportContext): SignatureBoxPlacement | null {
  const { c, s, signature } = ctx;
  c.ensure(30);
  c.textAt(s.digitalSignature, c.page.left, c.y, { size: 11.5, bold: true, color: COLORS.accent });
  c.y += c.lineHeight(11.5, 1.4) + 1;
  if (!signature) {
    c.paragraph(s.sigNone, { size: 9.5, color: COLORS.muted });
    return null;
  }
  const placement = signatureBoxes(ctx, signature);
  const lh = c.lineHeight(9);
  const rows: [string, string][] = [
    [s.sigSubject, signature.certificateSubject],
    [s.sigIssuer, signature.issuer],
  ];
  for (const [label, value] of rows) {
    const lines = c.wrap(value, c.contentWidth - 40, { size: 9 });
    c.ensure(lines.length * lh);
    c.textAt(label, c.page.left, c.y, { size: 8.5, bold: true, color: COLORS.muted });
    for (const line of lines) {
      c.textAt(line, c.page.left + 40, c.y, { size: 9 });
      c.y += lh;
    }
    c.y += 0.8;
  }
  c.y += 2;
  const note = signature.selfIssued ? s.sigSelfIssued : s.sigOrganisationPki;
  const color = signature.selfIssued ? COLORS.medium : COLORS.good;
  const lines = c.wrap(note, c.contentWidth - 8, { size: 9, bold: signature.selfIssued });
  const h = lines.length * lh + 5;
  c.ensure(h + 2);
  c.fillRect(c.page.left, c.y, c.contentWidth, h, COLORS.panel);
  c.fillRect(c.page.left, c.y, 1.5, h, color);
  let y = c.y + 2.5;
  for (const line of lines) {
    c.textAt(line, c.page.left + 5, y, { size: 9, bold: signature.selfIssued });
    y += lh;
  }
  c.y += h + 4;
  c.paragraph(s.sigVerifyHint, { size: 8.5, color: COLORS.muted });
  return placement;
}

/** Draws the sign-off section; returns where the inspector's signature box is, if signed. */
export function drawSignOff(ctx: ReportContext): SignatureBoxPlacement | null {
  const { c, m, s } = ctx;
  sectionHeading(ctx, s.sectionSignOff, { newPage: true });
  c.paragraph(s.signOffIntro, { size: 9.5, gapAfter: 5 });
  const signOff = m.snapshot.signOff;
  const inspector = signOff?.inspector ?? {
    name: m.snapshot.audit.inspectors[0] ?? s.notRecorded,
    role: '',
  };
  const completed = m.snapshot.audit.completedAt;
  const gap = 8;
  const w = (c.contentWidth - gap) / 2;
  c.ensure(BOX_H + 4);
  personBox(ctx, c.page.left, w, s.inspector, inspector, completed ? date(ctx, completed) : null);
  const approver = signOff?.approver && signOff.approver.name ? signOff.approver : null;
  personBox(ctx, c.page.left + w + gap, w, s.approver, approver, null);
  c.y += BOX_H + 8;
  const placement = signaturePanel(ctx);
  c.paragraph(`${s.coverGenerated}: ${dateTime(ctx, ctx.generatedAt)}`, {
    size: 8,
    color: COLORS.faint,
  });
  return placement;
}
