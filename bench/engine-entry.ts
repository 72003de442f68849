/**
 * Bundled into one IIFE (bench/build-engine.ts) and injected into each bench
 * page: installs `window.crossreadBench`. Runs in the page, so it may only use
 * DOM APIs; all engine calls go through bench/engine-adapter.ts.
 */
import {
  type CrossreadBench,
  type FloorResult,
  type MarkJsResult,
  type RunTiming,
  TRACE_RUN_END,
  TRACE_RUN_START,
} from './bench-api';
import {
  bundledEntities,
  compileEntities,
  highlightPage,
  loadBundledMatcher,
  type RenderMode,
  scanPage,
} from './engine-adapter';
import { aliasTotal, entitiesWithAliasCount } from './synthetic-entities';

const LONG_TASK_MS = 50;

function nextMacrotask(): Promise<void> {
  return new Promise((done) => setTimeout(done, 0));
}

function nextFrame(): Promise<void> {
  return new Promise((done) => requestAnimationFrame(() => done()));
}

/**
 * Runs `work` in a task of its own (a timer, like a content script's work
 * would be, not inside the DevTools protocol call that asked for it) and
 * times it. Long tasks are collected while it runs so a synchronous engine
 * shows up as one long task and a time-sliced one as many short ones.
 */
async function measure<T>(work: () => T | Promise<T>): Promise<{ value: T; timing: RunTiming }> {
  const longTasks: PerformanceEntry[] = [];
  const observer = new PerformanceObserver((list) => longTasks.push(...list.getEntries()));
  observer.observe({ type: 'longtask' });
  const { value, start, end } = await new Promise<{ value: T; start: number; end: number }>((done, fail) => {
    setTimeout(async () => {
      try {
        performance.mark(TRACE_RUN_START);
        const start = performance.now();
        const value = await work();
        const end = performance.now();
        performance.mark(TRACE_RUN_END);
        done({ value, start, end });
      } catch (error) {
        fail(error);
      }
    }, 0);
  });
  // Long task entries arrive after their task ends; a frame and a task later they all have.
  await nextFrame();
  await nextMacrotask();
  longTasks.push(...observer.takeRecords());
  observer.disconnect();
  const during = longTasks.filter(
    (task) => task.duration >= LONG_TASK_MS && task.startTime < end && task.startTime + task.duration > start,
  );
  return {
    value,
    timing: {
      ms: end - start,
      longestLongTaskMs: Math.max(0, ...during.map((task) => task.duration)),
      longTaskCount: during.length,
    },
  };
}

const bundled = bundledEntities();
const kindById = new Map(bundled.map((entity) => [entity.id, entity.kind]));
const kindOf = (entityId: string) => kindById.get(entityId) ?? 'mention';
let clearShown: (() => void) | undefined;

async function highlight(mode: RenderMode) {
  clearShown?.();
  const loadStart = performance.now();
  const matcher = loadBundledMatcher();
  const matcherMs = performance.now() - loadStart;
  const { value: mentions, timing } = await measure(async () => {
    const shown = await highlightPage(mode, document.body, matcher, kindOf);
    clearShown = shown.clear;
    return shown.mentions;
  });
  return { ...timing, mentions, matcherMs };
}

function markJs(): NonNullable<Window['Mark']> {
  if (!window.Mark) throw new Error('mark.js is not injected in this page');
  return window.Mark;
}

/** mark.js reports completion through `done`; wrapping it keeps the bench right if that ever becomes asynchronous. */
function markOnce(term: string, caseSensitive: boolean): Promise<number> {
  const Mark = markJs();
  return new Promise((done) =>
    new Mark(document.body).mark(term, { separateWordSearch: false, accuracy: 'exactly', caseSensitive, done }),
  );
}

// Only syntax characters: under the `u` flag an escaped "-" is an invalid escape.
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

/**
 * Every alias in one alternation, longest first so "South Sudan" wins over
 * "Sudan". Case-insensitive aliases sit in `(?i:…)` modifier groups, so one
 * expression keeps each alias's own case rule; the lookarounds stop "Peru"
 * matching inside "Perugia".
 */
