import type { EvidenceMimeType } from '../domain/enums.ts';

// Evidence photos come from cameras, phones and file shares the inspector does not control.
// What a file *is* is decided by its first bytes, never by its name or the type the browser
// guessed from the extension: a renamed executable must not be stored as "a photo".

/** Largest photo accepted, in bytes (15 MiB: a 24-megapixel JPEG fits, a video does not). */
export const EVIDENCE_MAX_BYTES = 15 * 1024 * 1024;

/** How many leading bytes `sniffImageType` needs. */
export const SNIFF_BYTES = 12;

/** The image type the bytes start with, or null when they are not JPEG, PNG or WebP. */
export function sniffImageType(head: Uint8Array): EvidenceMimeType | null {
  const at = (i: number) => head[i];
  // JPEG: SOI marker followed by the start of another marker.
  if (at(0) === 0xff && at(1) === 0xd8 && at(2) === 0xff) return 'image/jpeg';
  // PNG: the full 8-byte signature, which also catches transfers that mangled line ends.
  const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (png.every((byte, i) => at(i) === byte)) return 'image/png';
  // WebP: a RIFF container whose form type is "WEBP" (a RIFF WAV or AVI is not a photo).
  const ascii = (from: number, text: string) =>
    [...text].every((ch, i) => at(from + i) === ch.charCodeAt(0));
  if (ascii(0, 'RIFF') && ascii(8, 'WEBP')) return 'image/webp';
  return null;
}

export type EvidenceCheck =
  | { ok: true; mimeType: EvidenceMimeType }
  | { ok: false; reason: 'empty' | 'too_large' | 'not_an_image' };

/** Accepts a photo by its size and its leading bytes; `head` is at least its first 12 bytes. */
export function checkEvidenceFile(size: number, head: Uint8Array): EvidenceCheck {
  if (size <= 0) return { ok: false, reason: 'empty' };
  if (size > EVIDENCE_MAX_BYTES) return { ok: false, reason: 'too_large' };
  const mimeType = sniffImageType(head);
  return mimeType ? { ok: true, mimeType } : { ok: false, reason: 'not_an_image' };
}

/** Lower-case hex of a digest, the form EvidenceMetaSchema stores. */
export function toHex(bytes: Uint8Array): string {
  let out = '';
  for (const byte of bytes) out += byte.toString(16).padStart(2, '0');
  return out;
}
