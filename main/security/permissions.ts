import type { Session, WebContents } from 'electron';
import { isAppUrl } from './app-origin.ts';

type RequestHandler = NonNullable<Parameters<Session['setPermissionRequestHandler']>[0]>;
export type Permission = Parameters<RequestHandler>[1];

/**
 * The only permissions ever granted, each with why, and only to app://roomcheck's top frame.
 * Everything else (camera, microphone, geolocation, notifications, clipboard reads, USB, HID,
 * serial, Bluetooth, MIDI, fullscreen, screen capture, opening external links...) is refused.
 */
export const PERMISSION_ALLOWLIST: Readonly<Partial<Record<Permission, string>>> = {
  'persistent-storage':
    'The audit database lives in IndexedDB; navigator.storage.persist() keeps Chromium from ' +
    'evicting it under disk pressure. Grants no access to anything outside the app.',
};

function isAllowlisted(permission: string): boolean {
  return Object.prototype.hasOwnProperty.call(PERMISSION_ALLOWLIST, permission);
}

export type PermissionQuery = {
  permission: string;
  /** URL or origin of the frame asking. */
  requestingUrl: string | undefined;
  /** Origin of the top-level page, when Chromium reports it. */
  embeddingUrl?: string | undefined;
  isMainFrame: boolean;
};

/** Deny by default: granted only when allowlisted AND asked by our own origin's top frame. */
export function isPermissionGranted(query: PermissionQuery): boolean {
  if (!isAllowlisted(query.permission)) return false;
  if (!query.isMainFrame) return false;
  if (!isAppUrl(query.requestingUrl)) return false;
  if (query.embeddingUrl !== undefined && !isAppUrl(query.embeddingUrl)) return false;
  return true;
}

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
