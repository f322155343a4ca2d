import { homedir } from 'node:os';
import { join } from 'node:path';
import pkg from '../package.json' with { type: 'json' };

export const APP_VERSION: string = pkg.version;

/** Default directory for main's files outside Electron (CLI, web mode). */
export function defaultDataDir(): string {
  if (process.env.ROOMCHECK_DATA_DIR) return process.env.ROOMCHECK_DATA_DIR;
  if (process.platform === 'win32') return join(process.env.APPDATA ?? homedir(), 'Roomcheck');
  if (process.platform === 'darwin')
    return join(homedir(), 'Library', 'Application Support', 'Roomcheck');
  return join(process.env.XDG_CONFIG_HOME ?? join(homedir(), '.config'), 'Roomcheck');
}
