// `npm run lint:firefox`: Mozilla's add-on linter (web-ext lint) on .output/firefox-mv3. Fails on any error,
// and on any warning or notice that is not one of the explained ones below: each of those is matched by its
// code and by the code around it in the bundle, so the same warning somewhere else still fails.
// The explanations: docs/reliability.md ("web-ext lint") and docs/firefox.md.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const SOURCE_DIR = join(ROOT, '.output/firefox-mv3');

/**
 * @typedef {{ code: string, message: string, file?: string, line?: number, column?: number }} LintMessage
 * @typedef {{ code: string, around: RegExp, why: string }} Explained
 */

/** @type {Explained[]} */
export const EXPLAINED = [
  {
    code: 'DANGEROUS_EVAL',
    // zod's probe: `if (config.jitless || …) return false; try { Function(''); return true } …`
    around: /\.jitless\|\|[^;]{0,120};try\{return Function\(``\)/,
    why: "zod's probe for `new Function`, skipped because lib/zod.ts sets jitless",
  },
  {
    code: 'UNSAFE_VAR_ASSIGNMENT',
    // Preact's diffProps: `… == 'dangerouslySetInnerHTML' ? d = value … (e.innerHTML = d.__html)`
    around: /dangerouslySetInnerHTML[\s\S]{0,200}\.innerHTML=\w+\.__html/,
    why: "Preact's renderer, for dangerouslySetInnerHTML, which Crossread never passes",
  },
];

/**
 * The code around a message's position in its file (the bundles are minified: long lines).
 * @param {LintMessage} message
 */
function around(message) {
  if (!message.file || !message.line) return '';
  const line = readFileSync(join(SOURCE_DIR, message.file), 'utf8').split('\n')[message.line - 1] ?? '';
  const column = message.column ?? 0;
  return line.slice(Math.max(0, column - 300), column + 300);
}

/**
 * The explanation for a warning or notice, or undefined when it has none.
 * @param {LintMessage} message
 * @param {(message: LintMessage) => string} context
 */
export function explanationFor(message, context = around) {
  return EXPLAINED.find((entry) => entry.code === message.code && entry.around.test(context(message)));
}

function main() {
  const bin = join(ROOT, 'node_modules/.bin/web-ext');
  const run = spawnSync(bin, ['lint', '--source-dir', SOURCE_DIR, '--output', 'json'], { encoding: 'utf8' });
  /** @type {{ errors: LintMessage[], warnings: LintMessage[], notices: LintMessage[] }} */
  let report;
  try {
    report = JSON.parse(run.stdout);
  } catch {
    console.error(`web-ext lint did not report (exit ${run.status}): run npm run build:firefox first?\n${run.stderr}`);
    process.exit(1);
  }
  let failed = false;
  const where = (/** @type {LintMessage} */ m) => `${m.file ?? 'manifest'}${m.line ? `:${m.line}:${m.column}` : ''}`;
  for (const error of report.errors) {
    console.error(`✗ error ${error.code} ${where(error)}: ${error.message}`);
    failed = true;
  }
  for (const message of [...report.warnings, ...report.notices]) {
    const explained = explanationFor(message);
    if (explained) {
      console.log(`  ${message.code} ${where(message)}: ${explained.why}`);
    } else {
      console.error(`✗ unexplained ${message.code} ${where(message)}: ${message.message}`);
      failed = true;
    }
  }
  const counts = `${report.errors.length} errors, ${report.warnings.length} warnings, ${report.notices.length} notices`;
  console.log(`web-ext lint .output/firefox-mv3: ${counts}${failed ? '' : ' (every warning explained)'}`);
  if (failed) {
    console.error('Fix it, or explain it in scripts/check-web-ext-lint.mjs and docs/reliability.md.');
    process.exit(1);
  }
}

if (process.argv[1] === fileURLToPath(import.meta.url)) main();
