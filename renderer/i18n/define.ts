import { LANGS } from '../../shared/i18n/lang.ts';

export type { Lang } from '../../shared/i18n/lang.ts';
export { defineMessages } from '../../shared/i18n/define-messages.ts';
/** The UI languages, in the order the language switch offers them. */
export const LANGUAGES = LANGS;
