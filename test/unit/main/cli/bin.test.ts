import { spawnSync } from 'node:child_process';
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  symlinkSync,
  utimesSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';

// main/cli/bin.mjs picks the bundle when it is at least as new as every source it was built
// from, and otherwise runs the sources through tsx with one sentence on stderr. Exercised in a
// throw-away project whose "bundle" and "sources" say which of them ran.

const projectRoot = new URL('../../../../', import.meta.url).pathname;
let dir: string;

function run() {
  return spawnSync(process.execPath, [join(dir, 'main', 'cli', 'bin.mjs'), '--version'], {
    encoding: 'utf8',
    timeout: 60_000,
  });
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'roomcheck-bin-'));
  mkdirSync(join(dir, 'main', 'cli'), { recursive: true });
  mkdirSync(join(dir, 'out', 'cli'), { recursive: true });
  symlinkSync(join(projectRoot, 'node_modules'), join(dir, 'node_modules'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "roomcheck", "type": "module" }');
  copyFileSync(join(projectRoot, 'main', 'cli', 'bin.mjs'), join(dir, 'main', 'cli', 'bin.mjs'));
  const fake = (what: string) =>
    `export async function main(args) { process.stdout.write('${what} ' + args.join(' ') + '\\n'); return 7; }\n`;
  writeFileSync(join(dir, 'main', 'cli', 'cli.ts'), fake('sources'));
  writeFileSync(join(dir, 'out', 'cli', 'cli.mjs'), fake('bundle'));
  writeFileSync(
    join(dir, 'out', 'cli', 'sources.json'),
    JSON.stringify({ sources: ['main/cli/cli.ts'] }),
  );
  const past = new Date(Date.now() - 60_000);
  utimesSync(join(dir, 'main', 'cli', 'cli.ts'), past, past);
});

afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('roomcheck bin', () => {
  it('runs the bundle, silently, when no source is newer', () => {
    const r = run();
    expect(r.stdout).toBe('bundle --version\n');
    expect(r.stderr).toBe('');
    expect(r.status).toBe(7);
  });

  it('runs the sources, and says why, when a source changed after the build', () => {
    const later = new Date(Date.now() + 60_000);
    utimesSync(join(dir, 'main', 'cli', 'cli.ts'), later, later);
    const r = run();
    expect(r.stdout).toBe('sources --version\n');
    expect(r.stderr).toMatch(/^roomcheck: the sources changed since the CLI bundle was built/);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.status).toBe(7);
  });

  it('runs the sources, and says why, when there is no bundle', () => {
    rmSync(join(dir, 'out'), { recursive: true });
    const r = run();
    expect(r.stdout).toBe('sources --version\n');
    expect(r.stderr).toMatch(/the CLI bundle \(out\/cli\) is missing.*npm run build:cli/);
    expect(r.status).toBe(7);
  });

  it('is built whenever the project is installed or built', () => {
    const pkg = JSON.parse(readFileSync(join(projectRoot, 'package.json'), 'utf8')) as {
      scripts: Record<string, string>;
    };
    expect(pkg.scripts.prepare).toBe('tsx main/scripts/build-cli.ts');
    expect(pkg.scripts.build).toContain('npm run build:cli');
  });
});
