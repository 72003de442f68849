import type { BrowserContext, Page, TestInfo, Worker } from '@playwright/test';
import {
  contentScriptThread,
  type ExtensionWork,
  SCRIPT_CATEGORIES,
  startTrace,
  summariseExtensionWork,
  type TraceEvent,
} from '../../bench/trace';
import { clickWord, openDemo, storeSettings } from './demo-page';
import { expect, test } from './fixtures';
import { centreOf } from './highlights';
import {
  deepNestingPage,
  manyTextNodesPage,
  paintedCount,
  serveHostilePage,
  waitForPaintingToSettle,
  waitForUiHost,
} from './hostile-pages';

// Hostile pages by size (issue 8, item 1): how long the content script holds
// the main thread on a huge page and a deep one, from a CDP trace taken as
// bench/extension.ts takes it.

/** The longest main-thread task the content script may cause: a long task, as the Long Tasks API counts them. */
const LONG_TASK_MS = 50;

/** A trace event with its thread time (CPU time of the thread, µs), which CDP traces carry beside the wall time. */
type TimedEvent = TraceEvent & { tdur?: number };

interface Longest {
  wallMs: number;
  cpuMs: number;
}

/** How long the page's main thread was busy from the content script's start: its script tasks and its rendering frames. */
interface MainThreadWork {
  /** Tasks that render a frame (they contain PrePaint): the browser drawing the page and the highlights added to it. */
  frames: Longest & { count: number };
  /**
   * Every other task: on these pages, which run no script after they are
   * built, that is the content script (its start-up, then the scan's slices,
   * which resume after `scheduler.yield()` in microtask checkpoints that
   * carry no script URL, so summariseExtensionWork does not see them) and
   * the test's own short reads.
   */
  scripts: Longest & { count: number };
}

const TASK = 'ThreadControllerImpl::RunTask';
const CHECKPOINT = 'BlinkScheduler_PerformMicrotaskCheckpoint';

/**
 * Main-thread tasks on the content script's thread from its first event on (or from `from`),
 * with wall and thread time. Thread time is what the test holds to the 50 ms
 * budget: the wall time of a task stretches when other processes take the CPU
 * (this suite shares its machine), while its thread time does not. A
 * checkpoint that starts as a task ends belongs to that task, as in
 * bench/trace.ts.
 */
function mainThreadWork(events: readonly TimedEvent[], from?: number): MainThreadWork {
  const thread = contentScriptThread(events);
  if (!thread) throw new Error('the trace has no content script');
  const onThread = events
    .filter((event) => event.ph === 'X' && event.pid === thread.pid && event.tid === thread.tid)
    .sort((a, b) => a.ts - b.ts);
  const start = from ?? onThread.find((event) => event.args?.data?.url?.startsWith('chrome-extension://'))?.ts ?? 0;
  const tasks: Array<{ ts: number; end: number; wall: number; cpu: number; frame: boolean }> = [];
  for (const unit of onThread) {
    if (unit.ts < start || (unit.name !== TASK && unit.name !== CHECKPOINT)) continue;
    const last = tasks[tasks.length - 1];
    const unitEnd = unit.ts + (unit.dur ?? 0);
    if (last && unit.ts < last.end) continue; // nested in the task already counted
    if (last && unit.name === CHECKPOINT && unit.ts - last.end <= 100) {
      last.wall += unitEnd - last.end;
      last.cpu += unit.tdur ?? 0;
      last.end = unitEnd;
      continue;
    }
    tasks.push({ ts: unit.ts, end: unitEnd, wall: unit.dur ?? 0, cpu: unit.tdur ?? 0, frame: false });
  }
  let taskIndex = 0;
  for (const event of onThread) {
    if (event.name !== 'PrePaint') continue;
    while (taskIndex < tasks.length && (tasks[taskIndex]?.end ?? 0) < event.ts) taskIndex++;
    const task = tasks[taskIndex];
    if (task && task.ts <= event.ts) task.frame = true;
  }
  const longest = (frame: boolean) => {
    const kind = tasks.filter((task) => task.frame === frame);
    return {
      count: kind.length,
      wallMs: Math.max(0, ...kind.map((task) => task.wall)) / 1000,
      cpuMs: Math.max(0, ...kind.map((task) => task.cpu)) / 1000,
    };
  };
  return { frames: longest(true), scripts: longest(false) };
}

