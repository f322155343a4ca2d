import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import type { AuditSnapshot } from '../../../shared/snapshot/schema.ts';
import { missingJudges } from '../../unit/main/signing/support/judges.ts';
import {
  pdfsigCountersign,
  replaceEmbeddedAudit,
  tsaTimestamp,
  worldPki,
} from '../../unit/main/verify/support/world.ts';
import { chooseFile, dumpDatabase, openExchange } from './exchange-support.ts';
import { expect, test } from './fixtures.ts';
import { expectNoSeriousA11yViolations, openNav, verifyFile } from './reports-flow.ts';

// A Roomcheck report after other tools handled it (`roomcheck demo`, then a manager's
// countersignature with poppler's pdfsig under another organisation's CA, then an RFC 3161
// document timestamp from openssl ts): with the three CAs imported as trust anchors, the Verify
// screen calls it valid and lists what each later revision changed, in English and Chinese,
// and the Import screen imports the audit the inspector signed.

const skip = missingJudges('pdfsig', 'certutil', 'pk12util', 'openssl');
const SHOTS = process.env.ROOMCHECK_SHOTS_DIR ?? 'test-results/screens';
const cli = new URL('../../../main/cli/bin.mjs', import.meta.url).pathname;

async function demoReport() {
  const dir = await mkdtemp(join(tmpdir(), 'rc-e2e-world-'));
  execFileSync(process.execPath, [cli, 'demo', '--out', dir], { stdio: 'ignore' });
  const report = new Uint8Array(await readFile(join(dir, 'demo-report.pdf')));
  const audit = JSON.parse(await readFile(join(dir, 'demo-audit.json'), 'utf8')) as AuditSnapshot;
  return { report, audit, demoCa: join(dir, 'demo-ca.pem') };
}

async function worldReport() {
  const { report, audit, demoCa } = await demoReport();
  const pki = worldPki();
  const file = tsaTimestamp(pdfsigCountersign(report, pki), pki);
  return { file, audit, anchors: [demoCa, pki.managerCaPath, pki.tsaCaPath] };
}

const pdf = (bytes: Uint8Array, name = 'countersigned-timestamped.pdf') => ({
  name,
  mimeType: 'application/pdf',
  buffer: Buffer.from(bytes),
});

async function trustAll(page: Page, anchors: string[]) {
  await openNav(page, 'Signing identities');
  for (const path of anchors) await page.getByLabel('Import CA certificate…').setInputFiles(path);
  const trusted = page.getByRole('region', { name: 'Trusted for verification' });
  for (const name of ['Roomcheck Demo CA', 'Manager Org CA', 'Test TSA CA'])
    await expect(trusted.getByText(name).first()).toBeVisible();
}

test.skip(skip !== null, `other tools are missing: ${skip}`);

