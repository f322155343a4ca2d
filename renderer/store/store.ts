import { create } from 'zustand';
import { createHubSlice, type HubSlice } from './slices/hub.ts';
import { createInventorySlice, type InventorySlice } from './slices/inventory.ts';
import { createNavigationSlice, type NavigationSlice } from './slices/navigation.ts';
import { createUiSlice, type UiSlice } from './slices/ui.ts';
import { createWalkSlice, type WalkSlice } from './slices/walkthrough.ts';

/** One store made of slices; components select narrowly (`useStore((s) => s.lang)`). */
export type RootState = UiSlice & NavigationSlice & InventorySlice & WalkSlice & HubSlice;

export const useStore = create<RootState>()((...a) => ({
  ...createUiSlice(...a),
  ...createNavigationSlice(...a),
  ...createInventorySlice(...a),
  ...createWalkSlice(...a),
  ...createHubSlice(...a),
}));
