import { test as base, expect, type BrowserContext, type Page } from '@playwright/test';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serveWeb } from '../../../main/scripts/web.ts';
import type { LoopbackServer } from '../../../main/loopback/server.ts';

export type OutsideRequest = { url: string; how: string };

type Fixtures = {
  server: LoopbackServer;
  /** Requests (or attempts blocked by the CSP) that left the app's own origin. */
  outside: OutsideRequest[];
  app: Page;
};

/**
 * Aborts and records every request of `context` that leaves `origin`, and every attempt the
 * CSP stopped (which never becomes a request: the page reports it).
 */
export async function watchOutside(
  context: BrowserContext,
  origin: string,
): Promise<OutsideRequest[]> {
  const seen: OutsideRequest[] = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (new URL(url).origin === origin || url.startsWith('blob:') || url.startsWith('data:'))
      return route.continue();
    seen.push({ url, how: 'request' });
    return route.abort('blockedbyclient');
  });
  context.on('request', (req) => {
    const url = req.url();
    if (!url.startsWith('blob:') && !url.startsWith('data:') && new URL(url).origin !== origin) {
      seen.push({ url, how: 'request-event' });
    }
  });
  // Attempts the CSP stopped never become requests; the page reports them to us instead.
  await context.exposeBinding('__roomcheckCspViolation', (_source, url: string) => {
    seen.push({ url, how: 'csp-violation' });
  });
  await context.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) => {
      (
        window as unknown as { __roomcheckCspViolation: (u: string) => void }
      ).__roomcheckCspViolation(`${e.violatedDirective} ${e.blockedURI}`);
    });
  });
  return seen;
}

/**
 * Every test gets its own loopback server (fresh session and data directory) and a fresh browser
 * context (fresh IndexedDB). Any request to another origin is aborted and recorded; tests end
 * by asserting none happened.
 */
export const test = base.extend<Fixtures>({
  // eslint-disable-next-line no-empty-pattern
  server: async ({}, use) => {
    const dataDir = await mkdtemp(join(tmpdir(), 'roomcheck-e2e-'));
    const server = await serveWeb({ dataDir });
    await use(server);
    await server.close();
    await rm(dataDir, { recursive: true, force: true });
  },
  outside: async ({ context, server }, use) => {
    await use(await watchOutside(context, new URL(server.url).origin));
  },
  app: async ({ page, server, outside }, use) => {
    void outside;
    const errors: string[] = [];
    page.on('pageerror', (err) => errors.push(err.message));
    // The one-time launch link, as the owner opens it: it leaves the session cookie and lands on /.
    await page.goto(server.launchUrl());
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    await use(page);
    expect(errors, 'uncaught errors in the page').toEqual([]);
  },
});

export { expect };
