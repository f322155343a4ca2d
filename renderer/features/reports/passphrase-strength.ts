// A hint, not a gate: main enforces the minimum (8 characters); this tells the inspector how far
// a passphrase is from one that withstands an offline guessing attack on a stolen key file.

export type Strength = 'empty' | 'too-short' | 'weak' | 'fair' | 'strong';

export const MIN_PASSPHRASE_LENGTH = 8;

const COMMON = [
  'password',
  'passwort',
  'qwerty',
  'azerty',
  'letmein',
  'welcome',
  'admin',
  'secret',
  'roomcheck',
  'iloveyou',
  'abc123',
  '123456',
  'mima',
];

/** Rough entropy in bits: length times the size of the character classes used. */
function roughBits(p: string): number {
  let pool = 0;
  if (/[a-z]/.test(p)) pool += 26;
  if (/[A-Z]/.test(p)) pool += 26;
  if (/[0-9]/.test(p)) pool += 10;
  if (/[^A-Za-z0-9\s]/.test(p)) pool += 33;
  if (/\s/.test(p)) pool += 1;
  // Any non-ASCII character (e.g. hanzi) comes from a very large alphabet.
  if (/[\u0080-\u{10ffff}]/u.test(p)) pool += 3000;
  return [...p].length * Math.log2(Math.max(pool, 2));
}

/** "abcdefgh", "87654321", "qwertyui": each character one step from the last on a row. */
function isRun(p: string): boolean {
  const rows = ['abcdefghijklmnopqrstuvwxyz', '01234567890', 'qwertyuiop', 'asdfghjkl', 'zxcvbnm'];
  return rows.some((row) => row.includes(p) || [...row].reverse().join('').includes(p));
}

/** How strong a passphrase looks; repeated, sequential and well-known ones count as weak. */
export function passphraseStrength(p: string): Strength {
  if (p.length === 0) return 'empty';
  const chars = [...p];
  if (chars.length < MIN_PASSPHRASE_LENGTH) return 'too-short';
  const lower = p.toLowerCase();
  if (new Set(chars).size <= 2) return 'weak';
  if (COMMON.some((w) => lower.includes(w)) && chars.length < 16) return 'weak';
  if (/^\d+$/.test(p) && chars.length < 20) return 'weak';
  if (isRun(lower)) return 'weak';
  const bits = roughBits(p);
  if (bits < 40) return 'weak';
  // Character classes overstate what people choose ("Tr0ub4dor&3"); length is what holds up,
  // and a hanzi is worth about two Latin letters.
  const nonAscii = chars.filter((c) => c.charCodeAt(0) > 0x7f).length;
  const effectiveLength = chars.length + nonAscii;
  return effectiveLength >= 14 && bits >= 60 ? 'strong' : 'fair';
}
