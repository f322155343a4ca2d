import { isAppUrl } from './app-origin.ts';

/**
 * The only permissions ever granted, each with why, and only to app://roomcheck's top frame.
 * Everything else (camera, microphone, geolocation, notifications, clipboard reads, USB, HID,
 * serial, Bluetooth, MIDI, fullscreen, screen capture, opening external links...) is refused.
 * Plain Node so it can be tested without Electron; main/electron/permissions.ts installs it and
 * checks at compile time that every name is one of Electron's permission strings.
 */
export const PERMISSION_ALLOWLIST = {
  'persistent-storage':
    'The audit database lives in IndexedDB; navigator.storage.persist() keeps Chromium from ' +
    'evicting it under disk pressure. Grants no access to anything outside the app.',
} as const satisfies Readonly<Record<string, string>>;

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
