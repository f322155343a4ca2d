import { sha1 } from './sha1.ts';

// Name-based UUIDs, version 5 (RFC 9562 §5.5): the same name under the same namespace always
// gives the same UUID, so exporting the same audit twice gives byte-identical checklists and a
// checklist that comes back can be recognised by recomputing its ids.

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export const isUuid = (text: string): boolean => UUID_PATTERN.test(text);

const namespaces = new Map<string, Uint8Array>();

function uuidBytes(uuid: string): Uint8Array {
  let bytes = namespaces.get(uuid);
  if (bytes) return bytes;
  if (!isUuid(uuid)) throw new RangeError(`Not a UUID: ${uuid}`);
  const hex = uuid.replaceAll('-', '');
  bytes = new Uint8Array(16);
  for (let i = 0; i < 16; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  namespaces.set(uuid, bytes);
  return bytes;
}

const encoder = new TextEncoder();
const HEX = Array.from({ length: 256 }, (_, i) => i.toString(16).padStart(2, '0'));

/** UUIDv5 of `name` (UTF-8) in `namespace`, lower-case. */
export function uuidV5(name: string, namespace: string): string {
  const nameBytes = encoder.encode(name);
  const input = new Uint8Array(16 + nameBytes.length);
  input.set(uuidBytes(namespace));
  input.set(nameBytes, 16);
  const d = sha1(input);
  d[6] = (d[6]! & 0x0f) | 0x50; // version 5
  d[8] = (d[8]! & 0x3f) | 0x80; // RFC 9562 variant
  const h = (from: number, to: number) => {
    let out = '';
    for (let i = from; i < to; i++) out += HEX[d[i]!];
    return out;
  };
  return `${h(0, 4)}-${h(4, 6)}-${h(6, 8)}-${h(8, 10)}-${h(10, 16)}`;
}
