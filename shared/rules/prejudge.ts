import type { Device } from '../domain/schemas.ts';
import { requireDayNumber } from '../calendar/dates.ts';
import { decommissionedRecordsRule } from './decommissioned-records.ts';
import { decommissioningUnpluggedRule } from './decommissioning-unplugged.ts';
import { defaultCredentialsRule } from './default-credentials.ts';
import { embeddedStorageRule } from './embedded-storage.ts';
import { endOfSupportRule } from './end-of-support.ts';
import { firmwareRecordedRule } from './firmware-recorded.ts';
import { idleDeviceLiveRule } from './idle-device-live.ts';
import { idleWithoutDecisionRule } from './idle-without-decision.ts';
import { ownerRecordedRule } from './owner-recorded.ts';
import { platformAdministratorRule } from './platform-administrator.ts';
import { presenceRule } from './presence.ts';
import { remoteManagementRule } from './remote-management.ts';
import type { Rule, RuleContext, Suggestion } from './rule.ts';
import { sanitizationRecordRule } from './sanitization-record.ts';
import { sanitizationStrengthRule } from './sanitization-strength.ts';
import { spareStoredRule } from './spare-stored.ts';
import { storedCredentialsRule } from './stored-credentials.ts';

export type { RuleContext, Suggestion } from './rule.ts';
export { DEFAULT_IDLE_POLICY_DAYS } from './rule.ts';

/** One rule per check item id of the built-in checklist; copies of it keep the ids. */
export const RULES: readonly Rule[] = [
  presenceRule,
  ownerRecordedRule,
  idleDeviceLiveRule,
  idleWithoutDecisionRule,
  decommissioningUnpluggedRule,
  decommissionedRecordsRule,
  platformAdministratorRule,
  spareStoredRule,
  remoteManagementRule,
  defaultCredentialsRule,
  storedCredentialsRule,
  endOfSupportRule,
  firmwareRecordedRule,
  sanitizationRecordRule,
  sanitizationStrengthRule,
  embeddedStorageRule,
];

const byItem = new Map(RULES.map((rule) => [rule.itemId, rule]));

/** Item ids that have a rule, for the UI to mark pre-judgeable items. */
export const PREJUDGED_ITEM_IDS: ReadonlySet<string> = new Set(byItem.keys());

/**
 * What the record says about a device item, with the reason in both languages, or null when
 * no rule covers the item or the record does not settle it. Room-level items have no rules.
 */
export function prejudge(itemId: string, device: Device, context: RuleContext): Suggestion | null {
  checkContext(context);
  return byItem.get(itemId)?.judge(device, context) ?? null;
}

// The walk-through asks for ~30,000 suggestions with one context: validate each distinct
// context once, not per call.
let lastValid: { today: string; idlePolicyDays: number } | null = null;

function checkContext(context: RuleContext): void {
  if (
    lastValid !== null &&
    lastValid.today === context.today &&
    lastValid.idlePolicyDays === context.idlePolicyDays
  )
    return;
  requireDayNumber(context.today, 'today');
  if (!Number.isInteger(context.idlePolicyDays) || context.idlePolicyDays < 0)
    throw new RangeError(
      `idlePolicyDays must be a whole number of days, got ${context.idlePolicyDays}`,
    );
  lastValid = { today: context.today, idlePolicyDays: context.idlePolicyDays };
}
