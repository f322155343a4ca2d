import AxeBuilder from '@axe-core/playwright';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { expect, test } from './fixtures.ts';
import { startSmallAudit } from './walk-helpers.ts';

const PHOTO = 'assets/demo/camera-label.jpg';

type StoredEvidence = { sha256: string; size: number; mimeType: string; thumbType: string | null };

test('a failed item becomes a finding with photos, a severity decision and an accepted risk', async ({
  app: page,
  outside,
}) => {
  await startSmallAudit(page, 3);
  await page.keyboard.press('f');
  await page.keyboard.type('Visitor log missing for March');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Findings' }).click();

  const detail = page.locator('.finding-detail');
  await expect(detail.getByRole('heading', { name: /^P1: Entry controlled/ })).toBeVisible();
  await expect(detail.getByLabel('What was found')).toHaveValue('Visitor log missing for March');
  await expect(detail.locator('.finding-where .badge').first()).toHaveText('Medium · CAT II');

  // A real JPEG by the file picker: stored with the SHA-256 of its bytes and a thumbnail.
  const picker = detail.getByLabel(/Drop JPEG, PNG or WebP photos/);
  await picker.setInputFiles(PHOTO);
  const sha = createHash('sha256').update(readFileSync(PHOTO)).digest('hex');
  await expect(detail.getByText(`SHA-256 ${sha.slice(0, 12)}…`)).toBeVisible();
  await expect(detail.getByRole('img', { name: 'Photo camera-label.jpg' })).toBeVisible();

  // A PNG by drag-and-drop (drawn in the page so the bytes are a real PNG).
  await page.evaluate(async () => {
    const canvas = new OffscreenCanvas(64, 48);
    const g = canvas.getContext('2d')!;
    g.fillStyle = '#b42318';
    g.fillRect(0, 0, 64, 48);
    const blob = await canvas.convertToBlob({ type: 'image/png' });
    const data = new DataTransfer();
    data.items.add(new File([blob], 'port-12.png', { type: 'image/png' }));
    document
      .querySelector('.dropzone')!
      .dispatchEvent(
        new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
      );
  });
  await expect(detail.getByRole('img', { name: 'Photo port-12.png' })).toBeVisible();

  // Refused by content and by size, with a message that names the file; nothing stored.
  await picker.setInputFiles({
    name: 'notes.png',
    mimeType: 'image/png',
    buffer: Buffer.from('This is a text file pretending to be a photo.'),
  });
  await expect(detail.getByRole('alert')).toContainText(
    'notes.png is not a JPEG, PNG or WebP photo (checked by its content).',
  );
  const big = Buffer.alloc(16 * 1024 * 1024, 0);
  big.set([0xff, 0xd8, 0xff, 0xe0]);
  await picker.setInputFiles({ name: 'huge.jpg', mimeType: 'image/jpeg', buffer: big });
  await expect(detail.getByRole('alert')).toContainText(
    'huge.jpg is 16.0 MB; photos up to 15 MB are accepted.',
  );
  await picker.setInputFiles(PHOTO);
  await expect(detail.getByRole('alert')).toContainText('camera-label.jpg is already attached');
  const stored = await page.evaluate(
    () =>
      new Promise<StoredEvidence[]>((resolve, reject) => {
        const open = indexedDB.open('roomcheck');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const req = open.result.transaction('evidence').objectStore('evidence').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(
              req.result.map(
                (r: {
                  sha256: string;
                  size: number;
                  mimeType: string;
                  thumbnail: Blob | null;
                }) => ({
                  sha256: r.sha256,
                  size: r.size,
                  mimeType: r.mimeType,
                  thumbType: r.thumbnail?.type ?? null,
                }),
              ),
            );
          };
        };
      }),
  );
  expect(stored).toHaveLength(2);
  expect(stored).toContainEqual({
    sha256: sha,
    size: readFileSync(PHOTO).length,
    mimeType: 'image/jpeg',
    thumbType: 'image/jpeg',
  });
  expect(stored.map((s) => s.mimeType).sort()).toEqual(['image/jpeg', 'image/png']);

  // Severity changes only with a recorded reason.
  await detail.getByRole('button', { name: 'Change severity…' }).click();
  const severityDialog = page.getByRole('dialog', { name: 'Change severity…' });
  await severityDialog.getByLabel('Severity', { exact: true }).selectOption('high');
  await severityDialog.getByRole('button', { name: 'Save' }).click();
  await expect(
    severityDialog.getByText('Give the reason for changing the severity.'),
  ).toBeVisible();
  await severityDialog
    .getByLabel('Why the severity changes (recorded)')
    .fill('The room holds top-secret media this quarter');
  await severityDialog.getByRole('button', { name: 'Save' }).click();
  await expect(detail.locator('.severity-log')).toContainText(
    'Medium → High — The room holds top-secret media this quarter',
  );

  // Risk acceptance needs a reason; remediation owner and due date are kept.
  const form = page.locator('.finding-form');
  await form.getByLabel('Remediation owner').fill('Security office');
  await form.getByLabel('Due').fill('2026-06-30');
  await form.getByLabel('Status').selectOption('risk_accepted');
  await form.getByRole('button', { name: 'Save' }).click();
  await expect(form.getByText('Accepting a risk needs a reason.')).toBeVisible();
  await form
    .getByLabel('Why the risk is accepted (required)')
    .fill('Visitor log moves to the new access system in July');
  await form.getByRole('button', { name: 'Save' }).click();
  const row = page.getByRole('row').filter({ hasText: 'P1: Entry controlled' });
  await expect(row).toContainText('Risk accepted');
  await expect(row).toContainText('Security office');
  await expect(row).toContainText('2026-06-30');
  await expect(row.getByRole('cell', { name: '2 photos' })).toHaveText('2');
  expect(outside).toEqual([]);
});

