import type { EvidenceMimeType } from '../domain/enums.ts';
import { summarizeExif, type Orientation } from './exif-summary.ts';

// Evidence photos leave the laptop inside signed reports, exports and backups, and cameras
// write far more into a photo than its pixels: where it was taken (GPS), the camera's serial
// number and settings, the owner's name, maker notes, an embedded thumbnail (which can show the
// picture as it was before it was cropped), editing history. A photo of a secure room must not
// say where the room is. So when a photo is attached, its container is rewritten keeping only
// what draws the picture: image data, tables, colour profile and transparency. Nothing is
// decoded or re-encoded here, so the pixels stay exactly as they were.
//
// Orientation is a piece of metadata the picture needs: it is read before the EXIF block goes,
// and the renderer turns the pixels by it (orientation.ts), so the photo still shows the right
// way up without any metadata left.

/** What was taken out, in words the user can be shown. */
export type MetadataKind =
  'location' | 'camera' | 'maker_notes' | 'thumbnail' | 'xmp' | 'iptc' | 'comment' | 'other';

const KIND_ORDER: readonly MetadataKind[] = [
  'location',
  'camera',
  'maker_notes',
  'thumbnail',
  'xmp',
  'iptc',
  'comment',
  'other',
];

export type StrippedImage = {
  bytes: Uint8Array;
  /** What was removed, most sensitive first; empty when the photo carried nothing. */
  removed: MetadataKind[];
  /** The EXIF orientation the photo declared (1 when none): how its pixels must be turned. */
  orientation: Orientation;
};

export type StripResult = ({ ok: true } & StrippedImage) | { ok: false };

class Damaged extends Error {}

/** Collects output pieces and what was removed. */
class Rewrite {
  readonly parts: Uint8Array[] = [];
  readonly kinds = new Set<MetadataKind>();
  orientation: Orientation = 1;

  keep(part: Uint8Array): void {
    this.parts.push(part);
  }

  exif(tiff: Uint8Array): void {
    const s = summarizeExif(tiff);
    this.kinds.add('camera');
    if (s.hasLocation) this.kinds.add('location');
    if (s.hasMakerNotes) this.kinds.add('maker_notes');
    if (s.hasThumbnail) this.kinds.add('thumbnail');
    if (s.orientation !== 1) this.orientation = s.orientation;
  }

  result(): StrippedImage {
    const length = this.parts.reduce((n, p) => n + p.length, 0);
    const bytes = new Uint8Array(length);
    let at = 0;
    for (const p of this.parts) {
      bytes.set(p, at);
      at += p.length;
    }
    return {
      bytes,
      removed: KIND_ORDER.filter((k) => this.kinds.has(k)),
      orientation: this.orientation,
    };
  }
}

const latin1 = (bytes: Uint8Array, from: number, length: number) =>
  String.fromCharCode(...bytes.subarray(from, from + length));

const startsWith = (bytes: Uint8Array, text: string) =>
  bytes.length >= text.length && latin1(bytes, 0, text.length) === text;

// --- JPEG -------------------------------------------------------------------------------

const EXIF_HEADER = 'Exif\0\0';
const XMP_HEADERS = ['http://ns.adobe.com/xap/1.0/\0', 'http://ns.adobe.com/xmp/extension/\0'];

/** An APPn segment's fate: kept as is, kept rewritten, or removed as a kind of metadata. */
function jpegApp(marker: number, payload: Uint8Array, out: Rewrite): Uint8Array | null {
  const n = marker - 0xe0;
  if (n === 0 && startsWith(payload, 'JFIF\0') && payload.length >= 14) {
    // JFIF may carry an uncompressed thumbnail after its 14 bytes: keep the header without it.
    if (payload[12] === 0 && payload[13] === 0) return payload.subarray(0, 14);
    out.kinds.add('thumbnail');
    const header = payload.slice(0, 14);
    header[12] = 0;
    header[13] = 0;
    return header;
  }
  if (n === 0 && startsWith(payload, 'JFXX\0')) out.kinds.add('thumbnail');
  else if (n === 1 && startsWith(payload, EXIF_HEADER)) out.exif(payload.subarray(6));
  else if (n === 1 && XMP_HEADERS.some((h) => startsWith(payload, h))) out.kinds.add('xmp');
  else if (n === 2 && startsWith(payload, 'ICC_PROFILE\0')) return payload;
  // Multi-picture format: larger previews stored after the main image.
  else if (n === 2 && startsWith(payload, 'MPF\0')) out.kinds.add('thumbnail');
  else if (n === 13 && startsWith(payload, 'Photoshop 3.0\0')) out.kinds.add('iptc');
  // Adobe's segment says how the colour components are encoded: the picture needs it.
  else if (n === 14 && startsWith(payload, 'Adobe')) return payload;
  else out.kinds.add('other');
  return null;
}

