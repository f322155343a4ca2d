import type { AuditSnapshot } from '../snapshot/schema.ts';
import { label } from '../i18n/labels.ts';
import { compareAudits } from '../compare/compare-audits.ts';
import { COLORS, ReportCanvas, type ReportFonts, type Rgb } from './pdf-canvas.ts';
import type { ReportContext, SignatureInfo } from './report-context.ts';
import { buildReportModel } from './report-model.ts';
import { drawAppendices } from './sections/appendices.ts';
import { drawCharactersAppendix, findUnshowable } from './sections/characters.ts';
import { drawComparison } from './sections/comparison.ts';
import { drawConclusions } from './sections/conclusions.ts';
import { drawConformity } from './sections/conformity.ts';
import { drawContents, drawCover } from './sections/cover.ts';
import { drawFindings } from './sections/findings.ts';
import { drawRemediation } from './sections/remediation.ts';
import { drawScope } from './sections/scope.ts';
import { drawSignOff } from './sections/signoff.ts';
import { drawSummary } from './sections/summary.ts';
import { pdfTextString } from './jspdf-direct.ts';
import { buildXmp } from './pdf-metadata.ts';
import { REPORT_STRINGS } from './strings.ts';
import { checkTimeZone, isTimeZone } from './time-zone.ts';

// The audit report as an unsigned PDF, laid out from the snapshot alone (DOMAIN.md "The
// report"). Main attaches the snapshot and signs the result; nothing here touches keys.

export type BuildReportOptions = {
  fonts: ReportFonts;
  /** When the report is made, ISO 8601 UTC; also what "overdue" is measured against. */
  generatedAt: string;
  /** Who will sign, shown on the sign-off page; null for an unsigned copy. */
  signature: SignatureInfo | null;
  /**
   * IANA time zone to show moments in when the audit recorded none (records before issue 12),
   * e.g. the signing computer's; UTC when not given. The report says which zone it used.
   */
  fallbackTimeZone?: string;
};

/** Where the inspector's visible signature goes: page (1-based) and /Rect in PDF points. */
export type SignatureField = { page: number; rect: [number, number, number, number] };

export type BuiltReport = {
  bytes: Uint8Array;
  pageCount: number;
  /** Null for an unsigned copy (no signature info given). */
  signatureField: SignatureField | null;
};

const BANNER_COLORS: Record<string, Rgb> = {
  unclassified: COLORS.good,
  internal: COLORS.accent,
  confidential: COLORS.high,
  secret: COLORS.high,
  top_secret: [150, 20, 20],
};

function decoratePages(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  const total = c.pageCount();
  const banner = s.classificationBanner(label('classification', m.classification, ctx.lang));
  const bannerColor = BANNER_COLORS[m.classification] ?? COLORS.high;
  const snap = m.snapshot;
  const reportId = snap.signOff?.reportId ?? '';
  const org = [snap.signOff?.organisation || snap.site.organisation, snap.signOff?.unit]
    .filter(Boolean)
    .join('  ·  ');
  const headerLeft = `${s.reportTitle}${snap.audit.title ? `  ·  ${snap.audit.title}` : ''}`;
  for (let page = 1; page <= total; page++) {
    c.goToPage(page);
    c.fillRect(0, 0, c.page.width, 8, bannerColor);
    c.textAt(banner, c.page.width / 2, 1.9, {
      size: 9,
      bold: true,
      color: COLORS.white,
      align: 'center',
    });
    c.fillRect(0, c.page.height - 8, c.page.width, 8, bannerColor);
    c.textAt(banner, c.page.width / 2, c.page.height - 6.1, {
      size: 9,
      bold: true,
      color: COLORS.white,
      align: 'center',
    });
    if (page > 1) {
      const maxLeft = c.contentWidth - c.measure(reportId, { size: 7.5 }) - 6;
      const left = c.wrap(headerLeft, maxLeft, { size: 7.5 })[0] ?? '';
      c.textAt(left, c.page.left, 12, { size: 7.5, color: COLORS.muted });
      c.textAt(reportId, c.page.right, 12, { size: 7.5, color: COLORS.muted, align: 'right' });
      c.line(c.page.left, 16.5, c.page.right, 16.5, COLORS.rule, 0.2);
    }
    c.line(c.page.left, c.page.bottom + 3, c.page.right, c.page.bottom + 3, COLORS.rule, 0.2);
    const pageText = s.footerPage(page, total);
    const footLeft =
      c.wrap(org, c.contentWidth - c.measure(pageText, { size: 8 }) - 8, { size: 7.5 })[0] ?? '';
    c.textAt(footLeft, c.page.left, c.page.bottom + 4.5, { size: 7.5, color: COLORS.muted });
    c.textAt(pageText, c.page.right, c.page.bottom + 4.5, {
      size: 8,
      color: COLORS.ink,
      align: 'right',
    });
  }
}