test('findings by hand, filters, and no serious accessibility violations', async ({
  app: page,
  outside,
}) => {
  await startSmallAudit(page, 3);
  // One failure from the walk (the VMS server stores its cameras' passwords; C2 is High).
  await page.keyboard.press(']');
  await page
    .getByRole('group', { name: 'Answer for C2' })
    .getByRole('button', { name: 'Fail' })
    .click();
  await page.keyboard.type('Camera passwords in plain text in the VMS database');
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Findings' }).click();

  await page.getByRole('button', { name: 'New finding' }).click();
  const dialog = page.getByRole('dialog', { name: 'New finding' });
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog.getByText('Title is required.')).toBeVisible();
  await dialog.getByLabel('Title').fill('Cable tray cover missing above rack A03');
  await dialog.getByLabel('Severity').selectOption('low');
  const device = dialog.getByLabel('Device');
  const oldServer = await device
    .locator('option', { hasText: 'Old OA server' })
    .getAttribute('value');
  await device.selectOption(oldServer!);
  await dialog.getByRole('button', { name: 'Create' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.finding-detail')).toContainText('Raised by hand');
  await expect(page.getByText('2 of 2 findings')).toBeVisible();

  const filters = page.getByRole('search', { name: 'Filter findings' });
  await filters.getByLabel('Severity').selectOption('high');
  await expect(page.getByText('1 of 2 findings')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'C2:' })).toBeVisible();
  await filters.getByLabel('Severity').selectOption('');
  await filters.getByLabel('Text').fill('old oa');
  await expect(page.getByText('1 of 2 findings')).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Cable tray cover' })).toBeVisible();
  await filters.getByLabel('Text').fill('nothing like this');
  await expect(page.getByText('No finding matches these filters.')).toBeVisible();
  await page.getByRole('button', { name: 'Clear filters' }).click();
  await expect(page.getByText('2 of 2 findings')).toBeVisible();

  for (const lang of ['en', 'zh'] as const) {
    await page.getByLabel(/^(Language|语言)$/).selectOption(lang);
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
  }
  await expect(page.getByRole('button', { name: '新建问题' })).toBeVisible();
  expect(outside).toEqual([]);
});
