/**
 * npm run bench [-- --repetitions N] [--pages a,b] [--skip-extension]
 *
 * A real-browser benchmark of Crossread's highlighting engine against a bare
 * text walk and mark.js, on the saved news pages in ../shared/realpages.
 * Prints a table and PASS/FAIL per goal, writes reports/bench.json, and exits
 * 1 when a goal is missed. Method and results: docs/performance.md.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { launchPlainBrowser } from './browser';
import { buildEngineBundle, markJsSource } from './build-engine';
import { EXTENSION_DIR, type ExtensionPageResult, extensionBuildProblem, measureExtension } from './extension';
import { measureOnce, type Run, type Sample } from './measure';
import { type BenchPage, BLANK_PAGE, buildHugePage, loadRealPages } from './pages';
import { type BenchReport, checkGoals, type PageReport, renderGoals, renderTable } from './report';
import { servePages } from './server';
import { median } from './stats';

/** Fresh loads per page and method; each number reported is their median. */
const DEFAULT_REPETITIONS = 5;
/**
 * One mark() call per alias takes seconds on every page (719 aliases at about
 * 5 ms each on the smallest pages, over 100 ms each on wikipedia-2). It runs
 * in full only on these three real pages, the ones it finished fastest on in
 * a trial run; elsewhere one load gets a time budget.
 */
const NAIVE_FULL_PAGES = ['qq', 'cnn', 'medium-3'];
const NAIVE_BUDGET_MS = 2_000;
/** The real page with the most text (~490,000 characters in ~14,000 text nodes). */
const SCALING_PAGE = 'wikipedia-2';
const SCALING_ALIAS_COUNTS = [300, 3_000, 30_000];
const REPORT_PATH = resolve('reports/bench.json');

function options() {
  const { values } = parseArgs({
    options: {
      repetitions: { type: 'string', default: String(DEFAULT_REPETITIONS) },
      pages: { type: 'string' },
      'skip-extension': { type: 'boolean', default: false },
    },
  });
  const repetitions = Number(values.repetitions);
  if (!Number.isInteger(repetitions) || repetitions < 1) throw new Error('--repetitions must be a positive integer');
  return { repetitions, only: values.pages?.split(','), skipExtension: values['skip-extension'] };
}

function log(line: string): void {
  process.stderr.write(`${line}\n`);
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { encoding: 'utf8' }).trim();
  } catch {
    return '';
  }
}

/** Rotates `items` by `offset`, so no method always runs first (or last) in a repetition. */
function rotated<T>(items: readonly T[], offset: number): T[] {
  const shift = offset % items.length;
  return [...items.slice(shift), ...items.slice(0, shift)];
}

