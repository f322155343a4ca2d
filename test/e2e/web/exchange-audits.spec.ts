import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { readFileSync } from 'node:fs';
import { createSignedReport } from '../../../main/report/create-signed-report.ts';
import { makeDemoAudit } from '../../../shared/demo/demo-audit.ts';
import { loadDemoPhotos } from '../../../main/report/demo-assets.ts';
import { testPki } from '../../unit/main/signing/support/pki.ts';
import { expect, test } from './fixtures.ts';
import { chooseFile, dumpDatabase, expectNoStackTrace, openExchange } from './exchange-support.ts';

// Prior audits through the UI: a signed report (made here with a throw-away test CA, so this
// installation does not trust its signer: indeterminate), carried forward into a new audit,
// compared with it; a report changed after signing is refused; an audit export and a backup
// go out through download links and come back into an empty browser profile.

const snapshot = makeDemoAudit({
  seed: 21,
  now: new Date('2025-06-01T08:00:00Z'),
  deviceCount: 30,
  photos: loadDemoPhotos(),
});
let signedPdf: Buffer | undefined;
async function reportPdf(): Promise<Buffer> {
  signedPdf ??= Buffer.from((await createSignedReport(snapshot, testPki().rsa)).bytes);
  return signedPdf;
}

async function seriousViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

async function importReport(page: Page) {
  await openExchange(page);
  await chooseFile(page, 'report.pdf', await reportPdf(), 'application/pdf');
  await expect(
    page.getByText('Signature intact, but its signer is not trusted here'),
  ).toBeVisible();
  const proceed = page.getByRole('button', { name: 'Continue to preview' });
  await expect(proceed).toBeDisabled();
  await page.getByLabel(/I have checked where this report came from/).check();
  await proceed.click();
  await expect(
    page.getByRole('heading', { name: `Prior audit: ${snapshot.audit.title}` }),
  ).toBeVisible();
  const summary = page.getByRole('list', { name: 'What the import would do' });
  await expect(summary).toContainText(new RegExp(`${snapshot.devices.length}\\s*to add`));
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('heading', { name: 'Import applied' })).toBeVisible();
}

const FILE_PASSPHRASE = 'a long file passphrase 2026';

