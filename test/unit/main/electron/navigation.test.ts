import { beforeEach, describe, expect, it, vi } from 'vitest';
import * as electron from 'electron';
import { guardAllWebContents, guardWebContents } from '../../../../main/electron/navigation.ts';
import { FakeWebContents, preventableEvent, type FakeElectron } from './support/fake-electron.ts';

vi.mock('electron', async () => (await import('./support/fake-electron.ts')).createFakeElectron());
const { app } = electron as unknown as FakeElectron;

const OUTSIDE = [
  'https://example.invalid/',
  'http://example.invalid/?next=app://roomcheck',
  'app://roomcheck.evil/',
  'app://roomcheck@evil/',
  'app://evil/app://roomcheck/',
  'APP://ROOMCHECK/',
  'file:///etc/passwd',
  'data:text/html,<script>alert(1)</script>',
  'javascript:alert(1)',
  'about:blank',
  'devtools://devtools/bundled/inspector.html',
];

function navigate(contents: FakeWebContents, event: string, url: string): boolean {
  const e = preventableEvent({ url, isMainFrame: true, isSameDocument: false, frame: null });
  contents.emit(event, e, url);
  return !e.defaultPrevented;
}

beforeEach(() => {
  app.removeAllListeners();
  vi.spyOn(console, 'warn').mockImplementation(() => {});
});

describe('navigation guard', () => {
  for (const event of ['will-navigate', 'will-frame-navigate', 'will-redirect']) {
    it(`${event}: stays on app://roomcheck`, () => {
      const contents = new FakeWebContents();
      guardWebContents(contents as never);
      expect(navigate(contents, event, 'app://roomcheck/')).toBe(true);
      expect(navigate(contents, event, 'app://roomcheck/audits/3?x=1#a')).toBe(true);
      for (const url of OUTSIDE) expect(navigate(contents, event, url), url).toBe(false);
    });
  }

  it('denies every new window', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    expect(contents.setWindowOpenHandler).toHaveBeenCalledTimes(1);
    for (const url of ['app://roomcheck/report', 'https://example.invalid/', 'about:blank']) {
      expect(contents.windowOpenHandler?.({ url })).toEqual({ action: 'deny' });
    }
  });

  it('prevents attaching webviews', () => {
    const contents = new FakeWebContents();
    guardWebContents(contents as never);
    const e = preventableEvent();
    contents.emit('will-attach-webview', e, { nodeIntegration: true }, { src: 'app://roomcheck/' });
    expect(e.defaultPrevented).toBe(true);
  });

  it('guards every web contents the app creates', () => {
    guardAllWebContents();
    expect(app.listenerCount('web-contents-created')).toBe(1);
    const later = new FakeWebContents();
    app.emit('web-contents-created', {}, later);
    expect(navigate(later, 'will-navigate', 'https://example.invalid/')).toBe(false);
    expect(later.windowOpenHandler?.({ url: 'https://example.invalid/' })).toEqual({
      action: 'deny',
    });
  });
});
