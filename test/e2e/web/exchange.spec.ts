import AxeBuilder from '@axe-core/playwright';
import * as XLSX from '@e965/xlsx';
import type { Page } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from './fixtures.ts';
import {
  chooseFile,
  dumpDatabase,
  expectNoStackTrace,
  makeSiteAndRoom,
  openExchange,
} from './exchange-support.ts';

const CSV = [
  'asset_tag,name,device_type,serial,status,room,rack,position,ip,mac',
  'A-1,Core switch,switch,SN1,active,Room 301,R1,40,10.0.0.1,00:1a:2b:3c:4d:5e',
  'A-2,Old VMS server,nvr_vms,SN2,idle,Room 301,R1,20,10.0.0.2,',
  'A-3,Mystery box,toaster,SN3,active,Room 301,,,,',
  'A-1,Second core switch,switch,SN9,active,Room 301,R1,38,,',
  'A-4,Camera,ip_camera,SN4,active,Room 302,,,10.0.0.4,',
].join('\r\n');

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

test('a CSV inventory is previewed (adds, rejects with row and column) and applied in one go', async ({
  app: page,
  outside,
}) => {
  await makeSiteAndRoom(page);
  await openExchange(page);
  await chooseFile(page, 'inventory.csv', CSV);
  await expect(page.getByRole('heading', { name: 'Inventory from "inventory.csv"' })).toBeVisible();
  await expect(page.getByText('Text file, UTF-8, delimiter ","')).toBeVisible();
  const summary = page.getByRole('list', { name: 'What the import would do' });
  await expect(summary).toContainText(/3\s*to add/);
  await expect(summary).toContainText(/2\s*rejected/);
  const rejected = page.getByRole('region', { name: /Rejected rows/ });
  // Spreadsheet row numbers: the header is row 1.
  await expect(rejected.getByRole('row').filter({ hasText: 'toaster' })).toContainText('4');
  await expect(rejected.getByRole('row').filter({ hasText: 'row 2' })).toContainText('5');
  await expect(page.getByText('New rooms: Room 302')).toBeVisible();
  await expect(page.getByText('New racks: R1')).toBeVisible();
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/import-preview-en.png', fullPage: false });
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('heading', { name: '来自“inventory.csv”的设备清单' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/import-preview-zh.png', fullPage: false });
  expect(await seriousViolations(page)).toEqual([]);
  await page.getByLabel('语言').selectOption('en');

  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(
    page.getByText('"inventory.csv": 3 added, 0 updated, 2 rejected, 0 skipped.'),
  ).toBeVisible();
  const log = page.getByRole('region', { name: 'Import log' });
  await expect(log.getByRole('row').filter({ hasText: 'inventory.csv' })).toContainText(
    'Inventory (CSV)',
  );
  const db = await dumpDatabase(page);
  expect(db.devices).toHaveLength(3);
  expect(db.rooms).toHaveLength(2);
  expect(db.importLog).toHaveLength(1);
  expect(JSON.parse(db.importLog![0]!)).toMatchObject({
    fileName: 'inventory.csv',
    counts: { added: 3, updated: 0, rejected: 2 },
  });
  expect(JSON.parse(db.importLog![0]!).sha256).toMatch(/^[0-9a-f]{64}$/);
  await page.screenshot({ path: 'test-results/screens/exchange-en.png' });
  expect(outside).toEqual([]);
});

test('cancelling an import leaves the database exactly as it was', async ({
  app: page,
  outside,
}) => {
  await makeSiteAndRoom(page);
  await openExchange(page);
  const before = await dumpDatabase(page);
  await chooseFile(page, 'inventory.csv', CSV);
  await expect(page.getByRole('list', { name: 'What the import would do' })).toContainText(
    /3\s*to add/,
  );
  await page.getByRole('button', { name: 'Cancel import' }).click();
  await expect(page.getByLabel('Choose a file to import')).toBeVisible();
  expect(await dumpDatabase(page)).toEqual(before);
  expect(outside).toEqual([]);
});

test('a GB18030 CSV as Chinese Excel saves it is read with its Chinese headers and values', async ({
  app: page,
  outside,
}) => {
  await makeSiteAndRoom(page, '广州分部', '三楼机房');
  await openExchange(page);
  const bytes = readFileSync('test/fixtures/import/roomcheck-inventory-gb18030.csv');
  await chooseFile(page, '设备清单.csv', bytes);
  await expect(page.getByText(/GB18030/)).toBeVisible();
  const adds = page.getByRole('region', { name: /Devices to add/ });
  await expect(adds.getByRole('cell', { name: '核心交换机' })).toBeVisible();
  await expect(adds.getByRole('row').filter({ hasText: 'GZ-001' })).toContainText('Switch');
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('heading', { name: 'Import applied' })).toBeVisible();
  const db = await dumpDatabase(page);
  expect(db.devices!.some((d) => d.includes('核心交换机'))).toBe(true);
  expect(outside).toEqual([]);
});

test('hostile files get one clear sentence each and change nothing', async ({
  app: page,
  outside,
}) => {
  await makeSiteAndRoom(page);
  await openExchange(page);
  const before = await dumpDatabase(page);
  const cases: [string, Buffer, RegExp][] = [
    [
      'junk.bin',
      Buffer.from(Array.from({ length: 4096 }, (_v, i) => (i * 7919 + 13) % 256)),
      /cannot be imported/,
    ],
    [
      'cut.json',
      Buffer.from('{"format":"roomcheck.audit-bundle","formatVersion":1,"snapshot":{"format":'),
      /truncated|ends/,
    ],
    [
      'v9.json',
      Buffer.from('{"format":"roomcheck.audit-bundle","formatVersion":9,"snapshot":{}}'),
      /version 9/,
    ],
    [
      // A backup from a newer Roomcheck (this one writes version 3).
      'backup-v4.json',
      Buffer.from('{"format":"roomcheck.backup","formatVersion":4,"tables":{}}'),
      /version 4/,
    ],
    [
      'other.json',
      Buffer.from('{"format":"somebody.else","x":1}'),
      /cannot be read as any supported format/,
    ],
    [
      'dup.json',
      Buffer.from('{"format":"roomcheck.audit-bundle","format":"roomcheck.backup"}'),
      /twice|duplicate/i,
    ],
    [
      'quote.csv',
      Buffer.from('asset_tag,name\r\nA-1,"never closed\r\nA-2,x\r\n'),
      /never closed|unterminated/,
    ],
    ['empty.csv', Buffer.alloc(0), /empty/],
    [
      'old.xls',
      Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0, 0]),
      /97-2003/,
    ],
  ];
  // Over Playwright's in-memory limit: the 50 MB file goes through a temporary file.
  const dir = mkdtempSync(join(tmpdir(), 'rc-big-'));
  const big = join(dir, 'big.csv');
  writeFileSync(big, Buffer.alloc(50 * 1024 * 1024 + 1, 0x41));
  for (const [name, bytes, expected] of [...cases, ['big.csv', big, /50 MiB|50 MB/] as const]) {
    if (typeof bytes === 'string')
      await page.getByLabel('Choose a file to import').setInputFiles(bytes);
    else await chooseFile(page, name, bytes, 'application/octet-stream');
    const alert = page.getByRole('alert').filter({ hasText: `"${name}" cannot be imported` });
    await expect(alert).toBeVisible();
    await expect(alert).toHaveText(expected);
    await expectNoStackTrace(page);
  }
  rmSync(dir, { recursive: true, force: true });
  expect(await dumpDatabase(page)).toEqual(before);
  expect(outside).toEqual([]);
});

