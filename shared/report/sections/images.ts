import { base64ToBytes } from '../../encoding/base64.ts';
import type { SnapshotEvidence } from '../../snapshot/schema.ts';
import { COLORS } from '../pdf-canvas.ts';
import type { ReportContext } from '../report-context.ts';

// Evidence photos inside the PDF. Each image is decoded and embedded once (jsPDF alias = the
// evidence id) however often it is drawn: thumbnail in its finding, full size in the appendix.
// A photo that cannot be decoded becomes a labelled empty frame; the report is still made.

type Decoded = {
  bytes: Uint8Array;
  width: number;
  height: number;
  format: 'JPEG' | 'PNG' | 'WEBP';
} | null;

const FORMATS = { 'image/jpeg': 'JPEG', 'image/png': 'PNG', 'image/webp': 'WEBP' } as const;

function decode(ctx: ReportContext, ev: SnapshotEvidence, cache: Map<string, Decoded>): Decoded {
  if (cache.has(ev.id)) return cache.get(ev.id) ?? null;
  let decoded: Decoded = null;
  try {
    if (ev.dataBase64) {
      const bytes = base64ToBytes(ev.dataBase64);
      const props = ctx.c.doc.getImageProperties(bytes);
      if (props.width > 0 && props.height > 0) {
        decoded = { bytes, width: props.width, height: props.height, format: FORMATS[ev.mimeType] };
      }
    }
  } catch {
    decoded = null;
  }
  cache.set(ev.id, decoded);
  return decoded;
}

const caches = new WeakMap<ReportContext, Map<string, Decoded>>();

/** Draws the photo centred in the box, keeping its proportions; returns the drawn height. */
export function drawImageFitted(
  ctx: ReportContext,
  ev: SnapshotEvidence,
  x: number,
  y: number,
  boxW: number,
  boxH: number,
): number {
  const { c } = ctx;
  let cache = caches.get(ctx);
  if (!cache) {
    cache = new Map();
    caches.set(ctx, cache);
  }
  const image = decode(ctx, ev, cache);
  if (image) {
    const scale = Math.min(boxW / image.width, boxH / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    const ix = x + (boxW - w) / 2;
    try {
      c.doc.addImage(image.bytes, image.format, ix, y, w, h, `ev-${ev.id}`, 'NONE');
      c.strokeRect(ix, y, w, h, COLORS.rule, 0.2);
      return h;
    } catch {
      cache.set(ev.id, null);
    }
  }
  c.fillRect(x, y, boxW, boxH, COLORS.panel);
  c.strokeRect(x, y, boxW, boxH, COLORS.rule, 0.2);
  c.textAt(ctx.s.imageUnavailable, x + boxW / 2, y + boxH / 2 - 2, {
    size: 7.5,
    color: COLORS.muted,
    align: 'center',
  });
  return boxH;
}
