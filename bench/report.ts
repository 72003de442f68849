import type { ExtensionPageResult } from './extension';
import type { Sample } from './measure';
import { max, median } from './stats';

export interface PageReport {
  name: string;
  kind: 'real' | 'huge' | 'blank';
  htmlBytes: number;
  floor: Sample[];
  paint: Sample[];
  wrap: Sample[];
  markCombined: Sample[];
  /** Complete runs on the pages measured in full; one budgeted run (a lower bound) elsewhere. */
  markNaive: Sample[];
  extension: ExtensionPageResult | undefined;
}

export interface Goal {
  id: string;
  description: string;
  pass: boolean;
  details: string[];
}

export interface BenchReport {
  generatedAt: string;
  commit: string;
  uncommittedEngineChanges: string[];
  browser: string;
  machine: { cpus: number; model: string; node: string };
  settings: {
    repetitions: number;
    naiveFullPages: string[];
    naiveBudgetMs: number;
    scalingPage: string;
    scalingAliasCounts: number[];
    pageScripts: string;
    otherHosts: string;
  };
  pages: PageReport[];
  /** compileMatcher on the bundled dataset, in a fresh page. */
  compile: Sample[];
  /** The bundled matcher loaded from its build-time form, in a fresh page: what the content script does. */
  matcherLoad: Sample[];
  scaling: Array<{ aliases: number; samples: Sample[] }>;
  extensionSkipped: string | undefined;
  leakedRequests: string[];
  runtimeSeconds: number;
  goals: Goal[];
}

// The goals from the issue. They are requirements: when the engine misses
// one, the bench reports FAIL; the numbers here are not to be tuned.
const FLOOR_FACTOR = 2;
const FLOOR_ALLOWANCE_MS = 3;
const NAIVE_SPEEDUP = 100;
const TASK_LIMIT_MS = 50;
const SCALING_FACTOR = 1.3;
const COMPILE_LIMIT_MS = 5;

const ms = (samples: readonly Sample[]) => median(samples.map((sample) => sample.ms));
const longestTask = (samples: readonly Sample[]) => max(samples.map((sample) => sample.longestTaskMs));
const completeNaive = (page: PageReport) => page.markNaive.length > 0 && page.markNaive.every((run) => run.complete);

function format(value: number): string {
  if (!Number.isFinite(value)) return '–';
  if (value < 10) return value.toFixed(1);
  return Math.round(value).toLocaleString('en-US');
}

function naiveCell(page: PageReport): string {
  const first = page.markNaive[0];
  if (!first) return '–';
  if (completeNaive(page)) return format(ms(page.markNaive));
  return `>${format(first.ms)} (${first.aliasesDone ?? '?'}/${first.aliases ?? '?'})`;
}

function naiveSpeedupCell(page: PageReport): string {
  const paint = ms(page.paint);
  const first = page.markNaive[0];
  if (!first) return '–';
  if (completeNaive(page)) return `${format(ms(page.markNaive) / paint)}×`;
  return `>${format(first.ms / paint)}×`;
}

