import type { Device } from '../../../shared/domain/schemas.ts';
import { FIELD_INFO, type ImportField } from '../../../shared/import/fields.ts';
import type { MessageKey } from '../../i18n/catalog.ts';
import type { Translator } from '../../i18n/translate.ts';

// Device record fields by their display name: the import fields' bilingual labels where the
// names coincide, our own words for the records that do not fit one spreadsheet cell.

const OWN: Partial<Record<keyof Device, MessageKey>> = {
  siteId: 'exchange.field.site',
  roomId: 'exchange.field.room',
  rackId: 'exchange.field.rack',
  credentials: 'exchange.field.credentials',
  network: 'exchange.field.network',
  managementInterfaces: 'exchange.field.managementInterfaces',
  media: 'exchange.field.media',
  sanitization: 'exchange.field.sanitization',
  firstSeenAuditId: 'exchange.field.firstSeen',
};

export function deviceFieldLabel(t: Translator, field: keyof Device): string {
  const own = OWN[field];
  if (own) return t(own);
  const info = FIELD_INFO[field as ImportField] as (typeof FIELD_INFO)[ImportField] | undefined;
  return info ? info.label[t.lang] : field;
}
