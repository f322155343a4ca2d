import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { app, dialog, safeStorage, session, type BrowserWindow } from 'electron';
import { locateAppFiles } from '../app-files.ts';
import { APP_VERSION } from '../app-meta.ts';
import { createRouter } from '../bridge/router.ts';
import { handlers } from '../handlers/index.ts';
import { registerSafeStorage } from '../identity/protector-choice.ts';
import { safeStorageProtector } from '../identity/safe-storage-protector.ts';
import { registerAppScheme, serveAppProtocol } from './app-protocol.ts';
import { applyChromiumSwitches } from './chromium-switches.ts';
import { registerIpcBridge } from './ipc.ts';
import { guardAllWebContents } from './navigation.ts';
import { installPermissionPolicy, refuseBluetoothChooser } from './permissions.ts';
import { installRequestFilter } from './request-filter.ts';
import { claimSingleInstance } from './single-instance.ts';
import { createMainWindow } from './window.ts';

// The Electron entry (bundled to out/main/main.cjs). Wiring only: every policy lives in its
// own module (Electron-free ones under ../security/) with its own test. Order matters: the sandbox, switches and the
// app:// scheme must be set before `ready`, the guards before any window exists.

const isDev = !app.isPackaged;
const files = locateAppFiles(__dirname);
let mainWindow: BrowserWindow | null = null;

app.enableSandbox();
applyChromiumSwitches(app.commandLine);
registerAppScheme();
guardAllWebContents();
app.on('web-contents-created', (_event, contents) => refuseBluetoothChooser(contents));

function fail(message: string, err?: unknown): void {
  console.error(`[main] ${message}`, err ?? '');
  dialog.showErrorBox('Roomcheck cannot start', message);
  app.exit(1);
}

async function onReady(): Promise<void> {
  if (!existsSync(join(files.rendererDir, 'index.html'))) {
    fail(`The user interface was not found in ${files.rendererDir}; run "npm run build" first.`);
    return;
  }
  const ses = session.defaultSession;
  installRequestFilter(ses, { allowDevTools: isDev });
  installPermissionPolicy(ses);
  serveAppProtocol(files.rendererDir);

  const dispatch = createRouter(handlers, {
    dataDir: app.getPath('userData'),
    version: APP_VERSION,
    transport: 'ipc',
  });
  registerIpcBridge(dispatch, () => mainWindow?.webContents ?? null);
  // Signing keys may be protected by the OS keychain here (never in web mode or the CLI).
  registerSafeStorage(async () => safeStorageProtector(safeStorage));

  mainWindow = createMainWindow({ preloadPath: files.preloadPath, isDev });
  mainWindow.on('closed', () => {
    mainWindow = null;
  });
}

if (claimSingleInstance(() => mainWindow)) {
  // Quit on every platform, macOS included: nothing should keep running without a window.
  app.on('window-all-closed', () => app.quit());
  app
    .whenReady()
    .then(onReady)
    .catch((err: unknown) => fail('An unexpected error stopped the start-up.', err));
}
