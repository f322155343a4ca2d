import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { SECURE_ROOM_TEMPLATE } from '../../../shared/checklist/secure-room.ts';
import { expect, test } from './fixtures.ts';

async function expectNoSeriousA11yViolations(page: Page, what: string) {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious, `serious or critical accessibility violations on ${what}`).toEqual([]);
}

async function templateCount(page: Page): Promise<number> {
  return page.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('roomcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('templates').objectStore('templates').count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
        };
      }),
  );
}

const itemIds = (page: Page) => page.locator('table.tpl-items tbody td.tpl-id');

test('the built-in checklist is read-only and shows every item in both languages', async ({
  app: page,
  outside,
}) => {
  await page.getByRole('button', { name: 'Checklists' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Checklist templates' })).toBeVisible();
  await expectNoSeriousA11yViolations(page, 'the templates list');
  await page.getByRole('button', { name: 'Secure room', exact: true }).click();
  await expect(page.getByText('Built-in · read-only')).toBeVisible();
  await expect(itemIds(page)).toHaveText(SECURE_ROOM_TEMPLATE.items.map((i) => i.id));
  const d1 = page.getByRole('row').filter({ hasText: 'D1' }).first();
  await expect(d1).toContainText(
    'No idle or decommissioned device is powered AND network-connected',
  );
  await expect(d1).toContainText('High');
  await expect(d1).toContainText('CM-7, CM-8');
  await expect(d1).toContainText('Every type except Loose media');
  await expect(page.getByRole('row').filter({ hasText: 'P1' }).first()).toContainText('The room');
  // Nothing to edit on the built-in template.
  await expect(page.getByRole('button', { name: 'Add item' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: /^Move item/ })).toHaveCount(0);
  await expect(page.getByRole('combobox', { name: /^Severity of item/ })).toHaveCount(0);
  await expectNoSeriousA11yViolations(page, 'the built-in template');

  await page.getByLabel('Language').selectOption('zh');
  await expect(page.getByRole('heading', { level: 1, name: '涉密机房' })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'D1' }).first()).toContainText(
    '闲置或已退役的设备不得同时处于通电和联网状态',
  );
  await expect(page.getByText('内置 · 只读')).toBeVisible();
  expect(outside).toEqual([]);
});

