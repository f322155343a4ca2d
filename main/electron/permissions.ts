import type { Session, WebContents } from 'electron';
import { isPermissionGranted, type PERMISSION_ALLOWLIST } from '../security/permissions.ts';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
type Permission = Parameters<RequestHandler>[1];
type OnlyPermissions<T extends Permission> = T;
/** Fails to compile when the allowlist names something Electron does not call a permission. */
export type AllowlistedPermission = OnlyPermissions<keyof typeof PERMISSION_ALLOWLIST>;

function logDenied(kind: string, permission: string, origin: string | undefined) {
  console.warn(`[permissions] denied ${kind} ${permission} for ${String(origin).slice(0, 200)}`);
}

/**
 * Installs the deny-by-default policy on a session: permission requests and checks, device
 * access (USB, HID, serial), device choosers, Bluetooth pairing and screen capture.
 */
export function installPermissionPolicy(session: Session): void {
  session.setPermissionRequestHandler((webContents, permission, callback, details) => {
    const granted = isPermissionGranted({
      permission,
      requestingUrl: details.requestingUrl,
      embeddingUrl: webContents.getURL(),
      isMainFrame: details.isMainFrame,
    });
    if (!granted) logDenied('request', permission, details.requestingUrl);
    callback(granted);
  });

  session.setPermissionCheckHandler((_webContents, permission, requestingOrigin, details) =>
    isPermissionGranted({
      permission,
      requestingUrl: requestingOrigin,
      embeddingUrl: details.embeddingOrigin,
      isMainFrame: details.isMainFrame,
    }),
  );

  session.setDevicePermissionHandler((details) => {
    logDenied('device', details.deviceType, details.origin);
    return false;
  });

  // Choosers: cancel without picking a device.
  session.on('select-usb-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-hid-device', (event, _details, callback) => {
    event.preventDefault();
    callback();
  });
  session.on('select-serial-port', (event, _ports, _webContents, callback) => {
    event.preventDefault();
    callback('');
  });

  session.setBluetoothPairingHandler((_details, callback) => callback({ confirmed: false }));
  session.setDisplayMediaRequestHandler((_request, callback) => callback(null));
}

/** Web Bluetooth's device chooser is a per-window event: cancel it without a device. */
export function refuseBluetoothChooser(contents: WebContents): void {
  contents.on('select-bluetooth-device', (event, _devices, callback) => {
    event.preventDefault();
    callback('');
  });
}
