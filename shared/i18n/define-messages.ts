/**
 * Declares one catalog of messages. The Chinese table must have exactly the English keys, so a
 * missing translation is a type error; test/unit/renderer/i18n checks the same at run time (and
 * that no value is empty), which also catches keys added through casts.
 */
export function defineMessages<const E extends Record<string, string>>(
  en: E,
  zh: { [K in keyof E]: string },
): { en: E; zh: { [K in keyof E]: string } } {
  return { en, zh };
}

export type MessageParams = Readonly<Record<string, string | number>>;

/** `text` with each `{name}` replaced by its parameter; unknown placeholders stay visible. */
export function fillMessage(text: string, params?: MessageParams): string {
  if (!params) return text;
  return text.replace(/\{(\w+)\}/g, (whole, name: string) =>
    Object.hasOwn(params, name) ? String(params[name]) : whole,
  );
}
