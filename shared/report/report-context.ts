import type { Severity } from '../domain/enums.ts';
import { SECURE_ROOM_NAME, SECURE_ROOM_TEMPLATE_ID } from '../checklist/secure-room.ts';
import type { Device } from '../domain/schemas.ts';
import { label, type LabelKind, type LabelValue } from '../i18n/labels.ts';
import { COLORS, type ReportCanvas, type Rgb } from './pdf-canvas.ts';
import type { ReportModel } from './report-model.ts';
import type { Lang } from '../i18n/lang.ts';
import type { ReportStrings } from './strings.ts';
import { formatMoment, inTimeZone, isDateOnly } from './time-zone.ts';

// What every section receives, plus the small formatting helpers they share so a device, a
// date or a location is written the same way everywhere in the report.

export type SignatureInfo = {
  signerName: string;
  /** When the signature is made (the signature dictionary's /M), ISO 8601 UTC. */
  signingTime: string;
  reason: string;
  location: string;
  certificateSubject: string;
  issuer: string;
  fingerprintSha256: string;
  selfIssued: boolean;
};

export type TocEntry = { title: string; page: number; level: 1 | 2 };

export type ReportContext = {
  c: ReportCanvas;
  m: ReportModel;
  s: ReportStrings;
  lang: Lang;
  generatedAt: string;
  /** IANA time zone that moments are shown in, with their UTC offset. */
  timeZone: string;
  /** Whether that zone is the one the audit recorded (else the build's fallback). */
  timeZoneRecorded: boolean;
  signature: SignatureInfo | null;
  toc: TocEntry[];
  /** The title of the section being drawn, for "(continued)" lines. */
  section?: string;
};

export function lbl<K extends LabelKind>(
  ctx: ReportContext,
  kind: K,
  value: LabelValue<K>,
): string {
  return label(kind, value, ctx.lang);
}

export const SEVERITY_COLORS: Record<Severity, Rgb> = {
  high: COLORS.high,
  medium: COLORS.medium,
  low: COLORS.low,
};

/** The calendar date of a date or of a moment in the audit's time zone, YYYY-MM-DD. */
function localDate(ctx: ReportContext, value: string): string {
  return isDateOnly(value) ? value : inTimeZone(value, ctx.timeZone).date;
}

export function date(ctx: ReportContext, iso: string | null | undefined): string {
  return iso ? ctx.s.formatDate(localDate(ctx, iso)) : ctx.s.notRecorded;
}

/** YYYY-MM-DD in both languages: table columns are narrow and ISO dates read the same. */
export function shortDate(ctx: ReportContext, iso: string | null | undefined): string {
  return iso ? localDate(ctx, iso) : ctx.s.notRecorded;
}

/** "2026-06-15 17:00 (UTC+08:00)": a moment in the audit's time zone, its offset said. */
export function dateTime(ctx: ReportContext, iso: string): string {
  return formatMoment(iso, ctx.timeZone, ctx.s.formatDate);
}

/** The checklist's name; the built-in checklist's in the report's language. */
export function templateName(ctx: ReportContext): string {
  const t = ctx.m.snapshot.template;
  return t.id === SECURE_ROOM_TEMPLATE_ID && t.name === SECURE_ROOM_NAME.en
    ? SECURE_ROOM_NAME[ctx.lang]
    : t.name;
}

/** Name and asset tag, e.g. "Core switch 1 (RC-NET-0001)". */
export function deviceLabel(device: Device): string {
  const name = device.name || device.hostname || device.model || device.id;
  return device.assetTag ? `${name} (${device.assetTag})` : name;
}

/** Room, rack and U of a device, e.g. "Main computer room A, rack A-03, U21". */
export function deviceLocation(ctx: ReportContext, device: Device): string {
  const room = ctx.m.roomById.get(device.roomId)?.name ?? device.roomId;
  const rack = device.rackId ? ctx.m.rackById.get(device.rackId) : undefined;
  return rack
    ? `${room}${ctx.s.listSeparator}${ctx.s.rackPosition(rack.name, device.positionU)}`
    : room;
}

