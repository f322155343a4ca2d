// The languages a person can read Roomcheck in: the UI, the report, import and verification
// messages and the CSV headers all take their `Lang` from here, so adding a language is one
// entry and every table keyed by language stops compiling until it is filled in.

export const LANGS = ['en', 'zh'] as const;
export type Lang = (typeof LANGS)[number];

/** A text written in every language, e.g. a catalog entry or a check item's wording. */
export type Bilingual = { readonly [L in Lang]: string };

export const isLang = (value: unknown): value is Lang => LANGS.includes(value as Lang);

/**
 * The BCP 47 tag of each language: the page's `lang` (fonts, hyphenation, screen readers) and
 * every date and time shown in the UI are formatted with it, so dates follow the chosen language.
 */
export const LOCALES: { readonly [L in Lang]: string } = { en: 'en-GB', zh: 'zh-CN' };
