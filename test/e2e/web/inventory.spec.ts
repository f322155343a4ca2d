import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import type { Audit, Finding, Room } from '../../../shared/domain/schemas.ts';
import { firstSighting } from '../../../shared/findings/findings.ts';
import { expect, test } from './fixtures.ts';
import { idFromHash, manyDevices, putRecords, rack, readRecord } from './inventory-seed.ts';

async function createSiteAndRoom(
  page: Page,
  site = 'Beijing HQ 北京总部',
  room = 'Server room 3 机房',
) {
  await page.getByLabel('Site name').fill(site);
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByLabel('Room name').fill(room);
  await page.getByLabel('Audit interval (days)').fill('90');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: room })).toBeVisible();
  return idFromHash(page, 'room');
}

async function expectNoSeriousA11yViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious, `serious or critical accessibility violations on ${what}`).toEqual([]);
}

const table = (page: Page) => page.getByRole('table', { name: /^Devices of / });
const row = (page: Page, name: string) =>
  table(page)
    .getByRole('row')
    .filter({ has: page.getByRole('button', { name, exact: true }) });

test('racks and devices: create, validate, edit, delete with Undo, rack deletion keeps devices', async ({
  app: page,
  outside,
}) => {
  await createSiteAndRoom(page);

  // Two racks; the second is moved before the first with the keyboard.
  await page.getByLabel('Rack name').fill('A01');
  await page.getByRole('button', { name: 'Add rack' }).click();
  // The first rack is stored (and the form cleared) before the second is typed.
  await expect(page.locator('.inv-rack-name')).toHaveText(['A01']);
  await expect(page.getByLabel('Rack name')).toHaveValue('');
  await page.getByLabel('Rack name').fill('B02 机柜');
  await page.getByLabel('Height (U)').fill('24');
  await page.getByRole('button', { name: 'Add rack' }).click();
  await page.getByRole('button', { name: 'Move rack B02 机柜 earlier in the walk' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('.inv-rack-name')).toHaveText(['B02 机柜', 'A01']);
  await page.getByLabel('Rack name').fill('a01');
  await page.getByRole('button', { name: 'Add rack' }).click();
  await expect(page.getByText('A rack named “a01” already exists in this room.')).toBeVisible();
  await page.getByLabel('Rack name').fill('');

  // A device with mistakes in every checked field: each message is shown on its field.
  await page.getByRole('button', { name: 'Add device' }).click();
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('Enter Device name.')).toBeVisible();
  await expect(page.getByLabel('Device name')).toBeFocused();
  await page.getByLabel('Device name').fill('视频监控平台服务器 VMS-01');
  await page.getByLabel('Asset tag').fill('A-0042');
  await page.getByLabel('Type', { exact: true }).selectOption('nvr_vms');
  await page.getByLabel('Rack', { exact: true }).selectOption({ label: 'B02 机柜 (24 U)' });
  await page.getByLabel('Lowest U').fill('24');
  await page.getByLabel('Height (U)').fill('2');
  await page.getByLabel('IP addresses').fill('10.0.3.12\n10.0.3.300');
  await page.getByLabel('MAC addresses').fill('00:1A:2B:3C:4D');
  await page.getByLabel('Idle since (last used)').fill('2025-02-30');
  await page.getByLabel('Vendor end of support').fill('31/12/2024');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'fields need attention' })).toBeVisible();
  await expect(page.getByText('“10.0.3.300” is not an IPv4 or IPv6 address')).toBeVisible();
  await expect(page.getByText('“00:1A:2B:3C:4D” is not a MAC address')).toBeVisible();
  await expect(page.getByText('This day does not exist in the calendar.')).toBeVisible();
  await expect(page.getByText('Enter the date as YYYY-MM-DD')).toBeVisible();
  await expect(
    page.getByText('The device would reach above the top of the rack (24 U).'),
  ).toBeVisible();
  await expect(page.getByLabel('Lowest U')).toHaveAttribute('aria-invalid', 'true');

  // Fixed, and the rest of the record filled in, list editors included.
  await page.getByLabel('Lowest U').fill('20');
  await page.getByLabel('IP addresses').fill('10.0.3.12, 2001:DB8::12');
  await page.getByLabel('MAC addresses').fill('001a.2b3c.4d5e');
  await page.getByLabel('Lifecycle status').selectOption('idle');
  await page.getByLabel('Idle since (last used)').fill('2024年3月5日');
  await page.getByLabel('Vendor end of support').fill('2024-12-31');
  await page.getByLabel('Owner').fill('王五');
  await page.getByLabel('Network state').selectOption('connected');
  await page.getByLabel('Switch', { exact: true }).fill('SW-CORE-1');
  await page.getByLabel('Switch port').fill('Gi1/0/12');
  await page.getByLabel("Stores other devices' credentials").check();
  await page.getByRole('button', { name: 'Add interface' }).click();
  const mgmt = page.getByRole('group', { name: 'Management interface 1' });
  await mgmt.getByLabel('Kind').selectOption('ipmi');
  await mgmt.getByLabel('Address').fill('10.0.9.12');
  await page.getByRole('button', { name: 'Add media' }).click();
  const media = page.getByRole('group', { name: 'Media record 1' });
  await media.getByLabel('Count').fill('4');
  await media.getByLabel('Serial numbers').fill('WD-1, WD-2, WD-3, WD-4');
  await page.getByRole('button', { name: 'Save', exact: true }).click();

  const vms = row(page, '视频监控平台服务器 VMS-01');
  await expect(vms).toContainText('B02 机柜 · U20–21');
  await expect(vms).toContainText('10.0.3.12');
  await expect(vms.getByText('Out of service but still connected to the network')).toBeAttached();

  // The record holds the normalised values.
  await vms.getByRole('button', { name: '视频监控平台服务器 VMS-01', exact: true }).click();
  const id = await idFromHash(page, 'device');
  const stored = await readRecord<Record<string, unknown>>(page, 'devices', id);
  expect(stored).toMatchObject({
    ips: ['10.0.3.12', '2001:db8::12'],
    // Stored in the one form imports use too, so the device matches a spreadsheet row by MAC.
    macs: ['00:1a:2b:3c:4d:5e'],
    idleSince: '2024-03-05',
    positionU: 20,
    heightU: 2,
    media: [{ count: 4, kind: 'hdd', serials: ['WD-1', 'WD-2', 'WD-3', 'WD-4'] }],
    managementInterfaces: [{ kind: 'ipmi', address: '10.0.9.12' }],
    credentials: { storesOtherCredentials: true },
  });
  // Sanitization appears once the status calls for it.
  await expect(page.getByRole('group', { name: 'Sanitization record' })).toHaveCount(0);
  await page.getByLabel('Lifecycle status').selectOption('awaiting_sanitization');
  await expect(page.getByRole('group', { name: 'Sanitization record' })).toBeVisible();
  await page.getByLabel('Owner').fill('李娜');
  await page.keyboard.press('Control+s');
  await expect(vms).toContainText('李娜');
  await expect(vms).toContainText('Awaiting sanitization');

  // Duplicate asset tag: the message is on the field and nothing is written.
  await page.getByRole('button', { name: 'Add device' }).click();
  await page.getByLabel('Device name').fill('Second box');
  await page.getByLabel('Asset tag').fill('A-0042');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  const tagMessage = 'Asset tag “A-0042” is already used by another device of this site.';
  await expect(page.locator('#dev-assetTag-error')).toHaveText(tagMessage);
  await expect(page.getByLabel('Asset tag')).toBeFocused();
  await page.getByLabel('Asset tag').fill('A-0043');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(row(page, 'Second box')).toBeVisible();

  // Delete with confirmation, then Undo restores it.
  await row(page, 'Second box').getByRole('button', { name: 'Delete device Second box' }).click();
  const dialog = page.getByRole('dialog', { name: 'Delete Second box?' });
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(row(page, 'Second box')).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(row(page, 'Second box')).toBeVisible();
  await expect(page.getByText('2 devices')).toBeVisible();

  // Deleting a rack asks what to do with its devices; keeping them unracks them; Undo re-racks.
  await page.getByRole('button', { name: 'Delete rack B02 机柜' }).click();
  const rackDialog = page.getByRole('dialog', { name: 'Delete rack B02 机柜?' });
  await expect(rackDialog.getByText('The rack holds 1 devices.')).toBeVisible();
  await rackDialog.getByLabel('Keep them in the room, without a rack').check();
  await rackDialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.locator('.inv-rack-name')).toHaveText(['A01']);
  await expect(vms).not.toContainText('B02');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.locator('.inv-rack-name')).toHaveText(['B02 机柜', 'A01']);
  await expect(vms).toContainText('B02 机柜 · U20–21');

  // Deleting a rack with its devices takes them too, and Undo brings all back.
  await page.getByRole('button', { name: 'Delete rack B02 机柜' }).click();
  await page.getByRole('dialog').getByLabel('Delete them with the rack').check();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(vms).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(vms).toContainText('B02 机柜 · U20–21');

  await expectNoSeriousA11yViolations(page, 'the room inventory');
  await vms.getByRole('button', { name: '视频监控平台服务器 VMS-01', exact: true }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: '视频监控平台服务器 VMS-01' }),
  ).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the device editor');

  // A photo of the device recorded elsewhere (evidence) shows on its record.
  const vmsId = await idFromHash(page, 'device');
  await page.evaluate(
    (deviceId) =>
      new Promise<void>((resolve, reject) => {
        const canvas = document.createElement('canvas');
        canvas.width = 8;
        canvas.height = 6;
        canvas.toBlob((blob) => {
          const open = indexedDB.open('roomcheck');
          open.onsuccess = () => {
            const tx = open.result.transaction('evidence', 'readwrite');
            tx.objectStore('evidence').put({
              id: 'photo-1',
              auditId: null,
              findingId: null,
              deviceId,
              fileName: 'rack-front.png',
              mimeType: 'image/png',
              size: blob!.size,
              sha256: 'a'.repeat(64),
              caption: 'Front of rack B02',
              createdAt: new Date().toISOString(),
              blob,
              thumbnail: null,
            });
            tx.oncomplete = () => {
              open.result.close();
              resolve();
            };
            tx.onerror = () => reject(tx.error);
          };
        }, 'image/png');
      }),
    vmsId,
  );
  await page.reload();
  const photo = page.getByRole('img', { name: 'Photo: Front of rack B02' });
  await expect(photo).toBeVisible();
  expect(await photo.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(8);

  // The same validation, in Chinese.
  await page.getByLabel('Language').selectOption('zh');
  await page.getByLabel('MAC 地址').fill('zz:1A');
  await page.getByRole('button', { name: '保存', exact: true }).click();
  await expect(
    page.getByText('“zz:1A”不是有效的 MAC 地址（例如 00:1A:2B:3C:4D:5E）。'),
  ).toBeVisible();
  await expect(page.getByText('有 1 处需要修改，请查看各字段下方的提示。')).toBeVisible();
  expect(outside).toEqual([]);
});

