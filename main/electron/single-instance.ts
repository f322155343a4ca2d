import { app, type BrowserWindow } from 'electron';

/**
 * One Roomcheck per user session: two instances would write the same IndexedDB and the same
 * signing-identity files behind each other's backs. Returns false, after asking the app to
 * quit, when another instance already holds the lock; the caller must then set nothing up.
 * A second launch instead brings the existing window to the front.
 */
export function claimSingleInstance(getWindow: () => BrowserWindow | null): boolean {
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return false;
  }
  app.on('second-instance', () => {
    const win = getWindow();
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  });
  return true;
}
