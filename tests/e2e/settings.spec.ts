import type { BrowserContext, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { paintedHighlights, paintedTexts } from './highlights';

// Settings are changed the way a user changes them, on the options page, and
// an article open in another tab must follow at once, without a reload.

const ARTICLE = 'us-rwanda-talks.html';

async function openOptions(context: BrowserContext, extensionId: string): Promise<Page> {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('settings')).toBeVisible();
  return options;
}

/** Opens the demo article and waits until Crossread has painted it and mounted its UI host. */
async function openArticle(page: Page, origin: string): Promise<void> {
  await page.goto(`${origin}/${ARTICLE}`);
  await page.waitForSelector('crossread-ui', { state: 'attached' });
  await expect.poll(async () => (await paintedTexts(page)).length).toBeGreaterThan(0);
}

const marks = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('mark.crossread-mention')].map((mark) => ({
      id: mark.getAttribute('data-crossread-id'),
      text: mark.textContent,
    })),
  );

const paintedNames = async (page: Page) => [
  ...new Set((await paintedHighlights(page)).map((highlight) => highlight.name)),
];

test('turning Crossread off for a site clears an open tab at once; turning it on highlights it again', async ({
  context,
  demoOrigin,
  extensionId,
  openPopupFor,
  errors,
}) => {
  const article = await context.newPage();
  await openArticle(article, demoOrigin);
  const painted = (await paintedTexts(article)).length;
  const html = await article.locator('body').innerHTML();

  const options = await openOptions(context, extensionId);
  const denied = options.getByTestId('denied-sites');
  await denied.fill(new URL(demoOrigin).hostname);
  await denied.blur();
  await expect.poll(() => paintedTexts(article)).toEqual([]);
  expect(await marks(article)).toEqual([]);
  expect(await article.locator('body').innerHTML()).toBe(html);
  // The UI host stays, idle.
  expect(await article.locator('crossread-ui').count()).toBe(1);

  // The popup still answers, and says why there is nothing.
  const popup = await openPopupFor(article);
  await expect(popup.getByTestId('site-disabled')).toContainText('turned off on this site');
  await popup.close();

  await options.bringToFront();
  await denied.fill('');
  await denied.blur();
  await expect.poll(async () => (await paintedTexts(article)).length).toBe(painted);

  expect(errors.messages).toEqual([]);
});

test('switching renderer re-highlights with the new one and leaves nothing of the old', async ({
  context,
  demoOrigin,
  extensionId,
  errors,
}) => {
  const article = await context.newPage();
  await openArticle(article, demoOrigin);
  const painted = (await paintedTexts(article)).sort();
  const html = await article.locator('body').innerHTML();

  const options = await openOptions(context, extensionId);
  await options.getByLabel(/^Wrap/).check();
  await expect.poll(async () => (await marks(article)).length).toBeGreaterThan(0);
  await expect.poll(() => paintedNames(article)).toEqual([]);
  const wrapped = await marks(article);
  expect(wrapped.every((mark) => /^[a-z-]+:[a-z0-9-]+$/.test(mark.id ?? ''))).toBe(true);
  // The same names, split per text node where markup splits them ("Olivier <a>Nduhungirehe</a>").
  expect(wrapped.filter((mark) => mark.id === 'person:olivier-nduhungirehe').map((mark) => mark.text)).toContain(
    'Nduhungirehe',
  );

  await options.getByLabel(/^Paint/).check();
  await expect.poll(async () => (await paintedTexts(article)).sort()).toEqual(painted);
  expect(await marks(article)).toEqual([]);
  expect(await article.locator('body').innerHTML()).toBe(html);

  expect(errors.messages).toEqual([]);
});

test('a kind turned off is not highlighted, and a colour change shows at once', async ({
  context,
  demoOrigin,
  extensionId,
  openPopupFor,
  errors,
}) => {
  const article = await context.newPage();
  await openArticle(article, demoOrigin);
  expect(await paintedNames(article)).toContain('crossread-country');

  const options = await openOptions(context, extensionId);
  await options.locator('[data-kind="country"] input[type="checkbox"]').uncheck();
  await expect.poll(() => paintedNames(article)).not.toContain('crossread-country');
  expect(await paintedNames(article)).toContain('crossread-person');
  // Nor counted: the popup lists no country.
  const popup = await openPopupFor(article);
  await expect(popup.locator('[data-entity-id="person:olivier-nduhungirehe"]')).toBeVisible();
  await expect(popup.locator('[data-entity-id^="country:"]')).toHaveCount(0);
  await popup.close();

  await options.bringToFront();
  await options.locator('[data-kind="country"] input[type="checkbox"]').check();
  await expect.poll(() => paintedNames(article)).toContain('crossread-country');
  // Painted: the colour of the ::highlight() the article's headline gets.
  const paintedColour = () =>
    article.evaluate(() => {
      const headline = document.querySelector('h1');
      return headline && getComputedStyle(headline, '::highlight(crossread-country)').backgroundColor;
    });
  expect(await paintedColour()).toBe('rgba(56, 132, 255, 0.22)');
  await options.locator('[data-kind="country"] input[type="color"]').fill('#ff0000');
  await expect.poll(paintedColour).toBe('rgba(255, 0, 0, 0.22)');

  // Wrapped: the computed style of a mark.
  await options.getByLabel(/^Wrap/).check();
  const rwanda = article.locator('mark[data-crossread-id="country:rwanda"]').first();
  await expect(rwanda).toBeAttached();
  expect(await rwanda.evaluate((mark) => getComputedStyle(mark).backgroundColor)).toBe('rgba(255, 0, 0, 0.22)');
  expect(await rwanda.evaluate((mark) => getComputedStyle(mark).textDecorationColor)).toBe('rgba(255, 0, 0, 0.9)');
  await options.locator('[data-kind="country"] input[type="color"]').fill('#00ff00');
  await expect
    .poll(() => rwanda.evaluate((mark) => getComputedStyle(mark).backgroundColor))
    .toBe('rgba(0, 255, 0, 0.22)');

  expect(errors.messages).toEqual([]);
});

test('turning claims off in the options removes the figures’ highlights from an open tab, names kept; on again, back', async ({
  context,
  demoOrigin,
  extensionId,
  errors,
}) => {
  const article = await context.newPage();
  await openArticle(article, demoOrigin);
  const claims = async () =>
    (await paintedHighlights(article)).filter((highlight) => highlight.name === 'crossread-claim').length;
  await expect.poll(claims).toBeGreaterThan(0);
  const names = (await paintedHighlights(article)).filter((highlight) => highlight.name !== 'crossread-claim').length;

  const options = await openOptions(context, extensionId);
  const setting = options.getByTestId('claims-setting').getByRole('checkbox');
  await expect(setting).toBeChecked();
  await setting.uncheck();
  await expect.poll(claims).toBe(0);
  expect((await paintedHighlights(article)).length).toBe(names);

  await setting.check();
  await expect.poll(claims).toBeGreaterThan(0);
  expect(errors.messages).toEqual([]);
});
