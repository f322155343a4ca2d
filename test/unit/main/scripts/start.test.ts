import { beforeEach, describe, expect, it, vi } from 'vitest';
import { buildMain } from '../../../../main/scripts/build-main.ts';
import { findElectronRuntime } from '../../../../main/scripts/electron-runtime.ts';
import { buildRenderer, runWebMode } from '../../../../main/scripts/web.ts';
import { WEB_MODE_NOTICE, electronEnv, start } from '../../../../main/scripts/start.ts';

const spawned = vi.hoisted(() => ({ calls: [] as unknown[][] }));

vi.mock('../../../../main/scripts/web.ts', () => ({
  runWebMode: vi.fn(async () => {}),
  buildRenderer: vi.fn(async () => {}),
}));
vi.mock('../../../../main/scripts/build-main.ts', () => ({
  PROJECT_ROOT: '/project',
  buildMain: vi.fn(async () => ({})),
}));
vi.mock('../../../../main/scripts/electron-runtime.ts', () => ({ findElectronRuntime: vi.fn() }));
vi.mock('node:child_process', async () => {
  const { EventEmitter } = await import('node:events');
  return {
    spawn: vi.fn((...args: unknown[]) => {
      spawned.calls.push(args);
      const child = Object.assign(new EventEmitter(), { kill: vi.fn() });
      setTimeout(() => child.emit('exit', 3), 5);
      return child;
    }),
  };
});

let log: ReturnType<typeof vi.spyOn>;

beforeEach(() => {
  vi.clearAllMocks();
  spawned.calls.length = 0;
  log = vi.spyOn(console, 'log').mockImplementation(() => {});
});

describe('npm start', () => {
  it('without the Electron runtime: says so in one sentence, then runs the web mode', async () => {
    vi.mocked(findElectronRuntime).mockReturnValue({ available: false, reason: 'missing' });
    await expect(start('/project')).resolves.toBeUndefined();
    expect(log).toHaveBeenCalledTimes(1);
    expect(log).toHaveBeenCalledWith(WEB_MODE_NOTICE);
    expect(WEB_MODE_NOTICE.match(/[.!?](\s|$)/g)).toHaveLength(1);
    expect(runWebMode).toHaveBeenCalledTimes(1);
    expect(buildMain).not.toHaveBeenCalled();
    expect(spawned.calls).toHaveLength(0);
  });

  it('with the runtime: builds the renderer and main, then runs Electron on the project', async () => {
    vi.mocked(findElectronRuntime).mockReturnValue({
      available: true,
      executable: '/project/node_modules/electron/dist/electron',
    });
    await expect(start('/project')).resolves.toBe(3);
    expect(buildRenderer).toHaveBeenCalledTimes(1);
    expect(buildMain).toHaveBeenCalledWith({ projectRoot: '/project' });
    expect(vi.mocked(buildRenderer).mock.invocationCallOrder[0]).toBeLessThan(
      vi.mocked(buildMain).mock.invocationCallOrder[0] ?? 0,
    );
    expect(spawned.calls).toHaveLength(1);
    const [executable, args, options] = spawned.calls[0] as [string, string[], { env: object }];
    expect(executable).toBe('/project/node_modules/electron/dist/electron');
    expect(args).toEqual(['/project']);
    expect(options.env).not.toHaveProperty('ELECTRON_RUN_AS_NODE');
    expect(runWebMode).not.toHaveBeenCalled();
    expect(log).not.toHaveBeenCalled();
  });

  it('never passes ELECTRON_RUN_AS_NODE on to Electron', () => {
    expect(electronEnv({ ELECTRON_RUN_AS_NODE: '1', PATH: '/bin' })).toEqual({ PATH: '/bin' });
  });
});
