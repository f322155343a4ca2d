import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  decodeText,
  describeEncoding,
  looksBinary,
} from '../../../../shared/import/decode-text.ts';
import { ImportError } from '../../../../shared/import/messages.ts';
import {
  encodeGb18030,
  gbkCharacters,
  iconvGb18030,
  utf16beWithBom,
  utf16leWithBom,
  utf8,
  utf8WithBom,
} from './helpers.ts';

const chinese = '资产编号,名称,类型,机房\nA-001,核心交换机,交换机,一号机房\n';

describe('decodeText', () => {
  it('reads UTF-8 without a BOM', () => {
    const d = decodeText(utf8(chinese));
    expect(d).toEqual({ text: chinese, encoding: 'utf-8', bom: false });
    expect(describeEncoding(d)).toBe('UTF-8');
  });

  it('reads UTF-8 with a BOM and strips it', () => {
    const d = decodeText(utf8WithBom(chinese));
    expect(d).toEqual({ text: chinese, encoding: 'utf-8', bom: true });
    expect(describeEncoding(d)).toBe('UTF-8 with BOM');
  });

  it('reads UTF-16LE with a BOM, as Excel "Unicode text" saves it', () => {
    const text = chinese.replaceAll(',', '\t');
    expect(decodeText(utf16leWithBom(text))).toEqual({ text, encoding: 'utf-16le', bom: true });
  });

  it('reads UTF-16BE with a BOM', () => {
    expect(decodeText(utf16beWithBom(chinese))).toEqual({
      text: chinese,
      encoding: 'utf-16be',
      bom: true,
    });
  });

  it('falls back to GB18030 for a Chinese Excel CSV (GBK bytes)', () => {
    const d = decodeText(encodeGb18030(chinese));
    expect(d).toEqual({ text: chinese, encoding: 'gb18030', bom: false });
    expect(describeEncoding(d)).toBe('GB18030');
  });

  it("uses a test encoder that agrees with the system's iconv", (ctx) => {
    const reference = iconvGb18030(chinese);
    if (!reference) {
      console.log('skipped: iconv is not installed, so the GB18030 test encoder is unchecked');
      ctx.skip();
      return;
    }
    expect(encodeGb18030(chinese)).toEqual(reference);
  });

  it('reports a UTF-16 file whose body is broken (odd length) as damaged', () => {
    const bytes = utf16leWithBom('ab').subarray(0, 5);
    expect(() => decodeText(bytes)).toThrow(/byte-order mark.*not valid UTF-16LE/);
  });

  it('refuses bytes that are neither UTF-8 nor GB18030', () => {
    expect(() => decodeText(Uint8Array.from([0x41, 0xff, 0xff, 0x80]))).toThrow(ImportError);
    expect(() => decodeText(Uint8Array.from([0x41, 0xff, 0xff, 0x80]))).toThrow(
      /neither valid UTF-8, UTF-16 nor GB18030/,
    );
  });

  it('decodes an empty input as empty UTF-8 text', () => {
    expect(decodeText(new Uint8Array())).toEqual({ text: '', encoding: 'utf-8', bom: false });
  });

  describe('fuzz', () => {
    const unicodeText = fc.string({ unit: 'binary', maxLength: 200 });

    it('round-trips any Unicode text through UTF-8, UTF-8+BOM and UTF-16 (LE and BE)', () => {
      fc.assert(
        fc.property(unicodeText, (text) => {
          // A BOM-less UTF-8 text that itself starts with U+FEFF reads as UTF-8 with BOM: the
          // same bytes as a BOM-marked file, so that ambiguity is inherent, not a bug.
          const plain = decodeText(utf8(text));
          if (text.startsWith('\uFEFF')) expect(plain.text).toBe(text.slice(1));
          else expect(plain).toEqual({ text, encoding: 'utf-8', bom: false });
          expect(decodeText(utf8WithBom(text))).toEqual({ text, encoding: 'utf-8', bom: true });
          expect(decodeText(utf16leWithBom(text)).text).toBe(text);
          expect(decodeText(utf16beWithBom(text)).text).toBe(text);
        }),
        { numRuns: 200 },
      );
    });

    it('round-trips GBK text through GB18030', () => {
      const chars = gbkCharacters();
      const gbkText = fc
        .array(
          fc.oneof(fc.constantFrom(...chars), fc.constantFrom(',', '\n', '"', 'A', '1', ' ', '\t')),
          { maxLength: 100 },
        )
        .map((parts) => parts.join(''));
      fc.assert(
        fc.property(gbkText, (text) => {
          const bytes = encodeGb18030(text);
          const d = decodeText(bytes);
          // Some short GBK sequences are also valid UTF-8 (one character such as 茛 can be):
          // valid UTF-8 wins by design, so the property is about everything else.
          let validUtf8 = true;
          try {
            new TextDecoder('utf-8', { fatal: true }).decode(bytes);
          } catch {
            validUtf8 = false;
          }
          if (validUtf8) {
            expect(d.encoding).toBe('utf-8');
          } else {
            expect(d).toEqual({ text, encoding: 'gb18030', bom: false });
          }
        }),
        { numRuns: 200 },
      );
    });

    it('either decodes arbitrary bytes or refuses them with an ImportError', () => {
      fc.assert(
        fc.property(fc.uint8Array({ maxLength: 300 }), (bytes) => {
          try {
            const d = decodeText(bytes);
            expect(typeof d.text).toBe('string');
          } catch (err) {
            expect(err).toBeInstanceOf(ImportError);
          }
        }),
        { numRuns: 500 },
      );
    });
  });
});

describe('looksBinary', () => {
  it('accepts ordinary text with tabs and CRLF', () => {
    expect(looksBinary('a\tb\r\nc,d\n')).toBe(false);
  });
  it('flags NUL bytes and dense control characters', () => {
    expect(looksBinary('abc\u0000def')).toBe(true);
    expect(looksBinary('\u0001\u0002\u0003abc')).toBe(true);
  });
});
