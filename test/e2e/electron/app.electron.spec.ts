import {
  _electron as electron,
  expect,
  test,
  type ElectronApplication,
  type Page,
} from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildMain, PROJECT_ROOT } from '../../../main/scripts/build-main.ts';
import { findElectronRuntime } from '../../../main/scripts/electron-runtime.ts';
import { CALL_NAMES } from '../../../shared/bridge/contract.ts';

// The desktop shell, launched for real with Playwright's Electron support where the runtime
// exists. The renderer is built by the global setup; main and the preload are bundled here.

const runtime = findElectronRuntime(PROJECT_ROOT);
const SKIP_REASON = runtime.available
  ? ''
  : `Electron tests skipped: ${runtime.reason}, and it cannot be downloaded on this machine; ` +
    'the shell is covered by unit tests with electron mocked and by the electronegativity scan.';
if (!runtime.available) console.log(SKIP_REASON);

type PageGlobals = { roomcheck?: Record<string, (request: unknown) => Promise<unknown>> };

test.describe('Electron shell', () => {
  test.skip(!runtime.available, SKIP_REASON);

  let app: ElectronApplication;
  let page: Page;
  let userData: string;

  test.beforeAll(async () => {
    if (!runtime.available) return;
    await buildMain();
    userData = await mkdtemp(join(tmpdir(), 'roomcheck-electron-'));
    // Launched on the project directory: package.json "main" is out/main/main.cjs, and the
    // app name (so the user-data path) comes from package.json.
    app = await electron.launch({
      executablePath: runtime.executable,
      args: [PROJECT_ROOT, `--user-data-dir=${userData}`],
      cwd: PROJECT_ROOT,
    });
    page = await app.firstWindow();
    await page.waitForLoadState('domcontentloaded');
  });

  test.afterAll(async () => {
    await app?.close();
    if (userData) await rm(userData, { recursive: true, force: true });
  });

  test('loads the UI from app://roomcheck/', async () => {
    expect(page.url()).toBe('app://roomcheck/');
  });

  test('the window keeps the production webPreferences', async () => {
    const prefs = await app.evaluate(({ BrowserWindow }) => {
      const contents = BrowserWindow.getAllWindows()[0]?.webContents as unknown as
        { getLastWebPreferences?: () => Record<string, unknown> | null } | undefined;
      return contents?.getLastWebPreferences?.() ?? null;
    });
    expect(
      prefs,
      'webContents.getLastWebPreferences() is gone: check the prefs another way',
    ).not.toBeNull();
    expect(prefs).toMatchObject({
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
    });
  });

  test('the page sees exactly the contract methods and no Node', async () => {
    const seen = await page.evaluate(() => {
      const g = window as unknown as PageGlobals & Record<string, unknown>;
      return {
        methods: Object.keys(g.roomcheck ?? {}).sort(),
        require: typeof g.require,
        process: typeof g.process,
        module: typeof g.module,
        Buffer: typeof g.Buffer,
        ipcRenderer: typeof g.ipcRenderer,
        electron: typeof g.electron,
      };
    });
    expect(seen).toEqual({
      methods: [...CALL_NAMES].sort(),
      require: 'undefined',
      process: 'undefined',
      module: 'undefined',
      Buffer: 'undefined',
      ipcRenderer: 'undefined',
      electron: 'undefined',
    });
  });

  test('a bridge call goes over IPC and a bad payload is refused', async () => {
    const [good, bad] = await page.evaluate(async () => {
      const api = (window as unknown as PageGlobals).roomcheck!;
      return [await api.appInfo!({}), await api.appInfo!({ unexpected: true })];
    });
    expect(good).toMatchObject({ ok: true, value: { name: 'Roomcheck', transport: 'ipc' } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'bad_request' } });
  });

  test('the page cannot reach the network or open windows', async () => {
    const outcome = await page.evaluate(async () => {
      const tryFetch = (url: string) =>
        fetch(url).then(
          () => 'loaded',
          () => 'blocked',
        );
      return {
        https: await tryFetch('https://example.invalid/'),
        http: await tryFetch('http://127.0.0.1:9/'),
        own: await tryFetch('app://roomcheck/index.html'),
        popup: window.open('https://example.invalid/') === null ? 'denied' : 'opened',
      };
    });
    expect(outcome).toEqual({ https: 'blocked', http: 'blocked', own: 'loaded', popup: 'denied' });
    expect(app.windows()).toHaveLength(1);
  });

  test('every app:// response carries the CSP', async () => {
    const csp = await page.evaluate(async () =>
      (await fetch('app://roomcheck/index.html')).headers.get('content-security-policy'),
    );
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self'");
  });
});
