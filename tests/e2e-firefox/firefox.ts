import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { firefoxPath } from '../../scripts/firefox-path.mjs';
import { assertFreshBuild } from '../e2e/build-freshness';
import { type PaintedHighlight, readPaintedHighlights } from '../e2e/highlights';

// The Firefox e2e suite: Debian's Firefox ESR driven by puppeteer-core over
// WebDriver BiDi, with the unpacked Firefox build installed as a temporary
// add-on (what about:debugging's "Load Temporary Add-on" does).

export const firefoxExtensionDir = resolve('.output/firefox-mv3');

/** The gecko id in wxt.config.ts. */
export const ADDON_ID = 'crossread@crossread.dev';

/**
 * Firefox gives every installed add-on a random UUID for its moz-extension://
 * origin; pinning it lets the suite open the extension's pages, and keeps the
 * origin (and so the extension's storage) the same when a restarted browser
 * installs the add-on again, as a permanently installed add-on keeps its UUID.
 */
export const ADDON_UUID = 'c7055ead-0000-4000-8000-00000000c5ad';
export const extensionOrigin = `moz-extension://${ADDON_UUID}`;

const PREFS: Record<string, string | number | boolean> = {
  'extensions.webextensions.uuids': JSON.stringify({ [ADDON_ID]: ADDON_UUID }),
  // No network here: every request not for 127.0.0.1 goes to a closed local port and fails at once.
  'network.proxy.type': 1,
  'network.proxy.http': '127.0.0.1',
  'network.proxy.http_port': 9,
  'network.proxy.ssl': '127.0.0.1',
  'network.proxy.ssl_port': 9,
  'network.proxy.no_proxies_on': '127.0.0.1',
  'network.proxy.allow_hijacking_localhost': false,
};

export interface Firefox {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Starts headless Firefox with Crossread installed. With `profile`, Firefox
 * uses (and keeps) that profile directory; otherwise a fresh one that is
 * removed on close.
 */
export async function launchFirefox(options: { profile?: string } = {}): Promise<Firefox> {
  assertFreshBuild(firefoxExtensionDir, 'npm run test:firefox');
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    userDataDir: options.profile,
    extraPrefsFirefox: PREFS,
    // WebDriver BiDi refuses to navigate a tab to a moz-extension:// page without this switch (Firefox 138+).
    args: ['--remote-allow-system-access'],
  });
  try {
    const id = await browser.installExtension(firefoxExtensionDir);
    if (id !== ADDON_ID) throw new Error(`installed add-on has id ${id}, expected ${ADDON_ID}`);
  } catch (error) {
    await browser.close();
    throw error;
  }
  return { browser, close: () => browser.close() };
}

/** A profile directory that outlives one browser, for restart tests. */
export async function newProfileDir(): Promise<{ path: string; remove(): Promise<void> }> {
  const path = await mkdtemp(join(tmpdir(), 'crossread-firefox-profile-'));
  return { path, remove: () => rm(path, { recursive: true, force: true }) };
}

/** Problems the page reported: uncaught errors and console errors. */
export interface ErrorLog {
  readonly messages: string[];
}

/**
 * Firefox reports a Content-Security-Policy violation as a page error. One
 * for a file the page itself asked for from the test server (its stylesheet,
 * its favicon) is the policy at work, not a fault; one for anything
 * Crossread adds (an inline style, a moz-extension:// file) is kept.
 */
const PAGE_OWN_CSP_VIOLATION =
  /^Content-Security-Policy: .* at http:\/\/127\.0\.0\.1:\d+\/\S* (from being applied )?because /;

/**
 * What Firefox reports when a saved page's own resources cannot be had here
 * (no network; blob: URLs of the site the page was saved from): the browser's
 * doing, as Chromium's "Failed to load resource" is, not a script's.
 */
const BROWSER_NETWORK_NOISE =
  /^(Cross-Origin Request Blocked: .* at https?:\/\/(?!127\.0\.0\.1[:/])\S+ \(Reason: CORS request did not succeed\)|Security Error: Content at \S+ may not load data from blob:https?:\/\/(?!127\.0\.0\.1[:/]))/;

/** Records `page`'s uncaught errors and console errors in `log`. */
export function watchForErrors(page: Page, log: ErrorLog, label: string): void {
  page.on('pageerror', (error) => {
    const message = error instanceof Error ? error.message : String(error);
    if (PAGE_OWN_CSP_VIOLATION.test(message) || BROWSER_NETWORK_NOISE.test(message)) return;
    log.messages.push(`${label}: uncaught ${message}`);
  });
  page.on('console', (message) => {
    if (message.type() === 'error') log.messages.push(`${label}: console error ${message.text()}`);
  });
}

/** A new tab with `url` loaded, its errors recorded in `log`. */
export async function openPage(firefox: Firefox, url: string, log: ErrorLog): Promise<Page> {
  const page = await firefox.browser.newPage();
  watchForErrors(page, log, url);
  await page.goto(url, { waitUntil: 'load' });
  return page;
}

interface NavigableFrame {
  browsingContext: { navigate(url: string, wait: 'none' | 'interactive' | 'complete'): Promise<void> };
}

/**
 * A new tab showing one of Crossread's pages (`options.html`, `popup.html?…`).
 * Puppeteer's goto() waits for navigation events Firefox does not send when a
 * tab moves into the extension process, so the BiDi navigate command (which
 * itself waits for the load) is sent through the frame's browsing context.
 */
export async function openExtensionPage(firefox: Firefox, path: string, log: ErrorLog): Promise<Page> {
  const page = await firefox.browser.newPage();
  watchForErrors(page, log, path);
  const url = `${extensionOrigin}/${path}`;
  await (page.mainFrame() as unknown as NavigableFrame).browsingContext.navigate(url, 'complete');
  await waitFor(
    () => page.evaluate(() => location.href),
    (href) => href === url,
    `${url} to load`,
  );
  return page;
}

/** Everything Crossread painted in `page` (CSS.highlights entries named crossread-…). */
export function paintedHighlights(page: Page): Promise<PaintedHighlight[]> {
  return page.evaluate(readPaintedHighlights);
}

/** The names of the CSS.highlights entries Crossread registered in `page`. */
export async function paintedNames(page: Page): Promise<string[]> {
  return [...new Set((await paintedHighlights(page)).map((highlight) => highlight.name))].sort();
}

/**
 * Polls `read` until `done` accepts its value (returning it) or `timeoutMs`
 * passes (throwing with the last value seen).
 */
export async function waitFor<T>(
  read: () => Promise<T>,
  done: (value: T) => boolean,
  what: string,
  timeoutMs = 10_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (;;) {
    try {
      last = await read();
      if (done(last)) return last;
    } catch (error) {
      // A page still navigating has no document to evaluate in yet.
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = lastError === undefined ? JSON.stringify(last) : String(lastError);
      throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}; last seen: ${seen}`);
    }
    await new Promise((settle) => setTimeout(settle, 100));
  }
}

/** A response the test server sends for one path. */
export interface Route {
  body: string;
  headers?: Record<string, string>;
}

/**
 * Serves fixed responses on 127.0.0.1 (never another interface): `routes`
 * maps a path to its response; every other path is a 404.
 */
export async function serveRoutes(routes: (path: string) => Route | undefined) {
  const server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    const route = routes(path);
    if (!route) {
      response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
      return;
    }
    response
      .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', ...route.headers })
      .end(route.body);
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', () => done(undefined)));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('server has no TCP address');
  return {
    origin: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise<void>((done) => {
        server.close(() => done());
        server.closeAllConnections();
      }),
  };
}
