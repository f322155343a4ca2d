import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import { CALL_NAMES, IPC_CHANNEL_PREFIX } from '../../../../shared/bridge/contract.ts';
import { registerIpcBridge } from '../../../../main/electron/ipc.ts';
import { createRouter, type Handlers } from '../../../../main/bridge/router.ts';
import { FakeWebContents, type FakeElectron, type FakeFrame } from './support/fake-electron.ts';

vi.mock('electron', async () => (await import('./support/fake-electron.ts')).createFakeElectron());
const { ipcMain } = electron as unknown as FakeElectron;

const CHANNEL = `${IPC_CHANNEL_PREFIX}appInfo`;
const INFO = {
  name: 'Roomcheck' as const,
  version: '9.9.9',
  platform: 'linux',
  dataDir: '/data',
  transport: 'ipc' as const,
};

let appInfo: ReturnType<typeof vi.fn>;
let main: FakeWebContents;
let unregister: () => void;

beforeEach(() => {
  unregister?.();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  appInfo = vi.fn(() => INFO);
  const handlers = { appInfo } as unknown as Handlers;
  const dispatch = createRouter(handlers, { dataDir: '/data', version: '9.9.9', transport: 'ipc' });
  main = new FakeWebContents('app://roomcheck/');
  unregister = registerIpcBridge(dispatch, () => main as never);
});

function invoke(sender: FakeWebContents, frame: FakeFrame | null, ...args: unknown[]) {
  const listener = ipcMain.handlers.get(CHANNEL);
  if (!listener) throw new Error(`no handler on ${CHANNEL}`);
  return listener({ sender, senderFrame: frame, processId: 7, frameId: 1, type: 'frame' }, ...args);
}

describe('IPC bridge registration', () => {
  it('registers exactly one channel per contract call, and unregisters them', () => {
    expect([...ipcMain.handlers.keys()].sort()).toEqual(
      CALL_NAMES.map((n) => IPC_CHANNEL_PREFIX + n).sort(),
    );
    unregister();
    expect(ipcMain.handlers.size).toBe(0);
    unregister = () => {};
  });
});

describe('IPC bridge sender check', () => {
  it('dispatches a valid call from the main window top frame on app://roomcheck', async () => {
    await expect(invoke(main, main.mainFrame, {})).resolves.toEqual({ ok: true, value: INFO });
    expect(appInfo).toHaveBeenCalledTimes(1);
  });

  const refusals: [string, () => [FakeWebContents, FakeFrame | null]][] = [
    ['a missing frame', () => [main, null]],
    ['a subframe', () => [main, main.subFrame('app://roomcheck/frame.html')]],
    [
      'a top frame on another origin',
      () => [main, { ...main.mainFrame, url: 'https://example.invalid/' }],
    ],
    [
      'a substring look-alike origin',
      () => [main, { ...main.mainFrame, url: 'http://example.invalid/?next=app://roomcheck' }],
    ],
    ['app://roomcheck.evil', () => [main, { ...main.mainFrame, url: 'app://roomcheck.evil/' }]],
    ['app://roomcheck@evil', () => [main, { ...main.mainFrame, url: 'app://roomcheck@evil/' }]],
    ['a file:// page', () => [main, { ...main.mainFrame, url: 'file:///tmp/index.html' }]],
    [
      'another window, even on app://roomcheck',
      () => {
        const other = new FakeWebContents('app://roomcheck/');
        return [other, other.mainFrame];
      },
    ],
    [
      'a frame that is not the main window top frame',
      () => [main, { url: 'app://roomcheck/', parent: null, processId: 8, routingId: 1 }],
    ],
  ];

  for (const [label, make] of refusals) {
    it(`refuses ${label} before any handler runs`, async () => {
      const [sender, frame] = make();
      const result = await invoke(sender, frame, {});
      expect(result).toMatchObject({ ok: false, error: { code: 'forbidden' } });
      expect((result as { error: { message: string } }).error.message).toMatch(
        /^Bridge call refused: /,
      );
      expect(appInfo).not.toHaveBeenCalled();
    });
  }

  it('refuses every call once the main window is gone', async () => {
    main.destroyed = true;
    await expect(invoke(main, main.mainFrame, {})).resolves.toMatchObject({ ok: false });
    expect(appInfo).not.toHaveBeenCalled();
  });
});

describe('IPC bridge payloads', () => {
  it('refuses a payload that fails its schema, with a clear message, before the handler', async () => {
    for (const payload of [{ unexpected: true }, null, 'x', 42, [], undefined]) {
      const result = await invoke(main, main.mainFrame, payload);
      expect(result, JSON.stringify(payload)).toMatchObject({
        ok: false,
        error: {
          code: 'bad_request',
          message: expect.stringMatching(/^Invalid request for appInfo/),
        },
      });
    }
    expect(appInfo).not.toHaveBeenCalled();
  });

  it('ignores extra arguments', async () => {
    await expect(invoke(main, main.mainFrame, {}, { evil: true })).resolves.toEqual({
      ok: true,
      value: INFO,
    });
  });
});
