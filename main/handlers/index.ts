import type { Handlers } from '../bridge/router.ts';
import { appInfo } from './app-info.ts';
import { backupList, backupWrite } from './backup.ts';
import { reportReadForImport } from './report-import.ts';
import {
  identityCreateCsr,
  identityCreateSelfIssued,
  identityImportCertificate,
  identityImportP12,
  identityList,
  identityRemove,
  trustAnchorImport,
  trustAnchorList,
  trustAnchorRemove,
} from './identity.ts';
import { hubAbort, hubFetch, hubJoin, hubLeave, hubStatus, hubUnlock } from './hub.ts';
import { overviewSign } from './overview-pdf.ts';
import { reportCountersign, reportSign, reportVerify } from './report.ts';
import { syncFileSign, syncFileVerify } from './sync-file.ts';

/** The handler for every call of the bridge contract: plain Node, no Electron. */
export const handlers: Handlers = {
  appInfo,
  backupWrite,
  backupList,
  reportReadForImport,
  identityList,
  identityCreateSelfIssued,
  identityCreateCsr,
  identityImportCertificate,
  identityImportP12,
  identityRemove,
  trustAnchorList,
  trustAnchorImport,
  trustAnchorRemove,
  reportSign,
  reportCountersign,
  reportVerify,
  hubStatus,
  hubJoin,
  hubUnlock,
  hubLeave,
  hubFetch,
  hubAbort,
  syncFileSign,
  syncFileVerify,
  overviewSign,
};