test('mixed date formats and duplicate keys are rejected row by row, never guessed', async ({
  app: page,
  outside,
}) => {
  await makeSiteAndRoom(page);
  await openExchange(page);
  const csv = [
    'asset_tag,name,device_type,status,room,idle_since',
    'D-1,a,server,idle,Room 301,2024-03-05',
    'D-2,b,server,idle,Room 301,05/03/2024',
    'D-3,c,server,idle,Room 301,2024年3月5日',
    'D-1,d,server,idle,Room 301,2024-03-06',
  ].join('\n');
  await chooseFile(page, 'dates.csv', csv);
  const rejected = page.getByRole('region', { name: /Rejected rows/ });
  await expect(rejected.getByRole('row').filter({ hasText: 'idle_since' }).first()).toContainText(
    '3',
  );
  await expect(rejected.getByRole('row').filter({ hasText: /row 2/ })).toContainText('5');
  // Choosing the day/month order accepts the ambiguous date.
  await page.getByLabel('Dates like 03/04/2024').selectOption('dmy');
  await expect(rejected.getByRole('row').filter({ hasText: 'idle_since' })).toHaveCount(0);
  await expectNoStackTrace(page);
  expect(outside).toEqual([]);
});

test('an XLSX workbook with a manual column mapping that is saved and reused', async ({
  app: page,
  outside,
}) => {
  await makeSiteAndRoom(page);
  await openExchange(page);
  // A CMDB export whose "Label" column is not Roomcheck's name: mapped by hand.
  const sheet = XLSX.utils.aoa_to_sheet([
    ['Tag', 'Label', 'Kind', 'State', 'Room'],
    ['X-1', 'core-sw', 'switch', 'active', 'Room 301'],
    ['X-2', 'vms-01', 'nvr_vms', 'idle', 'Room 301'],
  ]);
  const book = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(book, sheet, 'Devices');
  const bytes = Buffer.from(XLSX.write(book, { type: 'buffer', bookType: 'xlsx' }) as Uint8Array);
  const xlsxType = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  await chooseFile(page, 'cmdb.xlsx', bytes, xlsxType);
  await expect(page.getByText('XLSX workbook, sheet "Devices", 2 data rows.')).toBeVisible();
  await page.getByText(/^Column mapping:/).click();
  await page.getByLabel('Tag', { exact: true }).selectOption('assetTag');
  await page.getByLabel('Label', { exact: true }).selectOption('name');
  await page.getByLabel('Kind', { exact: true }).selectOption('type');
  await page.getByLabel('State', { exact: true }).selectOption('status');
  await page.getByLabel('Room', { exact: true }).selectOption('room');
  await expect(page.getByRole('list', { name: 'What the import would do' })).toContainText(
    /2\s*to add/,
  );
  await page.getByLabel('Save this mapping as').fill('CMDB export');
  await page.getByRole('button', { name: 'Save mapping' }).click();
  await expect(page.getByText('Mapping "CMDB export" saved')).toBeVisible();
  await page.getByRole('button', { name: 'Cancel import' }).click();

  // Next time the saved mapping is one choice away.
  await chooseFile(page, 'cmdb.xlsx', bytes, xlsxType);
  await page.getByLabel('Columns read as').selectOption({ label: 'Saved mapping: CMDB export' });
  const adds = page.getByRole('region', { name: /Devices to add/ });
  await expect(adds.getByRole('cell', { name: 'vms-01' })).toBeVisible();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(
    page.getByText('"cmdb.xlsx": 2 added, 0 updated, 0 rejected, 0 skipped.'),
  ).toBeVisible();
  await expect(
    page
      .getByRole('region', { name: 'Import log' })
      .getByRole('row')
      .filter({ hasText: 'cmdb.xlsx' }),
  ).toContainText('Inventory (XLSX)');
  expect(outside).toEqual([]);
});
