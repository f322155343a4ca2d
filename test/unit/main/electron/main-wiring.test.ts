import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { IPC_CHANNEL_PREFIX } from '../../../../shared/bridge/contract.ts';
import { FakeWebContents, resetFakeElectron, type FakeElectron } from './support/fake-electron.ts';

vi.mock('electron', async () => (await import('./support/fake-electron.ts')).createFakeElectron());
const files = vi.hoisted(() => ({ rendererDir: '', preloadPath: '/bundle/preload.cjs' }));
vi.mock('../../../../main/app-files.ts', () => ({ locateAppFiles: () => files }));

let base: string;
beforeAll(() => {
  base = mkdtempSync(join(tmpdir(), 'roomcheck-main-'));
  mkdirSync(join(base, 'renderer'));
  writeFileSync(join(base, 'renderer', 'index.html'), '<!doctype html>');
});
afterAll(() => rmSync(base, { recursive: true, force: true }));

beforeEach(() => {
  vi.resetModules();
  files.rendererDir = join(base, 'renderer');
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  vi.spyOn(console, 'error').mockImplementation(() => {});
});

/** Loads main.ts against a fresh fake Electron whose `ready` the test releases. */
async function startMain(options: { lock?: boolean } = {}) {
  const electron = (await import('electron')) as unknown as FakeElectron;
  resetFakeElectron(electron);
  let release!: () => void;
  const ready = new Promise<void>((resolve) => (release = resolve));
  electron.app.whenReady.mockReturnValue(ready);
  electron.app.requestSingleInstanceLock.mockReturnValue(options.lock ?? true);
  await import('../../../../main/electron/main.ts');
  const becomeReady = async () => {
    release();
    await new Promise((resolve) => setTimeout(resolve, 20));
  };
  return { electron, becomeReady };
}

describe('main.ts wiring', () => {
  it('sets the sandbox, switches, scheme and guards before ready, and no window yet', async () => {
    const { electron } = await startMain();
    const { app, protocol, ipcMain } = electron;
    expect(app.enableSandbox).toHaveBeenCalledTimes(1);
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('disable-http-cache');
    expect(app.commandLine.appendSwitch).toHaveBeenCalledWith('disable-quic');
    expect(protocol.registerSchemesAsPrivileged).toHaveBeenCalledTimes(1);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    // All of it before main even asks to wait for ready.
    const readyOrder = app.whenReady.mock.invocationCallOrder[0] ?? 0;
    for (const fn of [app.enableSandbox, protocol.registerSchemesAsPrivileged]) {
      expect(fn.mock.invocationCallOrder[0]).toBeLessThan(readyOrder);
    }
    expect(app.listenerCount('web-contents-created')).toBeGreaterThanOrEqual(1);
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(protocol.handle).not.toHaveBeenCalled();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('on ready installs the session policies, app://, the IPC bridge, then the window', async () => {
    const { electron, becomeReady } = await startMain();
    await becomeReady();
    const { app, protocol, ipcMain, session } = electron;
    const ses = session.defaultSession;
    expect(ses.webRequest.onBeforeRequest).toHaveBeenCalledTimes(1);
    expect(ses.cancels('https://example.invalid/')).toBe(true);
    expect(ses.cancels('app://roomcheck/')).toBe(false);
    // Development build (app.isPackaged false): devtools:// allowed.
    expect(ses.cancels('devtools://devtools/bundled/devtools_app.html')).toBe(false);
    expect(ses.setPermissionRequestHandler).toHaveBeenCalledTimes(1);
    expect(ses.setPermissionCheckHandler).toHaveBeenCalledTimes(1);
    expect(ses.setDevicePermissionHandler).toHaveBeenCalledTimes(1);
    expect(protocol.handle).toHaveBeenCalledWith('app', expect.any(Function));

    expect(electron.BrowserWindow.instances).toHaveLength(1);
    const win = electron.BrowserWindow.instances[0]!;
    expect(win.loadURL).toHaveBeenCalledWith('app://roomcheck/');
    const prefs = win.options.webPreferences as Record<string, unknown>;
    expect(prefs).toMatchObject({ sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(prefs.preload).toBe('/bundle/preload.cjs');

    // The bridge answers the main window with the user-data directory as dataDir.
    const listener = ipcMain.handlers.get(`${IPC_CHANNEL_PREFIX}appInfo`);
    const result = await listener?.(
      { sender: win.webContents, senderFrame: win.webContents.mainFrame },
      {},
    );
    expect(result).toMatchObject({
      ok: true,
      value: { name: 'Roomcheck', dataDir: '/fake/userData', transport: 'ipc' },
    });
    expect(app.getPath).toHaveBeenCalledWith('userData');

    // Signing keys may use the OS keychain in the desktop app (and only there): the desktop
    // wiring hands Electron's safeStorage to the protector, which refuses a keyring-less Linux.
    const { protectorFor } = await import('../../../../main/identity/protector-choice.ts');
    const refusal = /only available in the desktop app/;
    await expect(protectorFor('safeStorage', undefined, 'ipc')).rejects.not.toThrow(refusal);
    if (process.platform === 'linux')
      await expect(protectorFor('safeStorage', undefined, 'ipc')).rejects.toThrow(
        /use a passphrase/,
      );
    await expect(protectorFor('safeStorage', undefined, 'loopback')).rejects.toThrow(refusal);

    // A second launch focuses this window; closing every window quits.
    app.emit('second-instance', {}, [], '/', {});
    expect(win.focus).toHaveBeenCalledTimes(1);
    app.emit('window-all-closed');
    expect(app.quit).toHaveBeenCalledTimes(1);
  });

  it('guards every web contents created later (navigation, windows, Bluetooth)', async () => {
    const { electron } = await startMain();
    const contents = new FakeWebContents('app://roomcheck/');
    electron.app.emit('web-contents-created', {}, contents);
    expect(contents.windowOpenHandler?.({ url: 'https://example.invalid/' })).toEqual({
      action: 'deny',
    });
    expect(contents.listenerCount('will-navigate')).toBe(1);
    expect(contents.listenerCount('select-bluetooth-device')).toBe(1);
  });

  it('sets nothing up when another instance holds the lock', async () => {
    const { electron, becomeReady } = await startMain({ lock: false });
    await becomeReady();
    expect(electron.app.quit).toHaveBeenCalledTimes(1);
    expect(electron.app.whenReady).not.toHaveBeenCalled();
    expect(electron.BrowserWindow.instances).toHaveLength(0);
    expect(electron.ipcMain.handlers.size).toBe(0);
  });

  it('refuses to start, saying why, when the built renderer is missing', async () => {
    files.rendererDir = join(base, 'does-not-exist');
    const { electron, becomeReady } = await startMain();
    await becomeReady();
    expect(electron.dialog.showErrorBox).toHaveBeenCalledWith(
      'Roomcheck cannot start',
      expect.stringContaining('npm run build'),
    );
    expect(electron.app.exit).toHaveBeenCalledWith(1);
    expect(electron.BrowserWindow.instances).toHaveLength(0);
  });
});
