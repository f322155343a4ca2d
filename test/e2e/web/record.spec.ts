import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { extractSnapshot } from '../../../main/report/embed-snapshot.ts';
import { chooseFile, openExchange } from './exchange-support.ts';
import { expect, test } from './fixtures.ts';
import { putRecords, readRecord } from './inventory-seed.ts';
import { createSelfIssued, signOnlyAudit } from './reports-flow.ts';
import { startSmallAudit } from './walk-helpers.ts';

// Issue 8, as a new user saw it: an audit of 6 devices completed and signed; then an inventory
// CSV adds 6 devices to the same room, devices are edited and deleted. The completed audit's
// screens and a second signed report must say exactly what the first did.

/** Answers every step: Enter takes a rule's suggestion, P otherwise; a failure gets a note. */
async function answerAll(page: Page) {
  const progress = page.locator('.audit-head-extra .pbar-text');
  const total = Number(/of (\d+)/.exec((await progress.textContent()) ?? '')?.[1]);
  for (let guard = 0; guard < 400; guard++) {
    const text = (await progress.textContent()) ?? '';
    if (text.startsWith(`${total} of`)) break;
    await page.keyboard.press('u');
    const suggests = await page.locator('.witem.is-current .witem-suggest').count();
    await page.keyboard.press(suggests ? 'Enter' : 'p');
    await expect(progress).not.toHaveText(text);
    const askingNote = await page.evaluate(() =>
      document.activeElement?.id.startsWith('walk-note-'),
    );
    if (askingNote) {
      await page.keyboard.type('Seen on site');
      await page.keyboard.press('Enter');
    }
  }
  await expect(progress).toHaveText(`${total} of ${total} answered (100%)`);
}