test('2,000 devices: virtualized list, search by IP/MAC/tag, filters, sort, keyboard', async ({
  app: page,
  outside,
}) => {
  // Generous: axe alone takes over a minute over 2,000 rows on a loaded machine.
  test.setTimeout(300_000);
  const roomId = await createSiteAndRoom(page, 'Shanghai DC 上海数据中心', 'Hall 2 机房二');
  const room = await readRecord<Room>(page, 'rooms', roomId);
  const racks = Array.from({ length: 48 }, (_, i) =>
    rack(roomId, `rack-${i}`, `R${String(i + 1).padStart(2, '0')}`, i),
  );
  await putRecords(page, {
    racks,
    devices: manyDevices(room.siteId, roomId, racks, 2000),
  });
  await page.reload();
  await expect(page.getByText('2000 devices')).toBeVisible();
  // Virtualized: a screenful of rows in the DOM, not 2,000. The rows appear once the list has
  // measured itself, after the count: wait for them before counting.
  const rows = table(page).locator('[role=row][data-index]');
  await expect(rows.nth(5)).toBeVisible();
  expect(await rows.count()).toBeLessThan(60);
  await expect(table(page)).toHaveAttribute('aria-rowcount', '2001');

  // Typing in the search filters at once, even over 2,000 devices; IP, MAC (with or without
  // separators) and asset tag all find device 1999.
  const search = page.getByLabel('Search devices');
  await search.fill('10.7.207.200');
  await expect(page.getByText('1 of 2000 devices')).toBeVisible();
  await expect(row(page, 'SRV-1999')).toBeVisible();
  await search.fill('001a2b0007cf');
  await expect(page.getByText('1 of 2000 devices')).toBeVisible();
  await expect(row(page, 'SRV-1999')).toBeVisible();
  await search.fill('00:1A:2B:00:07:CF');
  await expect(page.getByText('1 of 2000 devices')).toBeVisible();
  await search.fill('T-01999');
  await expect(page.getByText('1 of 2000 devices')).toBeVisible();
  await expect(row(page, 'SRV-1999')).toBeVisible();
  // Every keystroke stays cheap because the list is virtualized: of 2,000 matching devices
  // only a window of rows is in the page, not 2,000. (Keystroke-to-paint time is a benchmark figure,
  // never a test bound: a loaded machine must not fail a test.)
  await search.fill('');
  await expect(page.locator('.inv-count')).toHaveText('2000 devices');
  await expect(table(page).getByRole('row').nth(1)).toBeVisible();
  expect(await table(page).getByRole('row').count()).toBeLessThan(200);
  await search.fill('no such device');
  await expect(page.getByText('No device matches the search and filters.')).toBeVisible();
  await search.fill('');

  await page.getByLabel('Filter by type').selectOption('ip_camera');
  await expect(page.getByText('400 of 2000 devices')).toBeVisible();
  await page.getByLabel('Filter by lifecycle status').selectOption('idle');
  // Both filters apply: fewer than the 400 cameras (wait for the count to change, not for time).
  await expect(page.locator('.inv-count')).not.toHaveText('400 of 2000 devices');
  await expect(page.locator('.inv-count')).toHaveText(/^\d+ of 2000 devices$/);
  await page.getByLabel('Filter by rack').selectOption({ label: 'R03' });
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText('2000 devices')).toBeVisible();

  // The rack filter from the racks panel.
  await page.getByRole('button', { name: 'R02', exact: true }).click();
  await expect(page.getByText(/^\d+ of 2000 devices$/)).toBeVisible();
  await expect(table(page).getByRole('row').nth(1)).toContainText('R02');
  await page.getByRole('button', { name: 'R02', exact: true }).click();

  // Sort by name, descending: the last name comes first; the header says how it is sorted.
  await page.getByRole('button', { name: 'Name' }).click();
  await page.getByRole('button', { name: 'Name' }).click();
  await expect(page.getByRole('columnheader', { name: 'Name' })).toHaveAttribute(
    'aria-sort',
    'descending',
  );
  // The browser's own collation (Chinese names with pinyin order) decides which name is last.
  const last = await page.evaluate(
    (names) => {
      const collator = new Intl.Collator(['zh-Hans-CN', 'en'], {
        numeric: true,
        sensitivity: 'base',
      });
      return [...names].sort(collator.compare).at(-1);
    },
    manyDevices(room.siteId, roomId, racks, 2000).map((d) => d.name),
  );
  await expect(table(page).locator('[data-index="0"] .inv-name')).toHaveText(last!);

  // Keyboard: "/" focuses search, arrows walk the rows, End of the list scrolls into view.
  await page.locator('body').click({ position: { x: 5, y: 5 } });
  await page.keyboard.press('/');
  await expect(search).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(table(page).locator('[data-index="0"] .inv-name')).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(table(page).locator('[data-index="1"] .inv-name')).toBeFocused();
  await page.keyboard.press('Control+End');
  await expect(table(page).locator('[data-index="1999"] .inv-name')).toBeFocused();
  await expect(table(page).locator('[data-index="1999"]')).toBeInViewport();

  await expectNoSeriousA11yViolations(page, 'the room inventory with 2,000 devices');
  expect(outside).toEqual([]);
});

