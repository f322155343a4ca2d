import { ipcMain, type IpcMainInvokeEvent, type WebContents } from 'electron';
import { CALL_NAMES, IPC_CHANNEL_PREFIX, type BridgeError } from '../../shared/bridge/contract.ts';
import { isAppUrl } from '../security/app-origin.ts';
import type { Dispatch, DispatchResult } from '../bridge/router.ts';

/**
 * Why a call is refused, or null when it comes from the top frame of the main window showing
 * app://roomcheck. The frame is checked, not just the web contents: an iframe or a page the
 * window navigated to must not reach the handlers.
 */
export function senderRefusal(
  event: Pick<IpcMainInvokeEvent, 'sender' | 'senderFrame'>,
  trusted: WebContents | null,
): string | null {
  const frame = event.senderFrame;
  if (!frame) return 'the calling frame no longer exists';
  if (frame.parent !== null) return 'calls are accepted from the top frame only';
  if (!isAppUrl(frame.url)) return 'calls are accepted from app://roomcheck only';
  if (!trusted || trusted.isDestroyed() || event.sender.id !== trusted.id) {
    return 'calls are accepted from the main window only';
  }
  const top = trusted.mainFrame;
  if (frame.processId !== top.processId || frame.routingId !== top.routingId) {
    return 'calls are accepted from the main window top frame only';
  }
  return null;
}

function refused(reason: string): DispatchResult {
  const error: BridgeError = { code: 'forbidden', message: `Bridge call refused: ${reason}.` };
  return { ok: false, error };
}

/**
 * Registers one `ipcMain.handle` channel per contract call. Every call passes the sender check
 * and then the router, which parses the payload before any handler runs. Refusals travel as
 * `{ ok: false, error }` like every other bridge failure. Returns a function that unregisters.
 */
export function registerIpcBridge(
  dispatch: Dispatch,
  getTrustedContents: () => WebContents | null,
): () => void {
  const channels = CALL_NAMES.map((name) => {
    const channel = IPC_CHANNEL_PREFIX + name;
    ipcMain.handle(channel, async (event, payload: unknown) => {
      const reason = senderRefusal(event, getTrustedContents());
      if (reason) {
        console.warn(`[ipc] ${name} refused: ${reason} (${event.senderFrame?.url ?? 'no frame'})`);
        return refused(reason);
      }
      return dispatch(name, payload);
    });
    return channel;
  });
  return () => channels.forEach((channel) => ipcMain.removeHandler(channel));
}
