import { chmodSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { findElectronRuntime } from '../../../../main/scripts/electron-runtime.ts';

let project: string;
let electronDir: string;
let marker: string;

beforeEach(() => {
  project = mkdtempSync(join(tmpdir(), 'roomcheck-runtime-'));
  writeFileSync(join(project, 'package.json'), '{"name":"p"}');
  electronDir = join(project, 'node_modules', 'electron');
  mkdirSync(electronDir, { recursive: true });
  marker = join(project, 'download-attempted');
  writeFileSync(join(electronDir, 'package.json'), '{"name":"electron","main":"index.js"}');
  // If anything loaded the package the way `require('electron')` does, it would try to
  // download the runtime; these files record that attempt.
  const record = `require('fs').writeFileSync(${JSON.stringify(marker)}, 'x');`;
  writeFileSync(join(electronDir, 'index.js'), `${record}\nmodule.exports = 'x';`);
  writeFileSync(join(electronDir, 'install.js'), record);
});

afterEach(() => {
  expect(existsSync(marker), 'detection must never load or install the electron package').toBe(
    false,
  );
  rmSync(project, { recursive: true, force: true });
});

describe('findElectronRuntime', () => {
  it('reports a package that is not installed', () => {
    rmSync(electronDir, { recursive: true });
    expect(findElectronRuntime(project, {})).toEqual({
      available: false,
      reason: 'the electron package is not installed',
    });
  });

  it('reports a runtime that was never downloaded (path.txt missing)', () => {
    const result = findElectronRuntime(project, {});
    expect(result.available).toBe(false);
    expect(!result.available && result.reason).toMatch(/never downloaded/);
  });

  it('reports a binary named in path.txt that is not on disk', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    const result = findElectronRuntime(project, {});
    expect(result.available).toBe(false);
    expect(!result.available && result.reason).toContain(join(electronDir, 'dist', 'electron'));
  });

  it('finds the downloaded binary under dist/', () => {
    writeFileSync(join(electronDir, 'path.txt'), 'electron');
    mkdirSync(join(electronDir, 'dist'));
    writeFileSync(join(electronDir, 'dist', 'electron'), '');
    chmodSync(join(electronDir, 'dist', 'electron'), 0o755);
    expect(findElectronRuntime(project, {})).toEqual({
      available: true,
      executable: join(electronDir, 'dist', 'electron'),
    });
  });

  it('honours ELECTRON_OVERRIDE_DIST_PATH like the electron package does', () => {
    const custom = join(project, 'custom-electron');
    mkdirSync(custom);
    writeFileSync(join(custom, 'electron'), '');
    expect(findElectronRuntime(project, { ELECTRON_OVERRIDE_DIST_PATH: custom })).toEqual({
      available: true,
      executable: join(custom, 'electron'),
    });
    expect(
      findElectronRuntime(project, { ELECTRON_OVERRIDE_DIST_PATH: join(project, 'nope') })
        .available,
    ).toBe(false);
  });
});
