import type { VerdictCode, VerdictStatus } from '../../../shared/verify/verdict.ts';
import type { MessageKey } from '../../i18n/catalog.ts';

// Verdict statuses in the user's language. Reasons arrive as message codes with parameters
// (shared/verify/messages.ts) and are worded by formatVerifyMessage in the same language.

export const STATUS_TEXT: Record<VerdictStatus, MessageKey> = {
  valid: 'verify.status.valid',
  invalid: 'verify.status.invalid',
  indeterminate: 'verify.status.indeterminate',
};

export const STATUS_HEADLINE: Record<VerdictStatus, MessageKey> = {
  valid: 'verify.headline.valid',
  invalid: 'verify.headline.invalid',
  indeterminate: 'verify.headline.indeterminate',
};

/** Files the verifier could not read as a signed PDF at all: no verdict about a signature. */
export const isUnreadable = (v: { code: VerdictCode; signatures: readonly unknown[] }): boolean =>
  v.signatures.length === 0 &&
  (v.code === 'not_pdf' || v.code === 'damaged' || v.code === 'no_signature');
