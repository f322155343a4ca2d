import { contextBridge, ipcRenderer } from 'electron';
import {
  IPC_CHANNEL_PREFIX,
  type BridgeResult,
  type CallName,
  type CallRequest,
  type RoomcheckApi,
} from '../../shared/bridge/contract.ts';

// Runs sandboxed, before the page: it may only place the bridge on `window.roomcheck`. The page
// gets one function per contract call, each bound to its own channel; never ipcRenderer, never
// a channel name of its choosing. Extra arguments are dropped.

function call<N extends CallName>(name: N) {
  const channel = IPC_CHANNEL_PREFIX + name;
  return (request: CallRequest<N>): Promise<BridgeResult<N>> =>
    ipcRenderer.invoke(channel, request) as Promise<BridgeResult<N>>;
}

// `satisfies` makes a missing or extra call a compile error; a unit test checks the keys too.
const api = {
  appInfo: call('appInfo'),
  backupWrite: call('backupWrite'),
  backupList: call('backupList'),
  identityList: call('identityList'),
  identityCreateSelfIssued: call('identityCreateSelfIssued'),
  identityCreateCsr: call('identityCreateCsr'),
  identityImportCertificate: call('identityImportCertificate'),
  identityImportP12: call('identityImportP12'),
  identityRemove: call('identityRemove'),
  trustAnchorList: call('trustAnchorList'),
  trustAnchorImport: call('trustAnchorImport'),
  trustAnchorRemove: call('trustAnchorRemove'),
  reportSign: call('reportSign'),
  reportCountersign: call('reportCountersign'),
  reportVerify: call('reportVerify'),
  reportReadForImport: call('reportReadForImport'),
  hubStatus: call('hubStatus'),
  hubJoin: call('hubJoin'),
  hubUnlock: call('hubUnlock'),
  hubLeave: call('hubLeave'),
  hubFetch: call('hubFetch'),
  hubAbort: call('hubAbort'),
  syncFileSign: call('syncFileSign'),
  syncFileVerify: call('syncFileVerify'),
  overviewSign: call('overviewSign'),
} satisfies RoomcheckApi;

contextBridge.exposeInMainWorld('roomcheck', api);
