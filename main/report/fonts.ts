import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ReportFonts } from '../../shared/report/pdf-canvas.ts';
import { findProjectRoot } from './project-root.ts';

// The report's fonts: full Noto Sans SC (every character it has, not a fixed cut) with Noto
// Sans behind it for the Latin letters Noto Sans SC lacks. Each report embeds only the glyphs
// it uses (shared/report/ttf-subset.ts). See assets/fonts/README.md.

export const REPORT_FONT_FILES = {
  regular: ['NotoSansSC-Regular.ttf', 'NotoSans-Regular.ttf'],
  bold: ['NotoSansSC-Bold.ttf', 'NotoSans-Bold.ttf'],
} as const;

function fontDir(): string {
  return join(findProjectRoot(import.meta.url), 'assets', 'fonts');
}

/** Where the font files are, for tools that read them by path (e.g. fc-query in tests). */
export function reportFontPaths(): { regular: string[]; bold: string[] } {
  const dir = fontDir();
  return {
    regular: REPORT_FONT_FILES.regular.map((f) => join(dir, f)),
    bold: REPORT_FONT_FILES.bold.map((f) => join(dir, f)),
  };
}

let cached: ReportFonts | undefined;

/** The report's fonts in fallback order per style, read once per process. */
export function loadReportFonts(): ReportFonts {
  if (cached) return cached;
  const dir = fontDir();
  const read = (file: string): Uint8Array => {
    try {
      return new Uint8Array(readFileSync(join(dir, file)));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(
        `The report font ${file} is missing from ${dir} (${reason}); restore it with "npx tsx main/scripts/fetch-report-fonts.ts".`,
      );
    }
  };
  cached = {
    regular: REPORT_FONT_FILES.regular.map(read),
    bold: REPORT_FONT_FILES.bold.map(read),
  };
  return cached;
}
