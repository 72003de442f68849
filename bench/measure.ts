import type { BrowserContext, Page } from '@playwright/test';
import { type CrossreadBench, type MarkJsResult, type RunTiming, TRACE_RUN_END, TRACE_RUN_START } from './bench-api';
import { load, newTab } from './browser';
import { startTrace, summariseRunTasks, TASK_CATEGORIES } from './trace';

export type Method = Run['method'];

/** One measurement in one fresh tab. */
export type Run =
  | { method: 'floor' | 'paint' | 'wrap' | 'markCombined' | 'compile' | 'loadMatcher' }
  | { method: 'markNaive'; budgetMs: number }
  | { method: 'scan'; aliasCount: number; compileFirst: readonly number[] };

export interface Sample {
  ms: number;
  /** Longest main-thread task from the run's start to a frame after its end, from a CDP trace (Crossread's runs only). */
  longestTaskMs: number;
  taskCount: number;
  /** Main-thread time in tasks while the run was under way (trace); `ms` minus this is time the run yielded. */
  busyMs: number;
  /** Tasks of 50 ms or more that the page's own longtask PerformanceObserver saw during the run. */
  longTaskCount: number;
  /** The longest of those, 0 if none: for the runs that are not traced. */
  longestLongTaskMs: number;
  /** Mentions (Crossread), marks (mark.js) or text nodes (floor). */
  found: number;
  /** Characters of text the floor collected. */
  characters?: number;
  /** compileMatcher time before a scan run (not part of `ms`). */
  compileMs?: number;
  /** Time to load the bundled matcher before a paint or wrap run (not part of `ms`). */
  matcherMs?: number;
  /** Aliases in the dataset the run used. */
  aliases?: number;
  /** mark.js per alias: how many it got through before its budget ran out. */
  aliasesDone?: number;
  complete?: boolean;
}

type PageSample = Omit<Sample, 'longestTaskMs' | 'taskCount' | 'busyMs'>;

function timing(result: RunTiming): Pick<Sample, 'ms' | 'longTaskCount' | 'longestLongTaskMs'> {
  return { ms: result.ms, longTaskCount: result.longTaskCount, longestLongTaskMs: result.longestLongTaskMs };
}

function markJsSample(result: MarkJsResult) {
  return {
    ...timing(result),
    found: result.marks,
    aliases: result.aliasesTotal,
    aliasesDone: result.aliasesDone,
    complete: result.complete,
  };
}

async function runInPage(tab: Page, run: Run): Promise<PageSample> {
  // Each callback runs in the page, serialised by Playwright: it may only use what the page has.
  switch (run.method) {
    case 'floor': {
      const result = await tab.evaluate(() => (window.crossreadBench as CrossreadBench).floor());
      return { ...timing(result), found: result.textNodes, characters: result.characters };
    }
    case 'paint':
    case 'wrap': {
      const result = await tab.evaluate(
        (mode) => (window.crossreadBench as CrossreadBench)[mode](),
        run.method satisfies 'paint' | 'wrap',
      );
      return { ...timing(result), found: result.mentions, matcherMs: result.matcherMs };
    }
    case 'markCombined': {
      return markJsSample(await tab.evaluate(() => (window.crossreadBench as CrossreadBench).markCombined()));
    }
    case 'markNaive': {
      return markJsSample(
        await tab.evaluate((budgetMs) => (window.crossreadBench as CrossreadBench).markNaive(budgetMs), run.budgetMs),
      );
    }
    case 'compile': {
      const result = await tab.evaluate(() => (window.crossreadBench as CrossreadBench).compile());
      return { ms: result.ms, longTaskCount: 0, longestLongTaskMs: 0, found: 0, aliases: result.aliases };
    }
    case 'loadMatcher': {
      const result = await tab.evaluate(() => (window.crossreadBench as CrossreadBench).loadMatcher());
      return { ms: result.ms, longTaskCount: 0, longestLongTaskMs: 0, found: 0, aliases: result.aliases };
    }
    case 'scan': {
      const result = await tab.evaluate(
        ([aliasCount, compileFirst]) => (window.crossreadBench as CrossreadBench).scanWith(aliasCount, compileFirst),
        [run.aliasCount, run.compileFirst] as const,
      );
      return { ...timing(result), found: result.mentions, compileMs: result.compileMs, aliases: result.aliases };
    }
  }
}

// Crossread's runs are traced to find their longest task; the others rely on
// the page's longtask observer, which saves a trace start and stop per load.
const TRACED_METHODS = new Set<Method>(['paint', 'wrap', 'scan']);

/**
 * Loads `url` in a new tab with the engine bundle and mark.js (every load
 * gets both, so every method measures the same document), waits until it has
 * rendered and is idle, then performs `run`, under a CDP trace of its tasks
 * when it is one of Crossread's.
 */
export async function measureOnce(
  context: BrowserContext,
  url: string,
  scripts: readonly string[],
  run: Run,
): Promise<Sample> {
  const tab = await newTab(context);
  try {
    await load(tab, url, scripts);
    await tab.evaluate(() => (window.crossreadBench as CrossreadBench).settle());
    const tracer = TRACED_METHODS.has(run.method) ? await startTrace(tab, TASK_CATEGORIES) : undefined;
    const result = await runInPage(tab, run);
    const tasks = tracer && summariseRunTasks(await tracer.stop(), TRACE_RUN_START, TRACE_RUN_END);
    return {
      ...result,
      longestTaskMs: tasks?.longestTaskMs ?? Number.NaN,
      taskCount: tasks?.taskCount ?? 0,
      busyMs: tasks?.busyMs ?? Number.NaN,
    };
  } finally {
    await tab.close();
  }
}