function stripJpeg(bytes: Uint8Array): StrippedImage {
  if (bytes[0] !== 0xff || bytes[1] !== 0xd8) throw new Damaged();
  const out = new Rewrite();
  out.keep(bytes.subarray(0, 2));
  let i = 2;
  while (i < bytes.length) {
    if (bytes[i] !== 0xff) throw new Damaged();
    while (bytes[i] === 0xff) i++;
    if (i >= bytes.length) throw new Damaged();
    const marker = bytes[i++]!;
    if (marker === 0xd9) {
      // End of image: anything after it (appended previews, other files) is dropped.
      out.keep(Uint8Array.of(0xff, 0xd9));
      if (i < bytes.length) out.kinds.add('other');
      return out.result();
    }
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) {
      out.keep(Uint8Array.of(0xff, marker));
      continue;
    }
    if (marker === 0x00 || i + 2 > bytes.length) throw new Damaged();
    const length = (bytes[i]! << 8) | bytes[i + 1]!;
    if (length < 2 || i + length > bytes.length) throw new Damaged();
    const segmentEnd = i + length;
    if (marker >= 0xe0 && marker <= 0xef) {
      const kept = jpegApp(marker, bytes.subarray(i + 2, segmentEnd), out);
      if (kept) {
        const head = Uint8Array.of(
          0xff,
          marker,
          ((kept.length + 2) >> 8) & 0xff,
          (kept.length + 2) & 0xff,
        );
        out.keep(head);
        out.keep(kept);
      }
    } else if (marker === 0xfe) {
      out.kinds.add('comment');
    } else {
      out.keep(bytes.subarray(i - 2, segmentEnd));
    }
    i = segmentEnd;
    if (marker === 0xda) {
      // Entropy-coded data runs to the next marker that is not a stuffed 0xFF00 or a restart.
      let k = bytes.indexOf(0xff, i);
      while (k !== -1 && k + 1 < bytes.length) {
        const next = bytes[k + 1]!;
        if (next === 0xff) k++;
        else if (next !== 0x00 && !(next >= 0xd0 && next <= 0xd7)) break;
        else k = bytes.indexOf(0xff, k + 2);
      }
      if (k === -1 || k + 1 >= bytes.length) {
        // A file cut short in its image data: kept as far as it goes, as viewers show it.
        out.keep(bytes.subarray(i));
        return out.result();
      }
      out.keep(bytes.subarray(i, k));
      i = k;
    }
  }
  throw new Damaged();
}

// --- PNG --------------------------------------------------------------------------------

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Chunks that draw the picture (critical ones, colour, transparency, animation). */
const PNG_KEEP = new Set([
  'IHDR', 'PLTE', 'IDAT', 'IEND', 'tRNS', 'cHRM', 'gAMA', 'iCCP', 'sBIT', 'sRGB', 'cICP',
  'mDCv', 'cLLi', 'bKGD', 'hIST', 'pHYs', 'sPLT', 'acTL', 'fcTL', 'fdAT',
]); // prettier-ignore

function pngText(data: Uint8Array, out: Rewrite): void {
  const end = data.indexOf(0);
  const keyword = latin1(data, 0, end === -1 ? Math.min(data.length, 80) : end);
  if (keyword === 'XML:com.adobe.xmp') out.kinds.add('xmp');
  else if (/^Raw profile type (exif|APP1)$/i.test(keyword)) out.kinds.add('camera');
  else if (/^Raw profile type iptc$/i.test(keyword)) out.kinds.add('iptc');
  else out.kinds.add('comment');
}

