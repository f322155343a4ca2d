// Runs @doyensec/electronegativity over a directory, offline, and writes its CSV report.
// Usage: node --import tsx run-electronegativity.ts <input dir> <output.csv> <electron version>
// Prints {"issues": n, "errors": [...]} on stdout.
//
// Three things differ from its CLI, each because of the tool, not of our code:
// - Its start-up fetches translations from S3 (1 s timeout). The i18n module is replaced with
//   the same configuration over the translations it ships, so nothing goes to the network.
// - AvailableSecurityFixesGlobalCheck downloads Electron's release list; the caller excludes it.
// - It writes the CSV header and the rows with two concurrent fs.writeFile calls ('w' then
//   'a'); when the header lands second it overwrites the first finding. Writes to the output
//   file are made synchronous here, so the rows always follow the header.
import fs from 'node:fs';
import Module, { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';

const [input, output, electronVersion, exclude = ''] = process.argv.slice(2);
if (!input || !output || !electronVersion) {
  console.error('usage: run-electronegativity.ts <input dir> <output.csv> <electron version>');
  process.exit(2);
}

const require = createRequire(join(process.cwd(), 'package.json'));
const packageDir = dirname(require.resolve('@doyensec/electronegativity/package.json'));
const localesDir = join(packageDir, 'dist', 'locales');
const i18n = createRequire(join(packageDir, 'package.json'))('i18n') as {
  configure: (options: object) => void;
  setLocale: (locale: string) => void;
};

const i18nModulePath = join(localesDir, 'i18n.js');
const offlineI18n = new Module(i18nModulePath);
offlineI18n.filename = i18nModulePath;
offlineI18n.loaded = true;
offlineI18n.exports = {
  __esModule: true,
  default: async () => {
    i18n.configure({
      locales: ['en-US'],
      defaultLocale: 'en-US',
      directory: localesDir,
      updateFiles: false,
      objectNotation: true,
      retryInDefaultLocale: true,
      register: globalThis,
    });
    i18n.setLocale('en-US');
  },
};
require.cache[i18nModulePath] = offlineI18n;

const outputPath = resolve(output);
const asyncWriteFile = fs.writeFile;
(fs as { writeFile: unknown }).writeFile = (
  file: fs.PathOrFileDescriptor,
  data: string,
  ...rest: unknown[]
) => {
  const callback = rest.pop() as (err: Error | null) => void;
  if (typeof file === 'string' && resolve(file) === outputPath) {
    const options = (rest[0] ?? {}) as fs.WriteFileOptions;
    try {
      fs.writeFileSync(file, data, options);
      callback(null);
    } catch (err) {
      callback(err as Error);
    }
    return;
  }
  (asyncWriteFile as (...args: unknown[]) => void)(file, data, ...rest, callback);
};

type RunResult = {
  issues: unknown[];
  errors: { file: string; message: string; tolerable: boolean }[];
};
const runner = require(join(packageDir, 'dist', 'runner.js')) as
  | ((options: object, forCli: boolean) => Promise<RunResult>)
  | { default: (options: object, forCli: boolean) => Promise<RunResult> };
const run = typeof runner === 'function' ? runner : runner.default;

run(
  {
    input: resolve(input),
    output: outputPath,
    isSarif: false,
    customScan: [],
    excludeFromScan: exclude ? exclude.split(',') : [],
    isRelative: true,
    isVerbose: true,
    electronVersionOverride: electronVersion,
    parserPlugins: [],
  },
  false,
).then(
  (result) => {
    process.stdout.write(JSON.stringify({ issues: result.issues.length, errors: result.errors }));
  },
  (err: unknown) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exit(1);
  },
);
