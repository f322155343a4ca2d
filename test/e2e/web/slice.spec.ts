import { expect, test } from './fixtures.ts';

test('create a site, a room and a device, answer a check item with a note, and find it all after a reload', async ({
  app: page,
  outside,
}) => {
  await page.getByLabel('Site name').fill('Beijing HQ');
  await page.getByLabel('Organisation / unit').fill('Security Office');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Beijing HQ' })).toBeVisible();

  await page.getByLabel('Room name').fill('Server room 3 机房');
  await page.getByLabel('Building').fill('B2');
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Server room 3 机房' })).toBeVisible();

  await page.getByRole('button', { name: 'Add device' }).click();
  await page.getByLabel('Device name').fill('Old VMS server');
  await page.getByLabel('Asset tag').fill('A-0042');
  await page.getByLabel('Type', { exact: true }).selectOption('nvr_vms');
  await page.getByLabel('Lifecycle status').selectOption('idle');
  await page.getByLabel('Network state').selectOption('connected');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'Old VMS server', exact: true })).toBeVisible();

  await page.getByRole('button', { name: 'Start audit' }).click();
  await page.getByLabel('Inspector').fill('Wang Fang');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  // The walk opens on the room's own items; the device is the next subject in walk order.
  const walkOrder = page.getByRole('list', { name: /subjects in walk order/ });
  await walkOrder.getByRole('button', { name: /Old VMS server/ }).click();
  const d1 = page
    .getByRole('listitem')
    .filter({ hasText: 'No idle or decommissioned device is powered' });
  await d1.getByRole('textbox').fill('Still cabled to switch 3 port 12');
  await d1.getByRole('button', { name: 'Fail' }).click();
  await expect(d1.getByRole('button', { name: 'Fail' })).toHaveAttribute('aria-pressed', 'true');
  await walkOrder.getByRole('button', { name: /Room checks: Server room 3/ }).click();
  const p1 = page.getByRole('listitem').filter({ hasText: 'Entry controlled' });
  await p1.getByRole('button', { name: 'Pass' }).click();
  await expect(p1.getByRole('button', { name: 'Pass' })).toHaveAttribute('aria-pressed', 'true');

  await page.reload();
  // The walk resumes in the room's items, where the last answer left it.
  await expect(
    page
      .getByRole('listitem')
      .filter({ hasText: 'Entry controlled' })
      .getByRole('button', { name: 'Pass' }),
  ).toHaveAttribute('aria-pressed', 'true');
  await walkOrder.getByRole('button', { name: /Old VMS server/ }).click();
  const d1After = page
    .getByRole('listitem')
    .filter({ hasText: 'No idle or decommissioned device is powered' });
  await expect(d1After.getByRole('button', { name: 'Fail' })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(d1After.getByRole('textbox')).toHaveValue('Still cabled to switch 3 port 12');

  // The inventory is still there too.
  await page.getByRole('button', { name: 'Sites & rooms' }).click();
  await page.getByRole('button', { name: 'Open site Beijing HQ' }).click();
  await page.getByRole('button', { name: 'Open room Server room 3 机房' }).click();
  await expect(page.getByRole('cell', { name: 'Old VMS server', exact: true })).toBeVisible();
  await expect(page.getByRole('cell', { name: 'A-0042' })).toBeVisible();
  expect(outside).toEqual([]);
});

test('the language switch shows the whole screen in Simplified Chinese and remembers it', async ({
  app: page,
  outside,
}) => {
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('heading', { level: 1, name: '场所' })).toBeVisible();
  await expect(page.getByLabel('场所名称')).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: '场所' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'zh-CN');
  expect(outside).toEqual([]);
});
