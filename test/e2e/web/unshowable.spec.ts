import { expect, test } from './fixtures.ts';
import { chooseFile, makeSiteAndRoom, openExchange } from './exchange-support.ts';

// Values a report cannot show (an emoji, a CJK Extension B ideograph) are accepted, but the
// import preview and the device form say so before the audit, not after: a signed report
// prints them as □ and lists them in an appendix. Names outside GB2312 (王堃) and Latin
// Extended letters (Łódź) are shown by the report fonts and draw no warning.

const DIR = process.env.ROOMCHECK_SCREENS_DIR ?? 'test-results/screens';

const CSV = [
  'asset_tag,name,device_type,serial,status,room',
  'A-1,王堃的服务器 Łódź,server,SN1,active,Room 301',
  'A-2,NVR 😀 camera host,nvr_vms,SN2,idle,Room 301',
  'A-3,Archive 𠀀 box,server,SN3,active,Room 301',
].join('\r\n');

test('the import preview and the device form name characters reports cannot show', async ({
  app: page,
  outside,
}) => {
  await makeSiteAndRoom(page);
  await openExchange(page);
  await chooseFile(page, 'names.csv', CSV);
  const summary = page.getByRole('list', { name: 'What the import would do' });
  await expect(summary).toContainText(/3\s*to add/);
  const notice = page.getByRole('status').filter({ hasText: 'Reports cannot show' });
  // Spreadsheet rows: the header is row 1, so the emoji is on row 3 and 𠀀 on row 4.
  await expect(notice).toContainText('3: 😀');
  await expect(notice).toContainText('4: 𠀀');
  await expect(notice).not.toContainText('2:');
  await page.screenshot({ path: `${DIR}/import-unshowable-en.png` });
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('status').filter({ hasText: '报告无法显示的字符' })).toBeVisible();
  await page.screenshot({ path: `${DIR}/import-unshowable-zh.png` });
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByText('"names.csv": 3 added')).toBeVisible();

  // The device form warns while the name is typed, and stops when the character is gone.
  await page.getByRole('button', { name: 'Sites & rooms' }).click();
  await page.getByText('Beijing HQ').click();
  await page.getByRole('button', { name: 'Open room Room 301' }).click();
  await page.getByRole('button', { name: 'NVR 😀 camera host', exact: true }).click();
  const formNotice = page.getByRole('status').filter({ hasText: 'Reports cannot show' });
  await expect(formNotice).toContainText('Reports cannot show 😀');
  await page.getByLabel('Device name').fill('NVR 😀 camera host 🎥');
  await expect(formNotice).toContainText('Reports cannot show 😀 🎥');
  await page.screenshot({ path: `${DIR}/device-unshowable-en.png` });
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('status').filter({ hasText: '报告无法显示 😀 🎥' })).toBeVisible();
  await page.screenshot({ path: `${DIR}/device-unshowable-zh.png` });
  await page.getByLabel('语言').selectOption('en');
  await page.getByLabel('Device name').fill('NVR camera host 朱镕基 Łódź');
  await expect(formNotice).toHaveCount(0);
  expect(outside).toEqual([]);
});
