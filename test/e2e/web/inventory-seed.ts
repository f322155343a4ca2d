import type { Page } from '@playwright/test';
import {
  DEVICE_TYPES,
  type DeviceType,
  type LifecycleStatus,
} from '../../../shared/domain/enums.ts';
import { DeviceSchema, type Device, type Rack } from '../../../shared/domain/schemas.ts';
import { blankDevice } from '../../../renderer/db/repositories/inventory.ts';

// Seeding the app's own IndexedDB for the inventory tests: records are built and validated with
// the domain schemas here, then written through IndexedDB inside the page (a second connection
// next to the app's). The app is reloaded afterwards so every screen reads them from scratch.

/** The id in the current hash, e.g. the room id of "#/room/<id>". */
export async function idFromHash(page: Page, kind: string): Promise<string> {
  const hash = await page.evaluate(() => location.hash);
  const match = new RegExp(`^#/${kind}/([^/]+)$`).exec(hash);
  if (!match) throw new Error(`expected a #/${kind}/… hash, got ${hash}`);
  return decodeURIComponent(match[1]!);
}

/** Reads one record of the app's database. */
export async function readRecord<T>(page: Page, store: string, key: string): Promise<T> {
  return page.evaluate(
    ({ store, key }) =>
      new Promise<T>((resolve, reject) => {
        const open = indexedDB.open('roomcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction(store).objectStore(store).get(key);
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result as T);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    { store, key },
  );
}

/** Writes records into stores of the app's database, all in one transaction. */
export async function putRecords(page: Page, rows: Record<string, unknown[]>): Promise<void> {
  await page.evaluate(
    (rows) =>
      new Promise<void>((resolve, reject) => {
        const open = indexedDB.open('roomcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(Object.keys(rows), 'readwrite');
          for (const [store, records] of Object.entries(rows))
            for (const record of records) tx.objectStore(store).put(record);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    rows,
  );
}

const NOW = '2026-01-15T09:00:00.000Z';

export function rack(roomId: string, id: string, name: string, walkOrder: number): Rack {
  return {
    id,
    roomId,
    name,
    heightU: 42,
    walkOrder,
    notes: '',
    createdAt: NOW,
    updatedAt: NOW,
  };
}

const OTHER_TYPES = DEVICE_TYPES.filter((t) => t !== 'ip_camera');
const CN_NAMES = ['视频监控服务器', '核心交换机', '门禁控制器', '存储阵列', '旧数据库服务器'];

/**
 * A realistic room: mixed types and statuses, some idle yet connected, cameras, Chinese and
 * English names, IPs and MACs, spread over the given racks.
 */
export function manyDevices(
  siteId: string,
  roomId: string,
  racks: Rack[],
  count: number,
): Device[] {
  const statuses: LifecycleStatus[] = [
    'active',
    'active',
    'active',
    'idle',
    'decommissioning',
    'stored_spare',
  ];
  return Array.from({ length: count }, (_, i) => {
    const type: DeviceType = i % 5 === 0 ? 'ip_camera' : OTHER_TYPES[i % OTHER_TYPES.length]!;
    const r = racks[Math.floor(i / 3) % racks.length]!;
    const name =
      type === 'ip_camera'
        ? `CAM-${String(i).padStart(4, '0')}`
        : i % 3 === 0
          ? `${CN_NAMES[i % CN_NAMES.length]} ${i}`
          : `SRV-${String(i).padStart(4, '0')}`;
    return DeviceSchema.parse({
      ...blankDevice(siteId, roomId),
      id: `seed-${i}`,
      name,
      type,
      status: statuses[i % statuses.length],
      assetTag: `T-${String(i).padStart(5, '0')}`,
      serial: `SN${(i * 7919).toString(16).toUpperCase()}`,
      rackId: r.id,
      positionU: (Math.floor(i / (3 * racks.length)) % 42) + 1,
      ips: [`10.${(i >> 8) & 255}.${i & 255}.${(i % 200) + 1}`],
      macs: [
        `00:1A:2B:${((i >> 16) & 255).toString(16).padStart(2, '0')}:${((i >> 8) & 255).toString(16).padStart(2, '0')}:${(i & 255).toString(16).padStart(2, '0')}`.toUpperCase(),
      ],
      owner: i % 4 === 0 ? '张伟' : 'Operations',
      network: {
        state: i % 2 === 0 ? 'connected' : 'disconnected',
        switchName: 'SW-CORE-1',
        switchPort: `Gi1/0/${i % 48}`,
        portEnabled: 'yes',
      },
      credentials: {
        defaultChanged: type === 'ip_camera' ? 'no' : 'yes',
        unique: 'unknown',
        lastRotated: null,
        storesOtherCredentials: type === 'nvr_vms',
      },
      createdAt: NOW,
      updatedAt: NOW,
    });
  });
}
