import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { getConfig, validateConfiguration } from 'app-builder-lib/out/util/config/config.js';

// app-builder-lib's own loader and schema validator: the same code `electron-builder` runs
// before it builds (building itself needs a download of Electron, impossible here).

type Configuration = Awaited<ReturnType<typeof getConfig>>;
const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');
const quietLogger = { isEnabled: false, add: () => {} } as unknown as Parameters<
  typeof validateConfiguration
>[1];
const validate = (config: Configuration) => validateConfiguration(config, quietLogger);

let config: Configuration;

beforeAll(async () => {
  vi.spyOn(console, 'log').mockImplementation(() => {});
  config = await getConfig(ROOT, join(ROOT, 'electron-builder.yml'), null);
  vi.restoreAllMocks();
}, 30_000);

describe('electron-builder.yml', () => {
  it('passes app-builder-lib validation', async () => {
    await expect(validate(config)).resolves.toBeUndefined();
  });

  it('names the app and writes packages to out/dist', () => {
    expect(config.appId).toBe('org.roomcheck.app');
    expect(config.productName).toBe('Roomcheck');
    expect(config.directories?.output).toBe('out/dist');
  });

  it('builds AppImage + deb, NSIS + portable, and dmg', () => {
    expect(config.linux?.target).toEqual(['AppImage', 'deb']);
    expect(config.win?.target).toEqual(['nsis', 'portable']);
    expect(config.mac?.target).toEqual(['dmg']);
  });

  it('packs the bundles, the renderer and the report fonts into an asar, without node_modules', () => {
    expect(config.asar).toBe(true);
    const filters = (config.files as { filter: string[] }[]).flatMap((f) => f.filter);
    expect(filters).toEqual(
      expect.arrayContaining([
        'package.json',
        'out/main/**/*',
        'dist/renderer/**/*',
        'assets/fonts/**/*',
        '!node_modules/**/*',
      ]),
    );
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      main: string;
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    expect(pkg.main).toBe('out/main/main.cjs');
    expect(filters.some((f) => pkg.main.startsWith(f.replace('/**/*', '')))).toBe(true);
  });

  it('publishes nothing and ships no auto-updater', () => {
    expect(config.publish).toBeNull();
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as {
      dependencies?: Record<string, string>;
    };
    expect(Object.keys(pkg.dependencies ?? {})).not.toContain('electron-updater');
  });

  it('sets every Electron fuse for production', () => {
    expect(config.electronFuses).toEqual({
      runAsNode: false,
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      enableCookieEncryption: true,
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      grantFileProtocolExtraPrivileges: false,
    });
  });

  it('the validator rejects mutated configurations', async () => {
    const mutations: Record<string, unknown>[] = [
      { notAnOption: true },
      { electronFuses: { ...config.electronFuses, runAsNodeTypo: false } },
      { electronFuses: { ...config.electronFuses, runAsNode: 'off' } },
      { asar: 'yes' },
      { directories: { output: 'out/dist', unknownDir: 'x' } },
      { nsis: { oneClick: 'no' } },
    ];
    for (const mutation of mutations) {
      await expect(
        validate({ ...config, ...mutation } as Configuration),
        JSON.stringify(mutation),
      ).rejects.toThrow(/does not match the API schema/);
    }
  });
});
