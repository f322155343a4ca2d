import { EventEmitter } from 'node:events';
import { vi } from 'vitest';

// Stand-ins for the few Electron objects main touches. The real `electron` module cannot load
// in plain Node (its runtime is not installed), so every main test mocks it with these.

export type PreventableEvent = { preventDefault: () => void; defaultPrevented: boolean };

export function preventableEvent<T extends object>(extra?: T): PreventableEvent & T {
  const event = {
    defaultPrevented: false,
    preventDefault() {
      event.defaultPrevented = true;
    },
    ...(extra ?? ({} as T)),
  };
  return event as PreventableEvent & T;
}

export type FakeFrame = {
  url: string;
  parent: FakeFrame | null;
  processId: number;
  routingId: number;
};

let nextId = 1;

export class FakeWebContents extends EventEmitter {
  readonly id = nextId++;
  url = '';
  destroyed = false;
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  readonly mainFrame: FakeFrame;

  constructor(url = 'app://roomcheck/') {
    super();
    this.url = url;
    this.mainFrame = { url, parent: null, processId: 7, routingId: this.id * 10 };
  }
  getURL() {
    return this.url;
  }
  isDestroyed() {
    return this.destroyed;
  }
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  subFrame(url: string): FakeFrame {
    return { url, parent: this.mainFrame, processId: 7, routingId: this.mainFrame.routingId + 1 };
  }
}

export class FakeSession extends EventEmitter {
  beforeRequest:
    ((details: { url: string; method: string }, cb: (r: unknown) => void) => void) | null = null;
  permissionRequestHandler: ((...args: never[]) => void) | null = null;
  permissionCheckHandler: ((...args: never[]) => boolean) | null = null;
  devicePermissionHandler: ((details: unknown) => boolean) | null = null;
  bluetoothPairingHandler: ((details: unknown, cb: (r: unknown) => void) => void) | null = null;
  displayMediaRequestHandler: ((request: unknown, cb: (r: unknown) => void) => void) | null = null;
  certificateVerifyProc: ((request: unknown, cb: (result: number) => void) => void) | null = null;

  webRequest = {
    onBeforeRequest: vi.fn((listener: FakeSession['beforeRequest']) => {
      this.beforeRequest = listener;
    }),
  };
  setPermissionRequestHandler = vi.fn((h: FakeSession['permissionRequestHandler']) => {
    this.permissionRequestHandler = h;
  });
  setPermissionCheckHandler = vi.fn((h: FakeSession['permissionCheckHandler']) => {
    this.permissionCheckHandler = h;
  });
  setDevicePermissionHandler = vi.fn((h: FakeSession['devicePermissionHandler']) => {
    this.devicePermissionHandler = h;
  });
  setBluetoothPairingHandler = vi.fn((h: FakeSession['bluetoothPairingHandler']) => {
    this.bluetoothPairingHandler = h;
  });
  setDisplayMediaRequestHandler = vi.fn((h: FakeSession['displayMediaRequestHandler']) => {
    this.displayMediaRequestHandler = h;
  });
  setCertificateVerifyProc = vi.fn((h: FakeSession['certificateVerifyProc']) => {
    this.certificateVerifyProc = h;
  });

  /** Runs the installed onBeforeRequest listener and says whether the request was cancelled. */
  cancels(url: string, method = 'GET'): boolean {
    if (!this.beforeRequest) throw new Error('no onBeforeRequest listener installed');
    let response: { cancel?: boolean } | undefined;
    this.beforeRequest({ url, method }, (r) => {
      response = r as { cancel?: boolean };
    });
    if (!response) throw new Error('the listener did not answer');
    return response.cancel === true;
  }
}

export class FakeBrowserWindow extends EventEmitter {
  static instances: FakeBrowserWindow[] = [];
  readonly webContents = new FakeWebContents('');
  loadURL = vi.fn(async (url: string) => {
    this.loadedUrl = url;
    this.webContents.url = url;
    this.webContents.mainFrame.url = url;
  });
  loadFile = vi.fn();
  loadedUrl: string | null = null;
  minimized = false;
  destroyed = false;
  isMinimized = vi.fn(() => this.minimized);
  isDestroyed = vi.fn(() => this.destroyed);
  restore = vi.fn(() => {
    this.minimized = false;
  });
  show = vi.fn();
  focus = vi.fn();

  constructor(readonly options: Record<string, unknown>) {
    super();
    FakeBrowserWindow.instances.push(this);
  }
}

export function createFakeElectron() {
  const app = Object.assign(new EventEmitter(), {
    isPackaged: false,
    requestSingleInstanceLock: vi.fn(() => true),
    quit: vi.fn(),
    exit: vi.fn(),
    enableSandbox: vi.fn(),
    commandLine: { appendSwitch: vi.fn() },
    getPath: vi.fn((name: string) => `/fake/${name}`),
    whenReady: vi.fn(() => Promise.resolve()),
  });
  const ipcHandlers = new Map<string, (event: unknown, ...args: unknown[]) => unknown>();
  const ipcMain = {
    handlers: ipcHandlers,
    handle: vi.fn((channel: string, listener: (event: unknown, ...args: unknown[]) => unknown) => {
      if (ipcHandlers.has(channel)) throw new Error(`second handler for ${channel}`);
      ipcHandlers.set(channel, listener);
    }),
    removeHandler: vi.fn((channel: string) => ipcHandlers.delete(channel)),
  };
  const protocol = {
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn(),
  };
  const defaultSession = new FakeSession();
  return {
    app,
    ipcMain,
    protocol,
    session: { defaultSession },
    dialog: { showErrorBox: vi.fn() },
    // A Linux session without a keyring: Electron would fall back to a hard-coded key.
    safeStorage: {
      isEncryptionAvailable: vi.fn(() => true),
      getSelectedStorageBackend: vi.fn(() => 'basic_text'),
      encryptString: vi.fn(),
      decryptString: vi.fn(),
    },
    BrowserWindow: FakeBrowserWindow,
    contextBridge: { exposeInMainWorld: vi.fn() },
    ipcRenderer: { invoke: vi.fn(async () => ({ ok: true, value: null })), send: vi.fn() },
  };
}

export type FakeElectron = ReturnType<typeof createFakeElectron>;

/**
 * vi.resetModules() re-runs the code under test but keeps the mocked `electron`, so tests that
 * load main.ts more than once bring the same fake back to a clean state with this.
 */
export function resetFakeElectron(fake: FakeElectron): void {
  vi.clearAllMocks();
  fake.app.removeAllListeners();
  fake.app.requestSingleInstanceLock.mockReturnValue(true);
  fake.app.whenReady.mockReturnValue(Promise.resolve());
  fake.ipcMain.handlers.clear();
  fake.session.defaultSession = new FakeSession();
  fake.BrowserWindow.instances.length = 0;
}
