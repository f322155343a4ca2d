import {
  DEVICE_FIELDS,
  fieldValue,
  REPORT_COLUMNS,
  type DeviceField,
  type ReportColumn,
  type ReportPlacement,
} from '../../domain/device-fields.ts';
import type { Device } from '../../domain/schemas.ts';
import type { ReportStrings } from '../strings.ts';
import { COLORS } from '../pdf-canvas.ts';
import {
  shortDate,
  deviceLabel,
  lbl,
  sectionHeading,
  subHeading,
  type ReportContext,
} from '../report-context.ts';
import { drawImageFitted } from './images.ts';

// Appendices: the full inventory as found, the sanitization records, the reconciliation
// exceptions (not found, unexpected, wrong place) and the photos at a readable size with their
// hashes, so a printed copy can be matched to the embedded evidence.

function inventoryOrder(ctx: ReportContext, devices: readonly Device[]): Device[] {
  const { m } = ctx;
  return [...devices].sort((a, b) => {
    const ra = a.rackId ? m.rackById.get(a.rackId) : undefined;
    const rb = b.rackId ? m.rackById.get(b.rackId) : undefined;
    return (
      (ra ? ra.walkOrder : 1e9) - (rb ? rb.walkOrder : 1e9) ||
      (b.positionU ?? -1) - (a.positionU ?? -1) ||
      a.name.localeCompare(b.name)
    );
  });
}

/** The inventory table's columns (shared/domain/device-fields.ts), header and width in mm. */
const COLUMN_LAYOUT: Readonly<
  Record<ReportColumn, { header: keyof ReportStrings; width: number }>
> = {
  assetTag: { header: 'colAssetTag', width: 20 },
  name: { header: 'colName', width: 38 },
  type: { header: 'colType', width: 21 },
  rack: { header: 'colRack', width: 13 },
  status: { header: 'colStatus', width: 19 },
  powerNetwork: { header: 'colPowerNetwork', width: 18 },
  owner: { header: 'colOwner', width: 25 },
  lastSeen: { header: 'colLastSeen', width: 20 },
};

const REPORT_FIELDS = DEVICE_FIELDS.filter(
  (f): f is Extract<DeviceField, { report: ReportPlacement }> => 'report' in f,
);

/** One field's value as the report prints it; '' when not recorded. */
function cellText(ctx: ReportContext, f: DeviceField, d: Device): string {
  const value = fieldValue(d, f);
  const k = f.kind;
  switch (k.kind) {
    case 'enum':
      // A source nobody recorded says nothing next to an empty date.
      return k.labels === 'lastSeenSource' && value === 'unknown'
        ? ''
        : lbl(ctx, k.labels, value as never);
    case 'place':
      return k.of === 'rack' && d.rackId ? (ctx.m.rackById.get(d.rackId)?.name ?? '') : '';
    case 'u':
      return value === null
        ? ''
        : k.role === 'position'
          ? `U${String(value)}`
          : `${String(value)} U`;
    case 'date':
      return value ? shortDate(ctx, value as string) : '';
    default:
      return typeof value === 'string' ? value : '';
  }
}

/** A column's text: its fields in table order, one line each unless they share a line. */
function columnText(ctx: ReportContext, column: ReportColumn, d: Device): string {
  const lines: string[] = [];
  let lastLine: number | undefined;
  for (const f of REPORT_FIELDS) {
    if (f.report.column !== column) continue;
    const text = cellText(ctx, f, d);
    const line = 'line' in f.report ? f.report.line : undefined;
    if (text === '') continue;
    if (line !== undefined && line === lastLine) lines[lines.length - 1] += ` ${text}`;
    else lines.push(text);
    lastLine = line;
  }
  return lines.join('\n') || '—';
}

