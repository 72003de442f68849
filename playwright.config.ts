import { defineConfig } from '@playwright/test';

// The e2e suite drives the production build in .output/ with Debian's
// Chromium; `npm run test:e2e` rebuilds first so it never tests a stale build.
export default defineConfig({
  testDir: 'tests/e2e',
  fullyParallel: false,
  // Each test starts its own browser with the extension; two cores fit one at a time.
  workers: 1,
  forbidOnly: Boolean(process.env.CI),
  retries: 0,
  timeout: 60_000,
  expect: { timeout: 10_000 },
  reporter: [
    ['list'],
    // Read by scripts/test-summary.mjs for the closing line of `npm test`.
    ['json', { outputFile: 'reports/e2e.json' }],
    ['html', { open: 'never', outputFolder: 'reports/e2e-html' }],
  ],
  outputDir: 'test-results',
});
