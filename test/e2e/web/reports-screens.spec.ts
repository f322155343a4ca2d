import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import {
  completeSmallAudit,
  expectNoSeriousA11yViolations,
  fillSubjectAndPassphrase,
  openNav,
  signOnlyAudit,
  verifyFile,
} from './reports-flow.ts';

// The reports screens in English and Chinese, for people to look at (set ROOMCHECK_SHOTS_DIR to
// choose where), each also checked by axe; the signed PDF is kept next to them for pdftoppm.

const SHOTS = process.env.ROOMCHECK_SHOTS_DIR ?? 'test-results/screens';

async function shot(page: Page, name: string) {
  await page.screenshot({ path: join(SHOTS, `reports-${name}.png`) });
}

test('reports screens in English and Chinese: clean, labelled, no serious axe findings', async ({
  app: page,
  outside,
}) => {
  test.setTimeout(240_000);
  await mkdir(SHOTS, { recursive: true });
  await completeSmallAudit(page);

  await openNav(page, 'Signing identities');
  await page.getByRole('button', { name: 'Create self-issued certificate' }).click();
  await fillSubjectAndPassphrase(page, {
    name: 'Wang Fang 王芳',
    organisation: 'Security Office',
    unit: 'Audit team',
  });
  await shot(page, 'self-issued-dialog-en');
  await expectNoSeriousA11yViolations(page, 'self-issued dialog');
  await page.getByRole('dialog').getByRole('button', { name: 'Create certificate' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await page.getByRole('button', { name: 'Request certificate from CA' }).click();
  await fillSubjectAndPassphrase(page, { name: 'Li Wei', organisation: 'Security Office' });
  await page.getByRole('dialog').getByRole('button', { name: 'Create key and request' }).click();
  await shot(page, 'csr-dialog-en');
  await page.getByRole('dialog').getByRole('button', { name: 'Close' }).click();
  await shot(page, 'identities-en');

  await openNav(page, 'Reports');
  await shot(page, 'reports-en');
  await expectNoSeriousA11yViolations(page, 'Reports');
  await page.getByRole('button', { name: /^Sign the report of / }).click();
  await expect(page.getByLabel('Sign as')).toBeVisible();
  await shot(page, 'sign-form-en');
  await expectNoSeriousA11yViolations(page, 'Sign the audit report (form)');

  const { bytes } = await signOnlyAudit(page, /Wang Fang/, {
    approver: 'Zhao Min 赵敏',
    language: 'zh',
  });
  await writeFile(join(SHOTS, 'reports-signed-zh.pdf'), bytes);
  await page.getByRole('heading', { name: 'Report signed' }).scrollIntoViewIfNeeded();
  await shot(page, 'signed-en');
  await verifyFile(page, {
    name: 'report.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from(bytes),
  });
  await shot(page, 'verify-en');

  await page.getByLabel('Language').selectOption('zh');
  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '签名身份' })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '签名身份' })).toBeVisible();
  await shot(page, 'identities-zh');
  await expectNoSeriousA11yViolations(page, '签名身份');
  await page.getByRole('button', { name: '创建自签发证书' }).click();
  await page.getByRole('dialog').getByLabel('口令', { exact: true }).fill('abc');
  await shot(page, 'self-issued-dialog-zh');
  await page.getByRole('dialog').getByRole('button', { name: '取消' }).click();

  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '报告', exact: true })
    .click();
  await expect(page.getByRole('heading', { level: 1, name: '签名报告' })).toBeVisible();
  await shot(page, 'reports-zh');
  await expectNoSeriousA11yViolations(page, '签名报告');
  await page.getByRole('button', { name: /^签署 .* 的报告$/ }).click();
  await expect(page.getByRole('heading', { level: 1, name: '签署检查报告' })).toBeVisible();
  await expect(page.getByLabel('报告语言')).toBeVisible();
  await shot(page, 'sign-form-zh');
  await expectNoSeriousA11yViolations(page, '签署检查报告');

  await page
    .getByRole('navigation', { name: '主导航' })
    .getByRole('button', { name: '验证报告' })
    .click();
  await page
    .getByLabel('选择 PDF…')
    .setInputFiles({ name: 'report.pdf', mimeType: 'application/pdf', buffer: Buffer.from(bytes) });
  await expect(page.getByText('无法确认：文件完整，但签名者不受信任')).toBeVisible({
    timeout: 60_000,
  });
  await shot(page, 'verify-zh');
  await page.getByRole('region', { name: '本报告记录的检查' }).scrollIntoViewIfNeeded();
  await shot(page, 'verify-record-zh');
  await expectNoSeriousA11yViolations(page, '验证报告');
  expect(outside).toEqual([]);
});
