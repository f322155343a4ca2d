import type { LifecycleStatus } from '../domain/enums.ts';
import { notApplicable, statusPhrase, type Rule } from './rule.ts';

/** D6 concerns kit kept as a spare or waiting to leave; whether it is locked is seen, not recorded. */
const SPARE_OR_RETIRED: readonly LifecycleStatus[] = [
  'stored_spare',
  'awaiting_sanitization',
  'sanitized',
  'failed',
];

export const spareStoredRule: Rule = {
  itemId: 'D6',
  judge(device) {
    if (SPARE_OR_RETIRED.includes(device.status)) return null;
    const status = statusPhrase(device.status);
    return notApplicable(
      `${status.en}: not a spare or retired item in storage`,
      `${status.zh}：不是存放中的备用或退役设备`,
    );
  },
};
