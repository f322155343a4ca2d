import { existsSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { APP_VERSION, defaultDataDir } from '../app-meta.ts';
import { createRouter } from '../bridge/router.ts';
import { handlers } from '../handlers/index.ts';
import { startLoopbackServer, type LoopbackServer } from '../loopback/server.ts';

export const PROJECT_ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const RENDERER_DIR = fileURLToPath(new URL('../../dist/renderer/', import.meta.url));

/** Builds the renderer with vite (in-process, so no orphan process is left behind). */
export async function buildRenderer(): Promise<void> {
  await build({
    configFile: fileURLToPath(new URL('../../vite.config.ts', import.meta.url)),
    logLevel: 'warn',
  });
}

/** Serves the built renderer and the bridge handlers on 127.0.0.1 (the transport used without Electron). */
export async function serveWeb(
  options: { port?: number; dataDir?: string } = {},
): Promise<LoopbackServer> {
  if (!existsSync(RENDERER_DIR))
    throw new Error('The renderer is not built; run "npm run build:renderer".');
  const dispatch = createRouter(handlers, {
    dataDir: options.dataDir ?? defaultDataDir(),
    version: APP_VERSION,
    transport: 'loopback',
  });
  return startLoopbackServer({ rendererDir: RENDERER_DIR, dispatch, port: options.port });
}

/** What the owner reads in the terminal: the one-time link, and how to get another. */
function launchMessage(link: string, first: boolean): string {
  return first
    ? `Roomcheck web mode is running. Open this one-time link in your browser (it works once; only this computer can reach it):\n  ${link}\nPress Enter here for a new link, Ctrl+C to stop.`
    : `A new one-time link (the previous unused one no longer works):\n  ${link}`;
}

/**
 * `npm run web`: build, serve, print a one-time launch link, run until interrupted. The link
 * goes to this process's own terminal only: not into a file, a log or a command line that
 * other accounts could read. Each Enter on stdin prints a fresh one (for another browser, or
 * after the first was used). ROOMCHECK_SKIP_BUILD=1 serves an existing build as it is.
 */
export async function runWebMode(): Promise<void> {
  if (process.env.ROOMCHECK_SKIP_BUILD !== '1' || !existsSync(RENDERER_DIR)) {
    await buildRenderer();
  }
  const port = process.env.ROOMCHECK_PORT ? Number(process.env.ROOMCHECK_PORT) : 0;
  const server = await serveWeb({ port });
  console.log(launchMessage(server.launchUrl(), true));
  const lines = createInterface({ input: process.stdin });
  lines.on('line', () => console.log(launchMessage(server.launchUrl(), false)));
  const stop = () => {
    lines.close();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  runWebMode().catch((err: unknown) => {
    console.error(
      `Roomcheck web mode could not start: ${err instanceof Error ? err.message : String(err)}`,
    );
    process.exit(1);
  });
}