/**
 * Loads `html` in a fresh tab with a trace running, waits for the highlights
 * to settle, and measures the main thread's work. As in the bench, demo
 * articles are loaded first and thrown away: the browser's first pages compile
 * the content script with no code cache (180–200 ms here, whatever the page),
 * which the later ones reuse.
 */
async function loadTraced(
  context: BrowserContext,
  demoOrigin: string,
  name: string,
  html: string,
): Promise<{ page: Page; painted: number; work: MainThreadWork; extension: ExtensionWork | undefined }> {
  for (let i = 0; i < 2; i++) {
    const warmUp = await context.newPage();
    await openDemo(warmUp, demoOrigin);
    await warmUp.close();
  }
  const page = await context.newPage();
  const url = await serveHostilePage(page, demoOrigin, name, html);
  // Tracing starts on the blank tab, so the content script's whole run after navigation is in the trace.
  const tracer = await startTrace(page, SCRIPT_CATEGORIES);
  await page.goto(url);
  const painted = await waitForPaintingToSettle(page);
  const events = await tracer.stop();
  return { page, painted, work: mainThreadWork(events), extension: summariseExtensionWork(events) };
}

function report(
  testInfo: TestInfo,
  label: string,
  painted: number,
  work: MainThreadWork,
  extension: ExtensionWork | undefined,
): void {
  const ms = (value: number) => value.toFixed(1);
  const line =
    `${label}: ${painted} highlights; longest script task ${ms(work.scripts.cpuMs)} ms CPU ` +
    `(${ms(work.scripts.wallMs)} ms wall) of ${work.scripts.count}; longest frame ${ms(work.frames.cpuMs)} ms CPU ` +
    `(${ms(work.frames.wallMs)} ms wall) of ${work.frames.count}; bench attribution: longest extension task ` +
    `${ms(extension?.longestTaskMs ?? 0)} ms wall (${extension?.longestTaskEvents.slice(0, 2).join(', ') ?? 'none'})`;
  testInfo.annotations.push({ type: 'longest task', description: line });
  console.log(line);
}

/**
 * Turns Crossread on for `page`, already open and laid out with Crossread off, with a trace running, and
 * measures the main thread's work until the highlights settle: every frame in it is one the highlights
 * caused, with none of the page's own first layout in it.
 */
async function traceTurningOn(page: Page, serviceWorker: Worker): Promise<{ painted: number; work: MainThreadWork }> {
  const tracer = await startTrace(page, SCRIPT_CATEGORIES);
  await storeSettings(serviceWorker, {});
  const painted = await waitForPaintingToSettle(page);
  const events = await tracer.stop();
  // From the trace's start: the scan resumes in microtask checkpoints that carry no script URL, and the
  // settings change reaches the content script in an event that carries none either.
  return { painted, work: mainThreadWork(events, 0) };
}

test('200,000 text nodes: every name highlighted, no extension task over 50 ms, no errors', async ({
  context,
  demoOrigin,
  errors,
}, testInfo) => {
  const paragraphs = 10_000;
  const nameEvery = 10;
  const { page, painted, work, extension } = await loadTraced(
    context,
    demoOrigin,
    'many-nodes.html',
    manyTextNodesPage(paragraphs, 20, nameEvery),
  );
  const textNodes = await page.evaluate(() => {
    const walker = document.createTreeWalker(document.getElementById('many') ?? document.body, NodeFilter.SHOW_TEXT);
    let count = 0;
    while (walker.nextNode()) count++;
    return count;
  });
  expect(textNodes).toBe(200_000);
  report(testInfo, '200,000 text nodes', painted, work, extension);
  expect(painted).toBe(paragraphs / nameEvery);
  expect(work.scripts.cpuMs).toBeLessThan(LONG_TASK_MS);
  await waitForUiHost(page);
  await clickWord(page, '#many p:nth-of-type(9001)', 'Rwanda');
  await expect(page.getByRole('dialog', { name: 'Rwanda' })).toBeVisible();
  expect(errors.messages).toEqual([]);
});