export function checkGoals(report: BenchReport): Goal[] {
  const real = report.pages.filter((page) => page.kind === 'real');
  const goals: Goal[] = [];

  const floorMisses = real.filter((page) => ms(page.paint) > FLOOR_FACTOR * ms(page.floor) + FLOOR_ALLOWANCE_MS);
  goals.push({
    id: 'paint-vs-floor',
    description: `Crossread paint ≤ ${FLOOR_FACTOR}× the floor + ${FLOOR_ALLOWANCE_MS} ms on every real page`,
    pass: real.length > 0 && floorMisses.length === 0,
    details: floorMisses.map(
      (page) =>
        `${page.name}: paint ${format(ms(page.paint))} ms > ${format(FLOOR_FACTOR * ms(page.floor) + FLOOR_ALLOWANCE_MS)} ms allowed (floor ${format(ms(page.floor))} ms)`,
    ),
  });

  const naivePages = real.filter(completeNaive);
  const slowerThanGoal = naivePages.filter((page) => ms(page.markNaive) / ms(page.paint) < NAIVE_SPEEDUP);
  goals.push({
    id: 'paint-vs-naive-markjs',
    description: `Crossread paint ≥ ${NAIVE_SPEEDUP}× faster than one mark.js call per alias (pages measured in full)`,
    pass: naivePages.length >= 3 && slowerThanGoal.length === 0,
    details: [
      ...(naivePages.length < 3
        ? [`only ${naivePages.length} page(s) measured in full; the goal needs at least 3`]
        : []),
      ...naivePages.map(
        (page) =>
          `${page.name}: ${format(ms(page.markNaive) / ms(page.paint))}× (naive ${format(ms(page.markNaive))} ms, paint ${format(ms(page.paint))} ms)`,
      ),
    ],
  });

  const pagesWithPaint = report.pages.filter((page) => page.paint.length > 0);
  const paintLongest = (page: PageReport) => longestTask(page.paint);
  const extensionLongest = (page: PageReport) => page.extension?.work?.longestTaskMs ?? 0;
  const measuredExtension = report.pages.filter((page) => page.extension?.work);
  const overLimit = (pages: readonly PageReport[], longest: (page: PageReport) => number) => {
    const over = pages.filter((page) => longest(page) > TASK_LIMIT_MS);
    const list = over.map((page) => `${page.name} ${format(longest(page))}`).join(', ');
    return { count: over.length, note: over.length > 0 ? ` (over ${TASK_LIMIT_MS} ms on ${list})` : '' };
  };
  const paintOver = overLimit(pagesWithPaint, paintLongest);
  const extensionOver = overLimit(measuredExtension, extensionLongest);
  goals.push({
    id: 'no-long-task',
    description: `no task over ${TASK_LIMIT_MS} ms from Crossread on any page, the huge page included`,
    pass: pagesWithPaint.length > 0 && paintOver.count === 0 && extensionOver.count === 0,
    details: [
      `in-page paint, longest task of any load: ${format(max(pagesWithPaint.map(paintLongest)))} ms${paintOver.note}`,
      measuredExtension.length > 0
        ? `built extension, longest task running its code: ${format(max(measuredExtension.map(extensionLongest)))} ms${extensionOver.note}`
        : `built extension not measured: ${report.extensionSkipped ?? 'no traced work'}`,
    ],
  });

  const fewest = report.scaling[0];
  const most = report.scaling[report.scaling.length - 1];
  const ratio = fewest && most ? ms(most.samples) / ms(fewest.samples) : Number.NaN;
  goals.push({
    id: 'alias-scaling',
    description: `scan with ${most?.aliases.toLocaleString('en-US')} aliases within ${SCALING_FACTOR}× the time with ${fewest?.aliases.toLocaleString('en-US')} (${report.settings.scalingPage})`,
    pass: ratio <= SCALING_FACTOR,
    details: report.scaling.map(
      (row) =>
        `${row.aliases.toLocaleString('en-US')} aliases: scan ${format(ms(row.samples))} ms (${format(ms(row.samples) / ms(fewest?.samples ?? []))}×), compile ${format(median(row.samples.map((sample) => sample.compileMs ?? Number.NaN)))} ms`,
    ),
  });

  // The goal: the bundled dataset ready to match in under 5 ms, "compiled form
  // reused, not rebuilt per page". The content script loads the form compiled
  // at build time, so that load is what is checked; compiling from scratch is
  // reported beside it (it is what a dataset the user installed costs today).
  const loadMs = ms(report.matcherLoad);
  goals.push({
    id: 'compile-time',
    description: `bundled dataset ready to match (precompiled matcher loaded) in under ${COMPILE_LIMIT_MS} ms in a fresh page`,
    pass: loadMs < COMPILE_LIMIT_MS,
    details: [
      `precompiled matcher load: median ${loadMs.toFixed(2)} ms over ${report.matcherLoad.length} fresh pages`,
      `compileMatcher from the dataset (not reused): median ${ms(report.compile).toFixed(2)} ms (${report.compile[0]?.aliases} aliases)`,
    ],
  });
  return goals;
}

