import type { EvidenceMimeType } from '../../../shared/domain/enums.ts';
import type { Orientation } from '../../../shared/evidence/exif-summary.ts';
import {
  checkEvidenceFile,
  EVIDENCE_MAX_BYTES,
  SNIFF_BYTES,
  toHex,
} from '../../../shared/evidence/image-check.ts';
import { orientationTransform } from '../../../shared/evidence/orientation.ts';
import { stripImageMetadata, type MetadataKind } from '../../../shared/evidence/strip-metadata.ts';
import type { PreparedEvidence } from '../../db/repositories/evidence.ts';

// Turns a dropped or picked file into evidence: refused by size before anything is read,
// accepted by its first bytes (not its name or the browser's guess), stripped of its metadata
// (GPS position, camera details, XMP, IPTC, thumbnails: shared/evidence/strip-metadata.ts) and
// turned upright if the camera recorded it sideways, then hashed with SHA-256 and given a small
// JPEG thumbnail. The hash is of the stripped photo: that is what is stored, signed and
// exported. Decoding the image for the thumbnail is the last check: bytes that start like a
// JPEG but are not one are refused too.

export type EvidenceProblem = 'empty' | 'too_large' | 'not_an_image' | 'unreadable';

export class EvidenceFileError extends Error {
  constructor(
    readonly problem: EvidenceProblem,
    readonly fileName: string,
    readonly size: number,
  ) {
    super(`${fileName}: ${problem}`);
    this.name = 'EvidenceFileError';
  }
}

const THUMB_WIDTH = 320;
/** JPEG and WebP quality when a photo must be turned (and so re-encoded). */
const TURN_QUALITY = 0.92;

/** A photo ready to store, and what was done to it, to tell the user. */
export type AttachedPhoto = PreparedEvidence & { removed: MetadataKind[]; turned: boolean };

/**
 * Draws the pixels as the camera meant them to be seen: the EXIF orientation is gone with the
 * rest of the metadata, so it is applied to the pixels instead. The canvas writes no metadata;
 * its output goes through the stripper all the same.
 */
async function turnUpright(
  bytes: Uint8Array<ArrayBuffer>,
  mimeType: EvidenceMimeType,
  orientation: Orientation,
): Promise<Uint8Array<ArrayBuffer>> {
  const bitmap = await createImageBitmap(new Blob([bytes], { type: mimeType }));
  const { width, height, matrix } = orientationTransform(orientation, bitmap.width, bitmap.height);
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas');
  context.setTransform(...matrix);
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  const blob = await canvas.convertToBlob({ type: mimeType, quality: TURN_QUALITY });
  const turned = stripImageMetadata(new Uint8Array(await blob.arrayBuffer()), mimeType);
  if (!turned.ok) throw new Error('The turned photo could not be read back.');
  return turned.bytes as Uint8Array<ArrayBuffer>;
}

async function makeThumbnail(blob: Blob): Promise<Blob> {
  const probe = await createImageBitmap(blob);
  const width = Math.min(THUMB_WIDTH, probe.width);
  const height = Math.max(1, Math.round((probe.height * width) / probe.width));
  probe.close();
  const bitmap = await createImageBitmap(blob, {
    resizeWidth: width,
    resizeHeight: height,
    resizeQuality: 'medium',
  });
  const canvas = new OffscreenCanvas(width, height);
  const context = canvas.getContext('2d');
  if (!context) throw new Error('No 2D canvas');
  context.drawImage(bitmap, 0, 0);
  bitmap.close();
  return canvas.convertToBlob({ type: 'image/jpeg', quality: 0.8 });
}

export async function prepareEvidence(file: File): Promise<AttachedPhoto> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const check = checkEvidenceFile(file.size, head);
  if (!check.ok) throw new EvidenceFileError(check.reason, file.name, file.size);
  const original = new Uint8Array(await file.arrayBuffer());
  // The file may have grown between the size check and the read (a file still being copied).
  if (original.byteLength > EVIDENCE_MAX_BYTES)
    throw new EvidenceFileError('too_large', file.name, original.byteLength);
  const stripped = stripImageMetadata(original, check.mimeType);
  if (!stripped.ok) throw new EvidenceFileError('unreadable', file.name, file.size);
  let bytes = stripped.bytes as Uint8Array<ArrayBuffer>;
  let blob: Blob;
  let thumbnail: Blob;
  try {
    if (stripped.orientation !== 1) {
      bytes = await turnUpright(bytes, check.mimeType, stripped.orientation);
    }
    blob = new Blob([bytes], { type: check.mimeType });
    thumbnail = await makeThumbnail(blob);
  } catch {
    throw new EvidenceFileError('unreadable', file.name, file.size);
  }
  if (bytes.byteLength > EVIDENCE_MAX_BYTES)
    throw new EvidenceFileError('too_large', file.name, bytes.byteLength);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  return {
    fileName: file.name || 'photo',
    mimeType: check.mimeType,
    blob,
    sha256: toHex(new Uint8Array(digest)),
    thumbnail,
    removed: stripped.removed,
    turned: stripped.orientation !== 1,
  };
}
