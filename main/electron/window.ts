import { BrowserWindow } from 'electron';
import { APP_ENTRY_URL } from '../security/app-origin.ts';

export type MainWindowSettings = {
  /** Absolute path of the bundled preload (out/main/preload.cjs). */
  preloadPath: string;
  /** Development build: devtools allowed. Never true in a packaged app. */
  isDev: boolean;
};

/**
 * Opens the main window on app://roomcheck/ (never file://) and shows it once painted.
 *
 * The production security model, the same in development and tests: an isolated, sandboxed
 * renderer without Node, with web security on and nothing experimental. Spellcheck stays off
 * because Chromium would download dictionaries. The options are written inline so that the
 * static scan (electronegativity) reads the real values.
 */
export function createMainWindow(settings: MainWindowSettings): BrowserWindow {
  const win = new BrowserWindow({
    title: 'Roomcheck',
    width: 1280,
    height: 840,
    minWidth: 900,
    minHeight: 600,
    show: false,
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: settings.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      plugins: false,
      enableWebSQL: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      // Middle-click would otherwise try to open links in a new window.
      disableBlinkFeatures: 'Auxclick',
      devTools: settings.isDev,
    },
  });
  win.once('ready-to-show', () => win.show());
  win.loadURL(APP_ENTRY_URL).catch((err: unknown) => {
    console.error('[window] could not load the user interface:', err);
  });
  return win;
}