function table(header: readonly string[], rows: readonly string[][]): string {
  const widths = header.map((title, column) =>
    Math.max(title.length, ...rows.map((row) => (row[column] ?? '').length)),
  );
  // Markdown: aligned for the terminal, and pasted as is into docs/performance.md.
  const line = (cells: readonly string[]) =>
    `| ${cells.map((cell, column) => (column === 0 ? cell.padEnd(widths[column] ?? 0) : cell.padStart(widths[column] ?? 0))).join(' | ')} |`;
  const rule = `|${widths.map((width, column) => (column === 0 ? `:${'-'.repeat(width + 1)}` : `${'-'.repeat(width + 1)}:`)).join('|')}|`;
  return [line(header), rule, ...rows.map(line)].join('\n');
}

export function renderTable(report: BenchReport): string {
  const header = [
    'page',
    'HTML KB',
    'text chars',
    'floor',
    'paint',
    'paint busy',
    'paint/floor',
    'wrap',
    'mark.js RegExp',
    'mark.js per alias',
    'naive/paint',
    'longest task',
    'mentions',
    'ext. total',
    'ext. longest',
  ];
  const rows = report.pages.map((page) => {
    const work = page.extension?.work;
    return [
      page.name,
      format(page.htmlBytes / 1024),
      format(page.floor[0]?.characters ?? Number.NaN),
      format(ms(page.floor)),
      format(ms(page.paint)),
      format(median(page.paint.map((sample) => sample.busyMs))),
      `${(ms(page.paint) / ms(page.floor)).toFixed(1)}×`,
      format(ms(page.wrap)),
      format(ms(page.markCombined)),
      naiveCell(page),
      naiveSpeedupCell(page),
      format(longestTask(page.paint)),
      String(median(page.paint.map((sample) => sample.found))),
      work ? format(work.taskMs) : '–',
      work ? format(work.longestTaskMs) : '–',
    ];
  });
  const scaling = table(
    ['aliases', 'scan', '×fewest', 'compile', 'mentions', 'longest task'],
    report.scaling.map((row) => [
      row.aliases.toLocaleString('en-US'),
      format(ms(row.samples)),
      `${(ms(row.samples) / ms(report.scaling[0]?.samples ?? [])).toFixed(2)}×`,
      format(median(row.samples.map((sample) => sample.compileMs ?? Number.NaN))),
      String(median(row.samples.map((sample) => sample.found))),
      format(longestTask(row.samples)),
    ]),
  );
  return [
    `Crossread bench — ${report.generatedAt}, commit ${report.commit.slice(0, 10)}` +
      (report.uncommittedEngineChanges.length > 0 ? ' (+ uncommitted engine changes)' : ''),
    `${report.browser}; ${report.machine.cpus} × ${report.machine.model}`,
    `Times in ms, median of ${report.settings.repetitions} fresh loads. "paint busy": main-thread time in tasks while paint ran (the rest it yielded); "longest task": the longest of any paint load.`,
    `mark.js per alias: in full on ${report.settings.naiveFullPages.join(', ') || 'no page'}; elsewhere one load with a ${report.settings.naiveBudgetMs} ms budget, ">time (aliases done/total)" is a lower bound.`,
    '',
    table(header, rows),
    '',
    `Scaling on ${report.settings.scalingPage} (scan only, no highlighting):`,
    scaling,
    '',
    `Bundled dataset in a fresh page: compileMatcher ${format(ms(report.compile))} ms, precompiled matcher load ${format(ms(report.matcherLoad))} ms (medians of ${report.compile.length})` +
      (report.extensionSkipped ? `\nBuilt extension not measured: ${report.extensionSkipped}` : ''),
  ].join('\n');
}

export function renderGoals(report: BenchReport): string {
  return report.goals
    .map((goal) =>
      [`${goal.pass ? 'PASS' : 'FAIL'}  ${goal.description}`, ...goal.details.map((detail) => `      ${detail}`)].join(
        '\n',
      ),
    )
    .join('\n');
}
