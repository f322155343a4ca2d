import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const bin = new URL('../../../../main/cli/bin.mjs', import.meta.url).pathname;
const pkg = JSON.parse(
  readFileSync(new URL('../../../../package.json', import.meta.url), 'utf8'),
) as {
  version: string;
  bin: Record<string, string>;
};
const run = (...args: string[]) =>
  spawnSync(process.execPath, [bin, ...args], { encoding: 'utf8', timeout: 60_000 });

describe('roomcheck CLI', () => {
  it('is the package bin', () => {
    expect(pkg.bin.roomcheck).toBe('main/cli/bin.mjs');
  });

  it('prints its version', () => {
    expect(execFileSync(process.execPath, [bin, '--version'], { encoding: 'utf8' }).trim()).toBe(
      pkg.version,
    );
  });

  it('prints help with the command list and exits 0', () => {
    const r = run('--help');
    expect(r.status).toBe(0);
    expect(r.stdout).toMatch(/Usage: roomcheck <command>/);
  });

  it('refuses an unknown command with a plain sentence, exit 3 and no stack trace', () => {
    const r = run('frobnicate');
    expect(r.status).toBe(3);
    expect(r.stderr).toMatch(/unknown command "frobnicate"/);
    expect(r.stderr).not.toMatch(/\bat .+:\d+:\d+/);
  });
});
