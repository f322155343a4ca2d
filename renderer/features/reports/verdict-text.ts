import type { VerdictCode, VerdictStatus } from '../../../shared/verify/verdict.ts';
import type { MessageKey } from '../../i18n/catalog.ts';

// The verifier's codes in the user's language; main's own sentence (English, precise) is shown
// beneath as the detail.

export const CODE_TEXT: Record<VerdictCode, MessageKey> = {
  ok: 'verify.code.ok',
  not_pdf: 'verify.code.not_pdf',
  damaged: 'verify.code.damaged',
  unsupported: 'verify.code.unsupported',
  no_signature: 'verify.code.no_signature',
  byte_range: 'verify.code.byte_range',
  modified: 'verify.code.modified',
  digest_mismatch: 'verify.code.digest_mismatch',
  bad_signature: 'verify.code.bad_signature',
  bad_cms: 'verify.code.bad_cms',
  signing_certificate: 'verify.code.signing_certificate',
  untrusted: 'verify.code.untrusted',
  certificate_time: 'verify.code.certificate_time',
};

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
export const isUnreadable = (code: VerdictCode): boolean =>
  code === 'not_pdf' || code === 'damaged' || code === 'no_signature';
