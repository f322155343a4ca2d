import { build, type Message } from 'esbuild';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type BuildMainOptions = {
  projectRoot?: string;
  /** Defaults to <projectRoot>/out/main (package.json "main" points at out/main/main.cjs). */
  outDir?: string;
};

export type BuildMainResult = {
  mainPath: string;
  preloadPath: string;
  /** The verifier's worker thread, started by main next to main.cjs. */
  verifyWorkerPath: string;
  warnings: Message[];
  /** Every module each bundle still requires at run time, by output file. */
  requires: Record<string, string[]>;
};

/**
 * Bundles the Electron entry, the preload and the verifier's worker into self-contained
 * CommonJS files: only
 * `electron` (and, for main, Node built-ins) stay external. The preload must be one file, as a
 * sandboxed preload cannot require anything but a few Electron modules.
 */
export async function buildMain(options: BuildMainOptions = {}): Promise<BuildMainResult> {
  const root = options.projectRoot ?? PROJECT_ROOT;
  const outDir = options.outDir ?? join(root, 'out', 'main');
  const result = await build({
    absWorkingDir: root,
    entryPoints: {
      main: join(root, 'main', 'electron', 'main.ts'),
      preload: join(root, 'main', 'electron', 'preload.ts'),
      'verify-worker': join(root, 'main', 'verify', 'verify-worker.ts'),
    },
    outdir: outDir,
    outExtension: { '.js': '.cjs' },
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    external: ['electron'],
    sourcemap: 'linked',
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    // Modules that find files next to themselves (report fonts, demo photos) use
    // import.meta.url, which CommonJS lacks: give it the bundle's own file URL. Not in the
    // sandboxed preload (process.type 'renderer'), which may not require node:url.
    define: { 'import.meta.url': '__roomcheckModuleUrl' },
    banner: {
      js: "var __roomcheckModuleUrl = typeof process === 'object' && process.type !== 'renderer' ? require('node:url').pathToFileURL(__filename).href : '';",
    },
  });
  const requires: Record<string, string[]> = {};
  for (const [file, output] of Object.entries(result.metafile.outputs)) {
    if (!file.endsWith('.cjs')) continue;
    requires[resolve(root, file)] = [
      ...new Set(output.imports.filter((i) => i.external).map((i) => i.path)),
    ].sort();
  }
  return {
    mainPath: join(outDir, 'main.cjs'),
    preloadPath: join(outDir, 'preload.cjs'),
    verifyWorkerPath: join(outDir, 'verify-worker.cjs'),
    warnings: result.warnings,
    requires,
  };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = Date.now();
  buildMain().then(
    (result) => {
      for (const w of result.warnings) console.warn(`warning: ${w.text}`);
      console.log(
        `built ${result.mainPath} and ${result.preloadPath} in ${Date.now() - started} ms`,
      );
    },
    (err: unknown) => {
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
