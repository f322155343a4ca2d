import { app, type WebContents } from 'electron';
import { isAppUrl } from '../security/app-origin.ts';

type Preventable = { url: string; preventDefault: () => void };

function stayOnAppOrigin(kind: string) {
  return (event: Preventable) => {
    if (isAppUrl(event.url)) return;
    event.preventDefault();
    console.warn(`[navigation] blocked ${kind} to ${event.url.slice(0, 200)}`);
  };
}

/**
 * A page of ours may move only within app://roomcheck; it may not open windows (links with
 * target=_blank, window.open) or attach webviews. Opening a link in the system browser is
 * deliberately not offered: these machines are air-gapped.
 */
export function guardWebContents(contents: WebContents): void {
  contents.on('will-navigate', stayOnAppOrigin('navigation'));
  contents.on('will-frame-navigate', stayOnAppOrigin('frame navigation'));
  contents.on('will-redirect', stayOnAppOrigin('redirect'));
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    console.warn('[navigation] blocked a webview');
  });
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

/** Applies the guard to every web contents the app ever creates, present windows and future. */
export function guardAllWebContents(): void {
  app.on('web-contents-created', (_event, contents) => guardWebContents(contents));
}
