import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { startSmallAudit } from './walk-helpers.ts';

test('summary counts; completing locks the answers; reopening records who and why', async ({
  app: page,
  outside,
}) => {
  await startSmallAudit(page, 2);
  await page.keyboard.press('p');
  await page.keyboard.press('f');
  await page.keyboard.type('Two cabinets unlocked');
  await page.keyboard.press('Enter');
  await page.keyboard.press('n');
  await page.getByRole('button', { name: 'Summary' }).click();

  const findingsTable = page.getByRole('table', { name: /Findings by severity and status \(1\)/ });
  await expect(
    findingsTable.getByRole('row').filter({ hasText: 'Medium · CAT II' }).getByRole('cell').first(),
  ).toHaveText('1');
  const answersTable = page.getByRole('table', { name: 'Answers by room' });
  const cells = answersTable.getByRole('row').nth(1).getByRole('cell');
  await expect(cells.nth(1)).toHaveText('1'); // pass
  await expect(cells.nth(2)).toHaveText('1'); // fail
  await expect(cells.nth(3)).toHaveText('1'); // n/a

  for (const lang of ['en', 'zh'] as const) {
    await page.getByLabel(/^(Language|语言)$/).selectOption(lang);
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
  }
  await page.getByLabel('语言').selectOption('en');

  await page.getByRole('button', { name: 'Complete audit' }).click();
  const complete = page.getByRole('dialog', { name: 'Complete this audit?' });
  await expect(complete).toContainText(/\d+ items are still unanswered/);
  await complete.getByRole('button', { name: 'Complete audit' }).click();
  await expect(page.locator('.audit-head .badge')).toHaveText('Completed');

  // The walk-through is locked: buttons disabled, keys refused with a clear message.
  await page.getByRole('button', { name: 'Walk-through' }).click();
  await expect(page.getByText('This audit is completed: answers are locked.')).toBeVisible();
  await expect(
    page.getByRole('group', { name: 'Answer for P1' }).getByRole('button', { name: 'Pass' }),
  ).toBeDisabled();
  await page.keyboard.press('p');
  await expect(
    page.getByText('This audit is completed; reopen it from the Summary to change answers.'),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Summary' }).click();
  await page.getByRole('button', { name: 'Reopen audit' }).click();
  const reopen = page.getByRole('dialog', { name: 'Reopen this audit' });
  await expect(reopen.getByLabel('Reopened by')).toHaveValue('王芳 Wang Fang');
  await reopen.getByRole('button', { name: 'Reopen audit' }).click();
  await expect(reopen.getByText('Give the reason for reopening.')).toBeVisible();
  await reopen.getByLabel('Reason').fill('Rack A03 rear doors were not checked');
  await reopen.getByRole('button', { name: 'Reopen audit' }).click();
  await expect(page.locator('.audit-head .badge')).toHaveText('In progress');
  const log = page.getByRole('region', { name: 'Reopened' });
  await expect(log).toContainText('王芳 Wang Fang');
  await expect(log).toContainText('Rack A03 rear doors were not checked');

  await page.getByRole('button', { name: 'Walk-through' }).click();
  await expect(
    page.getByRole('group', { name: 'Answer for P1' }).getByRole('button', { name: 'Pass' }),
  ).toBeEnabled();
  expect(outside).toEqual([]);
});
