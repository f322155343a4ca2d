import { create } from 'zustand';
import { createNavigationSlice, type NavigationSlice } from './slices/navigation.ts';
import { createUiSlice, type UiSlice } from './slices/ui.ts';

/** One store made of slices; components select narrowly (`useStore((s) => s.lang)`). */
export type RootState = UiSlice & NavigationSlice;

export const useStore = create<RootState>()((...a) => ({
  ...createUiSlice(...a),
  ...createNavigationSlice(...a),
}));
