import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { serveDirectory } from '../../scripts/static-server.mjs';
import { isNameHighlight } from '../e2e/highlights';
import {
  answerPermissionPrompt,
  closeExtensionPage,
  type ErrorLog,
  extensionPageErrors,
  type Firefox,
  launchFirefox,
  openExtensionPage,
  openPage,
  paintedHighlights,
  tabIdOf,
  waitFor,
} from './firefox';

// The toolbar popup's switches in Firefox, as the Chromium suite's
// popup.spec.ts drives them: the popup page (moz-extension://…/popup.html?tab=<id>)
// saves the settings, and the article in its own tab follows without a
// reload, and stays that way across one. Then the host permission Firefox
// lets users withhold in MV3: the popup notices it and asks for it again
// through the browser's own prompt.

// Callbacks evaluated in Crossread's extension pages run where Firefox's `browser` exists.
declare const browser: WxtBrowser;

const ARTICLE = 'us-rwanda-talks.html';
/** The content script's `matches`, which Firefox MV3 grants at install and lets the user take back. */
const PAGE_ORIGINS = ['http://*/*', 'https://*/*'];

let firefox: Firefox;
let demo: { origin: string; close(): Promise<void> };

beforeAll(async () => {
  firefox = await launchFirefox();
  demo = await serveDirectory(resolve('tests/fixtures/demo'));
});

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
});

/** How many names Crossread painted in `page`: what the popup counts (figures painted as claims are not names). */
const paintedCount = async (page: Page) =>
  (await paintedHighlights(page)).filter((highlight) => isNameHighlight(highlight.name)).length;

/** Opens a demo article and waits until Crossread has painted it and mounted its UI host. */
async function openArticle(file: string, errors: ErrorLog): Promise<Page> {
  const page = await openPage(firefox, `${demo.origin}/${file}`, errors);
  await waitFor(
    async () =>
      (await paintedCount(page)) > 0 ? page.evaluate(() => document.querySelectorAll('crossread-ui').length) : 0,
    (hosts) => hosts === 1,
    `${file} to be highlighted`,
  );
  return page;
}

/** The popup's page for the tab showing `article`, once it lists the tab or says why it cannot. */
async function openPopupFor(article: Page, errors: ErrorLog): Promise<Page> {
  const popup = await openExtensionPage(firefox, `popup.html?tab=${await tabIdOf(firefox, article, errors)}`, errors);
  await popup.waitForSelector('[data-testid="global-switch"]');
  return popup;
}

/** A popup element's attribute, or null when the element is not there. */
const attribute = (popup: Page, testId: string, name: string) =>
  popup.evaluate(
    (testId, name) => document.querySelector(`[data-testid="${testId}"]`)?.getAttribute(name) ?? null,
    testId,
    name,
  );

const textOf = (popup: Page, testId: string) =>
  popup.evaluate((testId) => document.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null, testId);

/** After a reload of a turned-off site: the content script is running, and still nothing is painted. */
async function expectStaysOffAfterReload(article: Page): Promise<void> {
  await article.reload({ waitUntil: 'load' });
  await article.waitForSelector('crossread-ui');
  // The UI host mounts after the settings are applied, so a page that were to be painted would be by now; wait a little more.
  await new Promise((settle) => setTimeout(settle, 500));
  expect(await paintedCount(article)).toBe(0);
}

test('the site switch turns the page’s highlights off, for good across a reload, and on again', async () => {
  const errors: ErrorLog = { messages: [] };
  const article = await openArticle(ARTICLE, errors);
  const painted = await paintedCount(article);

  let popup = await openPopupFor(article, errors);
  await popup.waitForSelector('[data-testid="site-switch"]');
  expect(await textOf(popup, 'site-switch')).toContain('127.0.0.1');
  expect(await attribute(popup, 'site-switch', 'aria-checked')).toBe('true');
  await popup.click('[data-testid="site-switch"]');
  await waitFor(
    () => attribute(popup, 'site-switch', 'aria-checked'),
    (checked) => checked === 'false',
    'the site switch to be off',
  );
  await waitFor(
    () => textOf(popup, 'site-disabled'),
    (text) => text?.includes('turned off on this site') === true,
    'the popup to say the site is off',
  );
  await waitFor(
    () => paintedCount(article),
    (count) => count === 0,
    'the open article to be cleared',
  );
  await closeExtensionPage(popup, errors);

  await expectStaysOffAfterReload(article);

  popup = await openPopupFor(article, errors);
  await popup.waitForSelector('[data-testid="site-switch"]');
  expect(await attribute(popup, 'site-switch', 'aria-checked')).toBe('false');
  await popup.click('[data-testid="site-switch"]');
  await waitFor(
    () => paintedCount(article),
    (count) => count === painted,
    `the article painted again (${painted} ranges)`,
  );
  // The popup lists the page again once the tab reports its scan.
  await waitFor(
    () => attribute(popup, 'mention-total', 'data-count'),
    (count) => count === String(painted),
    'the popup to list the page again',
  );
  await closeExtensionPage(popup, errors);
  expect(errors.messages).toEqual([]);
  await article.close();
});

