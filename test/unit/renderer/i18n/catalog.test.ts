import { describe, expect, it } from 'vitest';
import { CATALOGS, MESSAGES } from '../../../../renderer/i18n/catalog.ts';
import { translate } from '../../../../renderer/i18n/translate.ts';

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('UI messages', () => {
  for (const [feature, catalog] of Object.entries(CATALOGS)) {
    describe(feature, () => {
      it('has exactly the same keys in English and Simplified Chinese', () => {
        const en = Object.keys(catalog.en).sort();
        const zh = Object.keys(catalog.zh).sort();
        expect(
          zh.filter((k) => !en.includes(k)),
          'keys only in Chinese',
        ).toEqual([]);
        expect(
          en.filter((k) => !zh.includes(k)),
          'keys missing in Chinese',
        ).toEqual([]);
      });

      it('has no empty text and the same {placeholders} in both languages', () => {
        for (const [key, text] of Object.entries(catalog.en)) {
          const zh = (catalog.zh as Record<string, string>)[key] ?? '';
          expect(text.trim(), `${key} (en)`).not.toBe('');
          expect(zh.trim(), `${key} (zh)`).not.toBe('');
          expect(placeholders(zh), `${key} placeholders`).toEqual(placeholders(text));
        }
      });

      it('prefixes its keys so catalogs merge without collisions', () => {
        const prefixes = new Set(Object.keys(catalog.en).map((k) => k.split('.')[0]));
        for (const prefix of prefixes) {
          const owners = Object.entries(CATALOGS).filter(([, c]) =>
            Object.keys(c.en).some((k) => k.startsWith(`${prefix}.`)),
          );
          expect(
            owners.map(([name]) => name),
            `prefix "${prefix}" used by several catalogs`,
          ).toEqual([feature]);
        }
      });
    });
  }

  it('Chinese text is actually Chinese where English has letters (no copy-paste of English)', () => {
    const untranslated = Object.entries(MESSAGES.en).filter(([key, en]) => {
      const zh = MESSAGES.zh[key as keyof typeof MESSAGES.zh];
      return /[a-z]{4,}/i.test(en.replace(/\{\w+\}/g, '')) && zh === en;
    });
    // Product names and codes may legitimately stay the same; everything else must differ.
    const allowed = new Set(['common.appName']);
    expect(untranslated.map(([k]) => k).filter((k) => !allowed.has(k))).toEqual([]);
  });

  it('fills placeholders', () => {
    expect(translate('en', 'common.version', { version: '1.0' })).toBe('Version 1.0');
    expect(translate('zh', 'common.version', { version: '1.0' })).toBe('版本 1.0');
  });
});
