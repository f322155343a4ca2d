import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadDemoPhotos } from '../../../../main/report/demo-assets.ts';
import { loadReportFonts } from '../../../../main/report/fonts.ts';
import { coverageRanges } from '../../../../main/scripts/fetch-report-fonts.ts';
import { makeDemoAudit } from '../../../../shared/demo/demo-audit.ts';
import { buildReportPdf, type BuiltReport } from '../../../../shared/report/build-report.ts';
import { readFontCoverage } from '../../../../shared/report/font-coverage.ts';
import { REPORT_CHARSET } from '../../../../shared/report/report-charset.ts';
import { charactersReportsCannotShow, reportShows } from '../../../../shared/report/showable.ts';
import { EN, ZH } from '../../../../shared/report/strings.ts';
import type { AuditSnapshot } from '../../../../shared/snapshot/schema.ts';
import { codePointRange, gb2312CodePoints } from './charsets.ts';
import { pageTexts, qpdfCheck, withPdfFile } from './pdf-tools.ts';

// Every character a name can hold: the full fonts are embedded per report (only the glyphs
// used), with a Latin fallback, subset tags, and a visible substitute plus an appendix for
// characters no font has. Judged by poppler (pdftotext, pdffonts), qpdf and fontconfig.

const fonts = loadReportFonts();
const photos = loadDemoPhotos();
const now = new Date('2026-06-15T09:00:00.000Z');
const squash = (text: string) => text.replace(/\s+/g, '');

/** The names from the issue: outside GB2312, or outside Noto Sans SC, or outside every font. */
const ISSUE_NAMES = [
  '堃',
  '喆',
  '镕',
  '朱镕基',
  '玥',
  '赟',
  '珺',
  '昇',
  '璟',
  '燊',
  '祎',
  '™',
  'Ł',
  'ễ',
];

function build(snapshot: AuditSnapshot): BuiltReport {
  return buildReportPdf(snapshot, { fonts, generatedAt: now.toISOString(), signature: null });
}

/** A demo audit whose devices are named with `text`, 150 characters per name. */
function namedWith(text: number[], language: 'en' | 'zh' = 'en'): AuditSnapshot {
  const base = makeDemoAudit({ seed: 5, now, photos: [], language });
  const template = base.devices[0];
  if (!template) throw new Error('the demo audit has no device');
  const devices = [];
  for (let i = 0; i * 150 < text.length; i++) {
    devices.push({
      ...template,
      id: `name-device-${i}`,
      assetTag: `N-${i}`,
      notes: '',
      name: String.fromCodePoint(...text.slice(i * 150, i * 150 + 150)),
    });
  }
  return { ...base, devices, findings: [], answers: [], reconciliations: [], evidence: [] };
}

function pdffonts(bytes: Uint8Array): string[][] {
  const out = withPdfFile(bytes, (p) => execFileSync('pdffonts', [p], { encoding: 'utf8' }));
  return out
    .trim()
    .split('\n')
    .slice(2)
    .map((l) => l.trim().split(/\s+/));
}

