import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  checkIpAddress,
  checkMacAddress,
  isIpv4,
  isIpv6,
  splitList,
} from '../../../../shared/inventory/network-address.ts';

describe('IPv4', () => {
  it.each(['0.0.0.0', '10.0.0.5', '192.168.1.254', '255.255.255.255'])('accepts %s', (ip) => {
    expect(isIpv4(ip)).toBe(true);
  });
  it.each([
    '256.1.1.1',
    '10.0.0',
    '10.0.0.0.1',
    '10..0.1',
    '10.0.0.-1',
    '1.2.3.4 ',
    'a.b.c.d',
    '010.0.0.1',
    '1e1.0.0.1',
    '',
  ])('refuses %j', (ip) => {
    expect(isIpv4(ip)).toBe(false);
  });
  it('accepts every dotted quad of octets and nothing with an octet above 255', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 300 }), { minLength: 4, maxLength: 4 }),
        (o) => {
          expect(isIpv4(o.join('.'))).toBe(o.every((x) => x <= 255));
        },
      ),
    );
  });
});

describe('IPv6', () => {
  it.each([
    '::',
    '::1',
    '2001:db8::1',
    'fe80::1ff:fe23:4567:890a',
    '2001:0db8:0000:0000:0000:ff00:0042:8329',
    '1:2:3:4:5:6:7::',
    '::ffff:192.0.2.1',
    '64:ff9b::192.0.2.33',
    'FE80::ABCD',
  ])('accepts %s', (ip) => {
    expect(isIpv6(ip)).toBe(true);
  });
  it.each([
    ':',
    '1:2:3:4:5:6:7:8:9',
    '1:2:3:4:5:6:7',
    '2001:db8::1::1',
    '2001:db8:::1',
    '12345::1',
    'gggg::1',
    ':1::',
    '1.2.3.4::',
    '::1.2.3.4:1',
    '1:2:3:4:5:6:7:8::',
    '::ffff:999.0.2.1',
  ])('refuses %j', (ip) => {
    expect(isIpv6(ip)).toBe(false);
  });
});

describe('checkIpAddress', () => {
  it('normalises IPv6 to lower case and keeps IPv4 as typed', () => {
    expect(checkIpAddress(' 2001:DB8::A ')).toEqual({
      ok: true,
      version: 6,
      normalized: '2001:db8::a',
    });
    expect(checkIpAddress('10.1.2.3')).toEqual({ ok: true, version: 4, normalized: '10.1.2.3' });
  });
  it('names the usual mistakes', () => {
    expect(checkIpAddress('10.0.0.5/24')).toEqual({ ok: false, problem: 'prefix' });
    expect(checkIpAddress('2001:db8::/32')).toEqual({ ok: false, problem: 'prefix' });
    expect(checkIpAddress('fe80::1%eth0')).toEqual({ ok: false, problem: 'zone' });
    expect(checkIpAddress('010.000.000.001')).toEqual({ ok: false, problem: 'leading_zero' });
    expect(checkIpAddress('10.0.0.300')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkIpAddress('server1')).toEqual({ ok: false, problem: 'invalid' });
    expect(checkIpAddress('  ')).toEqual({ ok: false, problem: 'empty' });
  });
});

describe('checkMacAddress', () => {
  it.each([
    // One stored form, the same as the import pipeline's, so typed and imported devices match.
    ['00:1A:2B:3C:4D:5E', '00:1a:2b:3c:4d:5e'],
    ['00-1A-2B-3C-4D-5E', '00:1a:2b:3c:4d:5e'],
    ['001a.2b3c.4d5e', '00:1a:2b:3c:4d:5e'],
    ['001A2B3C4D5E', '00:1a:2b:3c:4d:5e'],
    // macOS drops leading zeros.
    ['0:1A:2B:3C:4D:5E', '00:1a:2b:3c:4d:5e'],
  ])('accepts %s as %s', (raw, normalized) => {
    expect(checkMacAddress(raw)).toEqual({ ok: true, normalized });
  });
  it.each([
    '00:1A:2B:3C:4D',
    '00:1A:2B:3C:4D:5E:6F',
    '00:1A-2B:3C:4D:5E',
    'GG:1A:2B:3C:4D:5E',
    '00:00:00:00:00:00',
    'FF:FF:FF:FF:FF:FF',
    '001A2B3C4D5',
  ])('refuses %j', (raw) => {
    expect(checkMacAddress(raw)).toEqual({ ok: false, problem: 'invalid' });
  });
  it('stores every accepted spelling in the 17 characters the schema allows', () => {
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 6, maxLength: 6 }), (bytes) => {
        const hex = [...bytes].map((b) => b.toString(16).padStart(2, '0'));
        const result = checkMacAddress(hex.join('-'));
        expect(result.ok && result.normalized.length).toBe(17);
        expect(checkMacAddress(hex.join(''))).toEqual(result);
      }),
    );
  });
});

describe('splitList', () => {
  it('splits on lines, commas, semicolons, spaces and their Chinese forms', () => {
    expect(splitList('10.0.0.1\n10.0.0.2, 10.0.0.3;10.0.0.4 10.0.0.5，10.0.0.6、10.0.0.7')).toEqual(
      ['10.0.0.1', '10.0.0.2', '10.0.0.3', '10.0.0.4', '10.0.0.5', '10.0.0.6', '10.0.0.7'],
    );
    expect(splitList('  \n ')).toEqual([]);
  });
});
