import { join, resolve } from 'node:path';

export type AppFiles = {
  /** The built renderer (vite output) served on app://roomcheck/. */
  rendererDir: string;
  /** The bundled, sandboxed preload. */
  preloadPath: string;
};

/**
 * Where the built files are, from the directory of the bundled main (out/main). The layout
 * inside the asar archive is the project's (out/main, dist/renderer), so one rule serves
 * `electron .`, Playwright's launcher and a packaged app, whatever `app.getAppPath()` says.
 */
export function locateAppFiles(bundleDir: string): AppFiles {
  return {
    rendererDir: resolve(bundleDir, '..', '..', 'dist', 'renderer'),
    preloadPath: join(bundleDir, 'preload.cjs'),
  };
}
