import { expect, test } from './fixtures.ts';

test('the app makes no request outside its own origin on any screen', async ({
  app: page,
  outside,
  server,
}) => {
  const origins = new Set<string>();
  page.on('request', (req) => origins.add(new URL(req.url()).origin));

  await page.getByLabel('Site name').fill('Net test');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByLabel('Room name').fill('Room');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByRole('button', { name: 'Add device' }).click();
  await page.getByLabel('Device name').fill('Switch');
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('cell', { name: 'Switch', exact: true })).toBeVisible();
  await page.getByRole('button', { name: 'Start audit' }).click();
  await page.getByLabel('Inspector').fill('Li Lei');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await page.getByRole('button', { name: 'Pass' }).first().click();

  // Every top-level screen, in both languages.
  for (const screen of [
    'Findings',
    'Summary',
    'Checklists',
    'Import & export',
    'Reports',
    'Verify a report',
    'Signing identities',
    'Sites & rooms',
  ]) {
    await page.getByRole('button', { name: screen, exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();
  }
  await page.getByLabel('Language').selectOption('zh');
  await page.reload();
  await expect(page.getByRole('heading', { level: 1 }).first()).toBeVisible();

  // The app's own font renders the Chinese UI (an air-gapped laptop may have no CJK font).
  const loadedFaces = await page.evaluate(async () => {
    const faces = await document.fonts.load('16px "Roomcheck Sans"', '机房');
    return faces.filter((f) => f.status === 'loaded').length;
  });
  expect(loadedFaces).toBeGreaterThan(0);

  expect(outside).toEqual([]);
  expect([...origins]).toEqual([new URL(server.url).origin]);
});

test('the recorder notices an outside request, and the CSP stops it before it leaves', async ({
  app: page,
  outside,
}) => {
  // A control: proves the assertion above can fail. 192.0.2.0/24 is TEST-NET-1 (never routed).
  await page.evaluate(() => {
    const img = new Image();
    img.src = 'http://192.0.2.1/probe.png';
    document.body.append(img);
    void fetch('http://192.0.2.1/probe').catch(() => undefined);
  });
  await expect.poll(() => outside.filter((o) => o.how === 'csp-violation').length).toBe(2);
  // The CSP refused both before they reached the network layer (the route never saw them).
  expect(outside.filter((o) => o.how === 'request')).toEqual([]);
});
