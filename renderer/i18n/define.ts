export const LANGUAGES = ['en', 'zh'] as const;
export type Lang = (typeof LANGUAGES)[number];

/**
 * Declares one feature's messages. The Chinese table must have exactly the English keys, so a
 * missing translation is a type error; test/unit/renderer/i18n checks the same at run time (and that
 * no value is empty), which also catches keys added through casts.
 */
export function defineMessages<const E extends Record<string, string>>(
  en: E,
  zh: { [K in keyof E]: string },
): { en: E; zh: { [K in keyof E]: string } } {
  return { en, zh };
}
