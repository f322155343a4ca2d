// What an EXIF block (a TIFF structure) holds, as far as stripping it needs to know: the
// orientation the picture must be turned by, and which kinds of personal data it carried, to
// tell the user what was removed. Read with bounds on every offset and on the number of
// entries; a damaged block is still removed, it just reports less.

export type Orientation = 1 | 2 | 3 | 4 | 5 | 6 | 7 | 8;

export type ExifSummary = {
  orientation: Orientation;
  hasLocation: boolean;
  hasMakerNotes: boolean;
  hasThumbnail: boolean;
};

const TAG_ORIENTATION = 0x0112;
const TAG_EXIF_IFD = 0x8769;
const TAG_GPS_IFD = 0x8825;
const TAG_MAKER_NOTE = 0x927c;
const MAX_ENTRIES = 1000;

export function summarizeExif(tiff: Uint8Array): ExifSummary {
  const summary: ExifSummary = {
    orientation: 1,
    hasLocation: false,
    hasMakerNotes: false,
    hasThumbnail: false,
  };
  if (tiff.length < 8) return summary;
  const little = tiff[0] === 0x49 && tiff[1] === 0x49;
  const big = tiff[0] === 0x4d && tiff[1] === 0x4d;
  if (!little && !big) return summary;
  const view = new DataView(tiff.buffer, tiff.byteOffset, tiff.byteLength);
  const u16 = (at: number) => (at + 2 <= tiff.length ? view.getUint16(at, little) : -1);
  const u32 = (at: number) => (at + 4 <= tiff.length ? view.getUint32(at, little) : -1);
  if (u16(2) !== 42) return summary;

  /** The entries of the IFD at `offset` as [tag, type, count, value-field offset]. */
  const entries = (offset: number): [number, number, number, number][] => {
    const count = u16(offset);
    if (count < 0 || count > MAX_ENTRIES || offset + 2 + count * 12 > tiff.length) return [];
    const out: [number, number, number, number][] = [];
    for (let n = 0; n < count; n++) {
      const at = offset + 2 + n * 12;
      out.push([u16(at), u16(at + 2), u32(at + 4), at + 8]);
    }
    return out;
  };

  const ifd0 = u32(4);
  if (ifd0 < 8) return summary;
  const first = entries(ifd0);
  for (const [tag, type, count, value] of first) {
    if (tag === TAG_ORIENTATION && type === 3 && count === 1) {
      const o = u16(value);
      if (o >= 1 && o <= 8) summary.orientation = o as Orientation;
    } else if (tag === TAG_GPS_IFD) {
      const gps = u32(value);
      summary.hasLocation = gps >= 8 && entries(gps).length > 0;
    } else if (tag === TAG_EXIF_IFD) {
      const exif = u32(value);
      if (exif >= 8 && exif !== ifd0) {
        summary.hasMakerNotes = entries(exif).some(([t]) => t === TAG_MAKER_NOTE);
      }
    }
  }
  // IFD1, when present, describes the embedded thumbnail.
  const next = first.length > 0 ? u32(ifd0 + 2 + first.length * 12) : 0;
  summary.hasThumbnail = next >= 8 && next !== ifd0 && entries(next).length > 0;
  return summary;
}
