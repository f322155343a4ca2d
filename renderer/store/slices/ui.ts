import type { StateCreator } from 'zustand';
import type { Lang } from '../../i18n/define.ts';
import type { RootState } from '../store.ts';

/** A button in a toast, e.g. Undo after a deletion; running it dismisses the toast. */
export type ToastAction = { label: string; run: () => void };

export type Toast = { id: number; kind: 'info' | 'error'; text: string; action?: ToastAction };

export type UiSlice = {
  lang: Lang;
  toasts: Toast[];
  setLang: (lang: Lang) => void;
  notify: (kind: Toast['kind'], text: string, action?: ToastAction) => void;
  dismiss: (id: number) => void;
};

let nextToastId = 1;

export const createUiSlice: StateCreator<RootState, [], [], UiSlice> = (set) => ({
  lang: 'en',
  toasts: [],
  setLang: (lang) => set({ lang }),
  notify: (kind, text, action) => {
    const id = nextToastId++;
    set((s) => ({
      toasts: [...s.toasts.slice(-3), { id, kind, text, ...(action && { action }) }],
    }));
  },
  dismiss: (id) => set((s) => ({ toasts: s.toasts.filter((t) => t.id !== id) })),
});