test('a signed report is verified, confirmed, imported, carried forward and compared', async ({
  app: page,
  outside,
}) => {
  test.setTimeout(180_000);
  await importReport(page);
  const log = page.getByRole('region', { name: 'Import log' });
  await expect(log.getByRole('row').filter({ hasText: 'report.pdf' })).toContainText(
    'Signed report',
  );
  let db = await dumpDatabase(page);
  expect(db.audits).toHaveLength(1);
  expect(db.devices).toHaveLength(snapshot.devices.length);
  expect(db.evidence).toHaveLength(snapshot.evidence.length);
  expect(JSON.parse(db.auditRecords![0]!)).toMatchObject({
    auditId: snapshot.audit.id,
    source: 'signed-report',
  });

  // Carry forward into a new audit.
  const open = snapshot.findings.filter(
    (f) => f.status === 'open' || f.status === 'in_remediation',
  );
  await page.getByRole('button', { name: 'Start next audit from this one' }).click();
  await page.getByLabel('Inspector').fill('Wang Fang');
  await page.getByRole('button', { name: 'Start audit' }).click();
  await expect(
    page.getByText(`New audit started; ${open.length} open findings to re-check.`),
  ).toBeVisible();
  db = await dumpDatabase(page);
  expect(db.audits).toHaveLength(2);
  expect(db.findings).toHaveLength(snapshot.findings.length + open.length);

  // Compare the two audits of the first room, from the room screen.
  const room = snapshot.rooms[0]!;
  await page.evaluate((hash) => (location.hash = hash), `#/room/${room.id}`);
  await page.getByRole('button', { name: 'Compare audits' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: `Compare audits of ${room.name}` }),
  ).toBeVisible();
  const inRoom = open.filter((f) => f.roomId === room.id).length;
  // Carried into the new audit and not re-checked yet: said as such, not as recurring.
  const summary = page.getByRole('list', { name: 'Changes between the two audits' });
  await expect(summary).toContainText(new RegExp(`${inRoom}\\s*Carried, not re-checked`));
  await expect(summary).toContainText(/0\s*Recurring/);
  await expect(page.getByRole('list', { name: 'Changes in the records' })).toContainText(
    /0\s*Devices added/,
  );
  await expect(
    page.getByRole('region', { name: /^Carried, not re-checked/ }).getByRole('listitem'),
  ).toHaveCount(inRoom);
  expect(await seriousViolations(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/compare-en.png' });
  await page.getByLabel('Language').selectOption('zh');
  await expect(
    page.getByRole('heading', { level: 1, name: `对比 ${room.name} 的检查` }),
  ).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/compare-zh.png' });
  expect(await seriousViolations(page)).toEqual([]);
  expect(outside).toEqual([]);
});

test('a report changed after signing is refused and nothing is written', async ({
  app: page,
  outside,
}) => {
  await openExchange(page);
  const before = await dumpDatabase(page);
  const tampered = Buffer.from(await reportPdf());
  tampered[300] = tampered[300]! ^ 0x01;
  await chooseFile(page, 'changed.pdf', tampered, 'application/pdf');
  await expect(page.getByText('Signature invalid', { exact: true })).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'is not imported' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Continue to preview' })).toBeDisabled();
  await expectNoStackTrace(page);
  expect(await dumpDatabase(page)).toEqual(before);
  expect(outside).toEqual([]);
});

test('an audit export and a backup leave through download links and come back into an empty profile', async ({
  app: page,
  server,
  browser,
  outside,
}) => {
  test.setTimeout(180_000);
  await importReport(page);
  await page.getByRole('button', { name: 'Import another file' }).click();

  // The export is encrypted (the default); the backup is saved in plain text, deliberately,
  // after the screen has said what such a file shows to anyone who has it.
  const exportCard = page.getByRole('region', { name: 'Export', exact: true });
  await exportCard.getByRole('button', { name: 'Export audit (JSON, with photos)' }).click();
  await expect(exportCard.getByRole('alert')).toHaveText(
    'The file passphrase must be at least 10 characters long.',
  );
  await exportCard.getByLabel('File passphrase', { exact: true }).fill(FILE_PASSPHRASE);
  await exportCard.getByLabel('File passphrase again').fill(FILE_PASSPHRASE);
  const [bundleDownload] = await Promise.all([
    page.waitForEvent('download'),
    exportCard.getByRole('button', { name: 'Export audit (JSON, with photos)' }).click(),
  ]);
  const bundlePath = await bundleDownload.path();
  expect(bundleDownload.suggestedFilename()).toMatch(/^roomcheck-audit-.*\.encrypted\.json$/);
  expect(readFileSync(bundlePath, 'utf8')).not.toContain(snapshot.audit.title);
  const backupCard = page.getByRole('region', { name: 'Backup' });
  await backupCard.getByLabel('Save without encryption').check();
  await expect(backupCard).toContainText(
    'Unencrypted, anyone who gets the file can read the whole database',
  );
  const [backupDownload] = await Promise.all([
    page.waitForEvent('download'),
    backupCard.getByRole('button', { name: 'Save a backup file' }).click(),
  ]);
  const backupPath = await backupDownload.path();
  const original = await dumpDatabase(page);

  // A second, empty browser profile on the same app.
  const context = await browser.newContext({ acceptDownloads: true });
  const other = await context.newPage();
  await other.goto(server.launchUrl());
  await openExchange(other);
  await chooseFile(other, 'audit.json', readFileSync(bundlePath), 'application/json');
  // Encrypted: asked for its passphrase; a wrong one is one sentence and changes nothing.
  await expect(other.getByRole('heading', { name: '"audit.json" is encrypted' })).toBeVisible();
  const empty = await dumpDatabase(other);
  await other.getByLabel('Passphrase of the file').fill('not the passphrase');
  await other.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(other.getByRole('alert')).toHaveText(
    'The passphrase does not open this file; nothing was changed.',
  );
  expect(await dumpDatabase(other)).toEqual(empty);
  await other.screenshot({ path: 'test-results/screens/unlock-en.png' });
  await other.getByLabel('Passphrase of the file').fill(FILE_PASSPHRASE);
  await other.getByRole('button', { name: 'Open', exact: true }).click();
  await expect(
    other.getByRole('heading', { name: `Prior audit: ${snapshot.audit.title}` }),
  ).toBeVisible();
  await other.getByRole('button', { name: 'Apply import' }).click();
  await expect(other.getByRole('heading', { name: 'Import applied' })).toBeVisible();
  const fromBundle = await dumpDatabase(other);
  for (const table of [
    'audits',
    'answers',
    'findings',
    'devices',
    'rooms',
    'racks',
    'sites',
    'evidence',
  ])
    expect(fromBundle[table], table).toEqual(original[table]);

  // The backup replaces everything, after showing what it holds.
  await other.getByRole('button', { name: 'Import another file' }).click();
  await chooseFile(other, 'backup.json', readFileSync(backupPath), 'application/json');
  await expect(
    other.getByRole('heading', { name: 'Restore the backup "backup.json"' }),
  ).toBeVisible();
  expect(await seriousViolations(other)).toEqual([]);
  await other.screenshot({ path: 'test-results/screens/restore-en.png' });
  const restore = other.getByRole('button', { name: 'Replace with the backup' });
  await expect(restore).toBeDisabled();
  await other
    .getByLabel('I understand that the current data will be replaced by the backup.')
    .check();
  await restore.click();
  await expect(other.getByRole('heading', { name: 'Import applied' })).toBeVisible();
  const restored = await dumpDatabase(other);
  for (const [table, rows] of Object.entries(original)) {
    if (table === 'importLog') continue;
    expect(restored[table], table).toEqual(rows);
  }
  expect(restored.importLog).toHaveLength(original.importLog!.length + 1);
  await context.close();
  expect(outside).toEqual([]);
});

test('completing an audit freezes it for comparisons and leaves an automatic backup in main', async ({
  app: page,
  outside,
}) => {
  test.setTimeout(180_000);
  await importReport(page);
  await page.getByRole('button', { name: 'Start next audit from this one' }).click();
  await page.getByLabel('Inspector').fill('Wang Fang');
  await page.getByRole('button', { name: 'Start audit' }).click();
  await expect(page.getByText(/New audit started/)).toBeVisible();
  const auditId = decodeURIComponent(page.url().split('#/audit/')[1] ?? '');
  expect(auditId).not.toBe('');
  await page.evaluate((hash) => (location.hash = hash), `#/summary/${auditId}`);
  await page.getByRole('button', { name: 'Complete audit' }).click();
  await page
    .getByRole('dialog', { name: 'Complete this audit?' })
    .getByRole('button', { name: 'Complete audit' })
    .click();
  await expect(page.getByText(/automatic backup written/)).toBeVisible();
  const db = await dumpDatabase(page);
  const records = db.auditRecords!.map((r) => JSON.parse(r) as { auditId: string; source: string });
  expect(records.find((r) => r.auditId === auditId)?.source).toBe('completed');
  await openExchange(page);
  const backups = page.getByRole('region', { name: 'Backup' });
  await expect(backups.getByRole('listitem')).toHaveCount(1);
  expect(outside).toEqual([]);
});
