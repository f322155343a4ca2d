import { spawn } from 'node:child_process';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildMain, PROJECT_ROOT } from './build-main.ts';
import { findElectronRuntime } from './electron-runtime.ts';

export const WEB_MODE_NOTICE =
  'The Electron runtime is not installed on this machine (it cannot be downloaded here), so Roomcheck starts in web mode instead.';

/** The environment for Electron: ELECTRON_RUN_AS_NODE would turn the app into a bare Node. */
export function electronEnv(env: NodeJS.ProcessEnv): NodeJS.ProcessEnv {
  const copy = { ...env };
  delete copy.ELECTRON_RUN_AS_NODE;
  return copy;
}

/** Runs the desktop app from the project directory (package.json "main" is out/main/main.cjs). */
function launchElectron(executable: string, projectRoot: string): Promise<number> {
  return new Promise((resolveExit, reject) => {
    const child = spawn(executable, [projectRoot], {
      cwd: projectRoot,
      stdio: 'inherit',
      env: electronEnv(process.env),
    });
    const forward = (signal: NodeJS.Signals) => () => child.kill(signal);
    process.once('SIGINT', forward('SIGINT'));
    process.once('SIGTERM', forward('SIGTERM'));
    child.once('error', reject);
    child.once('exit', (code) => resolveExit(code ?? 1));
  });
}

/**
 * `npm start`: the desktop app where the Electron runtime exists; otherwise one sentence
 * saying so, then the loopback web mode (which prints its URL).
 */
export async function start(projectRoot: string = PROJECT_ROOT): Promise<number | undefined> {
  const runtime = findElectronRuntime(projectRoot);
  if (!runtime.available) {
    console.log(WEB_MODE_NOTICE);
    const { runWebMode } = await import('./web.ts');
    await runWebMode();
    return undefined;
  }
  const { buildRenderer } = await import('./web.ts');
  await buildRenderer();
  await buildMain({ projectRoot });
  return launchElectron(runtime.executable, projectRoot);
}

if (process.argv[1] && fileURLToPath(import.meta.url) === resolve(process.argv[1])) {
  start().then(
    (code) => {
      if (code !== undefined) process.exitCode = code;
    },
    (err: unknown) => {
      console.error(
        `Roomcheck could not start: ${err instanceof Error ? err.message : String(err)}`,
      );
      process.exitCode = 1;
    },
  );
}
