import { expect, test } from './fixtures.ts';
import { startSmallAudit, storedAnswers } from './walk-helpers.ts';

// Issue 8, point 4, as a user saw it: E, a note, Enter on an unanswered item saved the note and
// moved on, leaving the item unanswered, and the next keys answered other items.

test('a note on an unanswered item keeps the cursor there: the next key answers that item', async ({
  app: page,
  outside,
}) => {
  const { auditId } = await startSmallAudit(page, 3);
  const current = page.locator('.witem.is-current .witem-id');
  await expect(current).toHaveText('P1');

  await page.keyboard.press('e');
  await expect(page.getByLabel('Note for P1')).toBeFocused();
  await page.keyboard.type('Visitor log kept on paper');
  await page.keyboard.press('Enter');
  // The note is saved, the item is still unanswered and still the highlighted one.
  await expect(current).toHaveText('P1');
  await expect(page.locator('.witem.is-current')).toHaveClass(/res-unchecked/);
  await expect(page.locator('.witem.is-current')).toBeFocused();
  await page.keyboard.press('p');
  await expect(current).toHaveText('P2');
  await page.keyboard.press('n');
  await expect(current).toHaveText('P3');

  await expect
    .poll(async () =>
      (await storedAnswers(page, auditId)).map((a) => `${a.itemId}:${a.result}:${a.note}`).sort(),
    )
    .toEqual(['P1:pass:Visitor log kept on paper', 'P2:na:']);

  // On an answered item Enter after the note still goes on, as it always did.
  await page.keyboard.press('ArrowUp');
  await expect(current).toHaveText('P2');
  await page.keyboard.press('e');
  await page.keyboard.type('Nobody could say');
  await page.keyboard.press('Enter');
  await expect(current).toHaveText('P3');
  expect(outside).toEqual([]);
});

test('typing a note into another row makes that row the highlighted one', async ({
  app: page,
  outside,
}) => {
  await startSmallAudit(page, 3);
  const current = page.locator('.witem.is-current .witem-id');
  await expect(current).toHaveText('P1');
  await page.getByLabel('Note for P3').click();
  await expect(current).toHaveText('P3');
  await page.keyboard.type('Cables unlabelled');
  await page.keyboard.press('Escape');
  await page.keyboard.press('f');
  await expect(page.getByLabel('Note for P3')).toBeFocused();
  await expect(page.locator('.witem.is-current')).toHaveClass(/res-fail/);
  await expect(page.getByLabel('Note for P3')).toHaveValue('Cables unlabelled');
  expect(outside).toEqual([]);
});

test('a note being typed survives a reload as a draft', async ({ app: page, outside }) => {
  const { auditId } = await startSmallAudit(page, 3);
  await page.keyboard.press('e');
  await page.keyboard.type('Half a sentence');
  await expect(page.getByLabel('Note for P1')).toHaveValue('Half a sentence');
  await page.reload();
  await expect(page.getByLabel('Note for P1')).toHaveValue('Half a sentence');
  await expect(page.locator('.witem.is-current .witem-id')).toHaveText('P1');
  // Still a draft: nothing was stored until the inspector saves it.
  expect(await storedAnswers(page, auditId)).toEqual([]);
  await page.getByLabel('Note for P1').focus();
  await page.keyboard.type(', finished');
  await page.keyboard.press('Enter');
  await expect
    .poll(async () => (await storedAnswers(page, auditId)).map((a) => a.note))
    .toEqual(['Half a sentence, finished']);
  await page.reload();
  await expect(page.getByLabel('Note for P1')).toHaveValue('Half a sentence, finished');
  expect(outside).toEqual([]);
});
