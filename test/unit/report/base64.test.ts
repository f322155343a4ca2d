import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { base64ToBytes, bytesToBase64 } from '../../../shared/encoding/base64.ts';

describe('base64', () => {
  it('matches Node for any bytes, both ways', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 3000 }), (bytes) => {
        const text = bytesToBase64(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64'));
        expect(base64ToBytes(text)).toEqual(bytes);
      }),
    );
  });

  it('rejects characters outside the alphabet and impossible lengths', () => {
    expect(() => base64ToBytes('ab c')).toThrow(/invalid character at position 2/);
    expect(() => base64ToBytes('***')).toThrow(/invalid character/);
    expect(() => base64ToBytes('abcde')).toThrow(/impossible length/);
    expect(() => base64ToBytes('YWJj\u00e9A=')).toThrow(/invalid character/);
  });
});
