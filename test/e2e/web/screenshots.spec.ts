import { expect, test } from './fixtures.ts';

// Screenshots of the first screens for people to look at (README, reviews). Also checks that
// the shipped font actually renders Chinese: text in the page font must have real width.
test('screenshots of the slice in English and Chinese', async ({ app: page, outside }) => {
  await page.getByLabel('Site name').fill('Beijing HQ 北京总部');
  await page.getByLabel('Organisation / unit').fill('Security Office 保密办');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByLabel('Room name').fill('Main computer room 主机房 A');
  await page.getByRole('button', { name: 'Create' }).click();
  for (const [name, tag, type, status, net] of [
    ['Old VMS server 视频管理服务器', 'A-0042', 'nvr_vms', 'idle', 'connected'],
    ['Core switch 核心交换机', 'A-0001', 'switch', 'active', 'connected'],
    ['Retired DB server', 'A-0107', 'server', 'decommissioning', 'connected'],
  ] as const) {
    await page.getByRole('button', { name: 'Add device' }).click();
    await page.getByLabel('Device name').fill(name);
    await page.getByLabel('Asset tag').fill(tag);
    await page.getByLabel('Type', { exact: true }).selectOption(type);
    await page.getByLabel('Lifecycle status').selectOption(status);
    await page.getByLabel('Network state').selectOption(net);
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await expect(page.getByRole('cell', { name, exact: true })).toBeVisible();
  }
  await page.screenshot({ path: 'test-results/screens/room-en.png' });
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('button', { name: '添加设备' })).toBeVisible();
  const loadedFaces = await page.evaluate(async () => {
    const faces = await document.fonts.load('16px "Roomcheck Sans"', '主机房');
    return faces.filter((f) => f.status === 'loaded').length;
  });
  expect(loadedFaces).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/screens/room-zh.png' });
  expect(outside).toEqual([]);
});