/** A section that flows on starts a new page unless this much room is left below it. */
const FLOW_MIN_SPACE = 70;

/**
 * Starts a top-level section and lists it in the contents. `newPage` sections (the summary,
 * the findings, the sign-off) begin a page; the others flow on after the previous section when
 * there is room, so short sections and appendices do not each take a mostly empty page.
 */
export function sectionHeading(
  ctx: ReportContext,
  title: string,
  options: { newPage?: boolean } = {},
): void {
  const { c } = ctx;
  c.flushPending();
  c.continuation = null;
  const atTop = c.y <= c.page.top + 0.1 && c.pageCount() > 1;
  if (!atTop) {
    if (options.newPage || c.pageCount() === 1 || c.y + FLOW_MIN_SPACE > c.page.bottom) {
      c.newPage();
    } else {
      c.y += 8;
    }
  }
  ctx.toc.push({ title, page: c.pageCount(), level: 1 });
  c.textAt(title, c.page.left, c.y, { size: 16, bold: true, color: COLORS.accent });
  c.y += c.lineHeight(16, 1.35);
  c.line(c.page.left, c.y, c.page.right, c.y, COLORS.accent, 0.5);
  c.y += 5;
  ctx.section = title;
  c.continuation = ctx.s.continued(title);
}

/**
 * A sub-heading that stays on the page of the block after it (at least `keepWith` mm of it),
 * listed in the contents when `toc` is set. Pages the sub-section continues onto say so.
 */
export function subHeading(ctx: ReportContext, title: string, keepWith = 14, toc = false): void {
  const { c } = ctx;
  const h = c.lineHeight(11.5, 1.4);
  c.keepWithNext(h + 3, keepWith, () => {
    if (c.y > c.page.top + 0.1 + (c.continuation ? 7 : 0)) c.y += 2;
    if (toc) ctx.toc.push({ title, page: c.pageCount(), level: 2 });
    c.textAt(title, c.page.left, c.y, { size: 11.5, bold: true, color: COLORS.accent });
    c.y += h + 1;
    c.continuation = ctx.s.continued(ctx.section ? `${ctx.section} · ${title}` : title);
  });
}

/** Label and value pairs in two columns, the value wrapped; flows across pages. */
export function keyValues(
  ctx: ReportContext,
  rows: ReadonlyArray<readonly [string, string]>,
  opts: {
    labelWidth?: number;
    size?: number;
    x?: number;
    width?: number;
    /** Move to a new page first unless every row fits below the cursor (heading included). */
    keepTogether?: number;
  } = {},
): void {
  const { c } = ctx;
  const size = opts.size ?? 9.5;
  const x = opts.x ?? c.page.left;
  const width = opts.width ?? c.page.right - x;
  const labelWidth = opts.labelWidth ?? 38;
  const lh = c.lineHeight(size);
  const laidOut = rows.map(([key, value]) => ({
    lines: c.wrap(value || '—', width - labelWidth, { size }),
    labelLines: c.wrap(key, labelWidth - 2, { size, bold: true }),
  }));
  if (opts.keepTogether !== undefined) {
    const total = laidOut.reduce(
      (h, r) => h + Math.max(r.lines.length, r.labelLines.length) * lh + 0.8,
      opts.keepTogether,
    );
    c.ensure(total);
  }
  for (const { lines, labelLines } of laidOut) {
    c.ensure(lh * Math.min(Math.max(lines.length, labelLines.length), 3));
    let ly = c.y;
    for (const l of labelLines) {
      c.textAt(l, x, ly, { size, bold: true, color: COLORS.muted });
      ly += lh;
    }
    let vy = c.y;
    for (const line of lines) {
      if (vy + lh > c.page.bottom) {
        c.newPage();
        vy = c.y;
        ly = c.y;
      }
      c.textAt(line, x + labelWidth, vy, { size });
      vy += lh;
    }
    c.y = Math.max(ly, vy) + 0.8;
  }
}