function combinedAliasPattern(): RegExp {
  const aliases = bundled.flatMap((entity) => entity.aliases);
  const unique = new Map(aliases.map((alias) => [`${alias.caseSensitive}:${alias.text}`, alias]));
  const alternatives = [...unique.values()]
    .sort((a, b) => b.text.length - a.text.length)
    .map((alias) => (alias.caseSensitive ? escapeRegExp(alias.text) : `(?i:${escapeRegExp(alias.text)})`));
  return new RegExp(`(?<![\\p{L}\\p{M}\\p{N}_])(?:${alternatives.join('|')})(?![\\p{L}\\p{M}\\p{N}_])`, 'gu');
}

const bench: CrossreadBench = {
  async settle() {
    await nextFrame();
    await nextFrame();
    await nextMacrotask();
    window.gc?.();
    await nextMacrotask();
  },

  async floor(): Promise<FloorResult> {
    const { value, timing } = await measure(() => {
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      const texts: string[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) texts.push(node.nodeValue ?? '');
      return texts;
    });
    return { ...timing, textNodes: value.length, characters: value.reduce((sum, text) => sum + text.length, 0) };
  },

  paint: () => highlight('paint'),
  wrap: () => highlight('wrap'),

  clear() {
    clearShown?.();
    clearShown = undefined;
  },

  async loadMatcher() {
    const start = performance.now();
    loadBundledMatcher();
    return { ms: performance.now() - start, aliases: aliasTotal(bundled), entities: bundled.length };
  },

  async compile() {
    const start = performance.now();
    compileEntities(bundled);
    const ms = performance.now() - start;
    return { ms, aliases: aliasTotal(bundled), entities: bundled.length };
  },

  async scanWith(aliasCount, compileFirst) {
    // Every size is compiled in every load, in the same order, so the scans
    // differ only in the matcher they use. Compiling only the size scanned
    // made the 30,000-alias scan faster than the 300-alias one, presumably
    // because the bigger compile warmed up more of the engine's code.
    let compiled: ReturnType<typeof compileEntities> | undefined;
    let compileMs = Number.NaN;
    let aliases = 0;
    for (const count of [...compileFirst, aliasCount].filter((count, index, all) => all.indexOf(count) === index)) {
      const entities = entitiesWithAliasCount(bundled, count);
      const start = performance.now();
      const matcher = compileEntities(entities);
      if (count === aliasCount) {
        compileMs = performance.now() - start;
        compiled = matcher;
        aliases = aliasTotal(entities);
      }
    }
    if (!compiled) throw new Error('no matcher compiled');
    const matcher = compiled;
    // The matchers not used are garbage now; collect it before the scan rather than during it.
    window.gc?.();
    const { value, timing } = await measure(() => scanPage(document.body, matcher));
    return { ...timing, mentions: value, aliases, compileMs };
  },

  async markNaive(budgetMs): Promise<MarkJsResult> {
    const aliases = bundled.flatMap((entity) => entity.aliases);
    let aliasesDone = 0;
    const { value: marks, timing } = await measure(async () => {
      const start = performance.now();
      let total = 0;
      for (const alias of aliases) {
        if (performance.now() - start > budgetMs) break;
        total += await markOnce(alias.text, alias.caseSensitive);
        aliasesDone++;
      }
      return total;
    });
    return { ...timing, marks, aliasesDone, aliasesTotal: aliases.length, complete: aliasesDone === aliases.length };
  },

  async markCombined(): Promise<MarkJsResult> {
    const Mark = markJs();
    const pattern = combinedAliasPattern();
    const aliasesTotal = bundled.reduce((sum, entity) => sum + entity.aliases.length, 0);
    const { value: marks, timing } = await measure(
      () => new Promise<number>((done) => new Mark(document.body).markRegExp(pattern, { done })),
    );
    return { ...timing, marks, aliasesDone: aliasesTotal, aliasesTotal, complete: true };
  },
};

window.crossreadBench = bench;
