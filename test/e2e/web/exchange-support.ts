import type { Page } from '@playwright/test';
import { expect } from './fixtures.ts';

// Helpers for the import/export specs: make a site and a room through the UI, open the
// Import & export screen, pick a file, and dump the whole IndexedDB so a test can prove that
// a cancelled or refused import changed nothing.

export async function makeSiteAndRoom(page: Page, site = 'Beijing HQ', room = 'Room 301') {
  await page.getByLabel('Site name').fill(site);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: site })).toBeVisible();
  await page.getByLabel('Room name').fill(room);
  await page.getByRole('button', { name: 'Create' }).click();
  await expect(page.getByRole('heading', { level: 1, name: room })).toBeVisible();
}

export async function openExchange(page: Page) {
  await page.getByRole('button', { name: 'Import & export' }).click();
  await expect(
    page.getByRole('heading', { level: 1, name: 'Import, export and backup' }),
  ).toBeVisible();
}

export async function chooseFile(
  page: Page,
  name: string,
  content: string | Buffer,
  mimeType = 'text/csv',
) {
  await page.getByLabel('Choose a file to import').setInputFiles({
    name,
    mimeType,
    buffer: typeof content === 'string' ? Buffer.from(content, 'utf8') : content,
  });
}

/**
 * Every object store of the app's database, rows as canonical JSON (Blobs by size and type).
 * Read through raw IndexedDB, so the test needs no back door in the app.
 */
export async function dumpDatabase(page: Page): Promise<Record<string, string[]>> {
  return page.evaluate(async () => {
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('roomcheck');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    const out: Record<string, string[]> = {};
    for (const name of Array.from(db.objectStoreNames)) {
      const rows = await new Promise<unknown[]>((resolve, reject) => {
        const q = db.transaction(name, 'readonly').objectStore(name).getAll();
        q.onsuccess = () => resolve(q.result);
        q.onerror = () => reject(q.error);
      });
      out[name] = rows
        .map((r) =>
          JSON.stringify(r, (_k, v: unknown) =>
            v instanceof Blob ? { blob: v.size, type: v.type } : v,
          ),
        )
        .sort();
    }
    db.close();
    return out;
  });
}

/** Text a user can see must never look like a stack trace. */
export async function expectNoStackTrace(page: Page) {
  const text = await page.locator('main').innerText();
  expect(text).not.toMatch(
    /\n\s+at \S+ \(|Error: |TypeError|SyntaxError|undefined|\[object Object\]/,
  );
}