function stripPng(bytes: Uint8Array): StrippedImage {
  if (!PNG_SIGNATURE.every((b, i) => bytes[i] === b)) throw new Damaged();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out = new Rewrite();
  out.keep(bytes.subarray(0, 8));
  let i = 8;
  let first = true;
  while (i + 12 <= bytes.length) {
    const length = view.getUint32(i);
    const type = latin1(bytes, i + 4, 4);
    const end = i + 12 + length;
    if (length > 0x7fffffff || end > bytes.length) throw new Damaged();
    if (first && type !== 'IHDR') throw new Damaged();
    first = false;
    const data = bytes.subarray(i + 8, i + 8 + length);
    if (PNG_KEEP.has(type)) out.keep(bytes.subarray(i, end));
    else if (type === 'eXIf') out.exif(data);
    else if (type === 'tEXt' || type === 'zTXt' || type === 'iTXt') pngText(data, out);
    else out.kinds.add('other');
    i = end;
    if (type === 'IEND') {
      if (i < bytes.length) out.kinds.add('other');
      return out.result();
    }
  }
  throw new Damaged();
}

// --- WebP -------------------------------------------------------------------------------

/** Chunks that draw the picture; VP8X is kept with its EXIF and XMP flags cleared. */
const WEBP_KEEP = new Set(['VP8 ', 'VP8L', 'VP8X', 'ALPH', 'ANIM', 'ANMF', 'ICCP']);
const VP8X_EXIF = 0x08;
const VP8X_XMP = 0x04;

function stripWebp(bytes: Uint8Array): StrippedImage {
  if (latin1(bytes, 0, 4) !== 'RIFF' || latin1(bytes, 8, 4) !== 'WEBP') throw new Damaged();
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const riffEnd = 8 + view.getUint32(4, true);
  if (riffEnd > bytes.length || riffEnd < 12) throw new Damaged();
  const out = new Rewrite();
  const chunks: Uint8Array[] = [];
  let i = 12;
  while (i < riffEnd) {
    if (i + 8 > riffEnd) throw new Damaged();
    const type = latin1(bytes, i, 4);
    const size = view.getUint32(i + 4, true);
    const end = i + 8 + size + (size % 2);
    if (end > riffEnd + (size % 2) || i + 8 + size > riffEnd) throw new Damaged();
    const data = bytes.subarray(i + 8, i + 8 + size);
    if (type === 'VP8X') {
      if (size < 10) throw new Damaged();
      const chunk = bytes.slice(i, Math.min(end, bytes.length));
      chunk[8] = chunk[8]! & ~(VP8X_EXIF | VP8X_XMP);
      chunks.push(chunk);
    } else if (WEBP_KEEP.has(type)) {
      chunks.push(bytes.subarray(i, Math.min(end, bytes.length)));
    } else if (type === 'EXIF') {
      // Some writers put JPEG's "Exif\0\0" in front of the TIFF structure.
      out.exif(startsWith(data, EXIF_HEADER) ? data.subarray(6) : data);
    } else if (type === 'XMP ') {
      out.kinds.add('xmp');
    } else {
      out.kinds.add('other');
    }
    i = end;
  }
  if (riffEnd < bytes.length) out.kinds.add('other');
  const body = chunks.reduce((n, c) => n + c.length, 0);
  const header = new Uint8Array(12);
  header.set(bytes.subarray(0, 12));
  new DataView(header.buffer).setUint32(4, 4 + body, true);
  out.keep(header);
  for (const c of chunks) out.keep(c);
  return out.result();
}

/**
 * The photo with every piece of metadata removed, what was removed, and its orientation; or
 * not ok when the container is damaged (such a file is refused, never stored as it is).
 */
export function stripImageMetadata(bytes: Uint8Array, mimeType: EvidenceMimeType): StripResult {
  try {
    const stripped =
      mimeType === 'image/jpeg'
        ? stripJpeg(bytes)
        : mimeType === 'image/png'
          ? stripPng(bytes)
          : stripWebp(bytes);
    return { ok: true, ...stripped };
  } catch (err) {
    if (err instanceof Damaged || err instanceof RangeError) return { ok: false };
    throw err;
  }
}
