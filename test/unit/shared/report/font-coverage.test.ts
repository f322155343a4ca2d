import { execFileSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { loadReportFonts, reportFontPaths } from '../../../../main/report/fonts.ts';
import { gb2312CodePoints } from './charsets.ts';
import { readFontCoverage, type FontCoverage } from '../../../../shared/report/font-coverage.ts';
import { isInvisible } from '../../../../shared/report/showable.ts';

const fonts = loadReportFonts();

/** The distinct characters of `text` that `coverage` lacks (layout and invisible ones aside). */
function uncoveredCharacters(text: string, coverage: FontCoverage): string[] {
  const missing = new Set<string>();
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    if (!coverage.has(cp) && !isInvisible(cp)) missing.add(ch);
  }
  return [...missing];
}
/** What the regular style covers: Noto Sans SC, then the Latin fallback. */
const regular = new Set(fonts.regular.flatMap((f) => [...readFontCoverage(f)]));

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

  it('covers the names GB2312 lacks, and Latin Extended through the fallback font', () => {
    const names = '堃喆镕朱镕基玥赟珺昇璟燊祎 ™ Łukasz Źdźbło Nguyễn Dvořák Øre Şişli';
    expect(uncoveredCharacters(names, regular)).toEqual([]);
    const sc = readFontCoverage(fonts.regular[0] ?? new Uint8Array());
    expect(uncoveredCharacters('Łź', sc)).toEqual(['Ł', 'ź']); // why the fallback exists
  });

  it('reports characters no report font has: emoji, CJK Extension B', () => {
    const text = 'Rack 😀 A 𠀀 B 𪚥 主机房 😀';
    expect(uncoveredCharacters(text, regular)).toEqual(['😀', '𠀀', '𪚥']);
  });

  it('agrees exactly with fontconfig on every face', (ctx) => {
    const paths = reportFontPaths();
    const files = [...paths.regular, ...paths.bold];
    const bytes = [...fonts.regular, ...(fonts.bold ?? [])];
    expect(files).toHaveLength(4);
    files.forEach((path, i) => {
      const judge = fcQueryCoverage(path);
      if (!judge) {
        console.log('fc-query is not installed: the independent cmap check is skipped');
        ctx.skip();
        return;
      }
      // fontconfig leaves out C0 controls, which Noto Sans maps to blank glyphs (NUL, CR).
      const ours = new Set(
        [...readFontCoverage(bytes[i] ?? new Uint8Array())].filter((cp) => cp >= 0x20),
      );
      expect(
        [...ours].filter((cp) => !judge.has(cp)),
        path,
      ).toEqual([]);
      expect(
        [...judge].filter((cp) => !ours.has(cp)),
        path,
      ).toEqual([]);
    });
  });

  it('rejects malformed font bytes with a clear message', () => {
    expect(() => readFontCoverage(new Uint8Array(3))).toThrow(/truncated or malformed/);
    expect(() => readFontCoverage((fonts.regular[0] ?? new Uint8Array()).subarray(0, 400))).toThrow(
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
    const { EN, ZH } = await import('../../../../shared/report/strings.ts');
    const { LABELS } = await import('../../../../shared/i18n/labels.ts');
    const bold = new Set((fonts.bold ?? fonts.regular).flatMap((f) => [...readFontCoverage(f)]));
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
