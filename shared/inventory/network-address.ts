// Validation of the addresses an inspector types into a device record. Strict on purpose: an
// address that is "probably" right is worse than a clear question, because reports and the
// next audit compare records by these values. Each checker says *why* a value is refused so the
// form can tell the inspector in one sentence.

export type IpProblem =
  | 'empty'
  | 'prefix' // "10.0.0.5/24": a network, not a device address
  | 'zone' // "fe80::1%eth0": zone ids mean nothing outside the host that wrote them
  | 'leading_zero' // "010.0.0.1": octal on some systems, decimal on others
  | 'invalid';

export type IpVersion = 4 | 6;

export type IpCheck =
  { ok: true; version: IpVersion; normalized: string } | { ok: false; problem: IpProblem };

const DECIMAL_OCTET = /^(0|[1-9]\d{0,2})$/;

/** Dotted-quad IPv4 with every octet 0-255 and no leading zeros. */
export function isIpv4(text: string): boolean {
  const parts = text.split('.');
  if (parts.length !== 4) return false;
  return parts.every((part) => DECIMAL_OCTET.test(part) && Number(part) <= 255);
}

const HEXTET = /^[0-9A-Fa-f]{1,4}$/;

/**
 * RFC 4291 text forms: eight hextets, one "::" standing for one or more zero groups, and an
 * optional trailing dotted-quad (::ffff:192.0.2.1).
 */
export function isIpv6(text: string): boolean {
  if (text.length < 2 || text.length > 45) return false;
  const doubleColons = text.split('::').length - 1;
  if (doubleColons > 1) return false;
  let groups = 0;
  const countSide = (side: string, isLast: boolean): boolean => {
    if (side === '') return true;
    const parts = side.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i]!;
      if (isLast && i === parts.length - 1 && part.includes('.')) {
        if (!isIpv4(part)) return false;
        groups += 2;
      } else if (HEXTET.test(part)) {
        groups += 1;
      } else {
        return false;
      }
    }
    return true;
  };
  if (doubleColons === 1) {
    const [head, tail] = text.split('::') as [string, string];
    // An embedded IPv4 must end the address, so it may never precede the "::".
    if (!countSide(head, false) || !countSide(tail, true)) return false;
    // "::" replaces at least one group.
    return groups <= 7;
  }
  return countSide(text, true) && groups === 8;
}

/** Checks one IP address and returns it in the form it is stored (IPv6 lower-cased). */
export function checkIpAddress(raw: string): IpCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (isIpv4(text)) return { ok: true, version: 4, normalized: text };
  if (isIpv6(text)) return { ok: true, version: 6, normalized: text.toLowerCase() };
  if (text.includes('/')) {
    const address = text.slice(0, text.indexOf('/'));
    if (isIpv4(address) || isIpv6(address)) return { ok: false, problem: 'prefix' };
  }
  if (text.includes('%') && isIpv6(text.slice(0, text.indexOf('%'))))
    return { ok: false, problem: 'zone' };
  const parts = text.split('.');
  if (
    parts.length === 4 &&
    parts.every((p) => /^\d{1,3}$/.test(p) && Number(p) <= 255) &&
    parts.some((p) => p.length > 1 && p.startsWith('0'))
  )
    return { ok: false, problem: 'leading_zero' };
  return { ok: false, problem: 'invalid' };
}

export type MacCheck =
  { ok: true; normalized: string } | { ok: false; problem: 'empty' | 'invalid' };

// The spellings vendors print on labels and CLIs: 00:1A:2B:3C:4D:5E, 00-1A-2B-3C-4D-5E,
// 001a.2b3c.4d5e (Cisco), 001A2B3C4D5E (bare).
const MAC_FORMS = [
  /^([0-9A-Fa-f]{2})(?::([0-9A-Fa-f]{2})){5}$/,
  /^([0-9A-Fa-f]{2})(?:-([0-9A-Fa-f]{2})){5}$/,
  /^[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}\.[0-9A-Fa-f]{4}$/,
  /^[0-9A-Fa-f]{12}$/,
];

/**
 * Checks a 48-bit MAC address in any common spelling and returns the one stored form,
 * upper-case with colons, so two spellings of the same address compare equal.
 */
export function checkMacAddress(raw: string): MacCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  if (!MAC_FORMS.some((form) => form.test(text))) return { ok: false, problem: 'invalid' };
  const hex = text.replace(/[:.-]/g, '').toUpperCase();
  return { ok: true, normalized: hex.match(/../g)!.join(':') };
}

/** Splits a list typed by hand: one per line, or separated by commas, semicolons or spaces. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;，；、]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
