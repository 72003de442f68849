import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveDirectory } from '../../scripts/static-server.mjs';
import {
  type ErrorLog,
  extensionPageErrors,
  type Firefox,
  launchFirefox,
  newProfileDir,
  openExtensionPage,
  openPage,
  paintedNames,
  waitFor,
} from './firefox';

// Settings changed on the options page (moz-extension://…/options.html) the
// way a user changes them, followed by an open article in Firefox, and kept
// across a browser restart with the same profile.
//
// Puppeteer keeps a profile given as userDataDir. The add-on is installed
// with WebDriver BiDi's webExtension.install, which is a temporary install
// (like about:debugging's): Firefox removes it at shutdown, so the restarted
// browser installs it again. Its storage.local lives in the profile under its
// moz-extension:// origin, which firefox.ts pins to one UUID, as a
// permanently installed add-on keeps its own; so what this checks is that the
// settings are written to the profile and read back by a new browser.

const ARTICLE = 'us-rwanda-talks.html';
const ALL_KINDS = ['crossread-country', 'crossread-organization', 'crossread-person'];

let demo: { origin: string; close(): Promise<void> };
let profile: Awaited<ReturnType<typeof newProfileDir>>;
const running: Firefox[] = [];

beforeAll(async () => {
  demo = await serveDirectory(resolve('tests/fixtures/demo'));
  profile = await newProfileDir();
});

afterAll(async () => {
  for (const firefox of running) await firefox.close().catch(() => undefined);
  await demo?.close();
  await profile?.remove();
});

async function start(): Promise<Firefox> {
  const firefox = await launchFirefox({ profile: profile.path });
  running.push(firefox);
  return firefox;
}

async function stop(firefox: Firefox): Promise<void> {
  await firefox.close();
  running.splice(running.indexOf(firefox), 1);
}

async function openArticle(firefox: Firefox, errors: ErrorLog): Promise<Page> {
  const page = await openPage(firefox, `${demo.origin}/${ARTICLE}`, errors);
  await waitFor(
    () => paintedNames(page),
    (names) => names.includes('crossread-person'),
    'the article to be highlighted',
  );
  return page;
}

const headlineColour = (page: Page) =>
  page.evaluate(() => {
    const headline = document.querySelector('h1');
    return headline && getComputedStyle(headline, '::highlight(crossread-country)').backgroundColor;
  });

/** Sets a colour input the way the colour picker does: a new value, then a change event. */
async function pickColour(options: Page, selector: string, colour: string): Promise<void> {
  await options.$eval(
    selector,
    (input, value) => {
      (input as HTMLInputElement).value = value;
      input.dispatchEvent(new Event('input', { bubbles: true }));
      input.dispatchEvent(new Event('change', { bubbles: true }));
    },
    colour,
  );
}

test('a colour change shows at once; a kind turned off stays off after a restart with the same profile', async () => {
  const errors: ErrorLog = { messages: [] };
  let firefox = await start();
  let article = await openArticle(firefox, errors);
  expect(await paintedNames(article)).toEqual(ALL_KINDS);

  const options = await openExtensionPage(firefox, 'options.html', errors);
  await waitFor(
    () => options.evaluate(() => document.querySelector('[data-testid="settings"]') !== null),
    Boolean,
    'the settings panel',
  );

  // A colour the user picks is a constructed sheet the content script adopts into the page.
  await pickColour(options, '[data-kind="country"] input[type="color"]', '#ff0000');
  await waitFor(
    () => headlineColour(article),
    (colour) => colour === 'rgba(255, 0, 0, 0.22)',
    'the new colour in the open article',
  );

  // Wrapped: the computed style of a <mark>, coloured by a class rule in the same adopted sheet.
  await options.click('input[name="renderer"][value="wrap"]');
  const rwandaMark = () =>
    article.evaluate(() => {
      const mark = document.querySelector('mark[data-crossread-id="country:rwanda"]');
      return mark && getComputedStyle(mark).backgroundColor;
    });
  await waitFor(rwandaMark, (colour) => colour === 'rgba(255, 0, 0, 0.22)', 'a red <mark> for Rwanda');
  await options.click('input[name="renderer"][value="paint"]');
  await waitFor(
    () => article.evaluate(() => document.querySelectorAll('mark.crossread-mention').length),
    (count) => count === 0,
    'the marks to be removed',
  );
  expect(await headlineColour(article)).toBe('rgba(255, 0, 0, 0.22)');

  await options.click('[data-kind="country"] input[type="checkbox"]');
  await waitFor(
    () => paintedNames(article),
    (names) => !names.includes('crossread-country'),
    'countries to be cleared from the open article',
  );
  expect(await paintedNames(article)).toEqual(['crossread-organization', 'crossread-person']);
  await extensionPageErrors(options, errors);
  expect(errors.messages).toEqual([]);
  await stop(firefox);

  firefox = await start();
  article = await openArticle(firefox, errors);
  // Give a late country highlight time to appear, had the setting been lost.
  await new Promise((settle) => setTimeout(settle, 500));
  expect(await paintedNames(article)).toEqual(['crossread-organization', 'crossread-person']);
  const reopened = await openExtensionPage(firefox, 'options.html', errors);
  const stored = await waitFor(
    () =>
      reopened.evaluate(() => {
        const kind = document.querySelector('[data-kind="country"]');
        const checkbox = kind?.querySelector<HTMLInputElement>('input[type="checkbox"]');
        const colour = kind?.querySelector<HTMLInputElement>('input[type="color"]');
        return checkbox && colour ? { enabled: checkbox.checked, colour: colour.value } : null;
      }),
    (value) => value !== null,
    'the country settings on the options page',
  );
  expect(stored).toEqual({ enabled: false, colour: '#ff0000' });

  // Turned back on, countries come back in the colour kept from before the restart.
  await reopened.click('[data-kind="country"] input[type="checkbox"]');
  await waitFor(
    () => paintedNames(article),
    (names) => names.includes('crossread-country'),
    'countries to be highlighted again',
  );
  expect(await headlineColour(article)).toBe('rgba(255, 0, 0, 0.22)');
  await extensionPageErrors(reopened, errors);
  expect(errors.messages).toEqual([]);
  await stop(firefox);
});
