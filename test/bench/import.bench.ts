// `npm run bench -- import`: imports a generated 10,000-device CSV through the real pipeline
// in Debian Chromium over the loopback transport (file input -> byte sniffing, decoding,
// parsing, validation, preview rendered -> Apply -> one IndexedDB transaction), and in the
// same browser and run a plain Dexie bulkPut of the very records the import stored, into a
// scratch database with the same indexes and the same 'strict' durability. Prints
//   BENCH import.rows_per_s        rows per second, file selected -> commit finished
//   BENCH import.ms                that time
//   BENCH import.bulkput_rows_per_s the plain bulkPut's rate (median of 3)
//   BENCH import.ratio_vs_bulkput  the ratio of the two (budget >= 0.5)
// The import is timed inside the page: from the file input's change event to the "Import
// applied" heading, with the Apply button clicked by the page the moment it is enabled (no
// test-driver latency in the figure). Dexie is evaluated into the page through the DevTools
// protocol for the baseline only, so the app carries no test back door. Set
// ROOMCHECK_SKIP_BUILD=1 to reuse dist/.
import { chromium } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildRenderer, serveWeb } from '../../main/scripts/web.ts';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config.ts';
import { SCHEMA_V3 } from '../../renderer/db/schema.ts';
import type { Dexie as DexieType } from 'dexie';

const ROWS = 10_000;
const BULKPUT_RUNS = 3;
const BUDGET = 0.5;

const TYPES = [
  'server',
  'switch',
  'router',
  'firewall',
  'storage',
  'ip_camera',
  'nvr_vms',
  'workstation',
];
const STATUSES = [
  'active',
  'active',
  'active',
  'idle',
  'offline',
  'decommissioning',
  'stored_spare',
];

