// Prints one closing line for the whole `npm test` run, from the JSON reports
// that Vitest (unit tests, Firefox e2e) and Playwright (Chromium e2e) wrote:
// "tests: N passed, N failed, N skipped".
import { readFileSync } from 'node:fs';

/** @param {string} path */
function readReport(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`test report ${path} is missing or unreadable: ${error instanceof Error ? error.message : error}`);
  }
}

const unit = readReport('reports/unit.json');
const e2e = readReport('reports/e2e.json');
const firefox = readReport('reports/e2e-firefox.json');

/**
 * A Vitest report's counts. A file that fails before its tests run (a failed
 * beforeAll, such as a browser that will not start) reports its tests as
 * skipped; it counts as one failure here.
 * @param {any} report
 */
function vitestCounts(report) {
  return {
    passed: report.numPassedTests,
    failed: report.numFailedTests + (report.numFailedTestSuites > 0 && report.numFailedTests === 0 ? 1 : 0),
    skipped: report.numPendingTests + report.numTodoTests,
  };
}

const suites = {
  unit: vitestCounts(unit),
  'e2e chromium': {
    passed: e2e.stats.expected + e2e.stats.flaky,
    failed: e2e.stats.unexpected,
    skipped: e2e.stats.skipped,
  },
  'e2e firefox': vitestCounts(firefox),
};

let passed = 0;
let failed = 0;
let skipped = 0;
for (const [name, counts] of Object.entries(suites)) {
  console.log(`${name}: ${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
  passed += counts.passed;
  failed += counts.failed;
  skipped += counts.skipped;
}
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0 || Object.values(suites).some((counts) => counts.passed === 0)) process.exitCode = 1;
