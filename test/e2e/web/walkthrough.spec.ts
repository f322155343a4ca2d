import AxeBuilder from '@axe-core/playwright';
import { expect, test } from './fixtures.ts';
import { currentStep, startSmallAudit, storedAnswers } from './walk-helpers.ts';

test('a whole walk-through by keyboard only: answers, suggestions, note, navigation, search', async ({
  app: page,
  outside,
}) => {
  const { auditId } = await startSmallAudit(page, 3);
  const progress = page.locator('.audit-head-extra .pbar-text');
  const total = Number(/of (\d+)/.exec((await progress.textContent()) ?? '')?.[1]);
  expect(total).toBeGreaterThan(40);

  // Room items: pass P1 with P, fail P2 with F and write its note, N/A for P3 with 3.
  await page.keyboard.press('p');
  await expect(page.locator('.witem.is-current .witem-id')).toHaveText('P2');
  await page.keyboard.press('f');
  await expect(page.getByLabel('Note for P2')).toBeFocused();
  await page.keyboard.type('Cabinet A03 unlocked, key not in the key box');
  await page.keyboard.press('Enter');
  await expect(page.locator('.witem.is-current .witem-id')).toHaveText('P3');
  await page.keyboard.press('3');
  // Down and up move without answering; U jumps to the next unanswered item.
  await page.keyboard.press('ArrowUp');
  await expect(page.locator('.witem.is-current .witem-id')).toHaveText('P3');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('k');
  await page.keyboard.press('u');
  await expect(page.locator('.witem.is-current .witem-id')).toHaveText('P4');

  // Search with / jumps to a device; [ goes back to the previous subject.
  await page.keyboard.press('/');
  await expect(page.getByLabel('Search devices')).toBeFocused();
  await page.keyboard.type('mail gateway');
  await page.keyboard.press('Enter');
  await expect(page.locator('#walk-subject-title')).toContainText('Former mail gateway');
  // Walk order is rack by rack (A01 holds the video platform, A03 the old servers), top U down.
  await page.keyboard.press('[');
  await expect(page.locator('#walk-subject-title')).toContainText('Old OA server');
  await page.keyboard.press('[');
  await expect(page.locator('#walk-subject-title')).toContainText('Video management platform');
  await page.keyboard.press('[');
  await expect(page.locator('#walk-subject-title')).toContainText('Room checks');

  // Answer everything: Enter takes the rule's suggestion where there is one, P otherwise.
  for (let guard = 0; guard < 200; guard++) {
    const text = (await progress.textContent()) ?? '';
    if (text.startsWith(`${total} of`)) break;
    await page.keyboard.press('u');
    const suggests = await page.locator('.witem.is-current .witem-suggest').count();
    const before = text;
    await page.keyboard.press(suggests ? 'Enter' : 'p');
    await expect(progress).not.toHaveText(before);
    // Confirming a failure asks for its note: write it and go on with Enter.
    const askingNote = await page.evaluate(() =>
      document.activeElement?.id.startsWith('walk-note-'),
    );
    if (askingNote) {
      await page.keyboard.type('Seen on site');
      await page.keyboard.press('Enter');
    }
  }
  await expect(progress).toHaveText(`${total} of ${total} answered (100%)`);
  await page.keyboard.press('u');
  await expect(page.getByText('Every item of this audit is answered.')).toBeVisible();

  // The old OA server is idle, powered and cabled: its D1 was confirmed as a failure.
  await page.keyboard.press('/');
  await page.keyboard.type('Old OA');
  await page.keyboard.press('Enter');
  const d1 = page.getByRole('listitem').filter({ hasText: 'No idle or decommissioned device' });
  await expect(d1.getByRole('button', { name: 'Fail' })).toHaveAttribute('aria-pressed', 'true');
  await expect(d1).toContainText('Suggests Fail');

  const answers = await storedAnswers(page, auditId);
  expect(answers).toHaveLength(total);
  expect(answers.find((a) => a.itemId === 'P2')).toMatchObject({
    result: 'fail',
    note: 'Cabinet A03 unlocked, key not in the key box',
  });
  // Failures raised findings: P2 (by hand) and D1 of the idle server among them.
  await page.getByRole('button', { name: 'Findings' }).click();
  await expect(page.getByRole('button', { name: /P2: Racks and cabinets locked/ })).toBeVisible();
  await expect(page.getByRole('button', { name: /D1: No idle/ }).first()).toBeVisible();
  expect(outside).toEqual([]);
});

