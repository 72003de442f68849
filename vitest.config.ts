import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  plugins: [WxtVitest()],
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    // lib/ is pure and runs in Node; DOM modules opt into happy-dom per file.
    environment: 'node',
    // browser.i18n.getMessage answers with the English messages (fake-browser has no i18n).
    setupFiles: ['tests/unit/i18n-setup.ts'],
    restoreMocks: true,
    // The JSON report feeds the closing line of `npm test` (scripts/test-summary.mjs).
    reporters: ['default', 'json'],
    outputFile: { json: 'reports/unit.json' },
  },
});
