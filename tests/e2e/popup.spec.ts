import type { Page, TestInfo } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { expect, test } from './fixtures';
import { isNameHighlight, paintedHighlights, paintedTexts } from './highlights';

// The toolbar popup, opened as a page of its own pointed at the article's tab
// (fixtures.ts: openPopupFor), driven as a user drives it: its switches save
// the settings, and the article in the other tab follows without a reload.

// Callbacks passed to evaluate() in extension pages and the service worker run where `chrome` exists.
declare const chrome: WxtBrowser;

const ARTICLE = 'us-rwanda-talks.html';

/** Opens the demo article and waits until Crossread has painted it and mounted its UI host. */
async function openArticle(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/${ARTICLE}`);
  await page.waitForSelector('crossread-ui', { state: 'attached' });
  await expect.poll(async () => (await paintedTexts(page)).length).toBeGreaterThan(0);
}

/** Painted ranges per kind, from the page's CSS.highlights ("crossread-country" → country). */
async function paintedPerKind(page: Page): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  for (const { name } of await paintedHighlights(page)) {
    // Hover and claim highlights are not names: the popup counts names.
    if (!isNameHighlight(name)) continue;
    const kind = name.replace(/^crossread-/, '');
    counts.set(kind, (counts.get(kind) ?? 0) + 1);
  }
  return counts;
}

/** How many names the page has painted: what the popup counts (figures painted as claims are not names). */
async function paintedNames(page: Page): Promise<number> {
  return [...(await paintedPerKind(page)).values()].reduce((sum, count) => sum + count, 0);
}

/** The popup's groups: kind, the heading's label and its mentions as read out, and the entity buttons' names. */
const popupGroups = (popup: Page) =>
  popup.locator('section[data-kind]').evaluateAll((sections) =>
    sections.map((section) => ({
      kind: section.getAttribute('data-kind'),
      label: section.querySelector('h2 .popup__kind-label')?.textContent ?? '',
      total: Number(section.querySelector('h2 .visually-hidden')?.textContent?.match(/^(\d+) mentions?$/)?.[1]),
      buttons: [...section.querySelectorAll('button')].map((button) => button.getAttribute('aria-label') ?? ''),
    })),
  );

/** After a reload of a turned-off site: the content script is running, and still nothing is painted. */
async function expectStaysOffAfterReload(article: Page): Promise<void> {
  await article.reload();
  await article.waitForSelector('crossread-ui', { state: 'attached' });
  // The UI host mounts after settings are applied, so a page that were to be painted would be by now; wait a little more.
  await article.waitForTimeout(500);
  expect(await paintedTexts(article)).toEqual([]);
}

test('the popup lists the page’s entities grouped by kind with their counts, all reachable with Tab', async ({
  context,
  demoOrigin,
  openPopupFor,
  errors,
}) => {
  const article = await context.newPage();
  await openArticle(article, demoOrigin);
  const painted = await paintedPerKind(article);
  const total = [...painted.values()].reduce((sum, count) => sum + count, 0);

  const popup = await openPopupFor(article);
  await expect(popup.getByTestId('mention-total')).toHaveAttribute('data-count', String(total));
  const groups = await popupGroups(popup);
  // A group per painted kind, with as many mentions as the page has painted of it, the most mentioned first.
  expect(groups.map((group) => group.kind).sort()).toEqual([...painted.keys()].sort());
  const totals = groups.map((group) => group.total);
  expect(totals).toEqual(groups.map((group) => painted.get(group.kind ?? '')));
  expect(totals).toEqual([...totals].sort((a, b) => b - a));
  expect(groups.find((group) => group.kind === 'country')?.label).toBe('Countries');
  expect(groups.find((group) => group.kind === 'person')?.buttons).toContainEqual(
    expect.stringMatching(/^Olivier Nduhungirehe, \d+ mentions?$/),
  );
  // Entities within a group: most mentioned first.
  for (const group of groups) {
    const counts = group.buttons.map((name) => Number(name.match(/, (\d+) mentions?$/)?.[1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
  }
  await expect(popup.getByRole('button', { name: /^Rwanda, \d+ mentions$/ })).toBeVisible();

  // Keyboard: Tab reaches the switches, the story's versions, then every entity, then the options.
  const stops = await popup.locator('button, summary').count();
  const reached: string[] = [];
  for (let step = 0; step < stops; step++) {
    await popup.keyboard.press('Tab');
    reached.push(
      await popup.evaluate(() => {
        const focused = document.activeElement as HTMLElement | null;
        return focused?.dataset.testid ?? focused?.dataset.entityId ?? focused?.tagName ?? '';
      }),
    );
  }
  expect(reached.slice(0, 3)).toEqual(['global-switch', 'site-switch', 'SUMMARY']);
  expect(reached.at(-1)).toBe('open-options');
  expect(new Set(reached).size).toBe(stops);

  expect(errors.messages).toEqual([]);
});

test('the site switch turns the page’s highlights off, for good across a reload, and on again', async ({
  context,
  demoOrigin,
  openPopupFor,
  errors,
}) => {
  const article = await context.newPage();
  await openArticle(article, demoOrigin);
  const painted = (await paintedTexts(article)).length;
  const names = await paintedNames(article);

  let popup = await openPopupFor(article);
  const site = popup.getByTestId('site-switch');
  await expect(site).toContainText(new URL(demoOrigin).hostname);
  await expect(site).toHaveAttribute('aria-checked', 'true');
  await site.click();
  await expect(site).toHaveAttribute('aria-checked', 'false');
  await expect(popup.getByTestId('site-disabled')).toContainText('turned off on this site');
  await expect.poll(() => paintedTexts(article)).toEqual([]);
  await popup.close();

  await expectStaysOffAfterReload(article);

  popup = await openPopupFor(article);
  await expect(popup.getByTestId('site-switch')).toHaveAttribute('aria-checked', 'false');
  await popup.getByTestId('site-switch').click();
  await expect.poll(async () => (await paintedTexts(article)).length).toBe(painted);
  // The popup lists the page again once the tab reports its scan.
  await expect(popup.getByTestId('mention-total')).toHaveAttribute('data-count', String(names));

  expect(errors.messages).toEqual([]);
});

test('the global switch turns every page off, for good across a reload, and on again', async ({
  context,
  demoOrigin,
  openPopupFor,
  errors,
}) => {
  const article = await context.newPage();
  await openArticle(article, demoOrigin);
  const other = await context.newPage();
  await other.goto(`${demoOrigin}/uk-rwanda-plan.html`);
  await expect.poll(async () => (await paintedTexts(other)).length).toBeGreaterThan(0);
  const painted = (await paintedTexts(article)).length;
  const names = await paintedNames(article);

  let popup = await openPopupFor(article);
  const global = popup.getByTestId('global-switch');
  await expect(global).toHaveAttribute('aria-checked', 'true');
  await global.click();
  await expect(global).toHaveAttribute('aria-checked', 'false');
  await expect(popup.getByTestId('globally-off')).toBeVisible();
  await expect(popup.getByTestId('site-switch')).toBeDisabled();
  await expect.poll(() => paintedTexts(article)).toEqual([]);
  await expect.poll(() => paintedTexts(other)).toEqual([]);
  await popup.close();

  await expectStaysOffAfterReload(article);

  popup = await openPopupFor(article);
  await expect(popup.getByTestId('globally-off')).toBeVisible();
  await popup.getByTestId('global-switch').click();
  await expect(popup.getByTestId('globally-off')).toHaveCount(0);
  await expect.poll(async () => (await paintedTexts(article)).length).toBe(painted);
  await expect.poll(async () => (await paintedTexts(other)).length).toBeGreaterThan(0);
  await expect(popup.getByTestId('mention-total')).toHaveAttribute('data-count', String(names));

  expect(errors.messages).toEqual([]);
});

test('choosing an entity sends the tab a reveal request for it, then closes the popup', async ({
  context,
  demoOrigin,
  openPopupFor,
  serviceWorker,
  errors,
}) => {
  const article = await context.newPage();
  await openArticle(article, demoOrigin);
  const popup = await openPopupFor(article);
  await expect(popup.getByTestId('mention-total')).toBeVisible();
  // Note what the popup sends to tabs, where the test can read it after the popup has closed.
  await popup.evaluate(() => {
    const send = chrome.tabs.sendMessage.bind(chrome.tabs) as (...args: unknown[]) => Promise<unknown>;
    (chrome.tabs as { sendMessage: unknown }).sendMessage = (tabId: number, message: unknown) => {
      void chrome.storage.session.set({ 'e2e:sent-to-tab': { tabId, message } });
      return send(tabId, message);
    };
  });
  // openPopupFor points the popup at the article's tab with ?tab=ID.
  const tabId = Number(new URL(popup.url()).searchParams.get('tab'));
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: /^Olivier Nduhungirehe, / }).click();
  await closed;
  await expect
    .poll(() =>
      serviceWorker.evaluate(async () => (await chrome.storage.session.get('e2e:sent-to-tab'))['e2e:sent-to-tab']),
    )
    .toEqual({ tabId, message: { type: 'crossread:reveal-entity', entityId: 'person:olivier-nduhungirehe' } });

  expect(errors.messages).toEqual([]);
});

test('choosing an entity in the popup opens its card on the page', async ({
  context,
  demoOrigin,
  openPopupFor,
  errors,
}) => {
  const article = await context.newPage();
  await openArticle(article, demoOrigin);
  const popup = await openPopupFor(article);
  const closed = popup.waitForEvent('close');
  await popup.getByRole('button', { name: /^Olivier Nduhungirehe, / }).click();
  // The popup closes itself once the tab has the request.
  await closed;
  await article.bringToFront();
  await expect
    .poll(() =>
      article.evaluate(() => {
        const dialog = document.querySelector('crossread-ui')?.shadowRoot?.querySelector('[role="dialog"]');
        return dialog?.textContent ?? null;
      }),
    )
    .toContain('Olivier Nduhungirehe');

  expect(errors.messages).toEqual([]);
});

/** Screenshots of the popup for the docs: `CROSSREAD_UPDATE_DOCS=1` writes docs/screenshots/, other runs test-results/. */
async function screenshot(popup: Page, name: string, testInfo: TestInfo): Promise<void> {
  const path = process.env.CROSSREAD_UPDATE_DOCS ? `docs/screenshots/${name}.png` : testInfo.outputPath(`${name}.png`);
  await popup.locator('main').screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test('popup screenshots, light and dark', async ({ context, demoOrigin, openPopupFor, errors }, testInfo) => {
  const article = await context.newPage();
  await openArticle(article, demoOrigin);
  const popup = await openPopupFor(article);
  await popup.setViewportSize({ width: 360, height: 640 });
  await expect(popup.locator('section[data-kind]').first()).toBeVisible();
  // Focus is not shown in the pictures.
  await popup.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());

  await screenshot(popup, 'popup', testInfo);
  await popup.emulateMedia({ colorScheme: 'dark' });
  await screenshot(popup, 'popup-dark', testInfo);

  // The other states, for review only (test-results/).
  await popup.emulateMedia({ colorScheme: 'light' });
  await popup.getByTestId('site-switch').click();
  await expect(popup.getByTestId('site-disabled')).toBeVisible();
  await popup.locator('main').screenshot({ path: testInfo.outputPath('popup-site-off.png') });
  await popup.getByTestId('global-switch').click();
  await expect(popup.getByTestId('globally-off')).toBeVisible();
  await popup.locator('main').screenshot({ path: testInfo.outputPath('popup-globally-off.png') });

  expect(errors.messages).toEqual([]);
});
