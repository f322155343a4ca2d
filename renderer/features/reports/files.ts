import { bytesToBase64 } from '../../../shared/encoding/base64.ts';
import { downloadBlob } from '../../ui/download.ts';

// Files in and out of the reports screens: read what the user picked, and hand bytes back as a
// download. Nothing here touches the network; the Blob URL is revoked once the click is done.

export async function readFileBytes(file: Blob): Promise<Uint8Array> {
  return new Uint8Array(await file.arrayBuffer());
}

const PEM = /-----BEGIN [A-Z0-9 ]+-----/;

/**
 * A certificate file as the bridge takes it: PEM text as is, anything else (DER) as base64.
 * Returns null for an empty file.
 */
export function certificatePayload(bytes: Uint8Array): string | null {
  if (bytes.length === 0) return null;
  // PEM is ASCII; a DER certificate starts with 0x30 and is not valid text.
  const head = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, 4096));
  if (PEM.test(head)) return new TextDecoder().decode(bytes);
  return bytesToBase64(bytes);
}

/** Starts a download of `bytes` named `fileName`. */
export function downloadBytes(bytes: Uint8Array | string, fileName: string, type: string): void {
  downloadBlob(new Blob([bytes as BlobPart], { type }), fileName);
}

/** A file-name-safe version of a label (keeps letters of any script, digits, - and _). */
export function safeFileName(label: string, fallback: string): string {
  const cleaned = label
    .normalize('NFC')
    .replace(/[^\p{L}\p{N}_-]+/gu, '-')
    .replace(/-+/g, '-')
    .replace(/^-|-$/g, '')
    .slice(0, 80);
  return cleaned || fallback;
}

export const hasPdfHeader = (bytes: Uint8Array): boolean => {
  // Readers accept the header within the first 1024 bytes.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  return head.includes('%PDF-');
};
