import { daysBetween } from '../calendar/dates.ts';
import type { Device } from '../domain/schemas.ts';
import { LABELS } from '../i18n/labels.ts';
import { fail, notApplicable, pass, type Rule } from './rule.ts';

// D2: a device idle after the policy period has had no decision, because the decision (re-own
// it, or disconnect and decommission it) is itself a status change. A device is idle when it is
// recorded so, or when nobody has used it for longer than the period (its last login or last
// traffic, `lastSeen`), whatever its status says. Without a date the period cannot be
// measured, so the inspector judges.

/** Whole days from a past date to today, or null for no date or one after today. */
function daysSince(date: string | null, today: string): number | null {
  if (date === null) return null;
  const days = daysBetween(date, today);
  return days === null || days < 0 ? null : days; // a date in the future is a recording error
}

const SOURCE_PHRASE = {
  login: { en: 'last login', zh: '最近登录' },
  traffic: { en: 'last network traffic', zh: '最近网络流量' },
  unknown: { en: 'last seen in use', zh: '最近使用' },
} as const;

/** Still recorded in use, but not seen in use for longer than the period: idle in fact. */
function unusedInUse(device: Device, today: string, idlePolicyDays: number) {
  const { date, source } = device.lastSeen;
  const days = daysSince(date, today);
  if (days === null || days <= idlePolicyDays) return null;
  const how = SOURCE_PHRASE[source];
  const name = LABELS.lifecycleStatus[device.status];
  return fail(
    `Not seen in use for ${days} days (${how.en} ${date}), longer than the policy period of ${idlePolicyDays} days, yet recorded as ${name.en.toLowerCase()}: no decision recorded`,
    `已 ${days} 天未使用（${how.zh}：${date}），超过规定的 ${idlePolicyDays} 天，但仍记录为“${name.zh}”，未作出处置决定`,
  );
}

export const idleWithoutDecisionRule: Rule = {
  itemId: 'D2',
  judge(device, { today, idlePolicyDays }) {
    if (device.status !== 'idle') {
      if (
        device.status === 'active' ||
        device.status === 'planned' ||
        device.status === 'offline'
      ) {
        const unused = unusedInUse(device, today, idlePolicyDays);
        if (unused) return unused;
      }
      const name = LABELS.lifecycleStatus[device.status];
      return notApplicable(
        `Status is ${name.en.toLowerCase()}, not idle`,
        `状态为“${name.zh}”，并非闲置`,
      );
    }
    // Idle since when it was recorded idle, else since it was last seen in use.
    const since = device.idleSince ?? device.lastSeen.date;
    const days = daysSince(since, today);
    if (days === null) return null;
    if (days > idlePolicyDays) {
      return fail(
        `Idle since ${since} (${days} days), longer than the policy period of ${idlePolicyDays} days, and still no decision recorded`,
        `自 ${since} 起闲置（${days} 天），超过规定的 ${idlePolicyDays} 天，仍未作出处置决定`,
      );
    }
    return pass(
      `Idle for ${days} days, within the policy period of ${idlePolicyDays} days`,
      `已闲置 ${days} 天，未超过规定的 ${idlePolicyDays} 天`,
    );
  },
};
