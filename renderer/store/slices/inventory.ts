import type { StateCreator } from 'zustand';
import {
  EMPTY_FILTER,
  type DeviceFilter,
  type DeviceSort,
} from '../../../shared/inventory/device-query.ts';
import type { RootState } from '../store.ts';

/**
 * How the inventory list is being looked at: kept in the store so going to a device's editor
 * and back returns to the same search, sort and row instead of the top of an unfiltered list.
 */
export type InventorySlice = {
  deviceView: {
    roomId: string | null;
    filter: DeviceFilter;
    sort: DeviceSort;
    /** The device last opened or saved, to scroll back to and focus. */
    lastDeviceId: string | null;
  };
  /** Switches the list to a room, starting afresh unless it is the room already shown. */
  showRoomDevices: (roomId: string) => void;
  setDeviceFilter: (patch: Partial<DeviceFilter>) => void;
  setDeviceSort: (sort: DeviceSort) => void;
  setLastDevice: (deviceId: string | null) => void;
};

const DEFAULT_SORT: DeviceSort = { key: 'location', direction: 'asc' };

export const createInventorySlice: StateCreator<RootState, [], [], InventorySlice> = (set) => ({
  deviceView: { roomId: null, filter: EMPTY_FILTER, sort: DEFAULT_SORT, lastDeviceId: null },
  showRoomDevices: (roomId) =>
    set((s) =>
      s.deviceView.roomId === roomId
        ? s
        : {
            deviceView: { roomId, filter: EMPTY_FILTER, sort: DEFAULT_SORT, lastDeviceId: null },
          },
    ),
  setDeviceFilter: (patch) =>
    set((s) => ({ deviceView: { ...s.deviceView, filter: { ...s.deviceView.filter, ...patch } } })),
  setDeviceSort: (sort) => set((s) => ({ deviceView: { ...s.deviceView, sort } })),
  setLastDevice: (lastDeviceId) => set((s) => ({ deviceView: { ...s.deviceView, lastDeviceId } })),
});