async function complete(page: Page) {
  await page.getByRole('button', { name: 'Summary', exact: true }).click();
  await page.getByRole('button', { name: 'Complete audit' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Complete audit' }).click();
  await expect(page.getByRole('button', { name: 'Reopen audit' })).toBeVisible();
}

/** What the completed audit's screens say: summary, walk-through progress, findings list. */
async function screens(page: Page, auditId: string) {
  await page.evaluate((id) => (location.hash = `#/summary/${id}`), auditId);
  const summary = page.locator('.summary-screen');
  await expect(summary.getByText('Devices in scope')).toBeVisible();
  const summaryText = await summary.innerText();
  await page.evaluate((id) => (location.hash = `#/audit/${id}`), auditId);
  await expect(page.locator('.witem.is-current')).toBeVisible();
  const walk = [
    await page.locator('.audit-head-extra .pbar-text').innerText(),
    await page.getByRole('list', { name: /subjects in walk order/ }).innerText(),
  ].join('\n');
  await page.evaluate((id) => (location.hash = `#/findings/${id}`), auditId);
  await expect(page.getByRole('search', { name: 'Filter findings' })).toBeVisible();
  const findings = await page.locator('.findings-scroll').innerText();
  return { summary: summaryText, walk, findings };
}

/** pdftotext of the report, without what differs between two signings of one record. */
function reportText(pdf: Uint8Array): string {
  const dir = mkdtempSync(join(tmpdir(), 'roomcheck-record-'));
  const file = join(dir, 'r.pdf');
  writeFileSync(file, pdf);
  const text = execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' });
  // Only the report's version and the generation and signing times may differ between two
  // signings (they straddle a minute on a loaded machine): those times are masked.
  const TIME = /\d{4}-\d{2}-\d{2} \d{2}:\d{2} \(?UTC[^)\s]*\)?/;
  return text
    .split('\n')
    .filter((l) => !/Report ID\s+\S+, version \d+/.test(l))
    .map((l) => (/^\s*(Generated:?|Time)\s/.test(l) ? l.replace(TIME, '<time>') : l))
    .join('\n');
}

const CSV = (room: string) =>
  [
    'asset_tag,name,device_type,serial,status,room',
    ...Array.from(
      { length: 6 },
      (_x, i) => `NEW-${i},Imported box ${i},server,SN-NEW-${i},active,${room}`,
    ),
  ].join('\r\n');

test('a completed, signed audit says the same after an import, edits and deletions; so does its second report', async ({
  app: page,
  outside,
}) => {
  test.setTimeout(300_000);
  const { fixture, auditId } = await startSmallAudit(page, 6);
  await answerAll(page);
  await complete(page);
  await createSelfIssued(page, 'Wang Fang');
  const first = await signOnlyAudit(page, /Wang Fang/);
  const before = await screens(page, auditId);
  expect(before.summary).toContain('6 of 6 inspected');

  // Six devices into the same room by CSV, one device edited, one deleted through the UI.
  const room = fixture.rooms[0]!;
  await openExchange(page);
  await chooseFile(page, 'more.csv', CSV(room.name));
  await expect(page.getByRole('list', { name: 'What the import would do' })).toContainText(
    /6\s*to add/,
  );
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByText(/"more.csv": 6 added/)).toBeVisible();
  const edited = fixture.devices[1]!;
  const stored = await readRecord<Record<string, unknown>>(page, 'devices', edited.id);
  await putRecords(page, {
    devices: [
      {
        ...stored,
        name: 'Renamed afterwards',
        status: 'disposed',
        updatedAt: new Date().toISOString(),
      },
    ],
  });
  const gone = fixture.devices[2]!;
  await page.evaluate((id) => (location.hash = `#/room/${id}`), room.id);
  await page.getByRole('button', { name: `Delete device ${gone.name}` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete' }).click();
  await expect(page.getByRole('button', { name: `Delete device ${gone.name}` })).toHaveCount(0);

  const after = await screens(page, auditId);
  expect(after).toEqual(before);
  await page.evaluate((id) => (location.hash = `#/summary/${id}`), auditId);
  await expect(page.locator('.summary-screen').getByText('Devices in scope')).toBeVisible();
  await page.screenshot({
    path: 'test-results/screens/record-after-import-en.png',
    fullPage: true,
  });
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.locator('.summary-screen').getByText('检查范围内设备')).toBeVisible();
  await page.screenshot({
    path: 'test-results/screens/record-after-import-zh.png',
    fullPage: true,
  });
  await page.getByLabel('语言').selectOption('en');

  const second = await signOnlyAudit(page, /Wang Fang/);
  writeFileSync('test-results/screens/record-report-v1.pdf', first.bytes);
  writeFileSync('test-results/screens/record-report-v2.pdf', second.bytes);
  const a = extractSnapshot(first.bytes);
  const b = extractSnapshot(second.bytes);
  expect(b.signOff?.reportVersion).toBe(2);
  expect({ ...b, signOff: { ...b.signOff, reportVersion: 1 } }).toEqual(a);
  expect(b.devices.map((d) => d.name)).toContain(gone.name);
  expect(b.devices.map((d) => d.name)).not.toContain('Imported box 0');
  const text = reportText(first.bytes);
  expect(text).toContain(gone.assetTag);
  expect(text).not.toContain('Imported box');
  expect(reportText(second.bytes)).toBe(text);
  expect(outside).toEqual([]);
});

/** The number shown next to a label in a list of counts (Compare's tiles). */
async function countIn(page: Page, list: string, label: string): Promise<number> {
  const item = page
    .getByRole('list', { name: list })
    .getByRole('listitem')
    .filter({
      has: page.getByText(label, { exact: true }),
    });
  return Number(await item.locator('strong').innerText());
}

test('a follow-up closes the findings of items that now pass; summary, Compare and report agree', async ({
  app: page,
  outside,
}) => {
  test.setTimeout(400_000);
  const { fixture } = await startSmallAudit(page, 6);
  await answerAll(page);
  await complete(page);
  const room = fixture.rooms[0]!;

  // The follow-up, carried forward from the Compare screen.
  await page.evaluate((id) => (location.hash = `#/compare/${id}`), room.id);
  await page.getByRole('button', { name: 'Start next audit from this one' }).click();
  await page.getByRole('dialog').getByLabel('Inspector').fill('李强 Li Qiang');
  await page.getByRole('dialog').getByRole('button', { name: 'Start audit' }).click();
  await expect(page.locator('.witem.is-current')).toBeVisible();
  const followId = decodeURIComponent((await page.evaluate(() => location.hash)).split('/')[2]!);

  // One device is not found this time.
  await page.keyboard.press(']');
  await page.keyboard.press('x');
  await expect(page.locator('.subject-head .badge.mark-not_found')).toBeVisible();
  await page.keyboard.press('[');

  // Walk every item: carried findings in turn pass and are closed with R, fail again, or are
  // left not re-checked; everything else takes the rule's suggestion or passes.
  const progress = page.locator('.audit-head-extra .pbar-text');
  const expected = { resolved: 0, recurring: 0, notRechecked: 0 };
  let carriedSeen = 0;
  for (let guard = 0; guard < 400; guard++) {
    const current = page.locator('.witem.is-current');
    if ((await current.locator('.witem-carried').count()) > 0) {
      const turn = carriedSeen++ % 3;
      const before = await current.getAttribute('id');
      if (turn === 0) {
        await page.keyboard.press('p');
        await expect(current.locator('.witem-carried')).toContainText('Passes now');
        await page.keyboard.press('r');
        await expect(page.locator(`#${before} .witem-carried`)).toContainText('Resolved');
        expected.resolved++;
      } else if (turn === 1) {
        await page.keyboard.press('f');
        await page.keyboard.type('Still there');
        await page.keyboard.press('Enter');
        await expect(page.locator(`#${before} .witem-carried`)).toContainText('Recurring');
        expected.recurring++;
      } else {
        // Not re-checked: step over it.
        await page.keyboard.press('ArrowDown');
        expected.notRechecked++;
      }
      await expect(page.locator('.witem.is-current')).not.toHaveAttribute('id', before!);
      continue;
    }
    const text = (await progress.textContent()) ?? '';
    if (/^(\d+) of \1 answered/.test(text)) break;
    const result = await current.getAttribute('class');
    if (!result?.includes('res-unchecked')) {
      const before = await current.getAttribute('id');
      await page.keyboard.press('ArrowDown');
      if ((await page.locator('.witem.is-current').getAttribute('id')) === before) break;
      continue;
    }
    const suggests = await current.locator('.witem-suggest').count();
    await page.keyboard.press(suggests ? 'Enter' : 'p');
    await expect(progress).not.toHaveText(text);
    if (await page.evaluate(() => document.activeElement?.id.startsWith('walk-note-'))) {
      await page.keyboard.type('Seen on site');
      await page.keyboard.press('Enter');
    }
  }
  expect(expected.resolved).toBeGreaterThan(0);
  expect(expected.recurring).toBeGreaterThan(0);
  await page.screenshot({ path: 'test-results/screens/followup-walk-en.png' });
  await complete(page);

  // The summary.
  const lifecycle = page.getByRole('region', { name: 'Findings against the prior audit' });
  const state = async (k: string) =>
    Number(await lifecycle.locator(`[data-state="${k}"] dd`).innerText());
  const summary = {
    resolved: await state('resolved'),
    recurring: await state('recurring'),
    notRechecked: await state('not_rechecked'),
    new: await state('new'),
  };
  expect(summary).toMatchObject(expected);
  const missing = page.getByRole('heading', { name: /^Missing \(\d+\)$/ });
  await expect(missing).toHaveText('Missing (1)');
  await page.screenshot({ path: 'test-results/screens/followup-summary-en.png', fullPage: true });
  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('region', { name: '与上次检查相比的问题' })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/followup-summary-zh.png', fullPage: true });
  await page.getByLabel('语言').selectOption('en');

  // Compare: the same counts, and the same missing device.
  await page.evaluate((id) => (location.hash = `#/compare/${id}`), room.id);
  const changes = 'Changes between the two audits';
  await expect(page.getByRole('list', { name: changes })).toBeVisible();
  expect({
    resolved: await countIn(page, changes, 'Resolved'),
    recurring: await countIn(page, changes, 'Recurring'),
    notRechecked: await countIn(page, changes, 'Carried, not re-checked'),
    new: await countIn(page, changes, 'New findings'),
  }).toEqual(summary);
  expect(await countIn(page, 'Found during the later audit', 'Devices not found')).toBe(1);

  // The report: its embedded figures and its comparison section.
  await createSelfIssued(page, 'Li Qiang');
  const signed = await signOnlyAudit(page, /Li Qiang/, { audit: followId });
  const snapshot = extractSnapshot(signed.bytes);
  expect(snapshot.figures.lifecycle).toMatchObject({
    resolved: summary.resolved,
    recurring: summary.recurring,
    not_rechecked: summary.notRechecked,
    new: summary.new,
  });
  expect(snapshot.figures.reconciliation.missing).toBe(1);
  const text = reportText(signed.bytes);
  expect(text).toMatch(/Not re-checked/);
  expect(outside).toEqual([]);
});
