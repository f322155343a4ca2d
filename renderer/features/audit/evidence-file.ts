import {
  checkEvidenceFile,
  EVIDENCE_MAX_BYTES,
  SNIFF_BYTES,
  toHex,
} from '../../../shared/evidence/image-check.ts';
import type { PreparedEvidence } from '../../db/repositories/evidence.ts';

// Turns a dropped or picked file into evidence: refused by size before anything is read,
// accepted by its first bytes (not its name or the browser's guess), hashed with SHA-256 and
// given a small JPEG thumbnail. Decoding the image for the thumbnail is the last check: bytes
// that start like a JPEG but are not one are refused too.

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

export async function prepareEvidence(file: File): Promise<PreparedEvidence> {
  const head = new Uint8Array(await file.slice(0, SNIFF_BYTES).arrayBuffer());
  const check = checkEvidenceFile(file.size, head);
  if (!check.ok) throw new EvidenceFileError(check.reason, file.name, file.size);
  const bytes = await file.arrayBuffer();
  // The file may have grown between the size check and the read (a file still being copied).
  if (bytes.byteLength > EVIDENCE_MAX_BYTES)
    throw new EvidenceFileError('too_large', file.name, bytes.byteLength);
  const digest = await crypto.subtle.digest('SHA-256', bytes);
  const blob = new Blob([bytes], { type: check.mimeType });
  let thumbnail: Blob;
  try {
    thumbnail = await makeThumbnail(blob);
  } catch {
    throw new EvidenceFileError('unreadable', file.name, file.size);
  }
  return {
    fileName: file.name || 'photo',
    mimeType: check.mimeType,
    blob,
    sha256: toHex(new Uint8Array(digest)),
    thumbnail,
  };
}
