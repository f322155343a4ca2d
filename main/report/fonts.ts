import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { findProjectRoot } from './project-root.ts';

export type ReportFonts = { regular: Uint8Array; bold?: Uint8Array };

export const REPORT_FONT_FILES = {
  regular: 'NotoSansSC-Regular-subset.ttf',
  bold: 'NotoSansSC-Bold-subset.ttf',
} as const;

function fontDir(): string {
  return join(findProjectRoot(import.meta.url), 'assets', 'fonts');
}

/** Where the font files are, for tools that read them by path (e.g. fc-query in tests). */
export function reportFontPaths(): { regular: string; bold: string } {
  const dir = fontDir();
  return { regular: join(dir, REPORT_FONT_FILES.regular), bold: join(dir, REPORT_FONT_FILES.bold) };
}

let cached: ReportFonts | undefined;

/** The report's embedded fonts (built by main/scripts/build-font-subset.ts), read once. */
export function loadReportFonts(): ReportFonts {
  if (cached) return cached;
  const dir = fontDir();
  const read = (file: string): Uint8Array => {
    try {
      return new Uint8Array(readFileSync(join(dir, file)));
    } catch (err) {
      const reason = err instanceof Error ? err.message : String(err);
      throw new Error(
        `The report font ${file} is missing from ${dir} (${reason}); rebuild it with "npx tsx main/scripts/build-font-subset.ts".`,
      );
    }
  };
  cached = { regular: read(REPORT_FONT_FILES.regular), bold: read(REPORT_FONT_FILES.bold) };
  return cached;
}
