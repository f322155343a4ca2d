import { describe, expect, it, vi } from 'vitest';
import { contract } from '../../../../shared/bridge/contract.ts';
import {
  catalogError,
  createRouter,
  UserError,
  type Handlers,
} from '../../../../main/bridge/router.ts';
import { handlers } from '../../../../main/handlers/index.ts';

const ctx = { dataDir: '/tmp/rc', version: '9.9.9', transport: 'loopback' as const };

/** Every handler replaced by a spy, so a test can prove none was reached. */
function spies(): Handlers {
  return Object.fromEntries(
    Object.keys(contract).map((name) => [
      name,
      vi.fn(() => Promise.reject(new Error(`${name} must not run`))),
    ]),
  ) as unknown as Handlers;
}

describe('bridge router', () => {
  it('answers appInfo through the real handler with a response that matches the contract', async () => {
    const dispatch = createRouter(handlers, ctx);
    const result = await dispatch('appInfo', {});
    expect(result).toEqual({
      ok: true,
      value: {
        name: 'Roomcheck',
        version: '9.9.9',
        platform: process.platform,
        dataDir: '/tmp/rc',
        transport: 'loopback',
      },
    });
  });

  it.each([
    ['an unknown call', 'shell.exec', {}, 'not_found'],
    ['a prototype key as call name', '__proto__', {}, 'not_found'],
    ['a payload with extra fields', 'appInfo', { path: '/etc/passwd' }, 'bad_request'],
    ['a payload that is not an object', 'appInfo', 'hello', 'bad_request'],
    ['a null payload', 'appInfo', null, 'bad_request'],
    ['an array payload', 'appInfo', [], 'bad_request'],
  ])('refuses %s before any handler runs', async (_what, name, payload, code) => {
    const fake = spies();
    const dispatch = createRouter(fake, ctx);
    const result = await dispatch(name, payload);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe(code);
      expect(result.error.message.length).toBeGreaterThan(10);
    }
    for (const spy of Object.values(fake)) expect(spy).not.toHaveBeenCalled();
  });

  it('names the offending field in the message for a schema failure', async () => {
    const dispatch = createRouter(handlers, ctx);
    const result = await dispatch('appInfo', { extra: 1 });
    expect(result).toMatchObject({ ok: false, error: { code: 'bad_request' } });
    if (!result.ok) expect(result.error.message).toMatch(/appInfo/);
  });

  it('passes a UserError message through and hides unexpected errors behind a plain sentence', async () => {
    const fake = spies();
    (fake as Record<string, unknown>).appInfo = () => {
      throw new UserError('That file is not a PDF.', 'bad_request');
    };
    expect(await createRouter(fake, ctx)('appInfo', {})).toEqual({
      ok: false,
      error: { code: 'bad_request', message: 'That file is not a PDF.' },
    });
    (fake as Record<string, unknown>).appInfo = () => {
      throw new Error('ENOENT /secret/path');
    };
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const hidden = await createRouter(fake, ctx)('appInfo', {});
    quiet.mockRestore();
    expect(hidden.ok).toBe(false);
    if (!hidden.ok) expect(hidden.error.message).not.toContain('/secret/path');
  });

  it('refuses a handler response that does not match the contract', async () => {
    const fake = spies();
    (fake as Record<string, unknown>).appInfo = () => ({ name: 'Evil' });
    const result = await createRouter(fake, ctx)('appInfo', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'failed' } });
  });

  it('sends a catalog refusal with its key and parameters, so the page can say it in Chinese', async () => {
    const handlers = spies();
    handlers.appInfo = vi.fn(() =>
      Promise.reject(catalogError('error.backup.notJson', {}, 'bad_request')),
    );
    const dispatch = createRouter(handlers, ctx);
    expect(await dispatch('appInfo', {})).toEqual({
      ok: false,
      error: {
        code: 'bad_request',
        message: 'The backup is not valid JSON; nothing was written.',
        key: 'error.backup.notJson',
        params: {},
      },
    });
    const unknown = await dispatch('shell.exec', {});
    expect(unknown).toMatchObject({
      ok: false,
      error: { key: 'error.bridge.unknownCall', params: { name: 'shell.exec' } },
    });
    const bad = await dispatch('appInfo', 'hello');
    expect(bad).toMatchObject({ ok: false, error: { key: 'error.bridge.badRequest' } });
  });
});
