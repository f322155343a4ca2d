import type { LocalizedText } from '../domain/schemas.ts';
import type { Device } from '../domain/schemas.ts';
import type { LifecycleStatus } from '../domain/enums.ts';
import { LABELS } from '../i18n/labels.ts';

// A rule pre-judges one check item from what is recorded about a device and says why, in both
// languages; the inspector confirms or overrides it. A rule returns null when the record does
// not settle the question (unknown fields, or something only a look at the device can tell):
// a wrong suggestion costs more trust than no suggestion.

export interface RuleContext {
  /** The inspection day, YYYY-MM-DD. */
  readonly today: string;
  /** How long a device may stay idle before a decision is required (D2). */
  readonly idlePolicyDays: number;
}

export const DEFAULT_IDLE_POLICY_DAYS = 90;

export interface Suggestion {
  readonly result: 'pass' | 'fail' | 'na';
  readonly reason: LocalizedText;
}

export interface Rule {
  readonly itemId: string;
  readonly judge: (device: Device, context: RuleContext) => Suggestion | null;
}

export const fail = (en: string, zh: string): Suggestion => ({
  result: 'fail',
  reason: { en, zh },
});
export const pass = (en: string, zh: string): Suggestion => ({
  result: 'pass',
  reason: { en, zh },
});
export const notApplicable = (en: string, zh: string): Suggestion => ({
  result: 'na',
  reason: { en, zh },
});

/** "Status is idle" / "状态为闲置", with the status named as the UI names it. */
export function statusPhrase(status: LifecycleStatus): { en: string; zh: string } {
  const name = LABELS.lifecycleStatus[status];
  return { en: `Status is ${name.en.toLowerCase()}`, zh: `状态为“${name.zh}”` };
}

/** Statuses in which a device has been taken out of service and is not yet gone. */
export const OUT_OF_SERVICE: readonly LifecycleStatus[] = [
  'idle',
  'offline',
  'decommissioning',
  'awaiting_sanitization',
  'sanitized',
  'disposed',
  'stored_spare',
];