/** The embedded font programs (FontFile2 streams), decoded, read with pikepdf. */
function embeddedFontPrograms(bytes: Uint8Array): Uint8Array[] | null {
  const dir = mkdtempSync(join(tmpdir(), 'roomcheck-fonts-'));
  try {
    writeFileSync(join(dir, 'r.pdf'), bytes);
    const script = [
      'import pikepdf, sys',
      'pdf = pikepdf.open(sys.argv[1])',
      'n = 0',
      'for obj in pdf.objects:',
      '    if isinstance(obj, pikepdf.Dictionary) and obj.get("/Type") == "/FontDescriptor":',
      '        open(f"{sys.argv[2]}/font{n}.ttf", "wb").write(obj.FontFile2.read_bytes()); n += 1',
      'print(n)',
    ].join('\n');
    let count: number;
    try {
      count = Number(
        execFileSync('/usr/bin/python3', ['-c', script, join(dir, 'r.pdf'), dir], {
          encoding: 'utf8',
        }).trim(),
      );
    } catch {
      return null;
    }
    return Array.from(
      { length: count },
      (_, i) => new Uint8Array(readFileSync(join(dir, `font${i}.ttf`))),
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('names with every character', () => {
  let gb: number[];
  let cjk: number[];
  let latin: number[];
  let report: BuiltReport;
  let text: string;

  beforeAll(() => {
    gb = gb2312CodePoints().filter((cp) => cp > 0x20 && cp !== 0x3000);
    cjk = codePointRange(0x4e00, 0x9fff);
    // Latin-1 letters, Latin Extended-A and -B, and Latin Extended Additional (Vietnamese).
    latin = [
      ...codePointRange(0xc0, 0xff),
      ...codePointRange(0x100, 0x24f),
      ...codePointRange(0x1e00, 0x1eff),
    ].filter((cp) => /\p{L}/u.test(String.fromCodePoint(cp)));
    const issue = [...ISSUE_NAMES.join('')].map((c) => c.codePointAt(0) ?? 0);
    const all = [...new Set([...gb, ...cjk, ...latin, ...issue])];
    report = build(namedWith(all));
    text = squash(pageTexts(report.bytes).join(''));
  }, 300_000);

  it('makes the report, and pdftotext returns every character of every name', () => {
    expect(qpdfCheck(report.bytes).status).toBe(0);
    const read = new Set([...text]);
    for (const [what, set] of [
      ['GB2312', gb],
      ['CJK Unified Ideographs', cjk],
      ['Latin Extended', latin],
    ] as const) {
      const lost = set.filter((cp) => !read.has(String.fromCodePoint(cp)));
      expect(
        lost.map((cp) => cp.toString(16)),
        what,
      ).toEqual([]);
    }
    for (const ch of ISSUE_NAMES.join('')) expect(text).toContain(ch);
  });

  it('embeds subset-tagged TrueType fonts only, each with a Unicode map', () => {
    const rows = pdffonts(report.bytes);
    expect(rows.length).toBeGreaterThanOrEqual(2);
    for (const row of rows) {
      expect(row[0], row.join(' ')).toMatch(/^[A-Z]{6}\+Noto/);
      expect(row.slice(1, 3).join(' ')).toBe('CID TrueType');
      expect(row.slice(4, 7)).toEqual(['yes', 'yes', 'yes']); // embedded, subset, Unicode map
    }
    // The Latin fallback is embedded because Ł and friends were drawn.
    expect(rows.some((r) => /\+NotoSans-Regular$/.test(r[0] ?? ''))).toBe(true);
    // A hang guard, not a speed bound: poppler reads the whole CJK subset, which took over 30 s
    // on this 2-core machine at load 15 (24 s alone).
  }, 120_000);

  it('embeds fonts whose own character maps fontconfig reads as the characters drawn', (ctx) => {
    const programs = embeddedFontPrograms(report.bytes);
    if (!programs) {
      console.log(
        'pikepdf is not installed for /usr/bin/python3: the font program check is skipped',
      );
      ctx.skip();
      return;
    }
    const dir = mkdtempSync(join(tmpdir(), 'roomcheck-fc-'));
    try {
      const covered = new Set<number>();
      programs.forEach((program, i) => {
        const path = join(dir, `f${i}.ttf`);
        writeFileSync(path, program);
        const ranges = execFileSync('fc-query', ['-f', '%{charset}', path], { encoding: 'utf8' });
        for (const part of ranges.trim().split(/\s+/).filter(Boolean)) {
          const [from, to] = part.split('-');
          const start = parseInt(from ?? '', 16);
          for (let cp = start; cp <= parseInt(to ?? from ?? '', 16); cp++) covered.add(cp);
        }
        // Far smaller than the 10.5 MB font it was cut from.
        expect(program.length).toBeLessThan(8_000_000);
      });
      const shown = cjk.filter((cp) => reportShows(cp));
      expect(shown.filter((cp) => !covered.has(cp)).map((cp) => cp.toString(16))).toEqual([]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('characters no font has', () => {
  it('prints them as a visible substitute, lists them in an appendix, and keeps them in the text', () => {
    for (const language of ['en', 'zh'] as const) {
      const s = language === 'en' ? EN : ZH;
      const snapshot = makeDemoAudit({ seed: 7, now, photos, language });
      snapshot.findings[0]!.title = 'Camera platform 😀 exposed';
      snapshot.devices[0]!.name = 'Server 𠀀 (CJK Extension B) 🇨🇳';
      const report = build(snapshot);
      const pages = pageTexts(report.bytes);
      const all = pages.join('\n');
      expect(all).toContain('Camera platform 😀 exposed');
      expect(squash(all)).toContain(squash('Server 𠀀 (CJK Extension B)'));
      // Page 1 lists it in the contents; the appendix itself comes later.
      const appendix = pages.findIndex(
        (p, i) => i > 0 && squash(p).includes(squash(s.appendixCharacters)),
      );
      expect(appendix).toBeGreaterThan(0);
      for (const code of ['U+1F600', 'U+20000', 'U+1F1E8', 'U+1F1F3']) {
        expect(pages[appendix], code).toContain(code);
      }
      // The sign-off stays the last page, after the appendix.
      expect(pages.at(-1)).toContain(s.sectionSignOff);
      expect(qpdfCheck(report.bytes).status).toBe(0);
    }
  });

  it('has no appendix when every character could be shown', () => {
    const text = pageTexts(build(makeDemoAudit({ seed: 7, now, photos })).bytes).join('');
    expect(text).not.toContain(EN.appendixCharacters);
  });
});

describe('the character set the renderer checks against', () => {
  it('is exactly what the report fonts cover, in both styles', () => {
    expect(coverageRanges(fonts.regular)).toEqual(REPORT_CHARSET);
    expect(coverageRanges(fonts.bold ?? [])).toEqual(REPORT_CHARSET);
    const union = new Set(fonts.regular.flatMap((f) => [...readFontCoverage(f)]));
    for (const cp of [0x5803, 0x141, 0x17a, 0x1ec5, 0x2122]) expect(union.has(cp)).toBe(true);
  });

  it('names the characters a report prints as a substitute, and only those', () => {
    expect(charactersReportsCannotShow('朱镕基 Łukasz Nguyễn™')).toEqual([]);
    expect(charactersReportsCannotShow('NVR 😀 𠀀 😀 ok')).toEqual(['😀', '𠀀']);
    // Joiners and variation selectors draw nothing and are not reported.
    expect(charactersReportsCannotShow('a\u200db\ufe0f\tc\n')).toEqual([]);
  });
});
