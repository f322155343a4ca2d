import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // Playwright owns *.spec.ts under test/e2e; vitest must not pick them up.
    include: ['test/unit/**/*.test.ts', 'test/unit/**/*.test.tsx'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['test/unit/build-cli.setup.ts'],
  },
});
