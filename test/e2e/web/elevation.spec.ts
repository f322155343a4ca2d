import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { putRecords } from './inventory-seed.ts';
import { expectNoSeriousA11yViolations } from './reports-flow.ts';
import { startSmallAudit } from './walk-helpers.ts';

// Issue 13, point 5: a room as it looks. The racks of an audited room, each device where the
// inventory puts it, coloured by its state in the audit; a device opens the walk-through there.

const subjectTitle = (page: Page) => page.locator('#walk-subject-title');

/** Moves to the next device and returns its name as the walk-through shows it. */
async function nextDevice(page: Page, before: string): Promise<string> {
  await page.keyboard.press(']');
  await expect(subjectTitle(page)).not.toHaveText(before);
  return (await subjectTitle(page).getAttribute('title')) ?? '';
}

test('rack elevation: states by colour and mark, keyboard into the walk-through, problems listed, both languages', async ({
  app: page,
  outside,
}) => {
  test.setTimeout(180_000);
  const { fixture, auditId } = await startSmallAudit(page, 6);
  const room = fixture.rooms[0]!;

  // Three devices in three states: two items answered, not found, a failed item.
  const partly = await nextDevice(page, (await subjectTitle(page).textContent()) ?? '');
  const progress = page.locator('.audit-head-extra .pbar-text');
  await page.keyboard.press('p');
  await page.keyboard.press('p');
  await expect(progress).toHaveText(/^2 of /);
  const missing = await nextDevice(page, partly);
  await page.keyboard.press('x');
  await expect(page.locator('.subject-head .badge.mark-not_found')).toBeVisible();
  const failing = await nextDevice(page, missing);
  await page.keyboard.press('f');
  await expect(page.locator('.witem.is-current')).toHaveClass(/res-fail/);

  // From the room screen.
  await page.evaluate((id) => (location.hash = `#/room/${id}`), room.id);
  await page.getByRole('button', { name: 'Rack elevation' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Racks of ${room.name}` }),
  ).toBeVisible();
  await expect(page.getByLabel('Coloured by audit')).toHaveValue(auditId);
  // A drawn device's name starts with its name and its U range, in either language.
  const device = (name: string) =>
    page.getByRole('button', {
      name: new RegExp(`^${name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[,，] ?U`),
    });
  await expect(device(partly)).toHaveAccessibleName(/: Partly answered$/);
  await expect(device(missing)).toHaveAccessibleName(/: Not found$/);
  await expect(device(failing)).toHaveAccessibleName(/: Failed item$/);
  await expect(device(missing)).toHaveClass(/elev-not_found/);
  const legend = page.getByRole('region', { name: 'Legend' });
  await expect(legend.getByRole('listitem').filter({ hasText: 'Not found' })).toContainText('(1)');
  await expect(legend.getByRole('listitem').filter({ hasText: 'Not checked yet' })).toContainText(
    '(3)',
  );
  // Each rack says how full it is; every device of the audit is drawn once.
  const racks = page.locator('.elevation-rack');
  const racked = fixture.devices.filter((d) => d.rackId !== null && d.positionU !== null);
  await expect(racks).toHaveCount(new Set(racked.map((d) => d.rackId)).size);
  await expect(page.locator('.elev-grid .elev-device')).toHaveCount(racked.length);
  await expect(page.locator('.elev-device')).toHaveCount(fixture.devices.length);
  await expectNoSeriousA11yViolations(page, 'the rack elevation');
  await page.screenshot({ path: 'test-results/screens/elevation-en.png', fullPage: true });

  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('heading', { level: 1, name: `${room.name}的机柜` })).toBeVisible();
  await expect(device(missing)).toHaveAccessibleName(/：未找到$/);
  await page.screenshot({ path: 'test-results/screens/elevation-zh.png', fullPage: true });
  await page.getByLabel('语言').selectOption('en');

  // Keyboard only: Tab reaches the device, Enter opens the walk-through at it; the address
  // goes back to the audit's own, so a reload resumes where the inspector is.
  await device(missing).focus();
  await page.keyboard.press('Enter');
  await expect(subjectTitle(page)).toHaveAttribute('title', missing);
  await expect(page.locator('.subject-head .badge.mark-not_found')).toBeVisible();
  await expect
    .poll(() => page.evaluate(() => location.hash))
    .toBe(`#/audit/${encodeURIComponent(auditId)}`);

  // The inventory as it is, with what cannot be true: a device in an occupied U and one
  // recorded above the top of its rack are drawn and listed as problems, not hidden.
  const placed = fixture.devices.find((d) => d.rackId !== null && d.positionU !== null)!;
  const rack = fixture.racks.find((r) => r.id === placed.rackId)!;
  await putRecords(page, {
    devices: [
      { ...placed, id: 'dev-overlap', name: 'Intruder box', assetTag: 'X-1', serial: 'X-1' },
      {
        ...placed,
        id: 'dev-high',
        name: 'Sky server',
        assetTag: 'X-2',
        serial: 'X-2',
        positionU: rack.heightU - 1,
        heightU: 4,
      },
    ],
  });
  // Written beside the app: reloaded, so it reads them from scratch.
  await page.evaluate((id) => (location.hash = `#/elevation/${id}`), room.id);
  await page.reload();
  await page.getByLabel('Coloured by audit').selectOption('');
  const problems = page.locator('.elev-problems');
  await expect(problems).toContainText(`Intruder box both occupy`);
  await expect(problems).toContainText(
    `Sky server is recorded at U ${rack.heightU - 1}–${rack.heightU + 2}, beyond this ${rack.heightU} U rack.`,
  );
  await expect(device('Intruder box')).toHaveAccessibleName(/position problem$/);
  await page.screenshot({ path: 'test-results/screens/elevation-problems-en.png', fullPage: true });
  // In the inventory view a device opens its record.
  await device('Sky server').click();
  await expect(page.getByLabel('Device name')).toHaveValue('Sky server');
  expect(outside).toEqual([]);
});
