import type { Classification, SanitizationMethod } from '../domain/enums.ts';
import { LABELS } from '../i18n/labels.ts';
import { fail, notApplicable, pass, statusPhrase, type Rule } from './rule.ts';
import { IN_SERVICE } from './sanitization-record.ts';

// M2: the method must match the highest classification the device processed. The default
// policy: carriers of state secrets (秘密 and above, here confidential and up) are destroyed
// when they leave classified use, as Chinese secrecy rules require, never merely wiped;
// internal data needs at least purge (NIST 800-88 for media leaving organisational control);
// unclassified kit may be cleared. An inspector whose organisation rules otherwise overrides
// the suggestion with a note, which the report records.

const REQUIRED: Readonly<Record<Classification, SanitizationMethod>> = {
  unclassified: 'clear',
  internal: 'purge',
  confidential: 'destroy',
  secret: 'destroy',
  top_secret: 'destroy',
};
const STRENGTH: Readonly<Record<SanitizationMethod, number>> = { clear: 0, purge: 1, destroy: 2 };

export const sanitizationStrengthRule: Rule = {
  itemId: 'M2',
  judge(device) {
    const record = device.sanitization;
    if (!record) {
      if (!IN_SERVICE.includes(device.status)) return null; // M1 says whether a record is due
      const status = statusPhrase(device.status);
      return notApplicable(
        `${status.en}: not leaving the room or being re-used`,
        `${status.zh}：未离开机房，也未再利用`,
      );
    }
    const required = REQUIRED[device.classification];
    const level = LABELS.classification[device.classification];
    const done = LABELS.sanitizationMethod[record.method];
    const need = LABELS.sanitizationMethod[required];
    if (STRENGTH[record.method] < STRENGTH[required])
      return fail(
        `Sanitized by ${done.en.toLowerCase()}, but ${level.en.toLowerCase()} requires ${need.en.toLowerCase()}`,
        `采用“${done.zh}”方式处理，但“${level.zh}”级要求“${need.zh}”`,
      );
    return pass(
      `${done.en} meets what ${level.en.toLowerCase()} requires (${need.en.toLowerCase()})`,
      `“${done.zh}”满足“${level.zh}”级的要求（${need.zh}）`,
    );
  },
};
