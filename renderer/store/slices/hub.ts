import type { StateCreator } from 'zustand';
import type { HubStatus } from '../../../shared/bridge/hub-schemas.ts';
import type { RootState } from '../store.ts';

/** What the status bar says about the hub: always visible, updated after every sync. */
export type SyncState = {
  running: boolean;
  lastSyncAt: string | null;
  /** Documents of this laptop not yet at the hub. */
  pending: number;
  conflicts: number;
  /** Documents the hub refused, and received documents that failed their checks. */
  denied: number;
  refused: number;
  /** Why the last sync stopped (main's sentence), or null. */
  problem: string | null;
};

export type HubSlice = {
  hub: HubStatus;
  sync: SyncState;
  setHub: (hub: HubStatus) => void;
  setSync: (patch: Partial<SyncState>) => void;
};

export const createHubSlice: StateCreator<RootState, [], [], HubSlice> = (set) => ({
  hub: { state: 'none' },
  sync: {
    running: false,
    lastSyncAt: null,
    pending: 0,
    conflicts: 0,
    denied: 0,
    refused: 0,
    problem: null,
  },
  setHub: (hub) => set({ hub }),
  setSync: (patch) => set((s) => ({ sync: { ...s.sync, ...patch } })),
});
