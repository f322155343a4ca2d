import type { Page } from '@playwright/test';
import { extractSnapshot } from '../../../main/report/embed-snapshot.ts';
import { chooseFile, openExchange } from './exchange-support.ts';
import { expect, test } from './fixtures.ts';
import { completeSmallAudit, createSelfIssued, openNav, signOnlyAudit } from './reports-flow.ts';
import { startSmallAudit } from './walk-helpers.ts';

// Issue 8 review: a completed audit stays on screen after its site is deleted, its findings
// can be followed up after completion without touching its record, and the walk-through's
// "changed since this audit started" follows the inventory live.

const SHOTS = 'test-results/screens';

/** A screenshot in English, then the same screen in Chinese once `zhText` shows, back to English. */
async function bothLanguages(page: Page, name: string, zhText: string | RegExp) {
  await page.screenshot({ path: `${SHOTS}/${name}-en.png`, fullPage: true });
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByText(zhText).first()).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/${name}-zh.png`, fullPage: true });
  await page.getByLabel('语言').selectOption('en');
  await expect(page.getByLabel('Language')).toBeVisible();
}

test('findings are followed up after completion and the audit outlives its deleted site', async ({
  app: page,
  outside,
}) => {
  test.setTimeout(300_000);
  await completeSmallAudit(page);
  await createSelfIssued(page, 'Wang Fang');
  const first = extractSnapshot((await signOnlyAudit(page, /Wang Fang/)).bytes);
  expect(first.recordId).toMatch(/^[0-9a-f]{64}$/);

  // The completed audit's finding: frozen at completion, then closed later by somebody else.
  await openNav(page, 'Reports');
  await page.getByRole('button', { name: /^Open audit / }).click();
  await expect(page.getByText(first.recordId!.slice(0, 12))).toBeVisible();
  await page.getByRole('button', { name: 'Findings', exact: true }).click();
  const log = page.getByRole('region', { name: 'Status since completion' });
  await expect(log).toContainText('Frozen at completion: Open');
  await expect(log).toContainText('No change recorded since the audit was completed.');
  // Bad input: a clear sentence, nothing recorded.
  await log.getByRole('button', { name: 'Record change' }).click();
  await expect(log.getByText('Say why the status changes, or what shows it.')).toBeVisible();
  await expect(log).toContainText('No change recorded since the audit was completed.');
  await log.getByLabel('New status').selectOption('closed');
  await log.getByLabel('Recorded by').fill('Li Ming 李明');
  await log.getByLabel('Why, or what shows it (recorded)').fill('Unplugged, ticket WO-7');
  await log.getByRole('button', { name: 'Record change' }).click();
  await expect(log).toContainText('Since then:');
  await expect(log).toContainText(/Closed\s*by Li Ming 李明 on \d{4}-\d{2}-\d{2} — Unplugged/);
  const row = page.getByRole('table', { name: 'Findings of this audit' }).getByRole('row').nth(1);
  await expect(row).toContainText('Closed *');
  await bothLanguages(page, 'finding-events', '完成后的状态');

  // The site goes, with its room and inventory; the audit stays, under its recorded names.
  await page.getByRole('button', { name: 'Sites & rooms', exact: true }).click();
  await page.getByRole('button', { name: /Beijing HQ 北京总部/ }).click();
  await expect(page.getByRole('button', { name: 'Delete site' })).toBeVisible();
  await bothLanguages(page, 'site-buttons', '删除场所');
  await page.getByRole('button', { name: 'Delete site' }).click();
  const dialog = page.getByRole('dialog');
  await expect(dialog).toContainText('Delete site “Beijing HQ 北京总部” and its rooms?');
  await page.screenshot({ path: `${SHOTS}/delete-site-en.png` });
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await page.getByLabel('Language').selectOption('zh');
  await page.getByRole('button', { name: '删除场所' }).click();
  await expect(dialog).toBeVisible();
  await page.screenshot({ path: `${SHOTS}/delete-site-zh.png` });
  await dialog.getByRole('button', { name: '取消' }).click();
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('button', { name: 'Delete site' }).click();
  await dialog.getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByText('“Beijing HQ 北京总部” deleted.')).toBeVisible();

  await openNav(page, 'Reports');
  const listed = page.getByRole('row').filter({ hasText: 'Beijing HQ 北京总部' });
  await expect(listed).toContainText('site deleted');
  await expect(listed).toContainText('Server room 3 机房');
  await bothLanguages(page, 'audits-of-deleted-site', '场所已删除');
  await listed.getByRole('button', { name: /^Open audit / }).click();
  const summary = page.locator('.summary-screen');
  await expect(summary).toContainText('Server room 3 机房');
  await expect(summary).toContainText(first.recordId!.slice(0, 12));
  await page.getByRole('button', { name: 'Findings', exact: true }).click();
  await expect(row).toContainText('Closed *');

  // Its report is signed again from the record: same record, same content, site and all.
  const second = extractSnapshot((await signOnlyAudit(page, /Wang Fang/)).bytes);
  expect(second.recordId).toBe(first.recordId);
  expect(second.site.name).toBe('Beijing HQ 北京总部');
  expect({ ...second, signOff: first.signOff }).toEqual(first);
  expect(outside).toEqual([]);
});

test("the walk-through's scope changes follow an import made in another tab", async ({
  app: page,
  context,
  server,
  outside,
}) => {
  test.setTimeout(240_000);
  const { fixture } = await startSmallAudit(page, 2);
  const room = fixture.rooms[0]!;
  await expect(page.locator('.scope-changes')).toHaveCount(0);

  const other = await context.newPage();
  await other.goto(server.url);
  await openExchange(other);
  const csv = [
    'asset_tag,name,device_type,serial,status,room',
    `LIVE-1,Arrived later 1,server,SN-LIVE-1,active,${room.name}`,
    `LIVE-2,Arrived later 2,switch,SN-LIVE-2,active,${room.name}`,
  ].join('\r\n');
  await chooseFile(other, 'later.csv', csv);
  await other.getByRole('button', { name: 'Apply import' }).click();
  await expect(other.getByText(/"later.csv": 2 added/)).toBeVisible();

  // The first tab was never reloaded.
  const panel = page.locator('.scope-changes');
  await expect(panel.getByRole('heading')).toContainText('2');
  await expect(panel).toContainText('Arrived later 1');
  await bothLanguages(page, 'scope-changes', /检查开始后的台账变动/);

  // The other tab: deleting the room is refused while this audit is in progress.
  await other.evaluate((id) => (location.hash = `#/room/${id}`), room.id);
  await other.getByRole('button', { name: 'Delete room' }).click();
  await expect(other.getByRole('dialog')).toBeVisible();
  await other.screenshot({ path: `${SHOTS}/delete-room-en.png` });
  await other.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await other.getByLabel('Language').selectOption('zh');
  await other.getByRole('button', { name: '删除机房' }).click();
  await expect(other.getByRole('dialog')).toBeVisible();
  await other.screenshot({ path: `${SHOTS}/delete-room-zh.png` });
  await other.close();
  expect(outside).toEqual([]);
});