/** Roomcheck's own inventory columns, every row distinct and valid, spread over 50 racks. */
function generateCsv(rows: number): string {
  const lines = ['asset_tag,name,device_type,serial,status,room,rack,position,ip,mac,owner,notes'];
  for (let i = 0; i < rows; i++) {
    const n = String(i + 1).padStart(5, '0');
    const mac = (i + 0x1000).toString(16).padStart(6, '0').match(/../g)!.join(':');
    lines.push(
      [
        `BJ-${n}`,
        `host-${n}`,
        TYPES[i % TYPES.length],
        `SN${n}X${(i * 7919) % 100_000}`,
        STATUSES[i % STATUSES.length],
        'Bench room 基准机房',
        `R${String((i % 50) + 1).padStart(2, '0')}`,
        String((i % 40) + 1),
        `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`,
        `00:1a:2b:${mac}`,
        i % 3 ? 'Zhang Wei' : '李娜',
        i % 5 ? '' : '"rack label, faded"',
      ].join(','),
    );
  }
  return `${lines.join('\r\n')}\r\n`;
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function main(): Promise<void> {
  if (process.env.ROOMCHECK_SKIP_BUILD !== '1') await buildRenderer();
  const dataDir = await mkdtemp(join(tmpdir(), 'roomcheck-bench-import-'));
  const csvPath = join(dataDir, 'inventory-10000.csv');
  await writeFile(csvPath, generateCsv(ROWS));
  const server = await serveWeb({ dataDir });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(server.launchUrl());
    await page.getByLabel('Site name').fill('Bench site');
    await page.getByRole('button', { name: 'Create' }).click();
    await page.getByRole('heading', { level: 1, name: 'Bench site' }).waitFor();
    await page.getByRole('button', { name: 'Import & export' }).click();
    const input = page.getByLabel('Choose a file to import');
    await input.waitFor();

    // Arm the in-page stopwatch, then select the file.
    const timing = page.evaluate(
      ({ rows }) =>
        new Promise<{ ms: number; previewMs: number }>((resolve, reject) => {
          const el = document.querySelector<HTMLInputElement>('#import-file');
          if (!el) return reject(new Error('no file input'));
          let start = 0;
          let previewAt = 0;
          el.addEventListener('change', () => (start = performance.now()), { capture: true });
          const observer = new MutationObserver(() => {
            if (!start) return;
            const done = Array.from(document.querySelectorAll('h2')).some(
              (h) => h.textContent === 'Import applied',
            );
            if (done) {
              observer.disconnect();
              resolve({ ms: performance.now() - start, previewMs: previewAt - start });
              return;
            }
            if (previewAt) return;
            const summary = document.querySelector('[aria-label="What the import would do"]');
            const apply = Array.from(document.querySelectorAll('button')).find(
              (b) => b.textContent === 'Apply import',
            );
            if (summary?.textContent?.includes(`${rows} to add`) && apply && !apply.disabled) {
              previewAt = performance.now();
              apply.click();
            }
          });
          observer.observe(document.body, { childList: true, subtree: true, attributes: true });
          setTimeout(() => reject(new Error('import did not finish in 180 s')), 180_000);
        }),
      { rows: ROWS },
    );
    await input.setInputFiles(csvPath);
    const { ms, previewMs } = await timing;
    const stored = await page.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const req = indexedDB.open('roomcheck');
          req.onerror = () => reject(req.error);
          req.onsuccess = () => {
            const q = req.result.transaction('devices').objectStore('devices').count();
            q.onsuccess = () => {
              req.result.close();
              resolve(q.result);
            };
          };
        }),
    );
    if (stored !== ROWS) throw new Error(`the import stored ${stored} devices, not ${ROWS}`);

    // Baseline: Dexie's own bulkPut of the same records, same indexes, same durability.
    const require = createRequire(import.meta.url);
    const dexieSource = readFileSync(require.resolve('dexie/dist/dexie.min.js'), 'utf8');
    await page.evaluate(`(() => { const module = undefined, exports = undefined, define = undefined;
      ${dexieSource}
      ; globalThis.__BenchDexie = Dexie; })()`);
    const bulkMs: number[] = [];
    for (let run = 0; run < BULKPUT_RUNS; run++) {
      bulkMs.push(
        await page.evaluate(
          async ({ schema, run }) => {
            // The same Dexie the app bundles, evaluated into the page above.
            const Dexie = (globalThis as unknown as { __BenchDexie: typeof DexieType })
              .__BenchDexie;
            const app = new Dexie('roomcheck');
            await app.open();
            const records = await app.table('devices').toArray();
            app.close();
            const name = `bench-scratch-${run}`;
            await Dexie.delete(name);
            const scratch = new Dexie(name, { chromeTransactionDurability: 'strict' });
            // Same indexes as the app's devices table.
            scratch.version(1).stores({ devices: schema });
            await scratch.open();
            const t0 = performance.now();
            await scratch.table('devices').bulkPut(records);
            const elapsed = performance.now() - t0;
            scratch.close();
            await Dexie.delete(name);
            return elapsed;
          },
          { schema: SCHEMA_V3.devices, run },
        ),
      );
    }
    if (errors.length) throw new Error(`errors in the page: ${errors.join('; ')}`);

    const rate = ROWS / (ms / 1000);
    const bulkRate = ROWS / (median(bulkMs) / 1000);
    const ratio = rate / bulkRate;
    console.log(`BENCH import.ms ${ms.toFixed(0)} ms`);
    console.log(`BENCH import.preview_ms ${previewMs.toFixed(0)} ms`);
    console.log(`BENCH import.rows_per_s ${rate.toFixed(0)} rows/s`);
    console.log(`BENCH import.bulkput_ms ${median(bulkMs).toFixed(0)} ms`);
    console.log(`BENCH import.bulkput_rows_per_s ${bulkRate.toFixed(0)} rows/s`);
    console.log(`BENCH import.ratio_vs_bulkput ${ratio.toFixed(2)} ratio`);
    if (ratio < BUDGET)
      console.log(`# import ratio ${ratio.toFixed(2)} is below the budget of ${BUDGET}`);
  } finally {
    await browser.close();
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().catch((err: unknown) => {
  console.error(`import benchmark failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exit(1);
});
