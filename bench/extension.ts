import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';
import { launchExtensionBrowser, load, newTab } from './browser';
import type { BenchPage } from './pages';
import type { PageServer } from './server';
import { type ExtensionWork, SCRIPT_CATEGORIES, startTrace, summariseExtensionWork } from './trace';

export const EXTENSION_DIR = resolve('.output/chrome-mv3');

// What ends up in the build, as tests/e2e/fixtures.ts lists it: a build older
// than any of these would measure code that is no longer the extension's.
const SOURCE_PATHS = ['entrypoints', 'components', 'lib', 'page', 'extension', 'assets', 'wxt.config.ts'];

function newestChange(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newestChange(join(path, name))));
}

/** Why the built extension cannot be measured, or undefined when it can. */
export function extensionBuildProblem(): string | undefined {
  const manifest = join(EXTENSION_DIR, 'manifest.json');
  if (!existsSync(manifest)) return `no build in ${EXTENSION_DIR} (run \`npm run build:chrome\` first)`;
  const newestSource = Math.max(...SOURCE_PATHS.filter((path) => existsSync(path)).map(newestChange));
  if (statSync(manifest).mtimeMs < newestSource) {
    return `the build in ${EXTENSION_DIR} is older than the sources (run \`npm run build:chrome\` first)`;
  }
  return undefined;
}

const POLL_MS = 200;
const QUIET_MS = 1_000;
const GIVE_UP_MS = 60_000;

function paintedCount(page: Page): Promise<number> {
  return page.evaluate(() => {
    let count = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (name.startsWith('crossread-')) count += highlight.size;
    });
    return count;
  });
}

/**
 * Waits until the content script has painted and stopped adding highlights
 * for QUIET_MS. Its scan is time-sliced and paints block by block, so "some
 * highlights" is not "done".
 */
async function waitForHighlightsToSettle(page: Page): Promise<number> {
  const started = Date.now();
  let last = -1;
  let lastChange = Date.now();
  while (Date.now() - started < GIVE_UP_MS) {
    const count = await paintedCount(page);
    if (count !== last) {
      last = count;
      lastChange = Date.now();
    } else if (count > 0 && Date.now() - lastChange >= QUIET_MS) {
      return count;
    }
    await new Promise((done) => setTimeout(done, POLL_MS));
  }
  return last;
}

export interface ExtensionPageResult {
  page: string;
  highlights: number;
  work: ExtensionWork | undefined;
}

/**
 * Loads each page once in a browser with the built extension, tracing from
 * before navigation until its highlights settle, and attributes main-thread
 * tasks to the content script (bench/trace.ts).
 */
export async function measureExtension(
  pages: readonly BenchPage[],
  server: PageServer,
  log: (line: string) => void,
): Promise<{ results: ExtensionPageResult[]; leakedRequests: string[] }> {
  const browser = await launchExtensionBrowser(EXTENSION_DIR);
  try {
    // The service worker starts the dataset store; let it come up before the first page.
    if (browser.context.serviceWorkers().length === 0) await browser.context.waitForEvent('serviceworker');
    // Like the in-page runs, the first load after launch is thrown away: it
    // compiles the content script with no code cache, which later pages reuse.
    const warmUp = await newTab(browser.context);
    const firstPage = pages[0];
    if (firstPage) {
      await load(warmUp, server.urlOf(firstPage));
      await waitForHighlightsToSettle(warmUp);
    }
    await warmUp.close();
    const results: ExtensionPageResult[] = [];
    for (const page of pages) {
      // Tracing starts on a blank tab, so the content script's whole run after navigation is in the trace.
      const tab = await newTab(browser.context);
      const tracer = await startTrace(tab, SCRIPT_CATEGORIES);
      await load(tab, server.urlOf(page));
      const highlights = await waitForHighlightsToSettle(tab);
      const work = summariseExtensionWork(await tracer.stop());
      await tab.close();
      results.push({ page: page.name, highlights, work });
      log(
        `extension ${page.name}: ${highlights} highlights, ` +
          (work
            ? `${work.taskMs.toFixed(1)} ms in ${work.taskCount} tasks, longest ${work.longestTaskMs.toFixed(1)} ms ` +
              `(${work.longestTaskEvents.slice(0, 3).join(', ')})`
            : 'no work traced'),
      );
    }
    return { results, leakedRequests: browser.leakedRequests() };
  } finally {
    await browser.close();
  }
}
