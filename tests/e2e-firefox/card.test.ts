import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { WxtBrowser } from 'wxt/browser';
import { serveDirectory } from '../../scripts/static-server.mjs';
import {
  ALT,
  centreOf,
  closeExtensionPage,
  type ErrorLog,
  extensionPageErrors,
  type Firefox,
  isGone,
  launchFirefox,
  openExtensionPage,
  openPage,
  pressInBrowserWindow,
  SHIFT,
  serveRoutes,
  tabIdOf,
  waitFor,
} from './firefox';

// The fact card in Firefox: the Chromium suite's card.spec.ts cases, driven
// as a user drives them (real mouse clicks and key presses over WebDriver
// BiDi, the keyboard shortcut through the browser window), read from the
// page's world by looking into Crossread's open shadow root. Also the
// popup page's counts and the card screenshot for the README.

// Callbacks evaluated in Crossread's extension pages run where Firefox's `browser` exists.
declare const browser: WxtBrowser;

const ARTICLE = 'us-rwanda-talks.html';

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

/** Opens a page and waits until Crossread has painted it and mounted its UI host (the card mounts after the first scan). */
async function openPainted(url: string, errors: ErrorLog): Promise<Page> {
  const page = await openPage(firefox, url, errors);
  await waitFor(
    () =>
      page.evaluate(() =>
        [...CSS.highlights.keys()].some((name) => name.startsWith('crossread-'))
          ? document.querySelectorAll('crossread-ui').length
          : 0,
      ),
    (hosts) => hosts === 1,
    'highlights and the UI host',
  );
  return page;
}

const openArticle = (errors: ErrorLog) => openPainted(`${demo.origin}/${ARTICLE}`, errors);

/** Clicks the first occurrence of `word` inside `selector` with the mouse. */
async function clickWord(page: Page, selector: string, word: string): Promise<void> {
  const point = await centreOf(page, selector, word);
  await page.mouse.click(point.x, point.y);
}

interface SeenCard {
  /** The dialog's accessible name (aria-labelledby). */
  name: string;
  text: string;
}

/** The dialogs in Crossread's shadow root. */
function cardsOn(page: Page): Promise<SeenCard[]> {
  return page.evaluate(() => {
    const root = document.querySelector('crossread-ui')?.shadowRoot;
    return [...(root?.querySelectorAll('[role="dialog"]') ?? [])].map((dialog) => {
      const names = (dialog.getAttribute('aria-labelledby') ?? '').split(/\s+/);
      return {
        name: names.map((id) => (id && root?.getElementById(id)?.textContent?.trim()) || '').join(' '),
        text: dialog.textContent ?? '',
      };
    });
  });
}

/** Waits until the page shows exactly one card, named `name` and loaded (its body past "Loading"). */
async function expectCard(page: Page, name: string): Promise<void> {
  await waitFor(
    () => cardsOn(page),
    (cards) => cards.length === 1 && cards[0]?.name === name && !cards[0].text.includes('Loading'),
    `one card, named ${name}`,
  );
}

async function expectNoCard(page: Page): Promise<void> {
  await waitFor(
    () => cardsOn(page),
    (cards) => cards.length === 0,
    'no card',
  );
}

/**
 * Clicks, with the mouse, the first element of the card matching `selector`
 * whose accessible name (aria-label, or its text less aria-hidden parts) matches `name`.
 */
async function clickInCard(page: Page, selector: string, name: RegExp): Promise<void> {
  const point = await page.evaluate(
    (selector, source) => {
      const pattern = new RegExp(source);
      const dialog = document.querySelector('crossread-ui')?.shadowRoot?.querySelector('[role="dialog"]');
      // The name read out: its aria-label, or its text without the parts hidden from assistive technology.
      const nameOf = (element: Element) => {
        const label = element.getAttribute('aria-label');
        if (label !== null) return label;
        const copy = element.cloneNode(true) as Element;
        for (const hidden of copy.querySelectorAll('[aria-hidden="true"]')) hidden.remove();
        return (copy.textContent ?? '').trim();
      };
      const target = [...(dialog?.querySelectorAll(selector) ?? [])].find((element) => pattern.test(nameOf(element)));
      if (!target) return null;
      target.scrollIntoView({ block: 'nearest' });
      const box = target.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    },
    selector,
    name.source,
  );
  if (!point) throw new Error(`nothing in the card matches ${selector} named ${name}`);
  await page.mouse.click(point.x, point.y);
}

