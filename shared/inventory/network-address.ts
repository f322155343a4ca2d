// Validation of the addresses an inspector types into a device record. Strict on purpose: an
// address that is "probably" right is worse than a clear question, because reports and the
// next audit compare records by these values. Each checker says *why* a value is refused so the
// form can tell the inspector in one sentence.

import { normalizeIp, normalizeMac, parseIpv4, parseIpv6 } from '../import/network-addresses.ts';

export type IpProblem =
  | 'empty'
  | 'prefix' // "10.0.0.5/24": a network, not a device address
  | 'zone' // "fe80::1%eth0": zone ids mean nothing outside the host that wrote them
  | 'leading_zero' // "010.0.0.1": octal on some systems, decimal on others
  | 'invalid';

export type IpVersion = 4 | 6;

export type IpCheck =
  { ok: true; version: IpVersion; normalized: string } | { ok: false; problem: IpProblem };

/** Dotted-quad IPv4 with every octet 0-255 and no leading zeros. */
export function isIpv4(text: string): boolean {
  return Array.isArray(parseIpv4(text));
}

/** RFC 4291 text forms, including "::" and a trailing dotted quad (::ffff:192.0.2.1). */
export function isIpv6(text: string): boolean {
  return text.includes(':') && parseIpv6(text) !== null;
}

/**
 * Checks one IP address typed by hand and returns it in the one stored form (the import
 * pipeline's: IPv6 in RFC 5952 canonical form), so a device entered here and the same device
 * in a spreadsheet match. Unlike an import, a hand-typed prefix or zone is a question to ask.
 */
export function checkIpAddress(raw: string): IpCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const zone = text.indexOf('%');
  if (zone >= 0) return { ok: false, problem: isIpv6(text.slice(0, zone)) ? 'zone' : 'invalid' };
  const reading = normalizeIp(text);
  if (reading.ok) {
    if (text.includes('/')) return { ok: false, problem: 'prefix' };
    return { ok: true, version: reading.value.includes(':') ? 6 : 4, normalized: reading.value };
  }
  return { ok: false, problem: reading.code === 'ipv4_leading_zero' ? 'leading_zero' : 'invalid' };
}

export type MacCheck =
  { ok: true; normalized: string } | { ok: false; problem: 'empty' | 'invalid' };

/**
 * Checks a 48-bit MAC address in any common spelling (00:1A:2B:3C:4D:5E, 00-1A-…, Cisco
 * 001a.2b3c.4d5e, bare hex) and returns the stored form aa:bb:cc:dd:ee:ff shared with imports.
 */
export function checkMacAddress(raw: string): MacCheck {
  const text = raw.trim();
  if (text === '') return { ok: false, problem: 'empty' };
  const reading = normalizeMac(text);
  return reading.ok ? { ok: true, normalized: reading.value } : { ok: false, problem: 'invalid' };
}

/** Splits a list typed by hand: one per line, or separated by commas, semicolons or spaces. */
export function splitList(text: string): string[] {
  return text
    .split(/[\s,;，；、]+/)
    .map((part) => part.trim())
    .filter((part) => part !== '');
}
