import { defineConfig } from 'vitest/config';

// The Firefox e2e suite (tests/e2e-firefox): Debian's Firefox ESR driven by
// puppeteer-core over WebDriver BiDi, against the Firefox build in
// .output/firefox-mv3 (`npm run test:firefox` builds it first).
export default defineConfig({
  test: {
    include: ['tests/e2e-firefox/**/*.test.ts'],
    environment: 'node',
    // One browser at a time: each file starts its own Firefox, and two cores fit one.
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // The JSON report feeds the closing line of `npm test` (scripts/test-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/e2e-firefox.json' },
  },
});