test('a reload in the middle of an audit resumes at the same item with every answer', async ({
  app: page,
  outside,
}) => {
  const { auditId } = await startSmallAudit(page, 3);
  for (const key of ['p', 'p', 'n', 'p', 'p']) await page.keyboard.press(key);
  await expect(page.locator('.witem.is-current .witem-id')).toHaveText('I1');
  // Move on without answering: into the third device, third item.
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await page.keyboard.press(']');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  const before = await currentStep(page);
  expect(before.subject).toContain('Former mail gateway');
  // The position is saved shortly after moving (answers save it in their own transaction).
  await expect
    .poll(async () =>
      page.evaluate(
        (id) =>
          new Promise<string>((resolve) => {
            const open = indexedDB.open('roomcheck');
            open.onsuccess = () => {
              const req = open.result.transaction('audits').objectStore('audits').get(id);
              req.onsuccess = () => {
                open.result.close();
                resolve(req.result.cursor?.itemId ?? '');
              };
            };
          }),
        auditId,
      ),
    )
    .toBe(before.item);

  await page.reload();
  await expect(page.locator('.witem.is-current')).toBeVisible();
  expect(await currentStep(page)).toEqual(before);
  await expect(page.locator('.audit-head-extra .pbar-text')).toContainText('5 of');
  // The answers are back too.
  await page.keyboard.press('/');
  await page.keyboard.press('Escape');
  await page
    .getByRole('list', { name: /subjects in walk order/ })
    .getByRole('button', { name: /Room checks/ })
    .click();
  for (const [item, result] of [
    ['P1', 'Pass'],
    ['P3', 'N/A'],
    ['P5', 'Pass'],
  ] as const) {
    await expect(
      page.getByRole('group', { name: `Answer for ${item}` }).getByRole('button', { name: result }),
    ).toHaveAttribute('aria-pressed', 'true');
  }
  expect(outside).toEqual([]);
});

test('reconciliation: not found, wrong location and an unexpected device, with their lists', async ({
  app: page,
  outside,
}) => {
  await startSmallAudit(page, 4);
  const walkOrder = page.getByRole('list', { name: /subjects in walk order/ });
  const recon = page.locator('.walk-side');

  await walkOrder.getByRole('button', { name: /Old OA server/ }).click();
  await page.keyboard.press('x');
  await expect(page.getByRole('button', { name: /^Not found/ })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Every inventoried device' }),
  ).toContainText('Marked not found during this audit');
  await expect(
    page.getByRole('listitem').filter({ hasText: 'No idle or decommissioned device' }),
  ).toContainText('Device not found: it cannot be checked');
  await expect(recon.getByText('Missing (1)')).toBeVisible();

  await page.keyboard.press(']');
  await expect(page.locator('#walk-subject-title')).toContainText('Former mail gateway');
  await page.keyboard.press('w');
  await expect(recon.getByText('Moved (1)')).toBeVisible();
  // W again clears the mark.
  await page.keyboard.press('w');
  await expect(recon.getByText('Moved (0)')).toBeVisible();
  await page.keyboard.press('w');

  await page.keyboard.press('a');
  const dialog = page.getByRole('dialog', { name: 'Unexpected device found here' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('What it is (name)').fill('4G 路由器 / 4G router');
  await dialog.getByLabel('Type').selectOption('router');
  await dialog.getByLabel('U position').fill('61');
  await dialog.getByRole('button', { name: 'Add and flag' }).click();
  await expect(
    dialog.getByText('Enter a U position from 1 to 60, or leave it empty.'),
  ).toBeVisible();
  await dialog.getByLabel('U position').fill('2');
  await dialog.getByLabel('Where and how it was found').fill('Taped behind the patch panel');
  await dialog.getByRole('button', { name: 'Add and flag' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('#walk-subject-title')).toContainText('4G router');
  await expect(recon.getByText('Unexpected (1)')).toBeVisible();
  await expect(walkOrder.getByRole('button', { name: /4G router/ })).toBeVisible();
  // The room's I1 now suggests a failure.
  await walkOrder.getByRole('button', { name: /Room checks/ }).click();
  await expect(
    page.getByRole('listitem').filter({ hasText: 'Every powered or connected device' }),
  ).toContainText('1 device(s) found here that the inventory did not list');

  await page.getByRole('button', { name: 'Summary' }).click();
  const lists = page.locator('.summary-recon');
  await expect(lists.getByRole('heading', { name: 'Missing (1)' })).toBeVisible();
  await expect(lists.getByRole('heading', { name: 'Moved (1)' })).toBeVisible();
  await expect(lists.getByRole('heading', { name: 'Unexpected (1)' })).toBeVisible();
  await expect(lists).toContainText('Taped behind the patch panel');
  await expect(lists).toContainText('Old OA server');
  expect(outside).toEqual([]);
});

test('the walk-through has no serious accessibility violations, in English and Chinese', async ({
  app: page,
  outside,
}) => {
  await startSmallAudit(page, 3);
  await page.keyboard.press('f');
  await page.keyboard.press('Escape');
  for (const lang of ['en', 'zh'] as const) {
    await page.getByLabel(/^(Language|语言)$/).selectOption(lang);
    const result = await new AxeBuilder({ page }).analyze();
    const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
    expect(bad.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual(
      [],
    );
  }
  await expect(page.getByRole('heading', { name: /机房检查项/ })).toBeVisible();
  expect(outside).toEqual([]);
});
