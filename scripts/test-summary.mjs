// Prints one closing line for the whole `npm test` run, from the JSON reports
// that Vitest and Playwright wrote: "tests: N passed, N failed, N skipped".
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

const passed = unit.numPassedTests + e2e.stats.expected + e2e.stats.flaky;
const failed = unit.numFailedTests + e2e.stats.unexpected;
const skipped = unit.numPendingTests + unit.numTodoTests + e2e.stats.skipped;

console.log(`unit ${unit.numPassedTests} passed; e2e ${e2e.stats.expected} passed`);
console.log(`tests: ${passed} passed, ${failed} failed, ${skipped} skipped`);
if (failed > 0 || passed === 0) process.exitCode = 1;
