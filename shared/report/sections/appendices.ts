import type { Device } from '../../domain/schemas.ts';
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
      columns: [
        { header: s.colAssetTag, width: 20 },
        { header: s.colName, width: 43 },
        { header: s.colType, width: 23 },
        { header: s.colRack, width: 13 },
        { header: s.colStatus, width: 21 },
        { header: s.colPowerNetwork, width: 19 },
        { header: s.colOwner, width: 35 },
      ],
      rows: inventoryOrder(ctx, devices).map((d) => {
        const rack = d.rackId ? m.rackById.get(d.rackId) : undefined;
        return [
          d.assetTag || '—',
          // The inspector's note says what the fields cannot ("replaced in 2024, never
          // switched off"): it belongs with the device on paper.
          [d.name, [d.manufacturer, d.model].filter(Boolean).join(' '), d.notes]
            .filter(Boolean)
            .join('\n'),
          lbl(ctx, 'deviceType', d.type),
          rack ? `${rack.name}${d.positionU !== null ? `\nU${d.positionU}` : ''}` : '—',
          lbl(ctx, 'lifecycleStatus', d.status),
          `${lbl(ctx, 'powerState', d.power)}\n${lbl(ctx, 'networkState', d.network.state)}`,
          d.owner || '—',
        ];
      }),
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
