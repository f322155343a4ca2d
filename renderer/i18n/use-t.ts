import { useMemo } from 'react';
import { useStore } from '../store/store.ts';
import { makeTranslator, type Translator } from './translate.ts';

export function useT(): Translator {
  const lang = useStore((s) => s.lang);
  return useMemo(() => makeTranslator(lang), [lang]);
}
