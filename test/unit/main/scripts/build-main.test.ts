import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildMain, type BuildMainResult } from '../../../../main/scripts/build-main.ts';
import { CALL_NAMES } from '../../../../shared/bridge/contract.ts';

const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');
let outDir: string;
let result: BuildMainResult;

beforeAll(async () => {
  outDir = mkdtempSync(join(tmpdir(), 'roomcheck-build-main-'));
  result = await buildMain({ outDir });
}, 60_000);
afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/**
 * Runs a bundle in a plain Node process with `require('electron')` answered by a recorder, so
 * the test exercises the real CommonJS output, not the TypeScript sources.
 */
function runWithFakeElectron(bundle: string): Record<string, unknown> {
  const harness = `
    const Module = require('node:module');
    const { EventEmitter } = require('node:events');
    const calls = [];
    const rec = (name, ret) => (...args) => { calls.push([name, ...args.map((a) => typeof a === 'function' ? '[fn]' : a)]); return ret; };
    const app = Object.assign(new EventEmitter(), {
      isPackaged: true,
      enableSandbox: rec('app.enableSandbox'),
      commandLine: { appendSwitch: rec('app.commandLine.appendSwitch') },
      requestSingleInstanceLock: rec('app.requestSingleInstanceLock', true),
      whenReady: () => new Promise(() => {}),
      quit: rec('app.quit'),
    });
    const fake = {
      app,
      protocol: { registerSchemesAsPrivileged: rec('protocol.registerSchemesAsPrivileged'), handle: rec('protocol.handle') },
      contextBridge: { exposeInMainWorld: (key, api) => calls.push(['contextBridge.exposeInMainWorld', key, Object.keys(api)]) },
      ipcRenderer: { invoke: rec('ipcRenderer.invoke') },
      session: {}, dialog: {}, ipcMain: {}, BrowserWindow: function () {},
    };
    const load = Module._load;
    Module._load = function (request, ...rest) {
      return request === 'electron' ? fake : load.call(this, request, ...rest);
    };
    require(${JSON.stringify(bundle)});
    process.stdout.write(JSON.stringify({ calls }));
  `;
  return JSON.parse(execFileSync(process.execPath, ['-e', harness], { encoding: 'utf8' }));
}

describe('build of main and preload', () => {
  it('writes out/main/main.cjs and preload.cjs without warnings, as package.json expects', () => {
    expect(result.warnings).toEqual([]);
    expect(result.mainPath).toBe(join(outDir, 'main.cjs'));
    expect(result.preloadPath).toBe(join(outDir, 'preload.cjs'));
    expect(existsSync(result.mainPath)).toBe(true);
    expect(existsSync(result.preloadPath)).toBe(true);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { main: string };
    expect(pkg.main).toBe('out/main/main.cjs');
  });

  it('leaves only electron external in the preload (a sandboxed preload can require nothing else)', () => {
    expect(result.requires[result.preloadPath]).toEqual(['electron']);
  });

  it('bundles everything into main but electron and Node built-ins', () => {
    const external = result.requires[result.mainPath] ?? [];
    expect(external).toContain('electron');
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(external.filter((m) => m !== 'electron' && !builtins.has(m))).toEqual([]);
  });

  it('the bundled main registers the sandbox, scheme and lock at load, in CommonJS', () => {
    const { calls } = runWithFakeElectron(result.mainPath) as { calls: unknown[][] };
    const names = calls.map((c) => c[0]);
    expect(names).toEqual([
      'app.enableSandbox',
      'app.commandLine.appendSwitch',
      'app.commandLine.appendSwitch',
      'protocol.registerSchemesAsPrivileged',
      'app.requestSingleInstanceLock',
    ]);
    const scheme = calls.find((c) => c[0] === 'protocol.registerSchemesAsPrivileged');
    expect(scheme?.[1]).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });

  it('the bundled verifier worker runs in a plain Node worker thread and answers with a verdict', () => {
    const harness = `
      const { Worker } = require('node:worker_threads');
      const w = new Worker(${JSON.stringify(result.verifyWorkerPath)});
      const bytes = new TextEncoder().encode('%PDF-1.7\\nnot really a pdf');
      w.on('message', (m) => { process.stdout.write(JSON.stringify(m.result.verdict)); w.terminate(); });
      w.postMessage({ id: 1, bytes, options: { trustAnchors: [] } });
    `;
    const verdict = JSON.parse(
      execFileSync(process.execPath, ['-e', harness], { encoding: 'utf8' }),
    );
    expect(verdict).toMatchObject({ status: 'invalid', code: 'damaged' });
    const external = result.requires[result.verifyWorkerPath] ?? [];
    const builtins = new Set([...builtinModules, ...builtinModules.map((m) => `node:${m}`)]);
    expect(external.filter((m) => !builtins.has(m))).toEqual([]);
  });

  it('the bundled preload exposes exactly the contract calls on window.roomcheck', () => {
    const { calls } = runWithFakeElectron(result.preloadPath) as { calls: unknown[][] };
    expect(calls).toHaveLength(1);
    const [what, key, names] = calls[0] as [string, string, string[]];
    expect([what, key]).toEqual(['contextBridge.exposeInMainWorld', 'roomcheck']);
    // The same set of methods as the contract's calls, in whatever order the preload lists them.
    expect([...names].sort()).toEqual([...CALL_NAMES].sort());
  });
});
