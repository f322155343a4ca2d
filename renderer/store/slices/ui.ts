import type { StateCreator } from 'zustand';
import type { Lang } from '../../i18n/define.ts';
import type { RootState } from '../store.ts';

export type Toast = { id: number; kind: 'info' | 'error'; text: string };

export type UiSlice = {
  lang: Lang;
  toasts: Toast[];
  setLang: (lang: Lang) => void;
  notify: (kind: Toast['kind'], text: string) => void;
  dismiss: (id: number) => void;
};

let nextToastId = 1;

export const createUiSlice: StateCreator<RootState, [], [], UiSlice> = (set) => ({
  lang: 'en',
  toasts: [],
  setLang: (lang) => set({ lang }),
  notify: (kind, text) => {
    const id = nextToastId++;
    set((s) => ({ toasts: [...s.toasts.slice(-3), { id, kind, text }] }));
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});
