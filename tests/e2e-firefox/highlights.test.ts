import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveDirectory } from '../../scripts/static-server.mjs';
import { demoArticleProblems, paintedInsideSkipZones } from '../e2e/highlights';
import {
  centreOf,
  closeExtensionPage,
  type ErrorLog,
  type Firefox,
  launchFirefox,
  openExtensionPage,
  openPage,
  paintedHighlights,
  paintedNames,
  serveRoutes,
  waitFor,
} from './firefox';

// The demo articles in Firefox: the same checks as the Chromium suite's
// skeleton.spec.ts, read from the page's world (CSS.highlights).

const DEMO_DIR = resolve('tests/fixtures/demo');

let firefox: Firefox;
let demo: { origin: string; close(): Promise<void> };

beforeAll(async () => {
  firefox = await launchFirefox();
  demo = await serveDirectory(DEMO_DIR);
});

afterAll(async () => {
  await firefox?.close();
  await demo?.close();
});

const texts = async (page: Parameters<typeof paintedHighlights>[0]) =>
  (await paintedHighlights(page)).map((highlight) => highlight.text);

test('the error log sees a page error (so "no errors" below means something)', async () => {
  const errors: ErrorLog = { messages: [] };
  const server = await serveRoutes((path) =>
    path === '/throws.html' ? { body: '<p>Rwanda</p><script>throw new Error("probe error")</script>' } : undefined,
  );
  try {
    const page = await openPage(firefox, `${server.origin}/throws.html`, errors);
    await waitFor(
      async () => errors.messages,
      (messages) => messages.length > 0,
      'the probe error',
    );
    expect(errors.messages.join('\n')).toContain('probe error');
    await page.close();
  } finally {
    await server.close();
  }
});

test('the error log sees an extension page’s errors, which BiDi does not report', async () => {
  const errors: ErrorLog = { messages: [] };
  const options = await openExtensionPage(firefox, 'options.html', errors);
  await options.evaluate(() => {
    console.error('probe console error');
    setTimeout(() => {
      throw new Error('probe uncaught error');
    });
    void Promise.reject(new Error('probe rejection'));
  });
  await new Promise((settle) => setTimeout(settle, 200));
  await closeExtensionPage(options, errors);
  expect(errors.messages).toEqual([
    '/options.html: console error probe console error',
    expect.stringMatching(/^\/options\.html: (uncaught|unhandled rejection) .*probe/),
    expect.stringMatching(/^\/options\.html: (uncaught|unhandled rejection) .*probe/),
  ]);
});

test('us-rwanda-talks.html: known names highlighted, the DOM untouched', async () => {
  const errors: ErrorLog = { messages: [] };
  const page = await openPage(firefox, `${demo.origin}/us-rwanda-talks.html`, errors);
  const articleHtml = await page.$eval('article', (article) => article.innerHTML);

  const names = await waitFor(
    () => paintedNames(page),
    (found) => ['crossread-country', 'crossread-organization', 'crossread-person'].every((n) => found.includes(n)),
    'country, person and organization highlights',
  );
  expect(names.every((name) => name.startsWith('crossread-'))).toBe(true);
  expect(demoArticleProblems(await texts(page))).toEqual([]);

  expect(await page.$eval('article', (article) => article.innerHTML)).toBe(articleHtml);
  expect(await page.evaluate(paintedInsideSkipZones)).toEqual([]);

  const host = await page.evaluate(() => {
    const hosts = document.querySelectorAll('crossread-ui');
    const box = hosts[0]?.getBoundingClientRect();
    return { count: hosts.length, open: Boolean(hosts[0]?.shadowRoot), width: box?.width, height: box?.height };
  });
  expect(host).toEqual({ count: 1, open: true, width: 0, height: 0 });

  // The default colours come from the content script's stylesheet.
  const headlineColour = await page.evaluate(() => {
    const headline = document.querySelector('h1');
    return headline && getComputedStyle(headline, '::highlight(crossread-country)').backgroundColor;
  });
  expect(headlineColour).toBe('rgba(56, 132, 255, 0.22)');

  expect(errors.messages).toEqual([]);
  await page.close();
});

/** In the page's world: the texts of the hover highlight, and the cursor over the element at `point`. */
function hovered(page: Page, point: { x: number; y: number }) {
  return page.evaluate(({ x, y }) => {
    const texts: string[] = [];
    for (const painted of CSS.highlights.get('crossread-hover') ?? []) {
      const range = document.createRange();
      range.setStart(painted.startContainer, painted.startOffset);
      range.setEnd(painted.endContainer, painted.endOffset);
      texts.push(range.toString());
    }
    const under = document.elementFromPoint(x, y);
    return { texts, cursor: under ? getComputedStyle(under).cursor : null };
  }, point);
}