async function main(): Promise<number> {
  const startedAt = Date.now();
  const { repetitions, only, skipExtension } = options();
  const elapsed = () => `${((Date.now() - startedAt) / 1000).toFixed(0)} s`;

  // Read before bundling: the run measures the tree as it is now, whatever is committed meanwhile.
  const commit = git('rev-parse', 'HEAD');
  const uncommittedEngineChanges = git('status', '--porcelain', '--', 'lib', 'page', 'assets')
    .split('\n')
    .filter((line) => line.length > 0);
  log('bundling the engine (bench/engine-entry.ts) …');
  const scripts = [await buildEngineBundle(), markJsSource()];
  const realPages = loadRealPages().filter((page) => !only || only.includes(page.name));
  const hugePage = buildHugePage(loadRealPages());
  const pages: BenchPage[] = only && !only.includes(hugePage.name) ? realPages : [...realPages, hugePage];
  const scalingPage = pages.find((page) => page.name === SCALING_PAGE) ?? pages[0];
  if (!scalingPage) throw new Error('no pages selected');
  const server = await servePages([...pages, BLANK_PAGE]);

  // The extension goes first: its build is checked against the sources now,
  // not minutes later when someone may have edited them.
  let extension: ExtensionPageResult[] = [];
  const leakedRequests: string[] = [];
  let extensionSkipped: string | undefined = skipExtension ? 'skipped with --skip-extension' : extensionBuildProblem();
  if (!extensionSkipped) {
    log(`the built extension (${EXTENSION_DIR}), one traced load per page (${elapsed()})`);
    try {
      const measured = await measureExtension(pages, server, log);
      extension = measured.results;
      leakedRequests.push(...measured.leakedRequests);
    } catch (error) {
      extensionSkipped = `failed: ${error instanceof Error ? error.message : String(error)}`;
    }
  }
  if (extensionSkipped) log(`extension measurement: ${extensionSkipped}`);

  const samples = new Map<string, Sample[]>();
  const record = (key: string, sample: Sample) => samples.set(key, [...(samples.get(key) ?? []), sample]);
  const browser = await launchPlainBrowser();
  let userAgent = '';
  try {
    const probe = await browser.context.newPage();
    userAgent = await probe.evaluate(() => navigator.userAgent);
    await probe.close();
    // The first load after launch runs much slower (seen: 91 ms against 18–34 ms after); it is thrown away.
    const firstPage = pages[0] as BenchPage;
    await measureOnce(browser.context, server.urlOf(firstPage), scripts, { method: 'paint' });

    const perPageRuns: Run[] = [
      { method: 'floor' },
      { method: 'paint' },
      { method: 'wrap' },
      { method: 'markCombined' },
    ];
    for (let repetition = 0; repetition < repetitions; repetition++) {
      log(`repetition ${repetition + 1}/${repetitions} (${elapsed()})`);
      for (const [index, page] of pages.entries()) {
        const runs = [...perPageRuns];
        if (NAIVE_FULL_PAGES.includes(page.name))
          runs.push({ method: 'markNaive', budgetMs: Number.POSITIVE_INFINITY });
        for (const run of rotated(runs, repetition + index)) {
          record(`${page.name}/${run.method}`, await measureOnce(browser.context, server.urlOf(page), scripts, run));
        }
      }
      for (const method of rotated(['compile', 'loadMatcher'] as const, repetition)) {
        record(method, await measureOnce(browser.context, server.urlOf(BLANK_PAGE), scripts, { method }));
      }
      for (const aliasCount of rotated(SCALING_ALIAS_COUNTS, repetition)) {
        const run: Run = { method: 'scan', aliasCount, compileFirst: SCALING_ALIAS_COUNTS };
        record(`scaling/${aliasCount}`, await measureOnce(browser.context, server.urlOf(scalingPage), scripts, run));
      }
    }
    // A lower bound is all a budgeted run can give, and more loads would not sharpen it: one each.
    log(`naive mark.js with a ${NAIVE_BUDGET_MS} ms budget on the other pages (${elapsed()})`);
    for (const page of pages.filter((page) => !NAIVE_FULL_PAGES.includes(page.name))) {
      const run: Run = { method: 'markNaive', budgetMs: NAIVE_BUDGET_MS };
      record(`${page.name}/markNaive`, await measureOnce(browser.context, server.urlOf(page), scripts, run));
    }
  } finally {
    await browser.close();
  }
  leakedRequests.push(...browser.leakedRequests());

  await server.close();

  const pageReports: PageReport[] = pages.map((page) => {
    const of = (method: string) => samples.get(`${page.name}/${method}`) ?? [];
    return {
      name: page.name,
      kind: page.kind,
      htmlBytes: Buffer.byteLength(page.html),
      floor: of('floor'),
      paint: of('paint'),
      wrap: of('wrap'),
      markCombined: of('markCombined'),
      markNaive: of('markNaive'),
      extension: extension.find((result) => result.page === page.name),
    };
  });
  const report: BenchReport = {
    generatedAt: new Date().toISOString(),
    commit,
    // The bench measures the working tree; say when the engine differs from the commit.
    uncommittedEngineChanges,
    browser: userAgent,
    machine: { cpus: cpus().length, model: cpus()[0]?.model ?? 'unknown', node: process.version },
    settings: {
      repetitions,
      naiveFullPages: NAIVE_FULL_PAGES.filter((name) => pages.some((page) => page.name === name)),
      naiveBudgetMs: NAIVE_BUDGET_MS,
      scalingPage: scalingPage.name,
      scalingAliasCounts: SCALING_ALIAS_COUNTS,
      pageScripts: 'removed (scripts, iframes, comments, inline event handlers, meta refresh)',
      otherHosts: 'unresolvable (--host-resolver-rules)',
    },
    pages: pageReports,
    compile: samples.get('compile') ?? [],
    matcherLoad: samples.get('loadMatcher') ?? [],
    scaling: SCALING_ALIAS_COUNTS.map((aliases) => ({ aliases, samples: samples.get(`scaling/${aliases}`) ?? [] })),
    extensionSkipped,
    leakedRequests,
    runtimeSeconds: 0,
    goals: [],
  };
  report.goals = checkGoals(report);
  report.runtimeSeconds = Math.round((Date.now() - startedAt) / 1000);

  mkdirSync(resolve('reports'), { recursive: true });
  writeFileSync(REPORT_PATH, `${JSON.stringify(report, null, 2)}\n`);
  process.stdout.write(`${renderTable(report)}\n\n${renderGoals(report)}\n`);
  const compileMedian = median(report.compile.map((sample) => sample.ms));
  log(`compile median ${compileMedian.toFixed(2)} ms; wrote ${REPORT_PATH} in ${report.runtimeSeconds} s`);
  if (leakedRequests.length > 0) log(`WARNING: ${leakedRequests.length} requests reached another host`);
  return report.goals.every((goal) => goal.pass) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error);
    process.exit(2);
  },
);
