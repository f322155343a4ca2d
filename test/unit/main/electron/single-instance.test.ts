import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import { claimSingleInstance } from '../../../../main/electron/single-instance.ts';
import { FakeBrowserWindow, type FakeElectron } from './support/fake-electron.ts';

vi.mock('electron', async () => (await import('./support/fake-electron.ts')).createFakeElectron());
const { app } = electron as unknown as FakeElectron;

beforeEach(() => {
  app.removeAllListeners();
  vi.clearAllMocks();
});

describe('single instance', () => {
  it('quits, and sets nothing up, when another instance holds the lock', () => {
    app.requestSingleInstanceLock.mockReturnValueOnce(false);
    expect(claimSingleInstance(() => null)).toBe(false);
    expect(app.quit).toHaveBeenCalledTimes(1);
    expect(app.listenerCount('second-instance')).toBe(0);
  });

  it('keeps running and focuses the existing window on a second launch', () => {
    const win = new FakeBrowserWindow({});
    win.minimized = true;
    expect(claimSingleInstance(() => win as never)).toBe(true);
    expect(app.requestSingleInstanceLock).toHaveBeenCalledTimes(1);
    expect(app.quit).not.toHaveBeenCalled();
    app.emit('second-instance', {}, ['roomcheck'], '/home/user', {});
    expect(win.restore).toHaveBeenCalledTimes(1);
    expect(win.show).toHaveBeenCalled();
    expect(win.focus).toHaveBeenCalledTimes(1);
  });

  it('ignores a second launch while no window exists', () => {
    expect(claimSingleInstance(() => null)).toBe(true);
    expect(() => app.emit('second-instance', {}, [], '/', {})).not.toThrow();
    const gone = new FakeBrowserWindow({});
    gone.destroyed = true;
    app.removeAllListeners();
    claimSingleInstance(() => gone as never);
    app.emit('second-instance', {}, [], '/', {});
    expect(gone.focus).not.toHaveBeenCalled();
  });
});
