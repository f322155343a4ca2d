import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

// Poppler and qpdf as independent judges of the PDFs the report builder makes.

export type Word = {
  page: number;
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
};

export function withPdfFile<T>(bytes: Uint8Array, use: (path: string) => T): T {
  const dir = mkdtempSync(join(tmpdir(), 'roomcheck-report-'));
  try {
    const path = join(dir, 'report.pdf');
    writeFileSync(path, bytes);
    return use(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The text of each page (pdftotext separates pages with form feeds). */
export function pageTexts(bytes: Uint8Array): string[] {
  const text = withPdfFile(bytes, (path) =>
    execFileSync('pdftotext', ['-enc', 'UTF-8', path, '-'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    }),
  );
  const pages = text.split('\f');
  if (pages[pages.length - 1]?.trim() === '') pages.pop();
  return pages;
}

export function pdfInfo(bytes: Uint8Array): Record<string, string> {
  const out = withPdfFile(bytes, (path) => execFileSync('pdfinfo', [path], { encoding: 'utf8' }));
  return Object.fromEntries(
    out
      .split('\n')
      .map((line) => /^([^:]+):\s*(.*)$/.exec(line))
      .filter((m): m is RegExpExecArray => m !== null)
      .map((m) => [m[1] ?? '', m[2] ?? '']),
  );
}

/** Exit status and output of `qpdf --check`. */
export function qpdfCheck(bytes: Uint8Array): { status: number; output: string } {
  return withPdfFile(bytes, (path) => {
    try {
      const output = execFileSync('qpdf', ['--check', path], { encoding: 'utf8' });
      return { status: 0, output };
    } catch (err) {
      const e = err as { status?: number; stdout?: string; stderr?: string };
      return { status: e.status ?? -1, output: `${e.stdout ?? ''}${e.stderr ?? ''}` };
    }
  });
}

/** Every word with its box in points, from `pdftotext -bbox`. */
export function words(bytes: Uint8Array): { pageWidth: number; pageHeight: number; words: Word[] } {
  const html = withPdfFile(bytes, (path) =>
    execFileSync('pdftotext', ['-bbox', '-enc', 'UTF-8', path, '-'], {
      encoding: 'utf8',
      maxBuffer: 1 << 28,
    }),
  );
  const out: Word[] = [];
  let pageWidth = 0;
  let pageHeight = 0;
  let page = 0;
  for (const line of html.split('\n')) {
    const p = /<page width="([\d.]+)" height="([\d.]+)">/.exec(line);
    if (p) {
      page++;
      pageWidth = Number(p[1]);
      pageHeight = Number(p[2]);
      continue;
    }
    const w =
      /<word xMin="([\d.-]+)" yMin="([\d.-]+)" xMax="([\d.-]+)" yMax="([\d.-]+)">(.*)<\/word>/.exec(
        line,
      );
    if (w) {
      out.push({
        page,
        xMin: Number(w[1]),
        yMin: Number(w[2]),
        xMax: Number(w[3]),
        yMax: Number(w[4]),
        text: w[5] ?? '',
      });
    }
  }
  return { pageWidth, pageHeight, words: out };
}
