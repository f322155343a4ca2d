import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import { CALL_NAMES, IPC_CHANNEL_PREFIX } from '../../../../shared/bridge/contract.ts';
import type { FakeElectron } from './support/fake-electron.ts';

vi.mock('electron', async () => (await import('./support/fake-electron.ts')).createFakeElectron());
const { contextBridge, ipcRenderer } = electron as unknown as FakeElectron;

const ROOT = resolve(import.meta.dirname, '..', '..', '..', '..');

async function loadExposed(): Promise<Record<string, unknown>> {
  await import('../../../../main/electron/preload.ts');
  expect(contextBridge.exposeInMainWorld).toHaveBeenCalledTimes(1);
  const [key, api] = contextBridge.exposeInMainWorld.mock.calls[0] as unknown as [
    string,
    Record<string, unknown>,
  ];
  expect(key).toBe('roomcheck');
  return api;
}

describe('preload', () => {
  it('exposes exactly one function per contract call and nothing else', async () => {
    const api = await loadExposed();
    expect(Object.keys(api).sort()).toEqual([...CALL_NAMES].sort());
    for (const value of Object.values(api)) {
      expect(typeof value).toBe('function');
      expect(value).not.toBe(ipcRenderer);
      expect(value).not.toBe(ipcRenderer.invoke);
      expect(value).not.toBe(ipcRenderer.send);
    }
  });

  it('binds each method to its own channel and forwards only the request', async () => {
    const api = await loadExposed();
    for (const name of CALL_NAMES) {
      ipcRenderer.invoke.mockClear();
      const request = { probe: name };
      const method = api[name] as (...args: unknown[]) => Promise<unknown>;
      await method(request, 'roomcheck:other', { extra: true });
      expect(ipcRenderer.invoke).toHaveBeenCalledTimes(1);
      expect(ipcRenderer.invoke).toHaveBeenCalledWith(IPC_CHANNEL_PREFIX + name, request);
    }
    expect(ipcRenderer.send).not.toHaveBeenCalled();
  });
});

function filesUnder(dir: string): string[] {
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return [];
  }
  return entries.flatMap((name) => {
    const path = join(dir, name);
    if (name === 'node_modules') return [];
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

describe('ipcRenderer never reaches the page (source scan)', () => {
  it('the preload uses ipcRenderer only to invoke its bound channel', () => {
    const source = readFileSync(join(ROOT, 'main', 'electron', 'preload.ts'), 'utf8');
    const code = source.replace(/\/\/.*$/gm, '').replace(/\/\*[\s\S]*?\*\//g, '');
    expect(code.match(/exposeInMainWorld\(/g)).toHaveLength(1);
    expect(code).toMatch(/exposeInMainWorld\('roomcheck', api\)/);
    // Only two lines may name it: the import, and the `invoke` on the channel bound by `call`.
    const lines = code.split('\n').filter((line) => /\bipcRenderer\b/.test(line));
    expect(lines.map((line) => line.trim())).toEqual([
      "import { contextBridge, ipcRenderer } from 'electron';",
      'ipcRenderer.invoke(channel, request) as Promise<BridgeResult<N>>;',
    ]);
    for (const forbidden of ['.send(', 'sendSync', '.on(', '.once(', 'postMessage', 'webFrame']) {
      expect(code, forbidden).not.toContain(forbidden);
    }
  });

  it('no renderer file mentions ipcRenderer or imports electron', () => {
    for (const file of filesUnder(join(ROOT, 'renderer'))) {
      if (!/\.(ts|tsx|js|mjs|cjs|html)$/.test(file)) continue;
      const text = readFileSync(file, 'utf8');
      expect(text, file).not.toMatch(/ipcRenderer/);
      expect(text, file).not.toMatch(/from\s+['"]electron['"]|require\(\s*['"]electron['"]\s*\)/);
    }
  });
});
