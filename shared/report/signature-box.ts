import type { ReportStrings } from './strings.ts';
import { wrapText } from './text-wrap.ts';

// The visible face of a digital signature on the sign-off page: who signed, when, why, where,
// and which certificate. The inspector's box is drawn into the page before the signature is
// made (so the signature covers it) and its widget's /Rect is the box; each countersignature
// draws the same box in its own widget appearance, in the next slot. One layout for both, in
// PDF points from the box's top-left corner.

/**
 * Box size in points: two fit side by side within the report's 174 mm text width. The sign-off
 * page keeps `rows` rows of two free: the inspector's box, then up to three countersignatures.
 */
export const SIGNATURE_BOX = { width: 235, height: 100, gap: 22, rows: 2 } as const;

const PAD = 6;
const LABEL_W = 46;
const SIZE = 7.5;
const TITLE_SIZE = 8.5;
const LINE = SIZE * 1.35;

export type SignatureBoxContent = {
  /** "Inspector", "Approver". */
  role: string;
  signer: string;
  /** Already formatted, e.g. "2026-06-15 17:00 (UTC+08:00)". */
  time: string;
  reason: string;
  location: string;
  fingerprintSha256: string;
};

export type BoxText = {
  text: string;
  x: number;
  top: number;
  size: number;
  kind: 'title' | 'label' | 'value';
};

/** Width of `text` in points at `size` points, in the given style. */
export type MeasurePt = (text: string, size: number, bold: boolean) => number;

/** "AB:CD:..." in two rows of 16 bytes, as certificate viewers show fingerprints. */
export function fingerprintRows(hex: string): string[] {
  const clean = hex.replace(/[^0-9a-fA-F]/g, '').toUpperCase();
  return [clean.slice(0, 32), clean.slice(32)]
    .filter(Boolean)
    .map((half) => half.replace(/(..)(?=.)/g, '$1:'));
}

/** Titles and labels are bold; values regular. */
export function isBold(t: BoxText): boolean {
  return t.kind !== 'value';
}

/** The texts of a signature box and where they go; values too long are cut with "…". */
export function layoutSignatureBox(
  s: ReportStrings,
  content: SignatureBoxContent,
  measure: MeasurePt,
): BoxText[] {
  const out: BoxText[] = [];
  const valueW = SIGNATURE_BOX.width - 2 * PAD - LABEL_W;
  let top = PAD;
  out.push({ text: s.sigBoxTitle(content.role), x: PAD, top, size: TITLE_SIZE, kind: 'title' });
  top += TITLE_SIZE * 1.6;
  const field = (label: string, value: string, maxLines: number) => {
    out.push({ text: label, x: PAD, top, size: SIZE, kind: 'label' });
    let lines = wrapText(value || '—', valueW, (t) => measure(t, SIZE, false));
    if (lines.length > maxLines) {
      lines = lines.slice(0, maxLines);
      let last = lines[maxLines - 1] ?? '';
      while (last && measure(`${last}…`, SIZE, false) > valueW)
        last = [...last].slice(0, -1).join('');
      lines[maxLines - 1] = `${last}…`;
    }
    for (const line of lines) {
      out.push({ text: line, x: PAD + LABEL_W, top, size: SIZE, kind: 'value' });
      top += LINE;
    }
    top += 1.2;
  };
  field(s.sigBoxSigner, content.signer, 1);
  field(s.sigBoxTime, content.time, 1);
  field(s.sigBoxReason, content.reason, 1);
  field(s.sigBoxLocation, content.location, 2);
  out.push({ text: s.sigBoxFingerprint, x: PAD, top, size: SIZE, kind: 'label' });
  for (const row of fingerprintRows(content.fingerprintSha256)) {
    out.push({ text: row, x: PAD + LABEL_W, top, size: 6.2, kind: 'value' });
    top += 6.2 * 1.35;
  }
  return out;
}
