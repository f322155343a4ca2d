// Reads a ZIP archive's central directory (names, declared sizes, where each entry's local
// header is) without inflating anything, so an XLSX can be recognised and a zip bomb that is
// honest about its size refused at once. Declared sizes can lie: zip-unpack.ts counts what
// really inflates.

export type ZipEntry = {
  name: string;
  /** General purpose flags (bit 0: encrypted). */
  flags: number;
  /** 0 stored, 8 deflated; anything else is not read. */
  method: number;
  compressedSize: number;
  /** As declared: not to be trusted. */
  uncompressedSize: number;
  localHeaderOffset: number;
};

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;
/** ZIP64 marks sizes it moved elsewhere with all-ones; such archives are not plain XLSX. */
const ZIP64_MARK = 0xffffffff;

export const ZIP_LOCAL_MAGIC = [0x50, 0x4b, 0x03, 0x04] as const;

export function hasZipMagic(bytes: Uint8Array): boolean {
  return ZIP_LOCAL_MAGIC.every((b, i) => bytes[i] === b);
}

/** The entries, or null when no well-formed central directory is found (damaged/truncated). */
export function readZipDirectory(bytes: Uint8Array): ZipEntry[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  // The end record is 22 bytes plus a comment of at most 65,535 bytes, at the very end.
  const lowest = Math.max(0, bytes.length - 22 - 65_535);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= lowest; i--) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  const offset = view.getUint32(eocd + 16, true);
  if (offset === ZIP64_MARK || offset + size > eocd) return null;
  const entries: ZipEntry[] = [];
  const decoder = new TextDecoder('utf-8');
  let p = offset;
  for (let n = 0; n < count; n++) {
    if (p + 46 > eocd || view.getUint32(p, true) !== CENTRAL_SIGNATURE) return null;
    const flags = view.getUint16(p + 8, true);
    const method = view.getUint16(p + 10, true);
    const compressedSize = view.getUint32(p + 20, true);
    const uncompressedSize = view.getUint32(p + 24, true);
    const nameLength = view.getUint16(p + 28, true);
    const extraLength = view.getUint16(p + 30, true);
    const commentLength = view.getUint16(p + 32, true);
    const localHeaderOffset = view.getUint32(p + 42, true);
    if (p + 46 + nameLength > eocd) return null;
    const name = decoder.decode(bytes.subarray(p + 46, p + 46 + nameLength));
    entries.push({ name, flags, method, compressedSize, uncompressedSize, localHeaderOffset });
    p += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
