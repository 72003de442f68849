import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import type { WxtBrowser } from 'wxt/browser';
import { firefoxPath } from '../../scripts/firefox-path.mjs';
import { assertFreshBuild } from '../e2e/build-freshness';
import { isNameHighlight, type PaintedHighlight, readPaintedHighlights, wordCentre } from '../e2e/highlights';

// The Firefox e2e suite: Debian's Firefox ESR driven by puppeteer-core over
// WebDriver BiDi, with the unpacked Firefox build installed as a temporary
// add-on (what about:debugging's "Load Temporary Add-on" does).

// Callbacks evaluated in Crossread's extension pages run where Firefox's `browser` exists.
declare const browser: WxtBrowser;

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
export async function launchFirefox(options: { profile?: string; downloads?: string } = {}): Promise<Firefox> {
  assertFreshBuild(firefoxExtensionDir, 'npm run test:firefox');
  // With `downloads`, a download is saved in that directory without a dialog, and without the Downloads
  // panel, which Firefox otherwise opens over the window: it takes the focus from every tab, and a tab
  // without focus gets keys but fires no blur or change events (a site list typed then would not save).
  const downloadPrefs = options.downloads
    ? {
        'browser.download.folderList': 2,
        'browser.download.dir': options.downloads,
        'browser.download.useDownloadDir': true,
        'browser.download.alwaysOpenPanel': false,
      }
    : {};
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath: firefoxPath,
    headless: true,
    userDataDir: options.profile,
    extraPrefsFirefox: { ...PREFS, ...downloadPrefs },
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

/** Where an extension page keeps the errors it reported (see openExtensionPage). */
const EXTENSION_ERRORS = '__crossreadE2eErrors';

/**
 * A new tab showing one of Crossread's pages (`options.html`, `popup.html?…`).
 * Puppeteer's goto() waits for navigation events Firefox does not send when a
 * tab moves into the extension process, so the BiDi navigate command (which
 * itself waits for the load) is sent through the frame's browsing context.
 *
 * Firefox's WebDriver BiDi sends no events for extension documents (log
 * entries included: "extension contexts until we support debugging
 * webextensions", bug 1755014), so watchForErrors sees nothing from such a
 * page. Once it has loaded, the page records its own uncaught errors,
 * unhandled rejections and console errors; extensionPageErrors() copies them
 * into the log. Errors during the page's load are not seen.
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
  await page.evaluate((key) => {
    const seen: string[] = [];
    (globalThis as Record<string, unknown>)[key] = seen;
    addEventListener('error', (event) => seen.push(`uncaught ${event.message}`));
    addEventListener('unhandledrejection', (event) => seen.push(`unhandled rejection ${String(event.reason)}`));
    const original = console.error.bind(console);
    console.error = (...args: unknown[]) => {
      seen.push(`console error ${args.map(String).join(' ')}`);
      original(...args);
    };
  }, EXTENSION_ERRORS);
  return page;
}

/** Copies the errors an extension page (openExtensionPage) recorded so far into `log`. */
export async function extensionPageErrors(page: Page, log: ErrorLog): Promise<void> {
  const { path, seen } = await page.evaluate(
    (key) => ({ path: location.pathname, seen: (globalThis as Record<string, unknown>)[key] as string[] }),
    EXTENSION_ERRORS,
  );
  for (const message of seen) log.messages.push(`${path}: ${message}`);
}

/** Closes an extension page after copying its recorded errors into `log`. */
export async function closeExtensionPage(page: Page, log: ErrorLog): Promise<void> {
  await extensionPageErrors(page, log);
  await page.close();
}

/**
 * The extension's tab id for `page`, found from an extension page by the
 * tab's url, which Crossread may read because its content script's hosts are
 * granted (a match pattern cannot name the test server's port, so the urls
 * are compared here).
 */
export async function tabIdOf(firefox: Firefox, page: Page, log: ErrorLog): Promise<number> {
  const finder = await openExtensionPage(firefox, 'options.html', log);
  const tabId = await finder.evaluate(
    async (url) => (await browser.tabs.query({})).find((tab) => tab.url === url)?.id,
    page.url(),
  );
  await closeExtensionPage(finder, log);
  if (tabId === undefined) throw new Error(`no tab with ${page.url()}`);
  return tabId;
}

/** Whether a tab is gone (closed by its own script): Puppeteer's page list does not follow extension tabs. */
export function isGone(page: Page): Promise<boolean> {
  return page
    .evaluate(() => true)
    .then(
      () => false,
      (error: unknown) => /no such frame|not found/i.test(String(error)),
    );
}

/** Everything Crossread painted in `page` (CSS.highlights entries named crossread-…). */
export function paintedHighlights(page: Page): Promise<PaintedHighlight[]> {
  return page.evaluate(readPaintedHighlights);
}

/** The names of the CSS.highlights entries Crossread registered in `page` for names (kinds), claims left out. */
export async function paintedNames(page: Page): Promise<string[]> {
  const names = (await paintedHighlights(page)).map((highlight) => highlight.name).filter(isNameHighlight);
  return [...new Set(names)].sort();
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

/** The viewport centre of the first occurrence of `word` inside `selector`, scrolled into view first. */
export function centreOf(page: Page, selector: string, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate(wordCentre, { selector, word });
}

/** A raw WebDriver BiDi command, for what Puppeteer does not expose. */
interface BidiSession {
  send(method: string, params: object): Promise<{ result: unknown }>;
}

function bidiSession(page: Page): BidiSession {
  const frame = page.mainFrame() as unknown as {
    browsingContext: { userContext: { browser: { session: BidiSession } } };
  };
  return frame.browsingContext.userContext.browser.session;
}

/** A key as the browser window receives it: KeyboardEvent `key`, `code` and `keyCode`. */
export interface BrowserKey {
  key: string;
  code: string;
  keyCode: number;
}

export const ALT: BrowserKey = { key: 'Alt', code: 'AltLeft', keyCode: 18 };
export const SHIFT: BrowserKey = { key: 'Shift', code: 'ShiftLeft', keyCode: 16 };

/**
 * Presses a key combination in the browser window showing `page`, the way
 * the keyboard does, so that Firefox's own shortcut handling sees it: an
 * extension's `commands` shortcut is a <key> element of the browser window,
 * which key events synthesized inside the page (Puppeteer's keyboard, BiDi's
 * input.performActions) never reach. BiDi refuses input actions for the
 * browser window itself ("does not support browsing contexts in privileged
 * (chrome) scope"), but with --remote-allow-system-access it evaluates
 * scripts there; the keys are sent with a TextInputProcessor on that window,
 * which dispatches them as native key events to the focused element (the
 * selected tab's <browser>), the way a key press from the OS goes.
 */
export async function pressInBrowserWindow(page: Page, keys: BrowserKey[]): Promise<void> {
  await page.bringToFront();
  const expression = `(() => {
    const keys = ${JSON.stringify(keys)};
    const tip = Cc['@mozilla.org/text-input-processor;1'].createInstance(Ci.nsITextInputProcessor);
    if (!tip.beginInputTransactionForTests(window)) return 'no input transaction';
    const event = (key) => new KeyboardEvent('', key);
    for (const key of keys) tip.keydown(event(key));
    for (const key of [...keys].reverse()) tip.keyup(event(key));
    return 'sent';
  })()`;
  const sent = await evaluateInBrowserWindow(page, expression);
  if (sent !== 'sent') throw new Error(`keys not sent to the browser window: ${JSON.stringify(sent)}`);
}

/**
 * Evaluates `expression` (awaiting a promise it gives) in the privileged
 * scope of the browser window that shows `page` (chrome://browser/content/browser.xhtml),
 * which --remote-allow-system-access lets WebDriver BiDi reach; returns its value
 * (serialized by BiDi: strings, numbers, booleans and null come back as such).
 */
export async function evaluateInBrowserWindow(page: Page, expression: string): Promise<unknown> {
  const session = bidiSession(page);
  const { result } = (await session.send('browsingContext.getTree', { 'moz:scope': 'chrome' })) as {
    result: { contexts: Array<{ context: string; url: string }> };
  };
  const window = result.contexts.find((context) => context.url === 'chrome://browser/content/browser.xhtml');
  if (!window) throw new Error('no browser window found');
  const { result: evaluated } = (await session.send('script.evaluate', {
    expression,
    target: { context: window.context },
    awaitPromise: true,
  })) as { result: { type: string; result?: { value?: unknown }; exceptionDetails?: { text?: string } } };
  if (evaluated.type !== 'success') throw new Error(`browser window script failed: ${JSON.stringify(evaluated)}`);
  return evaluated.result?.value;
}

/** What the browser's permission prompt asked, and the button the test pressed. */
export interface AnsweredPrompt {
  /** The prompt's list of permissions, as the user reads them ("Access your data for all websites"). */
  permissions: string[];
  /** The label of the button pressed. */
  pressed: string;
}

/**
 * Answers the permission prompt Firefox shows for `permissions.request()`
 * (the "addon-webext-permissions" doorhanger of the tab showing `page`) by
 * pressing its Allow or Deny button. WebDriver BiDi cannot reach the
 * browser's own UI with input actions, so this runs in the browser window
 * (see evaluateInBrowserWindow) and clicks the button there, after the
 * prompt's security delay (`security.notification_enable_delay`, during
 * which Firefox ignores clicks on it, as a user's too-early click is).
 */
export async function answerPermissionPrompt(page: Page, answer: 'allow' | 'deny'): Promise<AnsweredPrompt> {
  const expression = `(async () => {
    const deadline = ChromeUtils.now() + 10000;
    let notification = null;
    while (!(notification = PopupNotifications.getNotification('addon-webext-permissions', gBrowser.selectedBrowser))
        || !PopupNotifications.isPanelOpen) {
      if (ChromeUtils.now() > deadline) return JSON.stringify({ error: 'no permission prompt is shown' });
      await new Promise((settle) => setTimeout(settle, 50));
    }
    const delay = Services.prefs.getIntPref('security.notification_enable_delay');
    while (ChromeUtils.now() - notification.timeShown < delay + 50) await new Promise((settle) => setTimeout(settle, 50));
    const element = [...PopupNotifications.panel.children].find((child) => child.notification === notification);
    const button = ${JSON.stringify(answer)} === 'allow' ? element.button : element.secondaryButton;
    const pressed = button.label;
    button.click();
    return JSON.stringify({ permissions: notification.options.customElementOptions.strings.msgs, pressed });
  })()`;
  const answered = JSON.parse(String(await evaluateInBrowserWindow(page, expression))) as AnsweredPrompt & {
    error?: string;
  };
  if (answered.error) throw new Error(answered.error);
  return answered;
}
