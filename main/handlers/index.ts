import type { Handlers } from '../bridge/router.ts';
import { appInfo } from './app-info.ts';
import { backupList, backupWrite } from './backup.ts';
import { reportReadForImport } from './report-import.ts';

/** The handler for every call of the bridge contract: plain Node, no Electron. */
export const handlers: Handlers = {
  appInfo,
  backupWrite,
  backupList,
  reportReadForImport,
};
