import type { Page } from '@playwright/test';
import { expect, test } from './fixtures.ts';
import { startSmallAudit } from './walk-helpers.ts';

// The audit's details (objectives, audit client, auditees, time zone) are edited from its
// summary while it is in progress; a zone the computer does not know is refused in the user's
// language and changes nothing; once completed, the details are frozen with the record.

const facts = (page: Page, label: RegExp) =>
  page.locator('.summary-facts dl > div').filter({ has: page.locator('dt', { hasText: label }) });

test('audit details are editable from the summary until the audit is completed (en, zh)', async ({
  app: page,
  outside,
}) => {
  await startSmallAudit(page, 2);
  await page.getByRole('button', { name: 'Summary' }).click();
  await expect(facts(page, /^Audit objectives$/).locator('dd')).toHaveText('—');

  // A zone this computer does not know: a sentence under the field, nothing saved.
  await page.getByRole('button', { name: 'Edit audit details' }).click();
  let dialog = page.getByRole('dialog', { name: 'Audit details' });
  await dialog.getByLabel('Audit objectives').fill('Confirm the rooms meet the 2026 checklist.');
  await dialog.getByLabel('Time zone').fill('Mars/Olympus_Mons');
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(
    dialog.getByText('“Mars/Olympus_Mons” is not a time zone this computer knows.', {
      exact: false,
    }),
  ).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(dialog).toBeHidden();
  await expect(facts(page, /^Audit objectives$/).locator('dd')).toHaveText('—');

  await page.getByRole('button', { name: 'Edit audit details' }).click();
  dialog = page.getByRole('dialog', { name: 'Audit details' });
  await dialog.getByLabel('Audit objectives').fill('Confirm the rooms meet the 2026 checklist.');
  await dialog.getByLabel('Audit client').fill('市数据局 Municipal Data Bureau');
  await dialog
    .getByLabel('Auditees')
    .fill('信息中心 Information Centre\nNetwork team\n信息中心 Information Centre');
  await dialog.getByLabel('Time zone').fill('Asia/Shanghai');
  await page.screenshot({ path: 'test-results/screens/audit-details-dialog-en.png' });
  await dialog.getByRole('button', { name: 'Save' }).click();
  await expect(dialog).toBeHidden();
  await expect(facts(page, /^Audit objectives$/).locator('dd')).toHaveText(
    'Confirm the rooms meet the 2026 checklist.',
  );
  await expect(facts(page, /^Audit client$/).locator('dd')).toHaveText(
    '市数据局 Municipal Data Bureau',
  );
  // One entry per line, the repeated one kept once.
  await expect(facts(page, /^Auditees$/).locator('dd')).toHaveText(
    '信息中心 Information Centre, Network team',
  );
  await expect(facts(page, /^Time zone$/).locator('dd')).toHaveText('Asia/Shanghai');
  await page.screenshot({ path: 'test-results/screens/audit-details-summary-en.png' });

  // The same in Chinese, the refusal included.
  await page.getByLabel('Language').selectOption('zh');
  await expect(facts(page, /^检查委托方$/).locator('dd')).toHaveText(
    '市数据局 Municipal Data Bureau',
  );
  await page.screenshot({ path: 'test-results/screens/audit-details-summary-zh.png' });
  await page.getByRole('button', { name: '编辑检查信息' }).click();
  dialog = page.getByRole('dialog', { name: '检查信息' });
  await expect(dialog.getByLabel('检查目的')).toHaveValue(
    'Confirm the rooms meet the 2026 checklist.',
  );
  await expect(dialog.getByLabel('受检方')).toHaveValue(
    '信息中心 Information Centre\nNetwork team',
  );
  await dialog.getByLabel('时区').fill('东八区');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog.getByText('“东八区”不是本机可识别的时区。', { exact: false })).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/audit-details-dialog-zh.png' });
  await dialog.getByLabel('时区').fill('UTC');
  await dialog.getByRole('button', { name: '保存' }).click();
  await expect(dialog).toBeHidden();
  await expect(facts(page, /^时区$/).locator('dd')).toHaveText('UTC');

  // Completed: the details are part of the frozen record, no longer editable.
  await page.getByLabel('语言').selectOption('en');
  await page.getByRole('button', { name: 'Complete audit' }).click();
  const complete = page.getByRole('dialog', { name: 'Complete this audit?' });
  await complete.getByRole('button', { name: 'Complete audit' }).click();
  await expect(page.locator('.audit-head .badge')).toHaveText('Completed');
  await expect(page.getByRole('button', { name: 'Edit audit details' })).toHaveCount(0);
  await expect(facts(page, /^Audit client$/).locator('dd')).toHaveText(
    '市数据局 Municipal Data Bureau',
  );
  expect(outside).toEqual([]);
});