type JsPdfOutline = {
  add(parent: unknown, title: string, options: { pageNumber: number }): unknown;
  makeString(text: string): string;
};

/** Bookmarks that mirror the contents: sections, and the severity groups under Findings. */
function addOutline(ctx: ReportContext): void {
  const outline = (ctx.c.doc as unknown as { outline: JsPdfOutline }).outline;
  // jsPDF writes bookmark titles as Latin-1 literals; Chinese needs UTF-16.
  outline.makeString = pdfTextString;
  let section: unknown = null;
  for (const entry of ctx.toc) {
    const node = outline.add(entry.level === 1 ? null : section, entry.title, {
      pageNumber: entry.page,
    });
    if (entry.level === 1) section = node;
  }
  ctx.c.doc.setDisplayMode('fullwidth', 'continuous', 'UseOutlines');
}

export function buildReportPdf(snapshot: AuditSnapshot, options: BuildReportOptions): BuiltReport {
  if (
    !/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/.test(options.generatedAt) ||
    Number.isNaN(Date.parse(options.generatedAt))
  ) {
    throw new RangeError(
      'generatedAt must be an ISO 8601 date-time, e.g. 2026-06-15T09:00:00.000Z.',
    );
  }
  const fallback = options.fallbackTimeZone ?? 'UTC';
  checkTimeZone(fallback);
  const recorded = snapshot.audit.timeZone;
  const timeZoneRecorded = recorded !== null && isTimeZone(recorded);
  const timeZone = timeZoneRecorded ? recorded : fallback;
  const lang = snapshot.signOff?.language ?? 'en';
  const strings = REPORT_STRINGS[lang];
  const c = new ReportCanvas(options.fonts, strings);
  const m = buildReportModel(snapshot, options.generatedAt);
  const ctx: ReportContext = {
    c,
    m,
    s: strings,
    lang,
    generatedAt: options.generatedAt,
    timeZone,
    timeZoneRecorded,
    signature: options.signature,
    toc: [],
  };

  const coverEnd = drawCover(ctx);
  drawSummary(ctx);
  drawScope(ctx);
  drawConformity(ctx);
  drawComparison(ctx, compareAudits(snapshot.prior, snapshot, m.today));
  drawFindings(ctx);
  drawRemediation(ctx);
  drawConclusions(ctx);
  drawAppendices(ctx);
  drawCharactersAppendix(
    ctx,
    findUnshowable(
      snapshot,
      options.signature
        ? [
            options.signature.signerName,
            options.signature.certificateSubject,
            options.signature.issuer,
          ]
        : [],
      (cp) => c.shows(cp),
    ),
  );
  const box = drawSignOff(ctx);
  drawContents(ctx, coverEnd);
  decoratePages(ctx);

  addOutline(ctx);

  const properties = {
    title: `${strings.reportTitle}${snapshot.audit.title ? ` — ${snapshot.audit.title}` : ''}`,
    subject: snapshot.signOff?.reportId ?? snapshot.audit.id,
    author: snapshot.signOff?.inspector.name ?? snapshot.audit.inspectors.join(', '),
    creator: `Roomcheck ${snapshot.app.version}`,
  };
  c.doc.setProperties(properties);
  c.doc.setCreationDate(new Date(options.generatedAt));
  const language = lang === 'zh' ? 'zh-CN' : 'en';
  c.doc.setLanguage(language as Parameters<typeof c.doc.setLanguage>[0]);
  c.doc.addMetadata(
    buildXmp({
      ...properties,
      language,
      creatorTool: properties.creator,
      // What jsPDF writes as /Producer in the information dictionary: the two must agree.
      producer: `jsPDF ${(c.doc.constructor as unknown as { version: string }).version}`,
      created: options.generatedAt,
    }),
    true,
  );
  const k = 72 / 25.4;
  const signatureField: SignatureField | null = box
    ? {
        page: box.page,
        rect: [
          box.x * k,
          (c.page.height - box.top - box.h) * k,
          (box.x + box.w) * k,
          (c.page.height - box.top) * k,
        ].map((v) => Math.round(v * 100) / 100) as SignatureField['rect'],
      }
    : null;
  return { bytes: c.output(), pageCount: c.pageCount(), signatureField };
}