test('the rooms overview flags an overdue room with words and counts its open findings', async ({
  app: page,
  outside,
}) => {
  const overdueId = await createSiteAndRoom(page, 'Guangzhou 广州分部', 'Archive room 档案机房');
  const overdueRoom = await readRecord<Room>(page, 'rooms', overdueId);
  await page.getByRole('button', { name: 'Guangzhou 广州分部' }).click();
  await page.getByLabel('Room name').fill('Comms room 通信机房');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: 'Guangzhou 广州分部' }).click();

  // A completed audit 200 days ago (interval 90) with two findings still open.
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
  const audit: Audit = {
    id: 'audit-old',
    siteId: overdueRoom.siteId,
    roomIds: [overdueId],
    title: 'Spring audit',
    templateId: 'builtin-secure-room',
    templateVersion: 1,
    inspectors: ['Li'],
    status: 'completed',
    startedAt: day(-201),
    completedAt: day(-200),
    priorAuditId: null,
    reopenLog: [],
    cursor: null,
    createdAt: day(-201),
    updatedAt: day(-200),
    objectives: '',
    auditClient: '',
    auditees: [],
    timeZone: 'Asia/Shanghai',
  };
  const finding = (
    id: string,
    severity: Finding['severity'],
    status: Finding['status'],
  ): Finding => ({
    id,
    auditId: audit.id,
    roomId: overdueId,
    deviceId: null,
    itemId: id,
    severity,
    severityChanges: [],
    title: id,
    detail: '',
    remediation: '',
    owner: '',
    dueDate: null,
    status,
    statusReason: status === 'closed' ? 'fixed' : '',
    firstSeenAuditId: audit.id,
    firstSeenAt: day(-200),
    ...firstSighting(id, audit.id, day(-200)),
    createdAt: day(-200),
    updatedAt: day(-200),
  });
  await putRecords(page, {
    audits: [audit],
    findings: [
      finding('D1', 'high', 'open'),
      finding('P2', 'medium', 'in_remediation'),
      finding('P5', 'low', 'closed'),
    ],
  });
  await page.reload();

  const overdueRow = page.getByRole('row').filter({ hasText: 'Archive room 档案机房' });
  await expect(overdueRow.getByText('Overdue by 110 d')).toBeVisible();
  await expect(overdueRow.getByText('1 open High findings')).toBeAttached();
  await expect(overdueRow.getByText('1 open Medium findings')).toBeAttached();
  await expect(overdueRow.getByText(/open Low findings/)).toHaveCount(0);
  await expect(page.getByRole('heading', { name: /Rooms\s+1 overdue/ })).toBeVisible();
  const fresh = page.getByRole('row').filter({ hasText: 'Comms room 通信机房' });
  await expect(fresh.getByText('Not audited yet')).toBeVisible();
  await expect(fresh.getByText('Never')).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the rooms overview');

  // The room screen says it too, and the interval can be changed there.
  await page.getByRole('button', { name: 'Open room Archive room 档案机房' }).click();
  await expect(page.getByText('Overdue by 110 d')).toBeVisible();
  await page.getByRole('button', { name: 'Edit room' }).click();
  await page.getByRole('dialog').getByLabel('Audit interval (days)').fill('365');
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(page.getByText(/On schedule \(165 d left\)/)).toBeVisible();

  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByText('按期（剩 165 天）')).toBeVisible();
  expect(outside).toEqual([]);
});
