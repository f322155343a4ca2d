import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';
import { generateRoom, loadRoomIntoPage, type RoomFixture } from '../../bench/generate-room.ts';
import { DEMO_SCENARIO_DEVICE_COUNT } from '../../../shared/demo/demo-audit.ts';

/**
 * The demo room cut to its first `devices` scenario devices (an idle server still cabled, a
 * decommissioning gateway, the video platform that stores the cameras' passwords, cameras…),
 * loaded into the page's database, and an audit of it started through the start dialog.
 */
export async function startSmallAudit(
  page: Page,
  devices: number,
): Promise<{ fixture: RoomFixture; auditId: string }> {
  const full = generateRoom({ deviceCount: DEMO_SCENARIO_DEVICE_COUNT });
  const kept = full.devices.slice(0, devices);
  const rackIds = new Set(kept.map((d) => d.rackId));
  const fixture: RoomFixture = {
    ...full,
    devices: kept,
    racks: full.racks.filter((r) => rackIds.has(r.id)),
  };
  await loadRoomIntoPage(page, fixture);
  await page.evaluate((hash) => (location.hash = hash), `#/room/${fixture.rooms[0]!.id}`);
  await page.reload();
  await page.getByRole('button', { name: 'Start audit' }).click();
  await page.getByLabel('Inspector').fill('王芳 Wang Fang');
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  await expect(page.locator('.witem.is-current')).toBeVisible();
  const auditId = decodeURIComponent((await page.evaluate(() => location.hash)).split('/')[2]!);
  return { fixture, auditId };
}

/** The check item id and subject heading of the current step. */
export async function currentStep(page: Page): Promise<{ item: string; subject: string }> {
  const item = (await page.locator('.witem.is-current .witem-id').textContent()) ?? '';
  const subject = (await page.locator('#walk-subject-title').textContent()) ?? '';
  return { item, subject };
}

/** Count of answers the database holds for the audit, read with plain IndexedDB. */
export async function storedAnswers(
  page: Page,
  auditId: string,
): Promise<{ result: string; itemId: string; note: string; deviceId: string | null }[]> {
  return page.evaluate(
    (id) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('roomcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result
            .transaction('answers')
            .objectStore('answers')
            .index('auditId')
            .getAll(IDBKeyRange.only(id));
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error);
        };
      }),
    auditId,
  );
}
