import { mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

// Bundles the CLI into ES modules, out/cli/cli.mjs and the chunks it loads per command, so
// `roomcheck` starts in a fraction of a second instead of transpiling its TypeScript through
// tsx at every start; split so that `--version` loads almost nothing and `verify` only the
// verifier. Run by `npm ci`
// and `npm install` (the "prepare" script) and by `npm run build`. Next to the bundle,
// sources.json lists the project files it was built from: main/cli/bin.mjs runs the bundle
// only while none of them is newer, and otherwise the sources (a checkout being edited).

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');

export type BuildCliResult = { bundlePath: string; sourcesPath: string; sources: string[] };

export async function buildCli(projectRoot = PROJECT_ROOT): Promise<BuildCliResult> {
  const outDir = join(projectRoot, 'out', 'cli');
  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  const bundlePath = join(outDir, 'cli.mjs');
  // Imported here, so that an install without dev dependencies (no esbuild) can still run
  // this as its "prepare" step: it then says so and the CLI runs from its sources.
  const { build } = await import('esbuild');
  const result = await build({
    absWorkingDir: projectRoot,
    entryPoints: { cli: join(projectRoot, 'main', 'cli', 'cli.ts') },
    outdir: outDir,
    outExtension: { '.js': '.mjs' },
    chunkNames: 'chunks/[name]-[hash]',
    splitting: true,
    minify: true,
    // Readable names in the stack traces ROOMCHECK_DEBUG prints.
    keepNames: true,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    metafile: true,
    logLevel: 'silent',
    legalComments: 'none',
    // jsPDF's optional browser-only helpers (HTML rendering, SVG) are never used here.
    external: ['electron', 'canvg', 'html2canvas', 'dompurify'],
    // CommonJS dependencies inside an ES module bundle still call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __roomcheckCreateRequire } from 'node:module'; const require = __roomcheckCreateRequire(import.meta.url);",
    },
  });
  const sources = Object.keys(result.metafile.inputs)
    .map((input) => relative(projectRoot, resolve(projectRoot, input)))
    .filter((input) => !input.startsWith('node_modules'))
    .sort();
  const sourcesPath = join(outDir, 'sources.json');
  writeFileSync(sourcesPath, `${JSON.stringify({ sources }, null, 1)}\n`);
  return { bundlePath, sourcesPath, sources };
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  const started = Date.now();
  buildCli().then(
    (r) => console.log(`built ${r.bundlePath} in ${Date.now() - started} ms`),
    (err: unknown) => {
      if ((err as { code?: string }).code === 'ERR_MODULE_NOT_FOUND') {
        console.warn(
          'esbuild is not installed (an install without dev dependencies), so the CLI is not bundled; roomcheck runs from its sources.',
        );
        return;
      }
      console.error(err instanceof Error ? err.message : err);
      process.exitCode = 1;
    },
  );
}
