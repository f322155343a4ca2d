import { Inflate, zipSync } from 'fflate';
import { readZipDirectory, type ZipEntry } from './zip-directory.ts';

// Unpacks a ZIP archive while counting the bytes that actually come out of each deflate
// stream, and stops the moment the total passes the limit. The sizes an archive declares are
// not trusted: a zip bomb declares a few bytes per entry and inflates to gigabytes. The
// spreadsheet library is then handed a new archive built here from the checked contents,
// stored without compression, so it never inflates anything an attacker wrote.

export type UnpackFailure = 'damaged' | 'over_limit';
export type UnpackResult =
  | { ok: true; files: Map<string, Uint8Array>; unpackedBytes: number }
  | { ok: false; reason: UnpackFailure };

/** Compressed bytes fed to the inflater at a time: bounds what one step can produce (~4 MB). */
const INPUT_STEP = 4096;
const LOCAL_SIGNATURE = 0x04034b50;
const FLAG_ENCRYPTED = 0x0001;

class Stop extends Error {
  constructor(readonly reason: UnpackFailure) {
    super(reason);
  }
}

/** The entry's bytes as stored in the archive, found through its local header. */
function storedBytes(bytes: Uint8Array, entry: ZipEntry): Uint8Array {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const at = entry.localHeaderOffset;
  if (at + 30 > bytes.length || view.getUint32(at, true) !== LOCAL_SIGNATURE) {
    throw new Stop('damaged');
  }
  const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
  const end = start + entry.compressedSize;
  if (end > bytes.length) throw new Stop('damaged');
  return bytes.subarray(start, end);
}

/**
 * Inflates one entry, calling `take` with each piece as it comes; `budget` is what may still
 * come out. Returns the entry's size. The deflate stream must end within the entry's
 * compressed bytes.
 */
function inflateEntry(
  data: Uint8Array,
  budget: number,
  take: ((piece: Uint8Array) => void) | null,
): number {
  let produced = 0;
  const inflater = new Inflate((piece) => {
    produced += piece.length;
    if (produced > budget) throw new Stop('over_limit');
    take?.(piece);
  });
  try {
    if (data.length === 0) inflater.push(data, true);
    for (let i = 0; i < data.length; i += INPUT_STEP) {
      inflater.push(data.subarray(i, i + INPUT_STEP), i + INPUT_STEP >= data.length);
    }
  } catch (err) {
    if (err instanceof Stop) throw err;
    throw new Stop('damaged');
  }
  return produced;
}

function concat(pieces: Uint8Array[], length: number): Uint8Array {
  const out = new Uint8Array(length);
  let at = 0;
  for (const p of pieces) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

/** One pass over every entry; with `keep`, the contents are collected as well as counted. */
function walk(
  bytes: Uint8Array,
  entries: readonly ZipEntry[],
  maxUnpacked: number,
  keep: boolean,
): { files: Map<string, Uint8Array>; total: number } {
  const files = new Map<string, Uint8Array>();
  let total = 0;
  for (const entry of entries) {
    if (entry.flags & FLAG_ENCRYPTED) throw new Stop('damaged');
    const data = storedBytes(bytes, entry);
    let size: number;
    let content: Uint8Array | null = null;
    if (entry.method === 0) {
      size = data.length;
      if (total + size > maxUnpacked) throw new Stop('over_limit');
      content = data;
    } else if (entry.method === 8) {
      const pieces: Uint8Array[] = [];
      size = inflateEntry(data, maxUnpacked - total, keep ? (p) => pieces.push(p) : null);
      if (keep) content = concat(pieces, size);
    } else {
      throw new Stop('damaged');
    }
    total += size;
    if (keep && content && !entry.name.endsWith('/')) files.set(entry.name, content);
  }
  return { files, total };
}

/**
 * Every entry of the archive, unpacked, or why not: 'damaged' (no readable directory, an
 * entry that does not inflate within its bytes, encryption, an unknown method) or
 * 'over_limit' (more than `maxUnpacked` bytes actually came out). A first pass only counts,
 * so a bomb is refused without ever holding what it inflates to.
 */
export function unpackZip(bytes: Uint8Array, maxUnpacked: number): UnpackResult {
  const entries = readZipDirectory(bytes);
  if (!entries) return { ok: false, reason: 'damaged' };
  try {
    walk(bytes, entries, maxUnpacked, false);
    const { files, total } = walk(bytes, entries, maxUnpacked, true);
    return { ok: true, files, unpackedBytes: total };
  } catch (err) {
    if (err instanceof Stop) return { ok: false, reason: err.reason };
    throw err;
  }
}

/** A new archive of `files`, stored without compression: nothing in it needs inflating. */
export function storedArchive(files: ReadonlyMap<string, Uint8Array>): Uint8Array {
  // A prototype-free object: an entry named "__proto__" stays an entry.
  const tree = Object.create(null) as Record<string, [Uint8Array, { level: 0 }]>;
  for (const [name, data] of files) tree[name] = [data, { level: 0 }];
  return zipSync(tree, { level: 0 });
}
