import type { Page } from '@playwright/test';
import type { Audit, Room } from '../../../shared/domain/schemas.ts';
import { expect, test } from './fixtures.ts';
import { idFromHash, manyDevices, putRecords, rack, readRecord } from './inventory-seed.ts';

// Screenshots of the inventory and templates screens at 1366x768 in both languages, with
// realistic data (long and Chinese names, overdue rooms, a fully recorded device), for people
// to look at. Written to ROOMCHECK_SCREENS_DIR (default test-results/screens).

const DIR = process.env.ROOMCHECK_SCREENS_DIR ?? 'test-results/screens';

async function shoot(page: Page, name: string) {
  // Let fonts and the virtualized list settle before the picture.
  await page.evaluate(() => document.fonts.ready);
  await page.screenshot({ path: `${DIR}/${name}.png` });
}

test('inventory and templates screens in English and Chinese', async ({ app: page, outside }) => {
  test.setTimeout(180_000);
  await page.getByLabel('Site name').fill('Beijing headquarters 北京总部（保密办公区）');
  await page
    .getByLabel('Organisation / unit')
    .fill('Information Security Office 信息安全保密办公室');
  await page.getByRole('button', { name: 'Create' }).click();
  const rooms = [
    ['Main computer room 主机房 A (Building 2, secure wing)', 'secret'],
    ['档案数据机房', 'top_secret'],
    ['Comms room 通信间 3F', 'confidential'],
  ] as const;
  for (const [name, classification] of rooms) {
    await page.getByLabel('Room name').fill(name);
    await page.getByRole('textbox', { name: 'Building' }).fill('B2 保密楼');
    await page.getByRole('combobox', { name: 'Classification' }).selectOption(classification);
    await page.getByRole('button', { name: 'Create' }).click();
    await page
      .getByRole('navigation', { name: 'Where you are' })
      .getByRole('button')
      .nth(1)
      .click();
  }
  await page.getByRole('button', { name: `Open room ${rooms[0][0]}` }).click();
  const roomId = await idFromHash(page, 'room');
  const room = await readRecord<Room>(page, 'rooms', roomId);
  const racks = [
    rack(roomId, 'r1', 'A01 核心网络柜', 0),
    rack(roomId, 'r2', 'A02 服务器柜', 1),
    rack(roomId, 'r3', 'B01 Storage & backup', 2),
    rack(roomId, 'r4', 'B02 视频监控', 3),
    rack(roomId, 'r5', 'C01', 4),
  ];
  const day = (offset: number) => new Date(Date.now() + offset * 86_400_000).toISOString();
  const audit: Audit = {
    id: 'old-audit',
    siteId: room.siteId,
    roomIds: [roomId],
    title: '2025 Q2 periodic check 第二季度例行检查',
    templateId: 'builtin-secure-room',
    templateVersion: 1,
    inspectors: ['王敏'],
    status: 'completed',
    startedAt: day(-131),
    completedAt: day(-130),
    priorAuditId: null,
    reopenLog: [],
    cursor: null,
    createdAt: day(-131),
    updatedAt: day(-130),
    objectives: '',
    auditClient: '',
    auditees: [],
    timeZone: 'Asia/Shanghai',
  };
  await putRecords(page, {
    racks,
    devices: manyDevices(room.siteId, roomId, racks, 240),
    audits: [audit],
  });
  await page.reload();
  await expect(page.getByText('240 devices')).toBeVisible();
  await shoot(page, 'inventory-room-en');

  await page.getByRole('button', { name: 'Add device' }).click();
  await page.getByLabel('Device name').fill('视频监控平台服务器（旧） Legacy VMS platform server');
  await page.getByLabel('Asset tag').fill('BJ-IT-2019-00042');
  await page.getByLabel('Type', { exact: true }).selectOption('nvr_vms');
  await page.getByLabel('Manufacturer').fill('Hikvision 海康威视');
  await page.getByLabel('Model').fill('DS-96256NI-I24');
  await page.getByLabel('Serial number').fill('DS-96256NI-I2420190823CCRRD12345678');
  await page.getByLabel('Rack', { exact: true }).selectOption('r4');
  await page.getByLabel('Lowest U').fill('30');
  await page.getByLabel('Height (U)').fill('4');
  await page.getByLabel('Hostname').fill('vms-legacy-01.secure.corp.local');
  await page.getByLabel('IP addresses').fill('10.20.30.40\n10.20.31.40');
  await page.getByLabel('MAC addresses').fill('00:1A:2B:3C:4D:5E');
  await page.getByLabel('Owner').fill('张伟（已调离）');
  await page.getByLabel('Department').fill('Security operations 安保部');
  await page.getByLabel('Lifecycle status').selectOption('decommissioning');
  await page.getByLabel('Idle since (last used)').fill('2022-06-30');
  await page.getByLabel('Firmware / OS version').fill('V4.22.005 build 190823');
  await page.getByLabel('Firmware date').fill('2019-08-23');
  await page.getByLabel('Vendor end of support').fill('2023-12-31');
  await page.getByLabel('Default credentials changed').selectOption('no');
  await page.getByLabel("Stores other devices' credentials").check();
  await page.getByLabel('Power').selectOption('on');
  await page.getByLabel('Network state').selectOption('connected');
  await page.getByLabel('Switch', { exact: true }).fill('SW-CORE-01');
  await page.getByLabel('Switch port').fill('Gi1/0/24');
  await page.getByRole('button', { name: 'Add interface' }).click();
  await page.getByRole('button', { name: 'Add media' }).click();
  await page.getByRole('group', { name: 'Media record 1' }).getByLabel('Count').fill('16');
  await page
    .getByRole('group', { name: 'Media record 1' })
    .getByLabel('Serial numbers')
    .fill('WD-WX12A3456789, WD-WX12A3456790, WD-WX12A3456791');
  await page.getByLabel('Sanitization carried out').check();
  await page
    .getByLabel('Notes')
    .fill('发现时仍通电联网；摄像头口令存于平台数据库。Found powered and cabled.');
  await page.getByLabel('IP addresses').fill('10.20.30.40\n10.20.30.400');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'inventory-device-errors-en');
  await page.getByLabel('IP addresses').fill('10.20.30.40\n10.20.31.40');
  await page.getByLabel('Date', { exact: true }).fill('2026-01-05');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByText('241 devices')).toBeVisible();
  await page.getByRole('button', { name: /^视频监控平台服务器（旧）/ }).click();
  await shoot(page, 'inventory-device-en');
  await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
  await shoot(page, 'inventory-device-bottom-en');

  await page.getByLabel('Language').selectOption('zh');
  await page.evaluate(() => window.scrollTo(0, 0));
  await shoot(page, 'inventory-device-zh');
  await page.getByRole('button', { name: '取消' }).click();
  await page.getByLabel('搜索设备').fill('cam');
  await shoot(page, 'inventory-room-zh');
  await page.getByRole('navigation', { name: '当前位置' }).getByRole('button').nth(1).click();
  await shoot(page, 'inventory-site-zh');
  await page.getByLabel('语言').selectOption('en');
  await shoot(page, 'inventory-site-en');

  await page.getByRole('button', { name: 'Checklists' }).click();
  await shoot(page, 'templates-list-en');
  await page.getByRole('button', { name: 'Secure room', exact: true }).click();
  await shoot(page, 'templates-builtin-en');
  await page.getByRole('button', { name: 'Duplicate' }).click();
  await page.getByRole('button', { name: 'Edit item D1' }).click();
  await shoot(page, 'templates-item-editor-en');
  await page.getByRole('button', { name: 'Cancel' }).click();
  await page.getByLabel('Language').selectOption('zh');
  await shoot(page, 'templates-copy-zh');
  await page.getByRole('button', { name: '检查表', exact: true }).click();
  await shoot(page, 'templates-list-zh');
  expect(outside).toEqual([]);
});