test('the global switch turns every page off, for good across a reload, and on again', async () => {
  const errors: ErrorLog = { messages: [] };
  const article = await openArticle(ARTICLE, errors);
  const other = await openArticle('uk-rwanda-plan.html', errors);
  const painted = await paintedCount(article);

  let popup = await openPopupFor(article, errors);
  expect(await attribute(popup, 'global-switch', 'aria-checked')).toBe('true');
  await popup.click('[data-testid="global-switch"]');
  await waitFor(
    () => attribute(popup, 'global-switch', 'aria-checked'),
    (checked) => checked === 'false',
    'the global switch to be off',
  );
  await popup.waitForSelector('[data-testid="globally-off"]');
  expect(await popup.$eval('[data-testid="site-switch"]', (element) => (element as HTMLButtonElement).disabled)).toBe(
    true,
  );
  await waitFor(
    async () => [await paintedCount(article), await paintedCount(other)],
    (counts) => counts.every((count) => count === 0),
    'both tabs to be cleared',
  );
  await closeExtensionPage(popup, errors);

  await expectStaysOffAfterReload(article);

  popup = await openPopupFor(article, errors);
  await popup.waitForSelector('[data-testid="globally-off"]');
  await popup.click('[data-testid="global-switch"]');
  await waitFor(
    () => popup.evaluate(() => document.querySelector('[data-testid="globally-off"]') === null),
    Boolean,
    'the "turned off" notice to go',
  );
  await waitFor(
    async () => [await paintedCount(article), await paintedCount(other)],
    ([here, there]) => here === painted && (there ?? 0) > 0,
    'both tabs painted again',
  );
  await waitFor(
    () => attribute(popup, 'mention-total', 'data-count'),
    (count) => count === String(painted),
    'the popup to list the page again',
  );
  await closeExtensionPage(popup, errors);
  expect(errors.messages).toEqual([]);
  await article.close();
  await other.close();
});

// Last in this file: it takes the permission away from this browser's Crossread (and gives it back through the prompt).
test('with the host permission withheld, the popup offers the browser’s prompt; once allowed, a reload highlights again', async () => {
  const errors: ErrorLog = { messages: [] };
  // What the user does in about:addons (the add-on's Permissions: "Access your data for all websites" off).
  const extensionPage = await openExtensionPage(firefox, 'options.html', errors);
  const tabsBefore = await extensionPage.evaluate(async (origins) => {
    await browser.permissions.remove({ origins });
    return (await browser.tabs.query({})).map((tab) => tab.id);
  }, PAGE_ORIGINS);
  expect(await extensionPage.evaluate((origins) => browser.permissions.contains({ origins }), PAGE_ORIGINS)).toBe(
    false,
  );

  // A new tab: no content script runs, so nothing is painted and there is no UI host.
  const article = await openPage(firefox, `${demo.origin}/${ARTICLE}`, errors);
  await new Promise((settle) => setTimeout(settle, 1000));
  expect(await paintedCount(article)).toBe(0);
  expect(await article.evaluate(() => document.querySelectorAll('crossread-ui').length)).toBe(0);
  // Without the permission Crossread cannot read the tab's url either: the new tab is the one that was not there.
  const tabs = await extensionPage.evaluate(async () => (await browser.tabs.query({})).map((tab) => tab.id));
  const tabId = tabs.find((id) => !tabsBefore.includes(id));
  expect(tabId).toBeTypeOf('number');
  await closeExtensionPage(extensionPage, errors);

  const popup = await openExtensionPage(firefox, `popup.html?tab=${tabId}`, errors);
  await popup.waitForSelector('[data-testid="popup-no-access"]');
  expect(await textOf(popup, 'popup-no-access')).toContain('Crossread is not allowed to read web pages');
  const askButton = '[data-testid="popup-no-access"] button';
  expect(await popup.$eval(askButton, (button) => button.textContent)).toBe('Allow Crossread to read web pages');

  // The button asks with permissions.request(), and Firefox shows its prompt (on the tab in front); denied, nothing changes.
  await popup.bringToFront();
  await popup.click(askButton);
  expect(await answerPermissionPrompt(popup, 'deny')).toEqual({
    permissions: ['Access your data for all websites'],
    pressed: 'Deny',
  });
  await new Promise((settle) => setTimeout(settle, 300));
  expect(await popup.$(askButton)).not.toBeNull();

  // Asked again and allowed: the popup says to reload.
  await popup.click(askButton);
  expect(await answerPermissionPrompt(popup, 'allow')).toEqual({
    permissions: ['Access your data for all websites'],
    pressed: 'Allow',
  });
  await waitFor(
    () => textOf(popup, 'popup-unavailable'),
    (text) => text === 'Allowed. Reload this page to see its highlights.',
    'the popup to say "Reload this page"',
  );
  expect(await popup.evaluate((origins) => browser.permissions.contains({ origins }), PAGE_ORIGINS)).toBe(true);

  // The reload highlights the page, and the popup, still open, lists it once the tab reports its scan.
  await article.bringToFront();
  await article.reload({ waitUntil: 'load' });
  await waitFor(
    () => paintedCount(article),
    (count) => count > 0,
    'the article to be highlighted after the reload',
  );
  const painted = await paintedCount(article);
  await waitFor(
    () => attribute(popup, 'mention-total', 'data-count'),
    (count) => count === String(painted),
    'the popup to list the page',
  );
  await extensionPageErrors(popup, errors);
  expect(errors.messages).toEqual([]);
  await popup.close();
  await article.close();
});
