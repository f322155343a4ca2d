import type { Browser, BrowserContext, Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { LoopbackServer } from '../../../main/loopback/server.ts';
import { serveWeb } from '../../../main/scripts/web.ts';
import { hubClient, PEOPLE, provision, type Person } from '../../hub/hub-client.ts';
import { startTestHub, type TestHub } from '../../hub/test-hub.ts';
import { expect, test, watchOutside, type OutsideRequest } from './fixtures.ts';
import { completeSmallAudit, expectNoSeriousA11yViolations } from './reports-flow.ts';

// Many inspectors, one record: each laptop is its own web-mode server (its own data directory
// for main) and its own browser context (its own IndexedDB). The hub is the CouchDB-protocol
// stand-in on 127.0.0.1, started here. Pages talk only to their own origin; main forwards.

type Laptop = {
  page: Page;
  context: BrowserContext;
  server: LoopbackServer;
  outside: OutsideRequest[];
  close: () => Promise<void>;
};

let hub: TestHub;
const HUB_PASSPHRASE = 'laptop hub passphrase';

test.beforeAll(async () => {
  hub = await startTestHub();
  await provision(hub);
});
test.afterAll(async () => {
  await hub?.stop();
});

async function openLaptop(browser: Browser, lang: 'en' | 'zh' = 'en'): Promise<Laptop> {
  const dataDir = await mkdtemp(join(tmpdir(), 'roomcheck-e2e-hub-'));
  const server = await serveWeb({ dataDir });
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 } });
  const origin = new URL(server.url).origin;
  const outside = await watchOutside(context, origin);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (err) => errors.push(err.message));
  await page.goto(server.launchUrl());
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  if (lang === 'zh') await page.getByLabel('Language').selectOption('zh');
  return {
    page,
    context,
    server,
    outside,
    close: async () => {
      expect(errors, 'uncaught errors in the page').toEqual([]);
      await context.close();
      await server.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function joinHub(page: Page, who: Person, sites = '') {
  await page.getByRole('button', { name: 'Hub', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Organisation hub' })).toBeVisible();
  await page.getByLabel('Hub address').fill(hub.url);
  await page.getByLabel('User name', { exact: true }).fill(who.name);
  await page.getByLabel('Password', { exact: true }).fill(who.password);
  if (sites) await page.getByLabel(/Sites to read/).fill(sites);
  await page.getByLabel('Passphrase that protects the hub password').fill(HUB_PASSPHRASE);
  await page.getByLabel('Passphrase again').fill(HUB_PASSPHRASE);
  await page.getByRole('button', { name: 'Join the hub' }).click();
  await expect(page.getByText(`${who.name} at ${hub.url}`)).toBeVisible();
}

async function shareSiteAs(page: Page, siteName: string, code: string) {
  await page.getByLabel(`Hub site code: ${siteName}`).selectOption(code);
  await expect(page.getByText(`${siteName} is shared as hub site ${code}.`)).toBeVisible();
}

/** Syncs from the status bar and waits until nothing is pending (or `conflicts` remain). */
async function syncAndSettle(page: Page, conflicts = 0) {
  const bar = page.locator('footer.statusbar');
  await bar.getByRole('button', { name: 'Sync now' }).click();
  await expect(bar).toContainText('Hub: synced', { timeout: 60_000 });
  await expect(bar).toContainText('0 pending');
  await expect(bar).toContainText(`${conflicts} conflicts`);
}

async function renameDevice(page: Page, from: string, to: string) {
  await page.getByRole('button', { name: 'Sites & rooms', exact: true }).click();
  await page.getByRole('button', { name: /Open site Beijing HQ/ }).click();
  await page.getByRole('button', { name: /Open room Server room 3/ }).click();
  await page.getByRole('button', { name: from, exact: true }).click();
  await page.getByLabel('Device name').fill(to);
  await page.getByRole('button', { name: 'Save', exact: true }).click();
  await expect(page.getByRole('cell', { name: to, exact: true })).toBeVisible();
}

test('two inspectors and a manager share one record through the hub', async ({ browser }) => {
  test.setTimeout(600_000);
  const alice = await openLaptop(browser);
  const bob = await openLaptop(browser);
  const anna = await openLaptop(browser);
  const mary = await openLaptop(browser);
  try {
    // Offline: each inspector audits a room of their own site.
    await completeSmallAudit(alice.page);
    await completeSmallAudit(bob.page, {
      site: 'Shanghai branch 上海分部',
      room: 'Vault B 保密室',
    });

    // Alice joins, shares her site as hub site a, and syncs.
    await joinHub(alice.page, PEOPLE.alice);
    await shareSiteAs(alice.page, 'Beijing HQ 北京总部', 'a');
    await syncAndSettle(alice.page);
    await alice.page.screenshot({ path: 'test-results/hub/hub-inspector-en.png', fullPage: true });

    await joinHub(bob.page, PEOPLE.bob);
    await shareSiteAs(bob.page, 'Shanghai branch 上海分部', 'b');
    await syncAndSettle(bob.page);

    // The manager reads sites a and b: both audits are in the overview.
    await joinHub(mary.page, PEOPLE.mary, 'a, b');
    await syncAndSettle(mary.page);
    await mary.page.getByRole('button', { name: 'Overview', exact: true }).click();
    const rooms = mary.page.getByRole('table').first();
    await expect(rooms.getByRole('row')).toHaveCount(3);
    await expect(rooms).toContainText('Server room 3 机房');
    await expect(rooms).toContainText('Vault B 保密室');
    await mary.page
      .getByLabel('Site', { exact: true })
      .selectOption({ label: 'Shanghai branch 上海分部' });
    await expect(rooms.getByRole('row')).toHaveCount(2);
    await mary.page.getByLabel('Site', { exact: true }).selectOption({ label: 'All sites' });
    await expect(mary.page.getByText('Awaiting countersignature', { exact: true })).toBeVisible();
    await expect(
      mary.page
        .getByRole('region', { name: 'Completed audits awaiting countersignature' })
        .getByRole('row'),
    ).toHaveCount(3);
    await expectNoSeriousA11yViolations(mary.page, 'the overview');
    await mary.page.screenshot({ path: 'test-results/hub/overview-en.png', fullPage: true });
    await mary.page.getByLabel('Language').selectOption('zh');
    await expect(mary.page.getByRole('heading', { level: 1, name: '全部站点总览' })).toBeVisible();
    await mary.page.screenshot({ path: 'test-results/hub/overview-zh.png', fullPage: true });

    // Anna, alice's colleague at site a, receives alice's site; both rename the same device.
    await joinHub(anna.page, PEOPLE.anna);
    await syncAndSettle(anna.page);
    await renameDevice(anna.page, 'Old VMS server', 'VMS server (rack 4)');
    await renameDevice(alice.page, 'Old VMS server', 'VMS server (rack 3)');
    await syncAndSettle(alice.page);
    await syncAndSettle(anna.page, 1);
    await syncAndSettle(alice.page, 1);

    // The conflict is shown with both versions, and anna keeps alice's.
    await anna.page.getByRole('button', { name: 'Hub', exact: true }).click();
    const conflict = anna.page.getByRole('region', { name: /VMS server/ });
    await expect(conflict).toContainText('VMS server (rack 3)');
    await expect(conflict).toContainText('VMS server (rack 4)');
    await anna.page.screenshot({ path: 'test-results/hub/conflict-en.png', fullPage: true });
    await anna.page.getByLabel('Language').selectOption('zh');
    await expect(anna.page.getByRole('heading', { level: 2, name: '冲突的修改' })).toBeVisible();
    await anna.page.screenshot({ path: 'test-results/hub/conflict-zh.png', fullPage: true });
    await anna.page.getByLabel('语言').selectOption('en');
    const row = conflict.getByRole('row').filter({ hasText: 'VMS server (rack 3)' });
    const cells = await row.getByRole('cell').allTextContents();
    const n = cells.indexOf('VMS server (rack 3)') + 1;
    await conflict.getByRole('button', { name: `Keep version ${n}` }).click();
    await expect(anna.page.getByText('No conflicting edit.')).toBeVisible();
    await syncAndSettle(anna.page);
    await syncAndSettle(alice.page);
    await alice.page.getByRole('button', { name: 'Sites & rooms', exact: true }).click();
    await alice.page.getByRole('button', { name: /Open site Beijing HQ/ }).click();
    await alice.page.getByRole('button', { name: /Open room Server room 3/ }).click();
    await expect(
      alice.page.getByRole('button', { name: 'VMS server (rack 3)', exact: true }),
    ).toBeVisible();

    // The completed audit cannot be changed through the hub, even with direct HTTP as its author.
    const send = hubClient(hub);
    const all = await send(PEOPLE.alice, 'GET', '/site-a/_all_docs?include_docs=true');
    const audit = (all.body.rows as { doc: Record<string, unknown> }[])
      .map((r) => r.doc)
      .find((d) => d.kind === 'audit')!;
    const change = await send(PEOPLE.alice, 'PUT', `/site-a/${String(audit._id)}`, {
      ...audit,
      record: { ...(audit.record as object), roomIds: [] },
    });
    expect([401, 403]).toContain(change.status);
    const again = await send(PEOPLE.alice, 'GET', `/site-a/${String(audit._id)}`);
    expect(again.body._rev).toBe(audit._rev);

    // Nobody's page reached anything but its own origin, with the hub configured.
    for (const laptop of [alice, bob, anna, mary]) expect(laptop.outside).toEqual([]);
    expect(hub.requests()).toBeGreaterThan(0);
  } finally {
    for (const laptop of [alice, bob, anna, mary]) await laptop.close();
  }
});

test('the hub screen before joining, in both languages', async ({ browser }) => {
  const laptop = await openLaptop(browser);
  try {
    await laptop.page.getByRole('button', { name: 'Hub', exact: true }).click();
    await expect(laptop.page.getByRole('button', { name: 'Join the hub' })).toBeVisible();
    await expect(laptop.page.locator('footer.statusbar')).toContainText('Offline');
    await laptop.page.getByRole('button', { name: 'Join the hub' }).click();
    await expect(laptop.page.getByText('Fill in this field.').first()).toBeVisible();
    await expectNoSeriousA11yViolations(laptop.page, 'the hub screen');
    await laptop.page.screenshot({ path: 'test-results/hub/join-en.png', fullPage: true });
    await laptop.page.getByLabel('Language').selectOption('zh');
    await expect(
      laptop.page.getByRole('heading', { level: 1, name: '单位数据中心' }),
    ).toBeVisible();
    await laptop.page.screenshot({ path: 'test-results/hub/join-zh.png', fullPage: true });
    expect(laptop.outside).toEqual([]);
  } finally {
    await laptop.close();
  }
});
