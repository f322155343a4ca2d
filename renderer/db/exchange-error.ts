// Why an import, restore or carry-forward was refused, as a code the UI translates (both
// languages) plus parameters; the English message is for logs and tests. Thrown inside a
// transaction, it aborts it, so the database stays exactly as it was.

export type ExchangeErrorCode =
  | 'audit_exists'
  | 'stale_preview'
  | 'asset_tag_taken'
  | 'ambiguous_device'
  | 'device_id_elsewhere'
  | 'mapping_name_required'
  | 'prior_missing'
  | 'room_missing'
  | 'newer_database';

export class ExchangeError extends Error {
  constructor(
    readonly code: ExchangeErrorCode,
    message: string,
    readonly params: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = 'ExchangeError';
  }
}
