import type { LifecycleStatus } from '../domain/enums.ts';
import { fail, notApplicable, statusPhrase, type Rule } from './rule.ts';

// C2, the second MSS case: an idle video platform still held the passwords of many cameras.
// A system that stores other devices' credentials and has been left idle, taken out of
// service, put on a shelf or lost still holds working passwords to live devices; the record has
// no field saying those were rotated, so it fails until the inspector confirms they were.
// Once sanitized or disposed the store itself is gone, but whether the other devices'
// passwords were changed is something only the inspector can confirm: no suggestion.
// Cameras are on the other side of the relationship (their passwords are the ones stored) and
// nothing on a camera's record says which system holds them: no suggestion either.

const RETIRED_BUT_HOLDING: readonly LifecycleStatus[] = [
  'idle',
  'offline',
  'decommissioning',
  'awaiting_sanitization',
  'stored_spare',
  'missing',
];

export const storedCredentialsRule: Rule = {
  itemId: 'C2',
  judge(device) {
    if (!device.credentials.storesOtherCredentials) {
      if (device.type === 'ip_camera') return null;
      return notApplicable("Does not store other devices' credentials", '不存储其他设备的口令');
    }
    if (RETIRED_BUT_HOLDING.includes(device.status)) {
      const status = statusPhrase(device.status);
      return fail(
        `${status.en} and it stores other devices' credentials; no record that they were rotated`,
        `${status.zh}，且存有其他设备的口令，无记录表明这些口令已更换`,
      );
    }
    return null;
  },
};
