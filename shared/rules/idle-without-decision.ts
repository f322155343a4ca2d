import { daysBetween } from '../calendar/dates.ts';
import { LABELS } from '../i18n/labels.ts';
import { fail, notApplicable, pass, type Rule } from './rule.ts';

// D2: a device still recorded as idle after the policy period has had no decision, because the
// decision (re-own it, or disconnect and decommission it) is itself a status change. Without an
// idle-since date the period cannot be measured, so the inspector judges.

export const idleWithoutDecisionRule: Rule = {
  itemId: 'D2',
  judge(device, { today, idlePolicyDays }) {
    if (device.status !== 'idle') {
      const name = LABELS.lifecycleStatus[device.status];
      return notApplicable(
        `Status is ${name.en.toLowerCase()}, not idle`,
        `状态为“${name.zh}”，并非闲置`,
      );
    }
    if (device.idleSince === null) return null;
    const days = daysBetween(device.idleSince, today);
    if (days === null || days < 0) return null; // a date in the future is a recording error
    if (days > idlePolicyDays) {
      return fail(
        `Idle since ${device.idleSince} (${days} days), longer than the policy period of ${idlePolicyDays} days, and still no decision recorded`,
        `自 ${device.idleSince} 起闲置（${days} 天），超过规定的 ${idlePolicyDays} 天，仍未作出处置决定`,
      );
    }
    return pass(
      `Idle for ${days} days, within the policy period of ${idlePolicyDays} days`,
      `已闲置 ${days} 天，未超过规定的 ${idlePolicyDays} 天`,
    );
  },
};
