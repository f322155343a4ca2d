import { defineConfig } from '@playwright/test';

/** Debian's Chromium: Playwright's own browser download is impossible on these machines. */
export const CHROMIUM_PATH = process.env.ROOMCHECK_CHROMIUM ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export default defineConfig({
  testDir: 'test/e2e',
  testMatch: '**/*.spec.ts',
  globalSetup: './test/e2e/global-setup.ts',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: process.env.ROOMCHECK_PW_REPORT
    ? [['list'], ['json', { outputFile: process.env.ROOMCHECK_PW_REPORT }]]
    : 'list',
  outputDir: 'test-results/e2e',
  projects: [
    {
      name: 'web',
      testDir: 'test/e2e/web',
      use: {
        viewport: { width: 1366, height: 768 },
        launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS },
        trace: 'off',
        screenshot: 'only-on-failure',
      },
    },
    {
      name: 'electron',
      testDir: 'test/e2e/electron',
    },
  ],
});
