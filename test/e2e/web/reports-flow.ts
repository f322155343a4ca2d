import AxeBuilder from '@axe-core/playwright';
import type { Download, Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';
import { expect } from './fixtures.ts';

// Steps shared by the signed-report tests, all through the app's own screens: a small audit
// made and completed in the UI, identities created in the Signing identities screen, the
// report signed and downloaded, and files checked in Verify a report.

export const KEY_PASSPHRASE = 'correct horse battery staple';

export async function expectNoSeriousA11yViolations(page: Page, what: string): Promise<void> {
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
  expect(serious, `serious or critical accessibility violations on ${what}`).toEqual([]);
}

/** What completeSmallAudit enters when it starts the audit, and signOnlyAudit when it signs. */
export const AUDIT_BRIEF = {
  objectives: 'Confirm that idle equipment is disconnected 确认闲置设备已断网',
  auditClient: 'Secrecy Committee Office 保密委员会办公室',
  auditees: ['IT operations 运维组', 'Records office 档案室'],
  distribution: ['Chen Jing 陈静', 'Secrecy Committee Office 保密委员会办公室'],
};

/** Site, room, one idle-but-connected device, a walk with a failed and a passed item, completed. */
export async function completeSmallAudit(
  page: Page,
  names: { site: string; room: string } = {
    site: 'Beijing HQ 北京总部',
    room: 'Server room 3 机房',
  },
): Promise<void> {
  await page.getByLabel('Site name').fill(names.site);
  await page.getByLabel('Organisation / unit').fill('Security Office 保密办');
  await page.getByRole('button', { name: 'Create' }).click();
  await page.getByLabel('Room name').fill(names.room);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: names.room })).toBeVisible();
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
  // The audit brief (ISO 19011), frozen with the completed record and printed in the report.
  await page.getByLabel('Audit objectives').fill(AUDIT_BRIEF.objectives);
  await page.getByLabel('Audit client').fill(AUDIT_BRIEF.auditClient);
  await page.getByLabel('Auditees').fill(AUDIT_BRIEF.auditees.join('\n'));
  await page.getByRole('button', { name: 'Start', exact: true }).click();
  const walkOrder = page.getByRole('list', { name: /subjects in walk order/ });
  await walkOrder.getByRole('button', { name: /Old VMS server/ }).click();
  const d1 = page
    .getByRole('listitem')
    .filter({ hasText: 'No idle or decommissioned device is powered' });
  await d1.getByRole('textbox').fill('Still cabled to switch 3 port 12');
  await d1.getByRole('button', { name: 'Fail' }).click();
  await expect(d1.getByRole('button', { name: 'Fail' })).toHaveAttribute('aria-pressed', 'true');
  await walkOrder.getByRole('button', { name: `Room checks: ${names.room}` }).click();
  const p1 = page.getByRole('listitem').filter({ hasText: 'Entry controlled' });
  await p1.getByRole('button', { name: 'Pass' }).click();
  await expect(p1.getByRole('button', { name: 'Pass' })).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Summary', exact: true }).click();
  await page.getByRole('button', { name: 'Complete audit' }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Complete audit' }).click();
  await expect(page.getByText('Completed', { exact: true }).first()).toBeVisible();
}

export async function openNav(
  page: Page,
  name: 'Reports' | 'Verify a report' | 'Signing identities',
) {
  await page
    .getByRole('navigation', { name: 'Main navigation' })
    .getByRole('button', { name })
    .click();
}

/** Subject fields and a passphrase typed twice, in whichever identity dialog is open. */
export async function fillSubjectAndPassphrase(
  page: Page,
  subject: { name: string; organisation?: string; unit?: string; email?: string },
): Promise<void> {
  const dialog = page.getByRole('dialog');
  await dialog.getByLabel('Name (as it appears in the signature)').fill(subject.name);
  if (subject.organisation !== undefined)
    await dialog.getByLabel('Organisation').fill(subject.organisation);
  if (subject.unit !== undefined) await dialog.getByLabel('Unit / department').fill(subject.unit);
  if (subject.email !== undefined) await dialog.getByLabel('E-mail (optional)').fill(subject.email);
  await dialog.getByLabel('Passphrase', { exact: true }).fill(KEY_PASSPHRASE);
  await dialog.getByLabel('Passphrase again').fill(KEY_PASSPHRASE);
}