/** One table per room, in walk order: rack and U are enough once the room is the heading. */
function drawInventory(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  sectionHeading(ctx, s.appendixInventory);
  for (const room of m.snapshot.rooms) {
    const devices = m.snapshot.devices.filter((d) => d.roomId === room.id);
    subHeading(ctx, `${room.name} (${devices.length})`, 20);
    if (devices.length === 0) {
      c.paragraph(s.none, { size: 9, color: COLORS.muted });
      continue;
    }
    c.table({
      columns: REPORT_COLUMNS.map((col) => ({
        header: s[COLUMN_LAYOUT[col].header] as string,
        width: COLUMN_LAYOUT[col].width,
      })),
      rows: inventoryOrder(ctx, devices).map((d) =>
        REPORT_COLUMNS.map((col) => columnText(ctx, col, d)),
      ),
      fontSize: 7,
    });
  }
}

function drawSanitization(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  sectionHeading(ctx, s.appendixSanitization);
  const records = m.snapshot.devices.filter((d) => d.sanitization !== null);
  if (records.length === 0) {
    c.paragraph(s.noSanitization, { size: 9.5, color: COLORS.muted });
    return;
  }
  c.table({
    columns: [
      { header: s.colDevice, width: 30 },
      { header: s.colMethod, width: 14 },
      { header: s.colTool, width: 23 },
      { header: s.colVerifiedBy, width: 20 },
      { header: s.colWitness, width: 20 },
      { header: s.colDate, width: 18 },
      { header: s.colCertificate, width: 24 },
      { header: s.colDestination, width: 25 },
    ],
    rows: records.map((d) => {
      const r = d.sanitization;
      return r
        ? [
            deviceLabel(d),
            lbl(ctx, 'sanitizationMethod', r.method),
            r.tool || '—',
            r.verifiedBy || '—',
            r.witness || '—',
            shortDate(ctx, r.date),
            r.certificateId || '—',
            r.destination || '—',
          ]
        : [];
    }),
    fontSize: 7.5,
  });
}

function drawReconciliation(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  sectionHeading(ctx, s.appendixReconciliation);
  const exceptions = m.snapshot.reconciliations.filter((r) => r.state !== 'found');
  if (exceptions.length === 0) {
    c.paragraph(s.noReconciliationExceptions, { size: 9.5, color: COLORS.muted });
    return;
  }
  c.table({
    columns: [
      { header: s.colDevice, width: 52 },
      { header: s.colRoom, width: 40 },
      { header: s.colResult, width: 26 },
      { header: s.colNote, width: 56 },
    ],
    rows: exceptions.map((r) => {
      const device = m.deviceById.get(r.deviceId);
      return [
        device ? deviceLabel(device) : r.deviceId,
        m.roomById.get(r.roomId)?.name ?? r.roomId,
        lbl(ctx, 'reconciliationState', r.state),
        r.note || '—',
      ];
    }),
    fontSize: 8,
  });
}

function drawPhotos(ctx: ReportContext): void {
  const { c, m, s } = ctx;
  sectionHeading(ctx, s.appendixPhotos);
  const photos = m.snapshot.evidence;
  if (photos.length === 0) {
    c.paragraph(s.noPhotos, { size: 9.5, color: COLORS.muted });
    return;
  }
  const boxW = c.contentWidth;
  const boxH = 88;
  for (const ev of photos) {
    c.ensure(boxH + 22);
    const h = drawImageFitted(ctx, ev, c.page.left, c.y, boxW, boxH);
    c.y += h + 2;
    if (ev.caption) c.paragraph(ev.caption, { size: 9, bold: true, gapAfter: 0.5 });
    const finding = ev.findingId ? m.findingNoById.get(ev.findingId) : undefined;
    const facts = [
      `${s.photoFile}: ${ev.fileName}`,
      finding ? `${s.photoFinding}: ${finding}` : '',
      `${s.photoHash}: ${ev.sha256}`,
    ].filter(Boolean);
    for (const fact of facts) c.paragraph(fact, { size: 7.5, color: COLORS.muted, gapAfter: 0 });
    c.y += 6;
  }
}

export function drawAppendices(ctx: ReportContext): void {
  drawInventory(ctx);
  drawSanitization(ctx);
  drawReconciliation(ctx);
  drawPhotos(ctx);
}
