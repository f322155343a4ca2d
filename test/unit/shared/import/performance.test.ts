import { makeDevice } from '../domain/fixtures.ts';
import { describe, expect, it } from 'vitest';
import type { Device, Rack, Room } from '../../../../shared/domain/schemas.ts';
import { csvFileBytes } from '../../../../shared/exchange/csv-export.ts';
import { parseImportFile } from '../../../../shared/import/detect.ts';
import { previewValidated } from '../../../../shared/import/preview.ts';
import { sha256 } from './arbitraries.ts';

// 10,000 devices through the real pipeline: bytes -> decode -> CSV -> mapping -> validation
// -> preview against an inventory that already holds half of them. This test asserts what the
// preview says at that scale; how fast it is lives in the benchmark (`npm run bench -- import`),
// never in a test, so a loaded machine cannot fail it. The time is printed for the record.

const T = '2024-01-01T00:00:00.000Z';
const N = 10_000;

function generatedCsv(): string {
  const lines = [
    'asset_tag,name,device_type,serial,status,room,rack,position,ip,mac,owner,idle_since,notes',
  ];
  for (let i = 0; i < N; i++) {
    const hex = (i + 0x100000).toString(16).slice(-6);
    lines.push(
      [
        `BJ-${i}`,
        `device ${i}`,
        ['服务器', 'switch', '摄像机', 'NVR'][i % 4],
        `SN${i * 7919}`,
        ['在用', 'idle', 'Deployed', 'decommissioning'][i % 4],
        `Room ${i % 5}`,
        `R${i % 20}`,
        String(1 + (i % 40)),
        `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        `aa:bb:cc:${hex.slice(0, 2)}:${hex.slice(2, 4)}:${hex.slice(4, 6)}`,
        'ops team',
        i % 3 ? '' : '2024/3/5',
        i % 10 ? '' : '"multi\nline, note"',
      ].join(','),
    );
  }
  return lines.join('\r\n');
}

function existingInventory(): { devices: Device[]; rooms: Room[]; racks: Rack[] } {
  const rooms: Room[] = Array.from({ length: 5 }, (_, r) => ({
    id: `room-${r}`,
    siteId: 'site',
    name: `Room ${r}`,
    building: '',
    floor: '',
    classification: 'secret',
    auditIntervalDays: 90,
    notes: '',
    createdAt: T,
    updatedAt: T,
  }));
  const racks: Rack[] = Array.from({ length: 20 }, (_, k) => ({
    id: `rack-${k}`,
    roomId: `room-${k % 5}`,
    name: `R${k}`,
    heightU: 42,
    walkOrder: k,
    notes: '',
    createdAt: T,
    updatedAt: T,
  }));
  const devices: Device[] = [];
  for (let i = 0; i < N; i += 2) {
    devices.push(
      makeDevice({
        id: `dev-${i}`,
        siteId: 'site',
        roomId: `room-${i % 5}`,
        assetTag: `BJ-${i}`,
        serial: `SN${i * 7919}`,
        name: `old ${i}`,
        createdAt: T,
        updatedAt: T,
      }),
    );
  }
  return { devices, rooms, racks };
}

describe('performance', () => {
  it('parses, validates and previews a 10,000-device CSV', async () => {
    const bytes = csvFileBytes(generatedCsv());
    const existing = existingInventory();
    let id = 0;
    const timings: number[] = [];
    const cpuTimes: number[] = [];
    let preview;
    for (let run = 0; run < 1; run++) {
      const c0 = process.cpuUsage();
      const t0 = performance.now();
      const file = await parseImportFile('inventory.csv', bytes, { sha256 });
      if (file.format !== 'csv') throw new Error('expected CSV');
      preview = previewValidated(file.validation, existing, {
        now: T,
        newId: () => `new-${++id}`,
        siteId: 'site',
      });
      timings.push(performance.now() - t0);
      const cpu = process.cpuUsage(c0);
      cpuTimes.push((cpu.user + cpu.system) / 1000);
    }
    const best = Math.min(...timings);
    console.log(
      `import pipeline, ${N} rows (${(bytes.length / 1024).toFixed(0)} KB): best ${best.toFixed(0)} ms wall, ${Math.min(...cpuTimes).toFixed(0)} ms CPU (runs: ${timings.map((t) => t.toFixed(0)).join(' / ')} ms)`,
    );
    expect(preview!.rejected).toEqual([]);
    expect(preview!.toAdd).toHaveLength(N / 2);
    expect(preview!.toUpdate).toHaveLength(N / 2);
    expect(preview!.conflicts).toEqual([]);
  });
});
