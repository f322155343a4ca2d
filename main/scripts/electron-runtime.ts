import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

export type ElectronRuntime =
  { available: true; executable: string } | { available: false; reason: string };

/**
 * Finds the Electron executable the `electron` package would run, without asking the package:
 * `require('electron')` starts a download of the runtime when it is missing (npm's electron
 * fetches it lazily), and nothing may download at run time here. The lookup mirrors
 * node_modules/electron/index.js: path.txt names the binary under dist/, and
 * ELECTRON_OVERRIDE_DIST_PATH points at another build.
 */
export function findElectronRuntime(
  projectRoot: string,
  env: NodeJS.ProcessEnv = process.env,
): ElectronRuntime {
  let packageDir: string;
  try {
    packageDir = dirname(
      createRequire(join(projectRoot, 'package.json')).resolve('electron/package.json'),
    );
  } catch {
    return { available: false, reason: 'the electron package is not installed' };
  }
  const pathFile = join(packageDir, 'path.txt');
  const binaryName = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  const override = env.ELECTRON_OVERRIDE_DIST_PATH;
  if (!override && !binaryName) {
    return {
      available: false,
      reason:
        'the Electron runtime binary was never downloaded (node_modules/electron/path.txt is missing)',
    };
  }
  const executable = override
    ? join(override, binaryName || 'electron')
    : join(packageDir, 'dist', binaryName);
  if (!existsSync(executable)) {
    return { available: false, reason: `the Electron runtime binary is missing (${executable})` };
  }
  return { available: true, executable };
}
