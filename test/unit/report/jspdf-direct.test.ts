import { jsPDF } from 'jspdf';
import { describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../../main/report/fonts.ts';
import { readFontCoverage } from '../../../shared/report/font-coverage.ts';
import { withFastFlate } from '../../../shared/report/jspdf-direct.ts';
import { ReportCanvas } from '../../../shared/report/pdf-canvas.ts';
import { EN } from '../../../shared/report/strings.ts';
import { pageTexts, qpdfCheck } from './pdf-tools.ts';

const fonts = loadReportFonts();

describe('direct text writing', () => {
  it('draws every character of the font so that poppler reads each one back', () => {
    // Glyph ids of 7,860 characters include every byte value, ( ) \ CR and LF among them:
    // a wrong escape in the literal strings would change or lose characters here.
    const coverage = [...readFontCoverage(fonts.regular)].filter(
      (cp) => cp > 0x20 && cp !== 0xa0 && cp !== 0xad && !(cp >= 0x2000 && cp <= 0x200f),
    );
    const canvas = new ReportCanvas(fonts, EN);
    const perLine = 40;
    for (let i = 0; i < coverage.length; i += perLine) {
      canvas.ensure(6);
      const line = String.fromCodePoint(...coverage.slice(i, i + perLine))
        .split('')
        .join(' ');
      canvas.textAt(line, canvas.page.left, canvas.y, { size: 6, bold: i % 80 === 0 });
      canvas.y += 3;
    }
    canvas.assertCovered();
    const bytes = canvas.output();
    expect(qpdfCheck(bytes).status).toBe(0);
    const read = new Set([...pageTexts(bytes).join('')].map((ch) => ch.codePointAt(0)));
    const lost = coverage.filter((cp) => !read.has(cp));
    // A few characters share a glyph with a lower code point (U+2010 with the hyphen...),
    // which extraction returns instead; and pdftotext turns U+3000 into a plain space.
    expect(lost.length, lost.map((cp) => cp.toString(16)).join(' ')).toBeLessThan(12);
    expect(read.has(0x2d)).toBe(true); // the ASCII hyphen is never given away
  }, 120_000);
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