/** The card's text inside `selector` (one of its parts), or null. */
const cardPart = (page: Page, selector: string) =>
  page.evaluate((selector) => {
    const dialog = document.querySelector('crossread-ui')?.shadowRoot?.querySelector('[role="dialog"]');
    return dialog?.querySelector(selector)?.textContent ?? null;
  }, selector);

/** Where focus is, looking into Crossread's shadow root: "card" when it is inside the card. */
function focusedPlace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.tagName === 'CROSSREAD-UI') {
      const inner = active.shadowRoot?.activeElement;
      return inner?.closest('[role="dialog"]') ? 'card' : `shadow ${inner?.tagName}`;
    }
    return active ? `${active.tagName} ${active.textContent?.trim().slice(0, 30)}` : 'none';
  });
}

/** The keyboard shortcut of the manifest's `commands`, pressed in the browser window (Alt+Shift+N / Alt+Shift+P). */
function pressShortcut(page: Page, direction: 'next' | 'previous'): Promise<void> {
  const letter = direction === 'next' ? 'N' : 'P';
  return pressInBrowserWindow(page, [ALT, SHIFT, { key: letter, code: `Key${letter}`, keyCode: letter.charCodeAt(0) }]);
}

test('a real click on a mention opens its card: facts with their outlets, every outlet’s version, disagreements in words; Escape closes it', async () => {
  const errors: ErrorLog = { messages: [] };
  const page = await openArticle(errors);
  await clickWord(page, 'article > p:nth-of-type(4)', 'Rwanda');
  await expectCard(page, 'Rwanda');

  const card = await page.evaluate(() => {
    const dialog = document.querySelector('crossread-ui')?.shadowRoot?.querySelector('[role="dialog"]');
    const payment = dialog?.querySelector('[data-claim-id="claim:us-rwanda-payment"]');
    const box = dialog?.getBoundingClientRect();
    return {
      kind: dialog?.querySelector('.card__kind')?.textContent,
      deals: dialog?.querySelector('[data-fact="deals"]')?.textContent ?? '',
      payment: payment?.textContent ?? '',
      versions: payment?.querySelectorAll('.version').length,
      links: [...(dialog?.querySelectorAll('a') ?? [])].map((link) => ({
        href: link.getAttribute('href'),
        target: link.getAttribute('target'),
        rel: link.getAttribute('rel'),
      })),
      box: box && { left: box.left, top: box.top, right: box.right, bottom: box.bottom },
      viewport: { width: innerWidth, height: innerHeight },
    };
  });
  expect(card.kind).toBe('Country');
  // Facts: the country's deals, with their status and who reports it.
  expect(card.deals).toContain('US–Rwanda');
  expect(card.deals).toContain('Reported by');
  // The payment claim: each outlet's word side by side, and the disagreement spelled out.
  expect(card.payment).toContain('Outlets differ: requested vs appropriated vs received vs likely');
  expect(card.versions).toBe(4);
  expect(card.payment).toContain('The New York Sun');
  expect(card.payment).toContain('$100,000');
  expect(card.payment).toContain('No figure given by: Jojo Uwimana (blog)');
  // Links out are https, in a new tab, without opener or referrer.
  expect(card.links.length).toBeGreaterThan(0);
  for (const link of card.links) {
    expect(link.href).toMatch(/^https:\/\//);
    expect(link.target).toBe('_blank');
    expect(link.rel).toBe('noopener noreferrer');
  }
  // Beside the mention, inside the viewport.
  expect(card.box).toBeTruthy();
  if (card.box) {
    expect(card.box.left).toBeGreaterThanOrEqual(0);
    expect(card.box.top).toBeGreaterThanOrEqual(0);
    expect(card.box.right).toBeLessThanOrEqual(card.viewport.width);
    expect(card.box.bottom).toBeLessThanOrEqual(card.viewport.height);
  }

  await page.keyboard.press('Escape');
  await expectNoCard(page);
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('one card at a time; a related entity opens in place with Back; previous/next walk the entity’s mentions; a click outside closes it', async () => {
  const errors: ErrorLog = { messages: [] };
  const page = await openArticle(errors);
  await clickWord(page, 'article > p:nth-of-type(5)', 'Nduhungirehe');
  await expectCard(page, 'Olivier Nduhungirehe');
  const position = () => cardPart(page, '[data-testid="card-position"]');
  expect(await position()).toMatch(/^Mention 2 of [3-9]/);

  await clickInCard(page, 'button', /^Next$/);
  await waitFor(position, (text) => /^Mention 3 of /.test(text ?? ''), 'mention 3');
  await clickInCard(page, 'button', /^Previous$/);
  await waitFor(position, (text) => /^Mention 2 of /.test(text ?? ''), 'mention 2');

  // The person's country is a link to its card; Back returns.
  await clickInCard(page, '[data-fact="country"] button', /^Rwanda$/);
  await expectCard(page, 'Rwanda');
  await clickInCard(page, 'button', /Back to Olivier Nduhungirehe/);
  await expectCard(page, 'Olivier Nduhungirehe');

  // Another mention replaces the card; a click elsewhere closes it.
  await clickWord(page, 'article > p:nth-of-type(4)', 'United States');
  await expectCard(page, 'United States');
  await clickWord(page, 'article > p:nth-of-type(5)', 'interview');
  await expectNoCard(page);
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('the keyboard shortcut (Alt+Shift+N, Alt+Shift+P) walks the mentions and opens cards; focus enters the card and Escape gives it back', async () => {
  const errors: ErrorLog = { messages: [] };
  const page = await openArticle(errors);
  // Focus starts on a link of the page; it must come back there.
  await page.$eval('article a', (link) => (link as HTMLElement).focus());
  const before = await focusedPlace(page);
  expect(before).toBe('A Nduhungirehe');

  // The real shortcut: Firefox's command handling, the background's commands.onCommand, then the tab.
  await pressShortcut(page, 'next');
  const first = await waitFor(
    () => cardsOn(page),
    (cards) => cards.length === 1 && cards[0]?.name !== '',
    'a card from the shortcut',
  );
  await waitFor(
    () => focusedPlace(page),
    (place) => place === 'card',
    'focus in the card',
  );
  const firstName = first[0]?.name;

  await pressShortcut(page, 'next');
  await waitFor(
    () => cardsOn(page),
    (cards) => cards.length === 1 && cards[0]?.name !== firstName,
    'the next mention’s card',
  );
  await pressShortcut(page, 'previous');
  await waitFor(
    () => cardsOn(page),
    (cards) => cards.length === 1 && cards[0]?.name === firstName,
    'the first card again',
  );

  // Every control of the card is reachable with Tab, starting inside it.
  await page.keyboard.press('Tab');
  await waitFor(
    () => focusedPlace(page),
    (place) => place === 'card',
    'focus still in the card',
  );

  await page.keyboard.press('Escape');
  await expectNoCard(page);
  await waitFor(
    () => focusedPlace(page),
    (place) => place === before,
    'focus back on the link',
  );
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('the message the shortcut sends, sent to the tab from an extension page, opens a card with focus in it', async () => {
  // The background relays commands with tabs.sendMessage; this checks that path without the browser's key handling.
  const errors: ErrorLog = { messages: [] };
  const page = await openArticle(errors);
  const url = page.url();
  const extensionPage = await openExtensionPage(firefox, 'options.html', errors);
  const opened = await extensionPage.evaluate(async (url) => {
    // The content script's host permission lets Crossread see the article tab's url (a match pattern cannot name a port).
    const tab = (await browser.tabs.query({})).find((candidate) => candidate.url === url);
    if (tab?.id === undefined) throw new Error(`no tab with ${url}`);
    return browser.tabs.sendMessage(tab.id, { type: 'crossread:navigate-mentions', direction: 'next' });
  }, url);
  expect(opened).toBe(true);
  await page.bringToFront();
  await waitFor(
    () => cardsOn(page),
    (cards) => cards.length === 1 && cards[0]?.name !== '',
    'a card from the message',
  );
  await waitFor(
    () => focusedPlace(page),
    (place) => place === 'card',
    'focus in the card',
  );
  await page.keyboard.press('Escape');
  await expectNoCard(page);
  await closeExtensionPage(extensionPage, errors);
  expect(errors.messages).toEqual([]);
  await page.close();
});

const HOSTILE_CSS = '* { all: unset !important; } div { display: none !important; }';
const PARAGRAPH = '<p>Rwanda said on Monday that it was in early talks with the United States.</p>';

const hostilePages: Array<{ name: string; css: string; headers: Record<string, string> }> = [
  { name: 'CSS that attacks it', css: HOSTILE_CSS, headers: {} },
  {
    name: "Content-Security-Policy: default-src 'none'",
    css: '',
    headers: { 'content-security-policy': "default-src 'none'" },
  },
];
for (const hostile of hostilePages) {
  test(`the card is styled and usable on a page with ${hostile.name}`, async () => {
    const errors: ErrorLog = { messages: [] };
    const style = hostile.css ? `<style>${hostile.css}</style>` : '';
    const server = await serveRoutes((path) =>
      path === '/hostile.html'
        ? {
            body: `<!doctype html><html lang="en"><head><title>Hostile</title>${style}</head><body><main>${PARAGRAPH}</main></body></html>`,
            headers: hostile.headers,
          }
        : undefined,
    );
    try {
      const page = await openPainted(`${server.origin}/hostile.html`, errors);
      await clickWord(page, 'main', 'Rwanda');
      await expectCard(page, 'Rwanda');
      const look = await page.evaluate(() => {
        const dialog = document.querySelector('crossread-ui')?.shadowRoot?.querySelector('[role="dialog"]');
        if (!dialog) return null;
        const style = getComputedStyle(dialog);
        const box = dialog.getBoundingClientRect();
        return {
          position: style.position,
          background: style.backgroundColor,
          fontSize: style.fontSize,
          radius: style.borderTopLeftRadius,
          width: Math.round(box.width),
          visibleRows: dialog.querySelectorAll('.facts__row').length,
        };
      });
      expect(look).toMatchObject({
        position: 'fixed',
        fontSize: '14px',
        radius: '10px',
        background: 'rgb(255, 255, 255)',
      });
      expect(look?.width).toBeGreaterThan(300);
      expect(look?.visibleRows).toBeGreaterThan(0);
      await clickInCard(page, 'button', /^Close$/);
      await expectNoCard(page);
      expect(errors.messages).toEqual([]);
      await page.close();
    } finally {
      await server.close();
    }
  });
}

test('a click the page fakes on a mention opens no card', async () => {
  const errors: ErrorLog = { messages: [] };
  const page = await openArticle(errors);
  const point = await centreOf(page, 'article > p:nth-of-type(4)', 'Rwanda');
  await page.evaluate(({ x, y }) => {
    const target = document.elementFromPoint(x, y);
    target?.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y, button: 0 }));
  }, point);
  await new Promise((settle) => setTimeout(settle, 300));
  expect(await cardsOn(page)).toEqual([]);
  // The same place clicked by the user does open it.
  await page.mouse.click(point.x, point.y);
  await expectCard(page, 'Rwanda');
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('at 200% zoom (a 640×360 CSS-pixel viewport) the card fits the screen and every part of it is reachable', async () => {
  const errors: ErrorLog = { messages: [] };
  const page = await openArticle(errors);
  await page.setViewport({ width: 640, height: 360 });
  await clickWord(page, 'article > p:nth-of-type(4)', 'Rwanda');
  await expectCard(page, 'Rwanda');
  /** Whether the card's first (or last, scrolled to first) element matching `selector` is inside the viewport. */
  const inViewport = (selector: string, scrollToLast = false) =>
    page.evaluate(
      (selector, scrollToLast) => {
        const dialog = document.querySelector('crossread-ui')?.shadowRoot?.querySelector('[role="dialog"]');
        const all = dialog?.querySelectorAll(selector) ?? [];
        const element = scrollToLast ? all[all.length - 1] : all[0];
        if (!element) return `${selector}: missing`;
        if (scrollToLast) element.scrollIntoView({ block: 'nearest' });
        const box = element.getBoundingClientRect();
        const inside = box.left >= 0 && box.top >= 0 && box.right <= innerWidth && box.bottom <= innerHeight;
        return inside ? 'in view' : `${selector}: ${JSON.stringify(box)}`;
      },
      selector,
      scrollToLast,
    );
  const box = await page.evaluate(() => {
    const dialog = document.querySelector('crossread-ui')?.shadowRoot?.querySelector('[role="dialog"]');
    const rect = dialog?.getBoundingClientRect();
    return rect && { left: rect.left, top: rect.top, right: rect.right, bottom: rect.bottom };
  });
  expect(box).toBeTruthy();
  if (box) {
    expect(box.left).toBeGreaterThanOrEqual(0);
    expect(box.top).toBeGreaterThanOrEqual(0);
    expect(box.right).toBeLessThanOrEqual(640);
    expect(box.bottom).toBeLessThanOrEqual(360);
  }
  // Header, footer and close button stay on screen; the body scrolls to the last claim.
  expect(await inViewport('.card__close')).toBe('in view');
  expect(await inViewport('[data-testid="card-position"]')).toBe('in view');
  expect(await inViewport('[data-claim-id]', true)).toBe('in view');
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('the popup page shows the tab’s entities by kind with the counts the page painted; choosing one opens its card', async () => {
  const errors: ErrorLog = { messages: [] };
  const article = await openArticle(errors);
  const painted = await article.evaluate(() => {
    const counts: Record<string, number> = {};
    CSS.highlights.forEach((highlight, name) => {
      // Names only: the popup counts names, not the hovered one or figures painted as claims.
      if (!name.startsWith('crossread-') || name === 'crossread-hover' || name === 'crossread-claim') return;
      counts[name.replace(/^crossread-/, '')] = highlight.size;
    });
    return counts;
  });
  const total = Object.values(painted).reduce((sum, count) => sum + count, 0);
  expect(total).toBeGreaterThan(0);

  // The popup describes one tab: found here by its url, which the content script's host permission shows.
  const tabId = await tabIdOf(firefox, article, errors);
  const popup = await openExtensionPage(firefox, `popup.html?tab=${tabId}`, errors);
  await popup.waitForSelector('[data-testid="mention-total"]');
  const seen = await popup.evaluate(() => ({
    total: document.querySelector('[data-testid="mention-total"]')?.getAttribute('data-count'),
    groups: [...document.querySelectorAll('section[data-kind]')].map((section) => ({
      kind: section.getAttribute('data-kind') ?? '',
      label: section.querySelector('h2 .popup__kind-label')?.textContent ?? '',
      total: Number(section.querySelector('h2 .visually-hidden')?.textContent?.match(/^(\d+) mentions?$/)?.[1]),
      buttons: [...section.querySelectorAll('button')].map((button) => button.getAttribute('aria-label') ?? ''),
    })),
  }));
  expect(seen.total).toBe(String(total));
  // A group per painted kind, with as many mentions as the page painted of it, the most mentioned first.
  expect(seen.groups.map((group) => group.kind).sort()).toEqual(Object.keys(painted).sort());
  const totals = seen.groups.map((group) => group.total);
  expect(totals).toEqual(seen.groups.map((group) => painted[group.kind]));
  expect(totals).toEqual([...totals].sort((a, b) => b - a));
  expect(seen.groups.find((group) => group.kind === 'country')?.label).toBe('Countries');
  expect(seen.groups.find((group) => group.kind === 'person')?.buttons).toContainEqual(
    expect.stringMatching(/^Olivier Nduhungirehe, \d+ mentions?$/),
  );

  // Choosing an entity asks the tab to reveal it; the popup then closes itself.
  const button = await popup.$('button[data-entity-id="person:olivier-nduhungirehe"]');
  if (!button) throw new Error('no button for Olivier Nduhungirehe');
  // The popup closes itself once the tab has the request: read its error record before.
  await extensionPageErrors(popup, errors);
  await button.click();
  await waitFor(() => isGone(popup), Boolean, 'the popup to close itself');
  await expectCard(article, 'Olivier Nduhungirehe');
  expect(errors.messages).toEqual([]);
  await article.close();
});

/** Stores settings as the options page would (storage key "settings"). */
async function storeSettings(changes: {
  renderer?: 'paint' | 'wrap';
  cardTrigger?: { mode: 'click' | 'hover'; hoverDelayMs: number };
}): Promise<void> {
  const errors: ErrorLog = { messages: [] };
  const extensionPage = await openExtensionPage(firefox, 'options.html', errors);
  await extensionPage.evaluate(async (changes) => {
    await browser.storage.local.set({
      settings: {
        version: 1,
        enabled: true,
        renderer: changes.renderer ?? 'auto',
        kinds: {},
        sites: { mode: 'all-except-denied', denied: [], allowed: [] },
        cardTrigger: changes.cardTrigger ?? { mode: 'click', hoverDelayMs: 400 },
      },
    });
  }, changes);
  await closeExtensionPage(extensionPage, errors);
  expect(errors.messages).toEqual([]);
}

test('with the wrap renderer, clicking a <mark> opens the card beside it', async () => {
  await storeSettings({ renderer: 'wrap' });
  try {
    const errors: ErrorLog = { messages: [] };
    const page = await openPage(firefox, `${demo.origin}/${ARTICLE}`, errors);
    const markSelector = 'article > p:nth-of-type(4) mark[data-crossread-id="country:rwanda"]';
    await page.waitForSelector(markSelector);
    await page.waitForSelector('crossread-ui');
    const mark = await page.$eval(markSelector, (element) => {
      element.scrollIntoView({ block: 'center' });
      const box = element.getBoundingClientRect();
      return { x: box.left, y: box.top, width: box.width, height: box.height };
    });
    await page.mouse.click(mark.x + mark.width / 2, mark.y + mark.height / 2);
    await expectCard(page, 'Rwanda');
    const card = await page.evaluate(() => {
      const box = document
        .querySelector('crossread-ui')
        ?.shadowRoot?.querySelector('[role="dialog"]')
        ?.getBoundingClientRect();
      return box && { x: box.left, y: box.top, width: box.width, height: box.height };
    });
    if (!card) throw new Error('the card has no box');
    // Beside the mark: just below it (or above it), starting at most a card's width away.
    const gap = Math.min(Math.abs(card.y - (mark.y + mark.height)), Math.abs(mark.y - (card.y + card.height)));
    expect(gap).toBeLessThan(20);
    expect(Math.abs(card.x - mark.x)).toBeLessThan(card.width);
    expect(errors.messages).toEqual([]);
    await page.close();
  } finally {
    await storeSettings({});
  }
});

test('with the hover setting, resting on a mention opens its card and moving away closes it', async () => {
  await storeSettings({ cardTrigger: { mode: 'hover', hoverDelayMs: 300 } });
  try {
    const errors: ErrorLog = { messages: [] };
    const page = await openArticle(errors);
    const point = await centreOf(page, 'article > p:nth-of-type(4)', 'Rwanda');
    await page.mouse.move(point.x, point.y);
    await expectCard(page, 'Rwanda');
    // Onto the card: it stays, so its links can be used.
    const box = await page.evaluate(() => {
      const rect = document
        .querySelector('crossread-ui')
        ?.shadowRoot?.querySelector('[role="dialog"]')
        ?.getBoundingClientRect();
      return rect && { x: rect.left, y: rect.top, width: rect.width, height: rect.height };
    });
    if (!box) throw new Error('the card has no box');
    await page.mouse.move(point.x, point.y + 20, { steps: 4 });
    await page.mouse.move(box.x + box.width / 2, box.y + 30, { steps: 4 });
    await new Promise((settle) => setTimeout(settle, 600));
    expect((await cardsOn(page)).map((card) => card.name)).toEqual(['Rwanda']);
    // Away from both: it goes.
    const width = await page.evaluate(() => innerWidth);
    await page.mouse.move(width - 10, 20);
    await page.mouse.move(width - 5, 30);
    await expectNoCard(page);
    expect(errors.messages).toEqual([]);
    await page.close();
  } finally {
    await storeSettings({});
  }
});

// Chromium only (tests/e2e/card-french.spec.ts): an extension speaks the browser's UI language, and Firefox
// ESR has French only with a language pack (Debian's firefox-esr-l10n-fr), which .ci/run does not install;
// without one, the card stays English even with intl.locale.requested set to fr (tried with Firefox ESR 153).
test.skip('in a French browser the card speaks French, dates included', () => undefined);

// The README's Firefox picture, beside card-light.png from readme-screenshot.spec.ts: same page, size and click.
test('README screenshot: the fact card in Firefox', async () => {
  const errors: ErrorLog = { messages: [] };
  const page = await openArticle(errors);
  await page.setViewport({ width: 1100, height: 760 });
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(false);
  await clickWord(page, 'article h1', 'Rwanda');
  await expectCard(page, 'Rwanda');
  // The card's body scrolls: show the last facts and the start of the outlets' versions.
  await page.evaluate(() => {
    const body = document.querySelector('crossread-ui')?.shadowRoot?.querySelector('.card__body');
    const claims = body?.querySelector('.card__heading');
    if (claims instanceof HTMLElement && body instanceof HTMLElement) {
      body.scrollTop = claims.offsetTop - body.offsetTop - 90;
    }
  });
  const dir = process.env.CROSSREAD_UPDATE_DOCS ? 'docs/screenshots' : 'test-results/firefox';
  await mkdir(dir, { recursive: true });
  await page.screenshot({ path: `${dir}/card-firefox.png` });
  expect(errors.messages).toEqual([]);
  await page.close();
});
