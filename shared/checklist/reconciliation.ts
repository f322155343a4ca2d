import type { ReconciliationState } from '../domain/enums.ts';
import type { Device, Reconciliation } from '../domain/schemas.ts';
import { prejudge, type RuleContext, type Suggestion } from '../rules/prejudge.ts';

// What the inspector records about the inventory during the walk (a device not found, one found
// here that the inventory does not know, one in the wrong place) settles some check items. These
// suggestions take precedence over the record-based rules: what was seen today beats what was
// written down months ago. Like the rules, they only suggest; the inspector confirms.

const NOT_FOUND_I2: Suggestion = {
  result: 'fail',
  reason: { en: 'Marked not found during this audit', zh: '本次检查中标记为“未找到”' },
};
const NOT_FOUND_OTHER: Suggestion = {
  result: 'na',
  reason: { en: 'Device not found: it cannot be checked', zh: '设备未找到，无法检查' },
};
const WRONG_LOCATION_I3: Suggestion = {
  result: 'fail',
  reason: {
    en: 'Found at another location than recorded',
    zh: '实际位置与记录不符',
  },
};
const UNEXPECTED_I3: Suggestion = {
  result: 'fail',
  reason: { en: 'Found here but not in the inventory', zh: '在本机房发现，但未登记在台账中' },
};

/** The suggestion a device's reconciliation state makes for one item, if any. */
export function reconciliationSuggestion(
  itemId: string,
  state: ReconciliationState | undefined,
): Suggestion | null {
  switch (state) {
    case 'not_found':
      return itemId === 'I2' ? NOT_FOUND_I2 : NOT_FOUND_OTHER;
    case 'wrong_location':
      return itemId === 'I3' ? WRONG_LOCATION_I3 : null;
    case 'unexpected':
      return itemId === 'I3' ? UNEXPECTED_I3 : null;
    default:
      return null;
  }
}

/** Room-level suggestions from the reconciliation of the room's devices (I1: all inventoried). */
export function roomSuggestion(itemId: string, unexpectedCount: number): Suggestion | null {
  if (itemId !== 'I1' || unexpectedCount === 0) return null;
  return {
    result: 'fail',
    reason: {
      en: `${unexpectedCount} device(s) found here that the inventory did not list`,
      zh: `发现 ${unexpectedCount} 台未登记在台账中的设备`,
    },
  };
}

/**
 * The suggestion shown for one step: reconciliation first, then the record-based rule.
 * `device` null means the room itself.
 */
export function suggestionFor(
  itemId: string,
  device: Device | null,
  state: ReconciliationState | undefined,
  context: RuleContext & { unexpectedInRoom: number },
): Suggestion | null {
  if (!device) return roomSuggestion(itemId, context.unexpectedInRoom);
  return reconciliationSuggestion(itemId, state) ?? prejudge(itemId, device, context);
}

export interface ReconciliationLists {
  /** Inventoried devices not found in the room. */
  readonly missing: readonly Reconciliation[];
  /** Devices found in the room that the inventory did not list. */
  readonly unexpected: readonly Reconciliation[];
  /** Devices found, but not where the inventory put them. */
  readonly moved: readonly Reconciliation[];
}

export function reconciliationLists(records: Iterable<Reconciliation>): ReconciliationLists {
  const missing: Reconciliation[] = [];
  const unexpected: Reconciliation[] = [];
  const moved: Reconciliation[] = [];
  for (const record of records) {
    if (record.state === 'not_found') missing.push(record);
    else if (record.state === 'unexpected') unexpected.push(record);
    else if (record.state === 'wrong_location') moved.push(record);
  }
  return { missing, unexpected, moved };
}
