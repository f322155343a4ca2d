import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadReportFonts, reportFontPaths } from '../../../main/report/fonts.ts';
import { gb2312CodePoints } from '../../../main/scripts/font-subset-charset.ts';
import {
  describeCharacters,
  readFontCoverage,
  uncoveredCharacters,
} from '../../../shared/report/font-coverage.ts';

const fonts = loadReportFonts();
const regular = readFontCoverage(fonts.regular);

function fcQueryCoverage(path: string): Set<number> | null {
  try {
    const ranges = execFileSync('fc-query', ['-f', '%{charset}', path], { encoding: 'utf8' });
    const out = new Set<number>();
    for (const part of ranges.trim().split(/\s+/)) {
      const [from, to] = part.split('-');
      const start = parseInt(from ?? '', 16);
      const end = parseInt(to ?? from ?? '', 16);
      for (let cp = start; cp <= end; cp++) out.add(cp);
    }
    return out;
  } catch {
    return null;
  }
}

describe('readFontCoverage', () => {
  it('covers every GB2312 hanzi and symbol, Latin-1 and the punctuation reports use', () => {
    const gb = gb2312CodePoints();
    expect(gb.filter((cp) => cp >= 0x4e00 && cp <= 0x9fff)).toHaveLength(6763);
    expect(gb.filter((cp) => !regular.has(cp))).toEqual([]);
    const text = 'Müller – “Server” … • — © ° × 主机房 A，（机密）：第 1 页 共 3 页【】、。';
    expect(uncoveredCharacters(text, regular)).toEqual([]);
  });

  it('reports characters outside the subset: emoji, CJK Extension B, rare hanzi', () => {
    const text = 'Rack 😀 A 𠀀 B 𪚥 主机房 😀';
    expect(uncoveredCharacters(text, regular)).toEqual(['😀', '𠀀', '𪚥']);
    expect(describeCharacters(['😀', '\u200b'])).toBe('U+1F600 😀, U+200B');
  });

  it('treats line breaks and tabs as layout, but other controls as uncovered', () => {
    expect(uncoveredCharacters('a\nb\r\n\tc', regular)).toEqual([]);
    expect(uncoveredCharacters('a\u0007b', regular)).toEqual(['\u0007']);
  });

  it('agrees exactly with fontconfig on both faces', (ctx) => {
    for (const [face, path] of Object.entries(reportFontPaths())) {
      const judge = fcQueryCoverage(path);
      if (!judge) {
        console.log('fc-query is not installed: the independent cmap check is skipped');
        ctx.skip();
        return;
      }
      const ours = readFontCoverage(
        face === 'bold' ? (fonts.bold ?? fonts.regular) : fonts.regular,
      );
      expect([...ours].filter((cp) => !judge.has(cp))).toEqual([]);
      expect([...judge].filter((cp) => !ours.has(cp))).toEqual([]);
    }
  });

  it('rejects malformed font bytes with a clear message', () => {
    expect(() => readFontCoverage(new Uint8Array(3))).toThrow(/truncated or malformed/);
    expect(() => readFontCoverage(fonts.regular.subarray(0, 400))).toThrow(
      /truncated or malformed|no cmap/,
    );
    // A table directory that lists no cmap.
    const noCmap = new Uint8Array(12 + 16);
    new DataView(noCmap.buffer).setUint16(4, 1);
    noCmap.set([0x67, 0x6c, 0x79, 0x66], 12); // 'glyf'
    expect(() => readFontCoverage(noCmap)).toThrow(/no cmap table/);
  });
});

describe('report text coverage', () => {
  /** Every value of a strings table, calling the functions with representative arguments. */
  function allTexts(table: Record<string, unknown>): string[] {
    return Object.values(table).flatMap((value) => {
      if (typeof value === 'string') return [value];
      if (typeof value === 'function') {
        const fn = value as (...args: unknown[]) => string;
        const argSets: unknown[][] = [
          [3, 12, 5, 7],
          ['2026-06-15', '2026-06-16', 'x', 'y'],
          [['A', 'B']],
        ];
        // Each function takes one of these shapes; the others may throw and are skipped.
        return argSets.flatMap((args) => {
          try {
            return [String(fn(...args))];
          } catch {
            return [];
          }
        });
      }
      return [];
    });
  }

  it('covers every fixed word of the report and every enum label, in both languages', async () => {
    const { EN, ZH } = await import('../../../shared/report/strings.ts');
    const { LABELS } = await import('../../../shared/i18n/labels.ts');
    const bold = readFontCoverage(fonts.bold ?? fonts.regular);
    const labels = Object.values(LABELS).flatMap((table) =>
      Object.values(table as Record<string, { en: string; zh: string }>).flatMap((l) => [
        l.en,
        l.zh,
      ]),
    );
    for (const text of [...allTexts({ ...EN }), ...allTexts({ ...ZH }), ...labels]) {
      expect(uncoveredCharacters(text, regular), text).toEqual([]);
      expect(uncoveredCharacters(text, bold), text).toEqual([]);
    }
  });
});
