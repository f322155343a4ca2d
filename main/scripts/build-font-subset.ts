// Builds the renderer's web font ("Roomcheck Sans" in renderer/styles.css): subsets of Noto
// Sans SC (Regular and Bold) cut to Latin and GB2312, so the Chinese UI renders on an
// air-gapped laptop without a CJK system font, at 2.3 MB per face instead of 10.5 MB. Reports
// do not use these: they embed the full fonts per document (see assets/fonts/README.md).
//
// The source TTFs (~10.5 MB each, 96 MB package) are fetched with `npm pack` into a temp
// directory so they never enter package.json and `npm ci` stays small.
//
// Run: npx tsx main/scripts/build-font-subset.ts

import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import subsetFont from 'subset-font';
import { findProjectRoot } from '../report/project-root.ts';
import { subsetCodePoints } from './font-subset-charset.ts';

/** Pinned so that rebuilding gives the same glyphs as the committed subset. */
const SOURCE_PACKAGE = '@expo-google-fonts/noto-sans-sc@0.4.3';
const FACES = [
  { source: '400Regular/NotoSansSC_400Regular.ttf', out: 'NotoSansSC-Regular-subset.ttf' },
  { source: '700Bold/NotoSansSC_700Bold.ttf', out: 'NotoSansSC-Bold-subset.ttf' },
] as const;

async function main(): Promise<void> {
  const root = findProjectRoot(import.meta.url);
  const outDir = join(root, 'assets', 'fonts');
  const work = mkdtempSync(join(tmpdir(), 'roomcheck-font-'));
  try {
    console.log(`Fetching ${SOURCE_PACKAGE} (about 57 MB) into ${work} ...`);
    const tarball = execFileSync('npm', ['pack', SOURCE_PACKAGE, '--silent'], {
      cwd: work,
      encoding: 'utf8',
    }).trim();
    const members = [...FACES.map((f) => `package/${f.source}`), 'package/LICENSE_FONT'];
    execFileSync('tar', ['-xzf', tarball, ...members], { cwd: work });

    const text = String.fromCodePoint(...subsetCodePoints());
    for (const face of FACES) {
      const source = readFileSync(join(work, 'package', face.source));
      const started = performance.now();
      const subset = await subsetFont(source, text, {
        targetFormat: 'sfnt',
        // Copyright, licence description and licence URL: the OFL travels with the font.
        preserveNameIds: [0, 13, 14],
        // jsPDF neither hints nor shapes: hinting and GSUB closure only add bytes.
        noHinting: true,
        noLayoutClosure: true,
      });
      writeFileSync(join(outDir, face.out), subset);
      const ms = Math.round(performance.now() - started);
      console.log(`${face.out}: ${(subset.length / 1e6).toFixed(2)} MB in ${ms} ms`);
    }
    console.log(`code points requested: ${[...text].length} (licence: OFL-NotoSansSC.txt)`);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
}

await main();
