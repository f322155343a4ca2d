import { beforeEach, describe, expect, it, vi } from 'vitest';
import {
  installPermissionPolicy,
  refuseBluetoothChooser,
} from '../../../../main/electron/permissions.ts';
import {
  PERMISSION_ALLOWLIST,
  isPermissionGranted,
} from '../../../../main/security/permissions.ts';
import {
  FakeSession,
  FakeWebContents,
  preventableEvent,
} from '../electron/support/fake-electron.ts';

vi.mock('electron', async () =>
  (await import('../electron/support/fake-electron.ts')).createFakeElectron(),
);

const DANGEROUS = [
  'media',
  'geolocation',
  'notifications',
  'midi',
  'midiSysex',
  'pointerLock',
  'fullscreen',
  'openExternal',
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'hid',
  'serial',
  'usb',
  'fileSystem',
  'idle-detection',
  'local-fonts',
  'window-management',
  'storage-access',
  'unknown',
];

const LOOKALIKES = [
  'http://example.invalid/?next=app://roomcheck',
  'app://roomcheck.evil',
  'app://roomcheck@evil',
  'APP://ROOMCHECK',
  'file:///',
  'null',
  '',
];

let session: FakeSession;
let contents: FakeWebContents;

beforeEach(() => {
  session = new FakeSession();
  contents = new FakeWebContents('app://roomcheck/');
  vi.spyOn(console, 'warn').mockImplementation(() => {});
  installPermissionPolicy(session as never);
});

function request(permission: string, requestingUrl: string, isMainFrame = true, wc = contents) {
  const answers: boolean[] = [];
  session.permissionRequestHandler?.(
    ...([
      wc,
      permission,
      (ok: boolean) => answers.push(ok),
      { requestingUrl, isMainFrame },
    ] as never[]),
  );
  expect(answers).toHaveLength(1);
  return answers[0];
}

function check(permission: string, origin: string, isMainFrame = true, embeddingOrigin?: string) {
  return session.permissionCheckHandler?.(
    ...([contents, permission, origin, { isMainFrame, embeddingOrigin }] as never[]),
  );
}

describe('permission allowlist', () => {
  it('is minimal and every entry says why', () => {
    expect(Object.keys(PERMISSION_ALLOWLIST)).toEqual(['persistent-storage']);
    for (const why of Object.values(PERMISSION_ALLOWLIST)) expect(why.length).toBeGreaterThan(40);
  });

  it('compares parsed origins, never substrings', () => {
    const base = { permission: 'persistent-storage', isMainFrame: true };
    expect(isPermissionGranted({ ...base, requestingUrl: 'app://roomcheck/' })).toBe(true);
    for (const url of LOOKALIKES) {
      expect(isPermissionGranted({ ...base, requestingUrl: url }), url).toBe(false);
    }
    expect(isPermissionGranted({ ...base, requestingUrl: undefined })).toBe(false);
  });
});

describe('permission request handler', () => {
  it('denies everything dangerous, even to our own origin', () => {
    for (const permission of DANGEROUS) {
      expect(request(permission, 'app://roomcheck/'), permission).toBe(false);
    }
  });

  it('grants the allowlisted permission to our top frame only', () => {
    expect(request('persistent-storage', 'app://roomcheck/')).toBe(true);
    expect(request('persistent-storage', 'app://roomcheck/', false)).toBe(false);
    for (const url of LOOKALIKES) expect(request('persistent-storage', url), url).toBe(false);
    const foreign = new FakeWebContents('https://example.invalid/');
    expect(request('persistent-storage', 'app://roomcheck/', true, foreign)).toBe(false);
  });
});

describe('permission check handler', () => {
  it('denies by default and compares origins', () => {
    for (const permission of DANGEROUS) expect(check(permission, 'app://roomcheck')).toBe(false);
    expect(check('persistent-storage', 'app://roomcheck')).toBe(true);
    expect(check('persistent-storage', 'app://roomcheck', true, 'app://roomcheck')).toBe(true);
    expect(check('persistent-storage', 'app://roomcheck', true, 'https://example.invalid')).toBe(
      false,
    );
    expect(check('persistent-storage', 'app://roomcheck', false)).toBe(false);
    for (const origin of LOOKALIKES)
      expect(check('persistent-storage', origin), origin).toBe(false);
  });
});

describe('devices', () => {
  it('refuses USB, HID and serial device access', () => {
    for (const deviceType of ['usb', 'hid', 'serial']) {
      expect(session.devicePermissionHandler?.({ deviceType, origin: 'app://roomcheck' })).toBe(
        false,
      );
    }
  });

  it('cancels the USB and HID choosers without picking a device', () => {
    for (const name of ['select-usb-device', 'select-hid-device']) {
      const event = preventableEvent();
      const callback = vi.fn();
      session.emit(name, event, { deviceList: [{ deviceId: 'key-1' }] }, callback);
      expect(event.defaultPrevented, name).toBe(true);
      expect(callback, name).toHaveBeenCalledTimes(1);
      expect(callback.mock.calls[0]?.[0], name).toBeUndefined();
    }
  });

  it('cancels the serial port chooser', () => {
    const event = preventableEvent();
    const callback = vi.fn();
    session.emit('select-serial-port', event, [{ portId: 'COM1' }], contents, callback);
    expect(event.defaultPrevented).toBe(true);
    expect(callback).toHaveBeenCalledWith('');
  });

  it('cancels the Bluetooth chooser and pairing', () => {
    refuseBluetoothChooser(contents as never);
    const event = preventableEvent();
    const callback = vi.fn();
    contents.emit('select-bluetooth-device', event, [{ deviceId: 'b1' }], callback);
    expect(event.defaultPrevented).toBe(true);
    expect(callback).toHaveBeenCalledWith('');
    const pairing = vi.fn();
    session.bluetoothPairingHandler?.({ deviceId: 'b1', pairingKind: 'confirm' }, pairing);
    expect(pairing).toHaveBeenCalledWith({ confirmed: false });
  });

  it('refuses screen capture', () => {
    const callback = vi.fn();
    session.displayMediaRequestHandler?.({ securityOrigin: 'app://roomcheck' }, callback);
    expect(callback).toHaveBeenCalledWith(null);
  });
});
