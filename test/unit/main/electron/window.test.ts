import { beforeEach, describe, expect, it, vi } from 'vitest';
import { createMainWindow } from '../../../../main/electron/window.ts';
import { FakeBrowserWindow } from './support/fake-electron.ts';

vi.mock('electron', async () => (await import('./support/fake-electron.ts')).createFakeElectron());

const PRELOAD = '/opt/roomcheck/resources/app.asar/out/main/preload.cjs';

beforeEach(() => {
  FakeBrowserWindow.instances.length = 0;
});

describe('main window', () => {
  for (const isDev of [false, true]) {
    it(`keeps the production security model (${isDev ? 'development' : 'packaged'})`, () => {
      const win = createMainWindow({ preloadPath: PRELOAD, isDev }) as unknown as FakeBrowserWindow;
      const prefs = (win.options.webPreferences ?? {}) as Record<string, unknown>;
      expect(prefs.contextIsolation).toBe(true);
      expect(prefs.sandbox).toBe(true);
      expect(prefs.nodeIntegration).toBe(false);
      expect(prefs.nodeIntegrationInWorker).toBe(false);
      expect(prefs.nodeIntegrationInSubFrames).toBe(false);
      expect(prefs.webSecurity).toBe(true);
      expect(prefs.allowRunningInsecureContent).toBe(false);
      expect(prefs.experimentalFeatures).toBe(false);
      expect(prefs.webviewTag).toBe(false);
      expect(prefs.spellcheck).toBe(false);
      expect(prefs.plugins).toBe(false);
      expect(prefs.navigateOnDragDrop).toBe(false);
      expect(prefs.preload).toBe(PRELOAD);
      expect(prefs.devTools).toBe(isDev);
      expect(prefs).not.toHaveProperty('enableBlinkFeatures');
      expect(prefs).not.toHaveProperty('additionalArguments');
    });
  }

  it('loads app://roomcheck/, never a file', () => {
    const win = createMainWindow({ preloadPath: PRELOAD, isDev: false });
    expect(FakeBrowserWindow.instances).toHaveLength(1);
    const fake = win as unknown as FakeBrowserWindow;
    expect(fake.loadURL).toHaveBeenCalledTimes(1);
    expect(fake.loadURL).toHaveBeenCalledWith('app://roomcheck/');
    expect(fake.loadFile).not.toHaveBeenCalled();
  });

  it('shows the window once it has painted', () => {
    const fake = createMainWindow({
      preloadPath: PRELOAD,
      isDev: false,
    }) as unknown as FakeBrowserWindow;
    expect(fake.options.show).toBe(false);
    expect(fake.show).not.toHaveBeenCalled();
    fake.emit('ready-to-show');
    expect(fake.show).toHaveBeenCalledTimes(1);
  });
});