export async function createSelfIssued(page: Page, name: string): Promise<void> {
  await openNav(page, 'Signing identities');
  await page.getByRole('button', { name: 'Create self-issued certificate' }).click();
  await fillSubjectAndPassphrase(page, {
    name,
    organisation: 'Security Office',
    unit: 'Audit team',
    email: 'not an address',
  });
  const dialog = page.getByRole('dialog');
  await dialog.getByRole('button', { name: 'Create certificate' }).click();
  await expect(dialog.getByText('This is not an e-mail address.')).toBeVisible();
  await dialog.getByLabel('E-mail (optional)').fill('inspector@example.org');
  await dialog.getByRole('button', { name: 'Create certificate' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByRole('heading', { level: 3, name: new RegExp(name) })).toBeVisible();
}

/** Signs the report of the only audit from the Reports screen; returns the downloaded bytes. */
export async function signOnlyAudit(
  page: Page,
  identityLabel: RegExp,
  options: { language?: 'en' | 'zh'; approver?: string; audit?: string } = {},
): Promise<{ bytes: Uint8Array; download: Download }> {
  if (options.audit) {
    // One audit among several: its signing screen directly.
    await page.evaluate((id) => (location.hash = `#/sign/${id}`), options.audit);
  } else {
    await openNav(page, 'Reports');
    await page.getByRole('button', { name: /^Sign the report of / }).click();
  }
  await expect(
    page.getByRole('heading', { level: 1, name: 'Sign the audit report' }),
  ).toBeVisible();
  if (options.language) await page.getByLabel('Report language').selectOption(options.language);
  if (options.approver) await page.getByLabel('Approver (optional)').fill(options.approver);
  await page.getByLabel('Distribution list').fill(AUDIT_BRIEF.distribution.join('\n'));
  await page.getByLabel('Sign as').selectOption({ label: await optionLabel(page, identityLabel) });
  await page.getByLabel('Passphrase of the key').fill(KEY_PASSPHRASE);
  await page.getByRole('button', { name: 'Sign report' }).click();
  await expect(page.getByRole('heading', { name: 'Report signed' })).toBeVisible({
    timeout: 90_000,
  });
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: /^Download .*\.pdf$/ }).click(),
  ]);
  const path = await download.path();
  return { bytes: new Uint8Array(await readFile(path)), download };
}

async function optionLabel(page: Page, label: RegExp): Promise<string> {
  // The identities load after the screen. One locator waits for the option asked for and then
  // reads that same option: no list read on its own, before (or while) it fills.
  const option = page.getByLabel('Sign as').locator('option', { hasText: label });
  await expect(option).toHaveCount(1);
  return (await option.textContent()) ?? '';
}

/** Verifies a file in the Verify a report screen; returns the verdict element. */
export async function verifyFile(
  page: Page,
  file: { name: string; mimeType: string; buffer: Buffer } | string,
) {
  // Through another screen first, so the Verify screen starts empty (no earlier verdict).
  await openNav(page, 'Reports');
  await openNav(page, 'Verify a report');
  await page.getByLabel('Choose a PDF…').setInputFiles(file);
  const result = page.locator('.verify-result');
  await expect(result.locator('.verdict-banner')).toBeVisible({ timeout: 60_000 });
  return result;
}

/** Drops bytes as a file on the Verify screen's drop zone, as a file manager would. */
export async function dropOnVerify(page: Page, name: string, bytes: Uint8Array) {
  await openNav(page, 'Reports');
  await openNav(page, 'Verify a report');
  const zone = page.locator('.dropzone');
  const dataTransfer = await page.evaluateHandle(
    ({ name, data }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(data)], name, { type: 'application/pdf' }));
      return dt;
    },
    { name, data: [...bytes] },
  );
  await zone.dispatchEvent('dragover', { dataTransfer });
  await expect(zone).toHaveClass(/dropzone-over/);
  await zone.dispatchEvent('drop', { dataTransfer });
  const result = page.locator('.verify-result');
  await expect(result.locator('.verdict-banner')).toBeVisible({ timeout: 60_000 });
  return result;
}
