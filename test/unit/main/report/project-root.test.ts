import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadReportFonts, reportFontPaths } from '../../../../main/report/fonts.ts';
import { findProjectRoot } from '../../../../main/report/project-root.ts';

describe('findProjectRoot', () => {
  it('finds the roomcheck package from any module inside it, whatever the working directory', () => {
    const root = findProjectRoot(import.meta.url);
    expect(existsSync(join(root, 'assets', 'fonts', 'OFL-NotoSansSC.txt'))).toBe(true);
    const deep = pathToFileURL(join(root, 'shared', 'report', 'x', 'y.ts')).href;
    expect(findProjectRoot(deep)).toBe(root);
  });

  it('says where it looked when there is no project above', () => {
    expect(() => findProjectRoot('file:///tmp/not-a-project/module.js')).toThrow(
      /Cannot find the Roomcheck project directory above file:\/\/\/tmp\/not-a-project/,
    );
  });
});

describe('loadReportFonts', () => {
  it('loads the four TrueType faces (sfnt version 1.0) once and reuses them', () => {
    const fonts = loadReportFonts();
    const all = [...fonts.regular, ...(fonts.bold ?? [])];
    expect(all).toHaveLength(4);
    for (const face of all) {
      expect(face).toBeInstanceOf(Uint8Array);
      expect([...face.subarray(0, 4)]).toEqual([0, 1, 0, 0]);
    }
    expect(loadReportFonts()).toBe(fonts);
    const paths = reportFontPaths();
    expect([...paths.regular, ...paths.bold].every((p) => existsSync(p))).toBe(true);
  });
});
