import { describe, expect, it } from 'vitest';
import { loadReportFonts } from '../../../../main/report/fonts.ts';
import { countersignReason } from '../../../../main/signing/countersign.ts';
import { makeDemoAudit } from '../../../../shared/demo/demo-audit.ts';
import { buildReportPdf } from '../../../../shared/report/build-report.ts';

// The countersignature's reason is written in the report's language: a Chinese report was
// countersigned "Approved" (issue 12).

describe('countersignature reason', () => {
  const now = new Date('2026-06-15T09:00:00.000Z');
  const report = (language: 'en' | 'zh') =>
    buildReportPdf(makeDemoAudit({ seed: 5, now, language }), {
      fonts: loadReportFonts(),
      generatedAt: now.toISOString(),
      signature: null,
    }).bytes;

  it('follows the report language (/Lang), English for what cannot be read', () => {
    expect(countersignReason(report('zh'))).toBe('审批同意');
    expect(countersignReason(report('en'))).toBe('Approved');
    expect(countersignReason(new TextEncoder().encode('not a pdf'))).toBe('Approved');
  });
});
