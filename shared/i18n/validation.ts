import type { z } from 'zod';
import { LABELS } from './labels.ts';
import { fillMessage } from './define-messages.ts';
import type { Lang } from './lang.ts';
import { errors, type ErrorKey } from './messages/errors.ts';

// A record that fails its schema is told to a person as one sentence naming the field and the
// limit, in their language: never zod's issue list, which is JSON written for developers.

type Issue = z.core.$ZodIssue;

/** The catalog key naming the field at the end of `path`, or null when none is known. */
function fieldKey(path: readonly PropertyKey[]): string | null {
  // An item of a list (inspectors[2]) is named after its list.
  const last = [...path].reverse().find((p): p is string => typeof p === 'string');
  return last ?? null;
}

function fieldName(path: readonly PropertyKey[], lang: Lang): string {
  const key = fieldKey(path);
  if (key !== null) {
    const own = `error.field.${key}`;
    if (Object.hasOwn(errors[lang], own)) return errors[lang][own as ErrorKey];
    const device = LABELS.deviceField as Readonly<Record<string, { en: string; zh: string }>>;
    if (Object.hasOwn(device, key)) return device[key]![lang];
  }
  return errors[lang]['error.field.value'];
}

function messageOf(issue: Issue): { key: ErrorKey; limit: Record<string, number> } {
  switch (issue.code) {
    case 'too_big': {
      const max = Number(issue.maximum);
      if (issue.origin === 'string') return { key: 'error.tooLong', limit: { max } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'error.tooMany', limit: { max } };
      return { key: 'error.tooBig', limit: { max } };
    }
    case 'too_small': {
      const min = Number(issue.minimum);
      if (issue.origin === 'string')
        return min <= 1
          ? { key: 'error.required', limit: {} }
          : { key: 'error.tooShort', limit: { min } };
      if (issue.origin === 'array' || issue.origin === 'set')
        return { key: 'error.tooFew', limit: { min } };
      return { key: 'error.tooSmall', limit: { min } };
    }
    case 'invalid_type':
      if (issue.expected === 'int') return { key: 'error.notWhole', limit: {} };
      return { key: 'error.invalid', limit: {} };
    case 'invalid_format':
      if (issue.format === 'regex' && /YYYY-MM-DD/.test(issue.message))
        return { key: 'error.dateFormat', limit: {} };
      return { key: 'error.invalid', limit: {} };
    default:
      return { key: 'error.invalid', limit: {} };
  }
}

/**
 * The sentence for a schema failure: its first problem (the one a person fixes first; the
 * others usually follow from the same input), in `lang`.
 */
export function validationSentence(error: z.ZodError, lang: Lang): string {
  const issue = error.issues[0];
  if (!issue) return fillMessage(errors[lang]['error.invalid'], { field: fieldName([], lang) });
  const { key, limit } = messageOf(issue);
  return fillMessage(errors[lang][key], { ...limit, field: fieldName(issue.path, lang) });
}

/** True for zod's error, also when it crossed a module boundary (Dexie rethrows it as is). */
export const isValidationError = (err: unknown): err is z.ZodError =>
  err instanceof Error &&
  err.name === 'ZodError' &&
  Array.isArray((err as { issues?: unknown }).issues);
