import type { Page, Worker } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { clickWord, openDemo } from './demo-page';
import { expect, test } from './fixtures';
import { countPainted, useRenderer } from './hostile-pages';

declare const chrome: WxtBrowser;

/** What Crossread has left in the page: its UI hosts, dialogs, painted ranges and marks. */
async function leftovers(page: Page): Promise<{ hosts: number; painted: number; marks: number }> {
  const painted = await page.evaluate(countPainted);
  const elements = await page.evaluate(() => ({
    hosts: document.querySelectorAll('crossread-ui').length,
    marks: document.querySelectorAll('mark.crossread-mention').length,
  }));
  return { hosts: elements.hosts, painted, marks: elements.marks };
}

/**
 * Reloads the extension from its service worker, as an update or the reload
 * button on chrome://extensions does. In this browser (the extension loaded
 * with --load-extension) it does not come back afterwards: for the tabs
 * already open that is the same as an update, a reload or turning it off, a
 * content script left running with no extension behind it.
 */
async function reloadExtension(serviceWorker: Worker): Promise<void> {
  // The worker goes away with the extension, so the call cannot wait for an answer.
  await serviceWorker.evaluate(() => {
    setTimeout(() => chrome.runtime.reload(), 20);
  });
}

test('the extension reloaded while a card is open: its highlights, card and UI host leave the page, with no errors', async ({
  context,
  demoOrigin,
  serviceWorker,
  errors,
}) => {
  const page = await context.newPage();
  await openDemo(page, demoOrigin);
  await clickWord(page, 'article > p:nth-of-type(4)', 'Rwanda');
  await expect(page.getByRole('dialog', { name: 'Rwanda' })).toBeVisible();
  expect((await leftovers(page)).painted).toBeGreaterThan(10);

  await reloadExtension(serviceWorker);
  // Nobody touches the page: the orphaned content script notices on its own within a few seconds.
  await expect.poll(() => leftovers(page), { timeout: 8_000 }).toEqual({ hosts: 0, painted: 0, marks: 0 });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The reader clicks where a name was: nothing opens, nothing fails.
  await clickWord(page, 'article > p:nth-of-type(4)', 'Rwanda');
  await page.keyboard.press('Escape');
  await page.waitForTimeout(300);
  expect(await leftovers(page)).toEqual({ hosts: 0, painted: 0, marks: 0 });
  expect(errors.messages).toEqual([]);
});

test('with wrapped highlights, a click right after the reload opens nothing, fails nothing, and ends the orphaned script at once: its marks go, the text stays', async ({
  context,
  demoOrigin,
  serviceWorker,
  errors,
}) => {
  await useRenderer(serviceWorker, 'wrap');
  const page = await context.newPage();
  await page.goto(`${demoOrigin}/us-rwanda-talks.html`);
  await expect.poll(async () => (await leftovers(page)).marks).toBeGreaterThan(10);
  await expect(page.locator('crossread-ui')).toHaveCount(1);
  const text = await page.locator('article').textContent();
  await reloadExtension(serviceWorker);
  // The extension's pages go away with it; once the worker is gone the extension has unloaded.
  await expect.poll(() => serviceWorker.evaluate(() => 1).catch(() => 'gone'), { intervals: [20] }).toBe('gone');
  await clickWord(page, 'article > p:nth-of-type(4)', 'Rwanda');
  await expect.poll(() => leftovers(page), { timeout: 1_000 }).toEqual({ hosts: 0, painted: 0, marks: 0 });
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await page.locator('article').textContent()).toBe(text);
  expect(errors.messages).toEqual([]);
});
