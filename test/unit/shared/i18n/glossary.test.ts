import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { GLOSSARY, type Term } from '../../../../shared/i18n/glossary.ts';
import { LABELS } from '../../../../shared/i18n/labels.ts';
import { errors } from '../../../../shared/i18n/messages/errors.ts';
import {
  formatImportMessage,
  IMPORT_MESSAGE_CODES,
  type ImportMessage,
} from '../../../../shared/import/messages.ts';
import { REPORT_STRINGS } from '../../../../shared/report/strings.ts';
import {
  formatVerifyMessage,
  VERIFY_MESSAGE_CODES,
  type VerifyMessage,
} from '../../../../shared/verify/messages.ts';
import { MESSAGES } from '../../../../renderer/i18n/catalog.ts';

/** Every text of every catalog, as [where, English, Chinese]. */
function catalogTexts(): [string, string, string][] {
  const out: [string, string, string][] = [];
  for (const [key, en] of Object.entries(MESSAGES.en))
    out.push([`renderer ${key}`, en, MESSAGES.zh[key as keyof typeof MESSAGES.zh]]);
  for (const [key, en] of Object.entries(errors.en))
    out.push([`errors ${key}`, en, errors.zh[key as keyof typeof errors.zh]]);
  for (const [kind, table] of Object.entries(LABELS))
    for (const [value, text] of Object.entries(table as Record<string, { en: string; zh: string }>))
      out.push([`label ${kind}.${value}`, text.en, text.zh]);
  for (const code of IMPORT_MESSAGE_CODES) {
    const message = { code, params: {} } as ImportMessage;
    out.push([
      `import ${code}`,
      formatImportMessage(message, 'en'),
      formatImportMessage(message, 'zh'),
    ]);
  }
  for (const code of VERIFY_MESSAGE_CODES) {
    const message = { code, params: {} } as VerifyMessage;
    out.push([
      `verify ${code}`,
      formatVerifyMessage(message, 'en'),
      formatVerifyMessage(message, 'zh'),
    ]);
  }
  // A phrase built by a function is read from its source when sample arguments do not fit it.
  const say = (v: unknown): string => {
    if (typeof v !== 'function') return String(v);
    try {
      return String((v as (...a: string[]) => unknown)('X', 'Y', 'Z'));
    } catch {
      return v.toString();
    }
  };
  for (const [key, en] of Object.entries(REPORT_STRINGS.en))
    out.push([
      `report ${key}`,
      say(en),
      say((REPORT_STRINGS.zh as unknown as Record<string, unknown>)[key]),
    ]);
  return out;
}

describe('glossary', () => {
  const texts = catalogTexts();

  it('reads a real number of texts from every catalog', () => {
    for (const source of ['renderer', 'errors', 'label', 'import', 'verify', 'report'])
      expect(texts.filter(([where]) => where.startsWith(`${source} `)).length).toBeGreaterThan(10);
  });

  it('no catalog uses a Chinese variant the glossary rules out', () => {
    const found = texts.flatMap(([where, , zh]) =>
      Object.values(GLOSSARY).flatMap((term) =>
        term.avoid.filter((bad) => zh.includes(bad)).map((bad) => `${where}: ${bad} → ${term.zh}`),
      ),
    );
    expect(found).toEqual([]);
  });

  it('a label that names a term in English names it with the glossary’s Chinese', () => {
    const differ = texts.flatMap(([where, en, zh]) =>
      Object.values<Term>(GLOSSARY)
        .filter((term) => term.label !== false)
        .filter(
          (term) => en.trim().toLowerCase() === term.en.toLowerCase() && zh.trim() !== term.zh,
        )
        .map((term) => `${where}: ${zh} ≠ ${term.zh}`),
    );
    expect(differ).toEqual([]);
  });

  it('a variant the glossary rules out would be caught (the check can fail)', () => {
    const sample = `本次${GLOSSARY.audit.avoid[0]}已完成`;
    expect(Object.values(GLOSSARY).some((t) => t.avoid.some((bad) => sample.includes(bad)))).toBe(
      true,
    );
  });
});

describe('one Lang type', () => {
  it('no source file restates the language union outside shared/i18n/lang.ts', () => {
    const restated: string[] = [];
    const walk = (dir: string) => {
      for (const name of readdirSync(dir)) {
        const path = join(dir, name);
        if (statSync(path).isDirectory()) walk(path);
        else if (/\.tsx?$/.test(name) && path !== join('shared', 'i18n', 'lang.ts')) {
          const text = readFileSync(path, 'utf8');
          if (/'en' \| 'zh'|\['en', 'zh'\] as const/.test(text)) restated.push(path);
        }
      }
    };
    for (const root of ['shared', 'renderer', 'main']) walk(root);
    expect(restated).toEqual([]);
  });
});