test('the mouse over painted text finds the mention: hover style and pointer cursor, gone when it leaves (pointer.spec.ts)', async () => {
  const errors: ErrorLog = { messages: [] };
  const page = await openPage(firefox, `${demo.origin}/us-rwanda-talks.html`, errors);
  await waitFor(
    () => paintedNames(page),
    (names) => names.includes('crossread-person'),
    'people to be highlighted',
  );

  // A name split by a link is one mention: the mouse on either half lights up the whole name.
  const onLinkedHalf = await centreOf(page, 'article p:nth-of-type(4)', 'Nduhungirehe');
  await page.mouse.move(onLinkedHalf.x, onLinkedHalf.y);
  await waitFor(
    () => hovered(page, onLinkedHalf),
    (seen) => seen.texts.join('|') === 'Olivier Nduhungirehe' && seen.cursor === 'pointer',
    'the whole name lit, with a pointer cursor, over the linked half',
  );

  // The half outside the link: the pointer cursor is Crossread's, not the link's.
  const onPlainHalf = await centreOf(page, 'article p:nth-of-type(4)', 'Olivier');
  await page.mouse.move(onPlainHalf.x, onPlainHalf.y);
  await waitFor(
    () => hovered(page, onPlainHalf),
    (seen) => seen.texts.join('|') === 'Olivier Nduhungirehe' && seen.cursor === 'pointer',
    'the whole name lit, with a pointer cursor, over the plain half',
  );

  const onPlainText = await centreOf(page, 'article p:nth-of-type(4)', 'foreign minister');
  await page.mouse.move(onPlainText.x, onPlainText.y);
  expect(
    await waitFor(
      () => hovered(page, onPlainText),
      (seen) => seen.texts.length === 0,
      'the hover style to go',
    ),
  ).toEqual({ texts: [], cursor: 'auto' });
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('uk-rwanda-plan.html: known names highlighted', async () => {
  const errors: ErrorLog = { messages: [] };
  const page = await openPage(firefox, `${demo.origin}/uk-rwanda-plan.html`, errors);
  const painted = await waitFor(
    () => texts(page),
    (found) => found.includes('Rishi Sunak'),
    'Rishi Sunak to be highlighted',
  );
  expect(painted).toEqual(
    // "Sir Keir Starmer" is one mention (the longest alias), "UK Supreme Court" an organisation.
    expect.arrayContaining(['United Kingdom', 'Rwanda', 'Sir Keir Starmer', 'UK Supreme Court', 'Kigali']),
  );
  expect(errors.messages).toEqual([]);
  await page.close();
});

// Last in this file: it changes the country colour for the browser's remaining tabs.
test('a page with a strict Content-Security-Policy still gets styled highlights', async () => {
  const errors: ErrorLog = { messages: [] };
  const article = readFileSync(resolve(DEMO_DIR, 'us-rwanda-talks.html'), 'utf8');
  const server = await serveRoutes((path) =>
    path === '/strict.html'
      ? { body: article, headers: { 'content-security-policy': "default-src 'none'" } }
      : undefined,
  );
  try {
    const page = await openPage(firefox, `${server.origin}/strict.html`, errors);
    // The policy is in force: the page may not even load its own stylesheet.
    expect(await page.evaluate(() => [...document.styleSheets].some((sheet) => sheet.href?.endsWith('demo.css')))).toBe(
      false,
    );
    const painted = await waitFor(
      () => texts(page),
      (found) => found.includes('Olivier Nduhungirehe'),
      'highlights under the policy',
    );
    expect(painted).toEqual(expect.arrayContaining(['Rwanda', 'United States']));
    const headlineColour = await page.evaluate(() => {
      const headline = document.querySelector('h1');
      return headline && getComputedStyle(headline, '::highlight(crossread-country)').backgroundColor;
    });
    expect(headlineColour).toBe('rgba(56, 132, 255, 0.22)');
    expect(await page.evaluate(() => document.querySelectorAll('crossread-ui').length)).toBe(1);

    // A colour the user picks comes in a constructed sheet, which the page's policy does not block.
    const options = await openExtensionPage(firefox, 'options.html', errors);
    // Only once the page has loaded the stored settings (the fieldset is disabled until then) does a change count.
    await options.waitForSelector(
      '[data-testid="kind-settings"]:not([disabled]) [data-kind="country"] input[type="color"]',
    );
    await options.$eval('[data-kind="country"] input[type="color"]', (input) => {
      (input as HTMLInputElement).value = '#00ff00';
      input.dispatchEvent(new Event('change', { bubbles: true }));
    });
    // Checked on a fresh load of the page: the colour reaching an open tab live is settings.test.ts's
    // case. Here, in about one run in three, the open strict page never received the change although
    // storage had it (no sheet adopted; a reload showed the colour): see docs/firefox.md.
    await waitFor(
      () =>
        options.evaluate(async () => {
          // The extension page's own API (Firefox has `browser` natively).
          type Storage = { local: { get(key: string): Promise<unknown> } };
          const { storage } = (globalThis as unknown as { browser: { storage: Storage } }).browser;
          return JSON.stringify(await storage.local.get('settings'));
        }),
      (stored) => stored.includes('#00ff00'),
      'the picked colour to be stored',
    );
    await page.reload();
    await waitFor(
      () =>
        page.evaluate(() => {
          const headline = document.querySelector('h1');
          return headline && getComputedStyle(headline, '::highlight(crossread-country)').backgroundColor;
        }),
      (colour) => colour === 'rgba(0, 255, 0, 0.22)',
      'the picked colour under the policy',
    );
    await closeExtensionPage(options, errors);
    expect(errors.messages).toEqual([]);
    await page.close();
  } finally {
    await server.close();
  }
});
