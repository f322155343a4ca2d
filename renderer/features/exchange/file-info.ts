import { toHex } from '../../../shared/evidence/image-check.ts';

/** A file picked for import: its name, bytes and SHA-256 (logged with the import). */
export type PickedFile = { name: string; bytes: Uint8Array; sha256: string };

export async function sha256Hex(bytes: Uint8Array): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', bytes as BufferSource)));
}

export async function pickFile(file: File): Promise<PickedFile> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  return { name: file.name, bytes, sha256: await sha256Hex(bytes) };
}