test('200,000 text nodes: the frames that draw 1,000 highlights each take under 50 ms', async ({
  context,
  demoOrigin,
  serviceWorker,
  errors,
}, testInfo) => {
  // On load, the longest frame is the browser's own first layout of 200,000 nodes (72-103 ms of CPU with
  // Crossread off as on), into which no extension can help. So the page is opened and laid out with Crossread
  // off, then Crossread is turned on in the options, and the open tab highlights itself: every frame traced
  // from then on draws highlights and nothing else.
  await storeSettings(serviceWorker, { enabled: false });
  const page = await context.newPage();
  await page.goto(await serveHostilePage(page, demoOrigin, 'many-nodes.html', manyTextNodesPage(10_000, 20, 10)));
  await waitForUiHost(page);
  await page.waitForTimeout(1_000);
  const { painted, work } = await traceTurningOn(page, serviceWorker);
  report(testInfo, '200,000 text nodes, turned on when open', painted, work, undefined);
  expect(painted).toBe(1_000);
  expect(work.frames.count).toBeGreaterThan(0);
  expect(work.frames.cpuMs).toBeLessThan(LONG_TASK_MS);
  expect(work.scripts.cpuMs).toBeLessThan(LONG_TASK_MS);
  expect(errors.messages).toEqual([]);
});

test('200,000 text nodes with 10,000 names: only those near the viewport are registered, scrolling paints the rest', async ({
  context,
  demoOrigin,
  serviceWorker,
  openPopupFor,
  errors,
}, testInfo) => {
  // A name in every paragraph. Registered all at once, each frame that drew them took 170 ms of CPU here;
  // above 1,000 mentions only the blocks within a screenful of the viewport are registered.
  await storeSettings(serviceWorker, { enabled: false });
  const page = await context.newPage();
  await page.goto(await serveHostilePage(page, demoOrigin, 'every-paragraph.html', manyTextNodesPage(10_000, 20, 1)));
  await waitForUiHost(page);
  await page.waitForTimeout(1_000);
  const { painted, work } = await traceTurningOn(page, serviceWorker);
  report(testInfo, '200,000 text nodes, 10,000 names, turned on when open', painted, work, undefined);
  expect(painted).toBeGreaterThan(0);
  expect(painted).toBeLessThan(500);
  // Not yet under 50 ms at this size (docs/reliability.md): 52-56 ms frames and 44-49 ms script tasks here,
  // where every range registered at once gave 170 ms frames. The bound catches a return to that.
  expect(work.frames.cpuMs).toBeLessThan(2 * LONG_TASK_MS);
  expect(work.scripts.cpuMs).toBeLessThan(2 * LONG_TASK_MS);
  // Every name was found: the popup counts all 10,000.
  const popup = await openPopupFor(page);
  await expect(popup.getByTestId('mention-total')).toHaveAttribute('data-count', '10000');
  await popup.close();
  // The last paragraph is far below: painted once the reader scrolls to it, and its card opens.
  const lastParagraphPainted = () =>
    page.evaluate(() => {
      const last = document.querySelector('#many p:last-of-type');
      let found = false;
      CSS.highlights.forEach((highlight, name) => {
        if (!name.startsWith('crossread-')) return;
        for (const range of highlight) if (last?.contains(range.startContainer)) found = true;
      });
      return found;
    });
  expect(await lastParagraphPainted()).toBe(false);
  await page.evaluate(() => document.querySelector('#many p:last-of-type')?.scrollIntoView({ block: 'center' }));
  await expect.poll(lastParagraphPainted).toBe(true);
  expect(await paintedCount(page)).toBeLessThan(500);
  expect(errors.messages).toEqual([]);
});

test('5,000-deep nesting: no stack overflow, every name highlighted, no extension task over 50 ms, the card opens at the bottom', async ({
  context,
  demoOrigin,
  errors,
}, testInfo) => {
  const depth = 5_000;
  const every = 250;
  const { page, painted, work, extension } = await loadTraced(
    context,
    demoOrigin,
    'deep.html',
    deepNestingPage(depth, every),
  );
  expect(await page.evaluate(() => document.querySelectorAll('body *:not(crossread-ui)').length)).toBe(depth + 1);
  report(testInfo, '5,000-deep nesting', painted, work, extension);
  // Two names every `every` levels, and one at the bottom.
  expect(painted).toBe((depth / every) * 2 + 1);
  expect(work.scripts.cpuMs).toBeLessThan(LONG_TASK_MS);
  await waitForUiHost(page);
  // Scrolled with the DOM's own call: Playwright's scrollIntoViewIfNeeded takes 9 s at this depth.
  await page.evaluate(() => document.getElementById('bottom')?.scrollIntoView({ block: 'center' }));
  const point = await centreOf(page, '#bottom', 'Nduhungirehe');
  await page.mouse.click(point.x, point.y);
  await expect(page.getByRole('dialog', { name: 'Olivier Nduhungirehe' })).toBeVisible();
  expect(errors.messages).toEqual([]);
});
