import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { latinQuotes, widestUnbreakable, wrapText } from '../../../../shared/report/text-wrap.ts';

// Every character one unit wide, hanzi two: enough to reason about breaks exactly.
const measure = (text: string) =>
  [...text].reduce((w, ch) => w + (ch.charCodeAt(0) > 0x2e80 ? 2 : 1), 0);

describe('wrapText', () => {
  it('breaks Latin text at spaces and keeps words whole', () => {
    expect(wrapText('the quick brown fox jumps', 10, measure)).toEqual([
      'the quick',
      'brown fox',
      'jumps',
    ]);
  });

  it('breaks Chinese text between any two hanzi', () => {
    expect(wrapText('闲置服务器仍通电并接入内网', 10, measure)).toEqual([
      '闲置服务器',
      '仍通电并接',
      '入内网',
    ]);
  });

  it('never starts a line with closing punctuation nor ends one with opening punctuation', () => {
    const lines = wrapText('平台由集成商安装，合同到期（2019年）后无人维护。', 10, measure);
    for (const line of lines.slice(1))
      expect('，。、；：？！）」』】').not.toContain(line.charAt(0));
    for (const line of lines.slice(0, -1))
      expect('（「『【').not.toContain(line.charAt(line.length - 1));
    expect(lines.join('')).toBe('平台由集成商安装，合同到期（2019年）后无人维护。');
  });

  it('mixes Chinese and Latin on one line', () => {
    expect(wrapText('接入交换机 ACC1 端口Gi1/0/17未关闭', 14, measure)).toEqual([
      '接入交换机',
      'ACC1 端口',
      'Gi1/0/17未关闭',
    ]);
    expect(wrapText('接入交换机 ACC1 端口Gi1/0/17未关闭', 12, measure)).toEqual([
      '接入交换机',
      'ACC1 端口',
      'Gi1/0/17未关',
      '闭',
    ]);
  });

  it('breaks an over-long word after a hyphen or slash before breaking inside it', () => {
    expect(wrapText('XH-2026-0318-07', 13, measure)).toEqual(['XH-2026-0318-', '07']);
    expect(wrapText('Loose media (HDD/SSD/USB/optical)', 12, measure)).toEqual([
      'Loose media',
      '(HDD/SSD/',
      'USB/optical)',
    ]);
    // A word that must be cut is hyphenated where it is cut, so it reads as one word.
    expect(wrapText('ABCDEFGHIJKLMNOP', 5, measure)).toEqual(['ABCD‐', 'EFGH‐', 'IJKL‐', 'MNOP']);
    expect(wrapText('12345678', 5, measure)).toEqual(['12345', '678']); // digits: no hyphen
  });

  it('measures the widest part no break may split', () => {
    expect(widestUnbreakable('Decommissioning', measure)).toBe(15);
    expect(widestUnbreakable('RC-SRV-0117 on', measure)).toBe(4); // "SRV-", "0117"
    expect(widestUnbreakable('主机房 A', measure)).toBe(2); // one hanzi
  });

  it('keeps explicit line breaks and empty lines', () => {
    expect(wrapText('one\n\ntwo\r\nthree', 20, measure)).toEqual(['one', '', 'two', 'three']);
  });

  it('never loses or reorders a non-space character, and no line is too wide unless one glyph is', () => {
    fc.assert(
      fc.property(
        fc.string({
          unit: fc.constantFrom('a', 'b', ' ', '-', '/', '机', '房', '，', '（', '）', '\n'),
        }),
        fc.integer({ min: 2, max: 30 }),
        (text, width) => {
          const lines = wrapText(text, width, measure);
          // Hyphens that mark a cut word (U+2010) are added, never text.
          expect(lines.join('').replace(/[\s\u2010]/g, '')).toBe(text.replace(/\s/g, ''));
          for (const line of lines) {
            if ([...line].length > 1) expect(measure(line)).toBeLessThanOrEqual(width + 2);
          }
        },
      ),
    );
  });
});

describe('latinQuotes', () => {
  it('straightens curly quotes in Latin context and keeps them in Chinese context', () => {
    expect(latinQuotes('the camera’s login')).toBe("the camera's login");
    expect(latinQuotes('Verify with “Verify a report”.')).toBe('Verify with "Verify a report".');
    expect(latinQuotes('使用“验证报告”功能')).toBe('使用“验证报告”功能');
  });
});
