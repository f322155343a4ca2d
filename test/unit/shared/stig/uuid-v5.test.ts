import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sha1 } from '../../../../shared/stig/sha1.ts';
import { isUuid, uuidV5 } from '../../../../shared/stig/uuid-v5.ts';

const nodeSha1 = (bytes: Uint8Array) => new Uint8Array(createHash('sha1').update(bytes).digest());
const DNS_NAMESPACE = '6ba7b810-9dad-11d1-80b4-00c04fd430c8';

describe('SHA-1 and UUIDv5 without WebCrypto', () => {
  it('hashes exactly as OpenSSL does, across the padding boundaries and at random', () => {
    for (const length of [0, 1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + 7) & 0xff);
      expect(sha1(bytes), `length ${length}`).toEqual(nodeSha1(bytes));
    }
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
        expect(sha1(bytes)).toEqual(nodeSha1(bytes));
      }),
      { numRuns: 300 },
    );
  });

  it("matches RFC 9562's version 5 example and sets the version and variant bits", () => {
    expect(uuidV5('www.example.com', DNS_NAMESPACE)).toBe('2ed6657d-e927-568b-95e1-2665a8aea6a2');
    fc.assert(
      fc.property(fc.string(), (name) => {
        const id = uuidV5(name, DNS_NAMESPACE);
        expect(isUuid(id)).toBe(true);
        expect(id[14]).toBe('5');
        expect('89ab').toContain(id[19]);
        expect(uuidV5(name, DNS_NAMESPACE)).toBe(id);
      }),
    );
    // Names are hashed as UTF-8.
    expect(uuidV5('机房', DNS_NAMESPACE)).not.toBe(uuidV5('??', DNS_NAMESPACE));
  });

  it('refuses a namespace that is not a UUID', () => {
    expect(() => uuidV5('x', 'not-a-uuid')).toThrow(RangeError);
  });
});
