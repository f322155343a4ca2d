import { formatImportMessage, ImportError } from '../../../shared/import/messages.ts';
import { BridgeCallError } from '../../bridge/client.ts';
import { ExchangeError } from '../../db/exchange-error.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import type { Translator } from '../../i18n/translate.ts';

// Every way an import can fail, as one sentence in the user's language. No stack trace, no
// raw exception text except where the message was written for people (bridge errors).

const EXCHANGE: Record<ExchangeError['code'], MessageKey> = {
  audit_exists: 'exchange.error.audit_exists',
  stale_preview: 'exchange.error.stale_preview',
  asset_tag_taken: 'exchange.error.asset_tag_taken',
  ambiguous_device: 'exchange.error.ambiguous_device',
  device_id_elsewhere: 'exchange.error.device_id_elsewhere',
  mapping_name_required: 'exchange.error.mapping_name_required',
  prior_missing: 'exchange.error.prior_missing',
  room_missing: 'exchange.error.room_missing',
  newer_database: 'exchange.error.newer_database',
};

export function problemText(t: Translator, err: unknown): string {
  if (err instanceof ImportError) return formatImportMessage(err.detail, t.lang);
  if (err instanceof ExchangeError) return t(EXCHANGE[err.code], err.params);
  if (err instanceof BridgeCallError) return t('exchange.error.bridge', { message: err.message });
  if (err instanceof Error && /Constraint|Abort|Quota|Database|Transaction/i.test(err.name))
    return t('exchange.error.database', { name: err.name });
  return t('exchange.error.unexpected');
}