test('a report countersigned with pdfsig and timestamped by openssl ts is valid on the Verify screen and imports', async ({
  app: page,
  outside,
}) => {
  test.setTimeout(300_000);
  await mkdir(SHOTS, { recursive: true });
  const { file, audit, anchors } = await worldReport();
  await trustAll(page, anchors);

  let result = await verifyFile(page, pdf(file));
  await expect(result.locator('.verdict')).toHaveAttribute('data-status', 'valid');
  await expect(result.getByText('Valid: signed, unchanged and trusted')).toBeVisible();
  const signatures = result.locator('.sig-item');
  await expect(signatures).toHaveCount(3);
  const inspector = signatures.nth(0);
  await expect(inspector).toContainText('Signature 1 of 3 · signature');
  await expect(inspector).toContainText(audit.signOff!.inspector.name);
  await expect(inspector).toContainText('(as stated by the signer)');
  const changes = inspector.locator('.later-changes li');
  await expect(changes).toHaveCount(2);
  for (const text of [
    'Permitted',
    'A signature by Manager Li 李经理 was added (signature 2).',
    '(revision 2)',
  ])
    await expect(changes.nth(0)).toContainText(text);
  await expect(changes.nth(1)).toContainText(
    'A document timestamp by Test Time Stamping Authority was added',
  );
  await expect(signatures.nth(1)).toContainText('Signature 2 of 3 · countersignature');
  const timestamp = signatures.nth(2);
  await expect(timestamp).toContainText('Signature 3 of 3 · document timestamp');
  await expect(timestamp).toContainText(
    'vouched for by a trusted timestamp (Test Time Stamping Authority)',
  );
  await expect(timestamp).toContainText('None: the file is as this signature left it.');
  const record = result.getByRole('region', { name: 'Audit recorded in this report' });
  await expect(record).toContainText('as signature 1 signed it');
  await expect(record).toContainText(audit.audit.title);
  await expectNoSeriousA11yViolations(page, 'Verify a report (countersigned by another tool)');
  await page.screenshot({ path: join(SHOTS, 'verify-world-en.png'), fullPage: true });

  // In Chinese: through another screen first, so the Verify screen starts empty.
  await page.getByLabel('Language').selectOption('zh');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('button', { name: '报告', exact: true }).click();
  await nav.getByRole('button', { name: '验证报告' }).click();
  await page.getByLabel('选择 PDF…').setInputFiles(pdf(file));
  result = page.locator('.verify-result');
  await expect(result.getByText('有效：已签名、未改动且受信任')).toBeVisible({ timeout: 60_000 });
  const first = result.locator('.sig-item').nth(0).locator('.later-changes li').nth(0);
  for (const text of ['允许', '添加了 Manager Li 李经理 的签名（签名 2）。', '（第 2 版）'])
    await expect(first).toContainText(text);
  await expect(result.locator('.sig-item').nth(2)).toContainText(
    '由受信任的时间戳证明（Test Time Stamping Authority）',
  );
  await expectNoSeriousA11yViolations(page, '验证报告（其他工具会签）');
  await page.screenshot({ path: join(SHOTS, 'verify-world-zh.png'), fullPage: true });
  await page.getByLabel('语言').selectOption('en');

  // The app's import: valid right away (no confirmation needed), the audit as signed.
  await openExchange(page);
  await chooseFile(page, 'countersigned-timestamped.pdf', Buffer.from(file), 'application/pdf');
  const proceed = page.getByRole('button', { name: 'Continue to preview' });
  await expect(proceed).toBeEnabled({ timeout: 60_000 });
  await proceed.click();
  await expect(
    page.getByRole('heading', { name: `Prior audit: ${audit.audit.title}` }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'Apply import' }).click();
  await expect(page.getByRole('heading', { name: 'Import applied' })).toBeVisible();
  const db = await dumpDatabase(page);
  expect(db.audits).toHaveLength(1);
  expect(db.devices).toHaveLength(audit.devices.length);
  expect(JSON.parse(db.auditRecords![0]!)).toMatchObject({
    auditId: audit.audit.id,
    source: 'signed-report',
  });
  expect(outside).toEqual([]);
});

test('a later revision that replaces the embedded audit: invalid, and the screen shows only the audit the signature covers', async ({
  app: page,
  outside,
}) => {
  test.setTimeout(300_000);
  await mkdir(SHOTS, { recursive: true });
  const { report, audit, demoCa } = await demoReport();
  const forgedTitle = 'Forged: no findings';
  const forged = replaceEmbeddedAudit(
    report,
    JSON.stringify({ ...audit, audit: { ...audit.audit, title: forgedTitle }, findings: [] }),
  );
  await openNav(page, 'Signing identities');
  await page.getByLabel('Import CA certificate…').setInputFiles(demoCa);
  await expect(
    page
      .getByRole('region', { name: 'Trusted for verification' })
      .getByText('Roomcheck Demo CA')
      .first(),
  ).toBeVisible();

  let result = await verifyFile(page, pdf(forged, 'replaced-audit.pdf'));
  await expect(result.locator('.verdict')).toHaveAttribute('data-status', 'invalid');
  await expect(result.locator('.sig-item .later-changes li').first()).toContainText(
    'Not permitted',
  );
  const record = result.getByRole('region', { name: 'Audit recorded in this report' });
  await expect(record).toContainText(audit.audit.title);
  await expect(record.getByRole('note')).toContainText(
    'A later revision replaces the embedded audit; the replacement is not covered by signature 1 and is not shown.',
  );
  await expect(page.getByText(forgedTitle)).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'verify-replaced-audit-en.png'), fullPage: true });

  await page.getByLabel('Language').selectOption('zh');
  const nav = page.getByRole('navigation', { name: '主导航' });
  await nav.getByRole('button', { name: '报告', exact: true }).click();
  await nav.getByRole('button', { name: '验证报告' }).click();
  await page.getByLabel('选择 PDF…').setInputFiles(pdf(forged, 'replaced-audit.pdf'));
  result = page.locator('.verify-result');
  await expect(result.locator('.verdict')).toHaveAttribute('data-status', 'invalid', {
    timeout: 60_000,
  });
  await expect(result.getByRole('note')).toContainText('之后的一个版本替换了嵌入的检查数据');
  await expect(page.getByText(forgedTitle)).toHaveCount(0);
  await page.screenshot({ path: join(SHOTS, 'verify-replaced-audit-zh.png'), fullPage: true });
  await page.getByLabel('语言').selectOption('en');
  expect(outside).toEqual([]);
});
