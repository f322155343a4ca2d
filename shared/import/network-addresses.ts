// IP and MAC addresses as inventory sheets write them, validated for real and normalised so the
// same address written two ways matches: IPv6 in RFC 5952 canonical form, MACs as
// aa:bb:cc:dd:ee:ff. A prefix length (NetBox writes 10.0.0.2/24) is checked and dropped: the
// device has the address, the prefix belongs to the network.

export type AddressReading =
  | { ok: true; value: string }
  | { ok: false; code: 'invalid_ip' | 'ipv4_leading_zero' | 'invalid_mac' | 'mac_not_device' };

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

/** Four octets, or 'leading_zero' (010 is octal to some tools, decimal to others), or null. */
export function parseIpv4(text: string): number[] | 'leading_zero' | null {
  // A character loop: this runs for every address of every imported row.
  const octets: number[] = [];
  let leadingZero = false;
  let value = 0;
  let digits = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = i < text.length ? text.charCodeAt(i) : 0x2e;
    if (c >= 0x30 && c <= 0x39) {
      if (++digits > 3) return null;
      if (digits === 2 && value === 0) leadingZero = true;
      value = value * 10 + (c - 0x30);
    } else if (c === 0x2e) {
      if (digits === 0 || value > 255 || octets.length === 4) return null;
      octets.push(value);
      value = 0;
      digits = 0;
    } else return null;
  }
  if (octets.length !== 4) return null;
  return leadingZero ? 'leading_zero' : octets;
}

/** Eight 16-bit groups, or null. Accepts `::` once and a trailing dotted IPv4. */
export function parseIpv6(text: string): number[] | null {
  if (text.length > 45 || text.includes(':::')) return null;
  const halves = text.split('::');
  if (halves.length > 2) return null;
  const parseGroups = (part: string, allowV4Tail: boolean): number[] | null => {
    if (part === '') return [];
    const items = part.split(':');
    const out: number[] = [];
    for (let i = 0; i < items.length; i++) {
      const item = items[i]!;
      if (allowV4Tail && i === items.length - 1 && item.includes('.')) {
        const v4 = parseIpv4(item);
        if (!Array.isArray(v4)) return null;
        out.push((v4[0]! << 8) | v4[1]!, (v4[2]! << 8) | v4[3]!);
      } else if (HEX_GROUP.test(item)) {
        out.push(parseInt(item, 16));
      } else {
        return null;
      }
    }
    return out;
  };
  if (halves.length === 1) {
    const groups = parseGroups(halves[0]!, true);
    return groups && groups.length === 8 ? groups : null;
  }
  const head = parseGroups(halves[0]!, false);
  const tail = parseGroups(halves[1]!, true);
  if (!head || !tail || head.length + tail.length > 7) return null;
  return [...head, ...new Array<number>(8 - head.length - tail.length).fill(0), ...tail];
}

/** RFC 5952: lower case, no leading zeros, the longest run of 2+ zero groups as `::`. */
export function formatIpv6(groups: readonly number[]): string {
  const isMapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
  if (isMapped) {
    const [a, b] = [groups[6]!, groups[7]!];
    return `::ffff:${a >> 8}.${a & 255}.${b >> 8}.${b & 255}`;
  }
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8;) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

/** One IP address, normalised; a /prefix is validated and dropped. */
export function normalizeIp(raw: string): AddressReading {
  const text = raw.trim();
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const prefix = slash < 0 ? null : text.slice(slash + 1);
  if (prefix !== null && !/^(0|[1-9]\d{0,2})$/.test(prefix))
    return { ok: false, code: 'invalid_ip' };
  if (address.includes(':')) {
    const groups = parseIpv6(address);
    if (!groups || (prefix !== null && Number(prefix) > 128))
      return { ok: false, code: 'invalid_ip' };
    return { ok: true, value: formatIpv6(groups) };
  }
  const octets = parseIpv4(address);
  if (octets === 'leading_zero') return { ok: false, code: 'ipv4_leading_zero' };
  if (!octets || (prefix !== null && Number(prefix) > 32)) return { ok: false, code: 'invalid_ip' };
  return { ok: true, value: octets.join('.') };
}

const CANONICAL_MAC = /^[0-9a-f]{2}(?::[0-9a-f]{2}){5}$/;
const isCanonicalMac = (text: string) => text.length === 17 && CANONICAL_MAC.test(text);
const MAC_SEPARATED = /^[0-9a-f]{1,2}([:-])[0-9a-f]{1,2}(?:\1[0-9a-f]{1,2}){4}$/;
const MAC_DOTTED = /^[0-9a-f]{4}\.[0-9a-f]{4}\.[0-9a-f]{4}$/;
const MAC_DASHED_QUADS = /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/;
const MAC_BARE = /^[0-9a-f]{12}$/;

/**
 * One MAC address as aa:bb:cc:dd:ee:ff. Accepted: colon or hyphen pairs (Linux, Windows;
 * single digits as macOS prints them), Cisco aabb.ccdd.eeff, Huawei/H3C aabb-ccdd-eeff, and
 * twelve bare hex digits. All-zero and broadcast addresses are not a device's address.
 */
export function normalizeMac(raw: string): AddressReading {
  const text = raw.trim().toLowerCase();
  let hex: string;
  if (isCanonicalMac(text)) {
    // The common case, already aa:bb:cc:dd:ee:ff: no splitting and joining.
    return text === '00:00:00:00:00:00' || text === 'ff:ff:ff:ff:ff:ff'
      ? { ok: false, code: 'mac_not_device' }
      : { ok: true, value: text };
  }
  if (MAC_SEPARATED.test(text)) {
    hex = text
      .split(/[:-]/)
      .map((p) => p.padStart(2, '0'))
      .join('');
  } else if (MAC_DOTTED.test(text) || MAC_DASHED_QUADS.test(text)) {
    hex = text.replace(/[.-]/g, '');
  } else if (MAC_BARE.test(text)) {
    hex = text;
  } else {
    return { ok: false, code: 'invalid_mac' };
  }
  if (hex === '000000000000' || hex === 'ffffffffffff')
    return { ok: false, code: 'mac_not_device' };
  return { ok: true, value: hex.match(/../g)!.join(':') };
}
