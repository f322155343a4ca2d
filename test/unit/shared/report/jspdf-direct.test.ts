import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../../../main/report/fonts.ts';
import { readFontCoverage } from '../../../../shared/report/font-coverage.ts';
import { num, withFastFlate } from '../../../../shared/report/jspdf-direct.ts';
import { ReportCanvas } from '../../../../shared/report/pdf-canvas.ts';
import { EN } from '../../../../shared/report/strings.ts';
import { pageTexts, qpdfCheck } from './pdf-tools.ts';

const fonts = loadReportFonts();

describe('direct text writing', () => {
  it('draws every character of the fonts so that poppler reads each one back exactly', () => {
    // CIDs of tens of thousands of characters include every byte value, ( ) \\ CR and LF among
    // them: a wrong escape in the literal strings would change or lose characters here. Each
    // character has its own CID, so even characters sharing a glyph (hyphen and U+2010) read
    // back as themselves.
    const covered = new Set(fonts.regular.flatMap((f) => [...readFontCoverage(f)]));
    const drawn = [...covered].filter(
      (cp) => cp > 0x20 && !/[\p{C}\p{Z}\p{M}]/u.test(String.fromCodePoint(cp)),
    );
    const canvas = new ReportCanvas(fonts, EN);
    const perLine = 60;
    for (let i = 0; i < drawn.length; i += perLine) {
      canvas.ensure(5);
      const line = drawn
        .slice(i, i + perLine)
        .map((cp) => String.fromCodePoint(cp))
        .join(' ');
      canvas.textAt(line, canvas.page.left, canvas.y, { size: 4, bold: i % 120 === 0 });
      canvas.y += 2.2;
    }
    expect(canvas.substitutedCharacters().size).toBe(0);
    const bytes = canvas.output();
    expect(qpdfCheck(bytes).status).toBe(0);
    const read = new Set([...pageTexts(bytes).join('')].map((ch) => ch.codePointAt(0)));
    const lost = drawn.filter((cp) => !read.has(cp));
    // pdftotext itself turns a few compatibility characters into others (ligatures such as
    // U+FB01 into "fi"); nothing else may go missing.
    expect(lost.length, lost.map((cp) => cp.toString(16)).join(' ')).toBeLessThan(20);
    expect(read.has(0x2010)).toBe(true); // shares the hyphen's glyph, keeps its own identity
  }, 300_000);
});

describe('withFastFlate', () => {
  it('puts jsPDF back as it was, also when the output fails', () => {
    const api = jsPDF.API as unknown as { processDataByFilters: unknown };
    const original = api.processDataByFilters;
    expect(withFastFlate(() => api.processDataByFilters)).not.toBe(original);
    expect(api.processDataByFilters).toBe(original);
    expect(() =>
      withFastFlate(() => {
        throw new Error('boom');
      }),
    ).toThrow('boom');
    expect(api.processDataByFilters).toBe(original);
  });
});

describe('num', () => {
  it('writes the shortest text of the number rounded to two decimals, as toString would', () => {
    const reference = (n: number) => (Math.round(n * 100) / 100).toString();
    const cases = [0, -0, 0.001, -0.001, 0.005, -0.005, 1.005, -1.005, 0.1, 0.07, -0.07, 12];
    cases.push(-12, 841.89, 595.28, 1e6 + 0.5, -3.999, 2.675, 1.455, 100, -100.1);
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
    for (let i = 0; i < 100_000; i++) cases.push((next() - 0.5) * 10 ** Math.floor(next() * 7));
    expect(cases.filter((n) => num(n) !== reference(n))).toEqual([]);
    expect([num(51.0249), num(-0.004), num(0.5), num(7)]).toEqual(['51.02', '0', '0.5', '7']);
  });
});