test('duplicate, edit by keyboard, export and re-import a template; bad files change nothing', async ({
  app: page,
  outside,
}) => {
  await page.getByRole('button', { name: 'Checklists' }).click();
  await page.getByRole('button', { name: 'Duplicate Secure room' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Secure room (copy)' })).toBeVisible();
  await expect(page.getByText('Own copy')).toBeVisible();

  // Severity from the row.
  await page.getByRole('combobox', { name: 'Severity of item P5' }).selectOption('high');
  await expect(page.getByRole('combobox', { name: 'Severity of item P5' })).toHaveValue('high');

  // Reorder with the keyboard: focus stays on the moved item's button, so Enter repeats.
  await page.getByRole('button', { name: 'Move item P3 up' }).focus();
  await page.keyboard.press('Enter');
  await expect(itemIds(page).nth(1)).toHaveText('P3');
  await expect(page.getByRole('button', { name: 'Move item P3 up' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(itemIds(page).first()).toHaveText('P3');
  await expect(page.getByRole('button', { name: 'Move item L2 down' })).toBeDisabled();

  // Add an item: bad input first, then a complete one for two device types.
  await page.getByRole('button', { name: 'Add item' }).click();
  const dialog = page.getByRole('dialog', { name: 'Add item' });
  await dialog.getByLabel('Id').fill('9X');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('An id starts with a letter')).toBeVisible();
  await expect(dialog.getByText('Enter the check in this language too.')).toHaveCount(2);
  await dialog.getByLabel('Id').fill('d1');
  await dialog
    .getByLabel('Check (English)')
    .fill('UPS network card has its default SNMP community changed');
  await dialog.getByLabel('Check (Chinese)').fill('UPS 网卡已修改默认 SNMP 团体名');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog.getByText('Item id “d1” is already used in this template.')).toBeVisible();
  await dialog.getByLabel('Id').fill('X1');
  await dialog.getByLabel('Severity').selectOption('low');
  await dialog.getByLabel('Basis').fill('CIS 4.7');
  await dialog.getByLabel('Smart PDU / UPS card / environmental sensor').check();
  await dialog.getByLabel('Switch').check();
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toHaveCount(0);
  const x1 = page.getByRole('row').filter({ hasText: 'X1' });
  await expect(x1).toContainText('Switch, Smart PDU / UPS card / environmental sensor');
  await expect(itemIds(page).last()).toHaveText('X1');

  // Edit its applicability to the room.
  await x1.getByRole('button', { name: 'Edit item X1' }).click();
  await page.getByRole('dialog').getByLabel('Id').fill('X2');
  await expect(
    page.getByRole('dialog').getByText('Past audits refer to this item as X1'),
  ).toBeVisible();
  await page.getByRole('dialog').getByLabel('Id').fill('X1');
  await page.getByRole('dialog').getByLabel('The room').check();
  await page.getByRole('dialog').getByRole('button', { name: 'Save' }).click();
  await expect(x1).toContainText('The room');

  // Remove an item, then Undo.
  await page.getByRole('button', { name: 'Remove item L2' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'L2' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(page.getByRole('row').filter({ hasText: 'L2' })).toHaveCount(1);
  await expectNoSeriousA11yViolations(page, 'an editable template');

  // Export: the file is the template, as validated JSON, through a download (no network).
  const downloadPromise = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe('Secure-room-copy-v1.roomcheck-template.json');
  const exportedPath = await download.path();
  const exported = JSON.parse(await readFile(exportedPath, 'utf8')) as {
    format: string;
    template: { items: { id: string; severity: string; scope: string }[] };
  };
  expect(exported.format).toBe('roomcheck.template');
  expect(exported.template.items[0]?.id).toBe('P3');
  expect(exported.template.items.find((i) => i.id === 'P5')?.severity).toBe('high');
  expect(exported.template.items.at(-1)).toMatchObject({ id: 'X1', scope: 'room' });

  // Import: bad files are refused with a reason and write nothing.
  await page.getByRole('button', { name: 'Checklist templates' }).click();
  expect(await templateCount(page)).toBe(2);
  const importInput = page.getByLabel('Import template (JSON)…');
  await importInput.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{ this is not json'),
  });
  await expect(page.getByRole('alert')).toContainText(
    '“notes.json” was not imported: The file is not valid JSON',
  );
  await importInput.setInputFiles({
    name: 'hostile.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ format: 'roomcheck.template', formatVersion: 1, template: {} }).replace(
        '"template":{}',
        '"template":{"__proto__":{"polluted":true}}',
      ),
    ),
  });
  await expect(page.getByRole('alert')).toContainText('“hostile.json” was not imported');
  await expect(page.getByRole('alert')).toContainText('__proto__');
  const duplicateIds = {
    ...exported,
    template: {
      ...exported.template,
      items: [exported.template.items[0], exported.template.items[0]],
    },
  };
  await importInput.setInputFiles({
    name: 'twice.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify(duplicateIds)),
  });
  await expect(page.getByRole('alert')).toContainText('is used more than once');
  expect(await templateCount(page)).toBe(2);
  expect(await page.evaluate(() => ({}) as Record<string, unknown>)).not.toHaveProperty('polluted');

  // The good file imports as a third template (its id exists here, so it gets a new one).
  await importInput.setInputFiles(exportedPath);
  await expect(page.getByRole('heading', { level: 1, name: 'Secure room (copy)' })).toBeVisible();
  await expect(itemIds(page).first()).toHaveText('P3');
  expect(await templateCount(page)).toBe(3);
  expect(outside).toEqual([]);
});
