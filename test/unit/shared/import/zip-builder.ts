import { deflateRawSync } from 'node:zlib';

// A minimal ZIP writer for hostile fixtures: archives that are not workbooks, and archives
// whose headers lie about the sizes of their entries (zip bombs). Real XLSX fixtures are
// written by SheetJS itself.

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

export function crc32(data: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of data) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

/** One entry as it is written: its bytes in the archive and what the headers say about them. */
export type ZipPart = {
  name: string;
  /** 0 stored, 8 deflated. */
  method: 0 | 8;
  body: Uint8Array;
  crc: number;
  /** The uncompressed size the local and central headers declare (may lie). */
  declaredSize: number;
};

export const storedPart = (name: string, data: Uint8Array): ZipPart => ({
  name,
  method: 0,
  body: data,
  crc: crc32(data),
  declaredSize: data.length,
});

export const deflatedPart = (name: string, data: Uint8Array): ZipPart => ({
  name,
  method: 8,
  body: new Uint8Array(deflateRawSync(data, { level: 9 })),
  crc: crc32(data),
  declaredSize: data.length,
});

export function zipArchive(files: readonly ZipPart[]): Uint8Array {
  const chunks: Uint8Array[] = [];
  let offset = 0;
  const central: number[] = [];
  const u16 = (out: number[], v: number) => out.push(v & 0xff, (v >>> 8) & 0xff);
  const u32 = (out: number[], v: number) =>
    out.push(v & 0xff, (v >>> 8) & 0xff, (v >>> 16) & 0xff, (v >>> 24) & 0xff);
  for (const file of files) {
    const name = new TextEncoder().encode(file.name);
    const local: number[] = [];
    u32(local, 0x04034b50);
    u16(local, 20);
    u16(local, 0x0800);
    u16(local, file.method);
    u16(local, 0);
    u16(local, 0);
    u32(local, file.crc);
    u32(local, file.body.length);
    u32(local, file.declaredSize);
    u16(local, name.length);
    u16(local, 0);
    local.push(...name);
    u32(central, 0x02014b50);
    u16(central, 20);
    u16(central, 20);
    u16(central, 0x0800);
    u16(central, file.method);
    u16(central, 0);
    u16(central, 0);
    u32(central, file.crc);
    u32(central, file.body.length);
    u32(central, file.declaredSize);
    u16(central, name.length);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u16(central, 0);
    u32(central, 0);
    u32(central, offset);
    central.push(...name);
    chunks.push(Uint8Array.from(local), file.body);
    offset += local.length + file.body.length;
  }
  const end: number[] = [];
  u32(end, 0x06054b50);
  u16(end, 0);
  u16(end, 0);
  u16(end, files.length);
  u16(end, files.length);
  u32(end, central.length);
  u32(end, offset);
  u16(end, 0);
  chunks.push(Uint8Array.from(central), Uint8Array.from(end));
  const out = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

export function storedZip(files: { name: string; data: Uint8Array }[]): Uint8Array {
  return zipArchive(files.map((f) => storedPart(f.name, f.data)));
}
