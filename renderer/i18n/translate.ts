import { fillMessage } from '../../shared/i18n/define-messages.ts';
import { label, type LabelKind } from '../../shared/i18n/labels.ts';
import { MESSAGES, type MessageKey } from './catalog.ts';
import type { Lang } from './define.ts';

export type Params = Record<string, string | number>;

export const translate = (lang: Lang, key: MessageKey, params?: Params): string =>
  fillMessage(MESSAGES[lang][key], params);

export type Translator = ((key: MessageKey, params?: Params) => string) & {
  lang: Lang;
  /** Display label of a stored enum value (device type, status, severity…). */
  label: (kind: LabelKind, value: string) => string;
};

export function makeTranslator(lang: Lang): Translator {
  const t = ((key: MessageKey, params?: Params) => translate(lang, key, params)) as Translator;
  t.lang = lang;
  t.label = (kind, value) => label(kind, value as never, lang);
  return t;
}
