import { expect, test } from './fixtures';
import { demoArticleProblems, paintedHighlights, paintedInsideSkipZones, paintedTexts } from './highlights';

test('highlights known names in a news article without touching its DOM', async ({ context, demoOrigin, errors }) => {
  const page = await context.newPage();
  await page.goto(`${demoOrigin}/us-rwanda-talks.html`);
  const articleHtml = await page.locator('article').innerHTML();

  await expect
    .poll(async () => [...new Set((await paintedHighlights(page)).map((highlight) => highlight.name))])
    .toEqual(expect.arrayContaining(['crossread-country', 'crossread-person', 'crossread-organization']));
  expect(demoArticleProblems(await paintedTexts(page))).toEqual([]);

  // Painting leaves the article's markup exactly as the site served it.
  expect(await page.locator('article').innerHTML()).toBe(articleHtml);
  // Text the reader types is never highlighted or changed.
  await expect(page.locator('textarea')).toHaveValue('Rwanda and the United States should publish the agreement.');
  expect(await page.evaluate(paintedInsideSkipZones)).toEqual([]);

  // The single in-page UI host, with an open shadow root, taking no space.
  const host = await page.evaluate(() => {
    const hosts = document.querySelectorAll('crossread-ui');
    const first = hosts[0];
    const box = first?.getBoundingClientRect();
    return {
      count: hosts.length,
      open: first?.shadowRoot !== null && first?.shadowRoot !== undefined,
      width: box?.width,
      height: box?.height,
    };
  });
  expect(host).toEqual({ count: 1, open: true, width: 0, height: 0 });

  expect(errors.messages).toEqual([]);
});

test('the popup reports the number of mentions on the tab it describes', async ({
  context,
  demoOrigin,
  errors,
  openPopupFor,
}) => {
  const page = await context.newPage();
  await page.goto(`${demoOrigin}/us-rwanda-talks.html`);
  await expect.poll(async () => (await paintedTexts(page)).length).toBeGreaterThan(0);
  const expected = (await paintedTexts(page)).length;

  const popup = await openPopupFor(page);
  const total = popup.getByTestId('mention-total');
  await expect(total).toHaveAttribute('data-count', String(expected));
  await expect(total).toContainText(`${expected} mentions`);
  await expect(popup.locator('[data-entity-id="country:rwanda"]')).toContainText('Rwanda');
  await expect(popup.locator('[data-entity-id="person:olivier-nduhungirehe"]')).toContainText('Olivier Nduhungirehe');

  expect(errors.messages).toEqual([]);
});

test('the options page shows the active dataset', async ({ context, extensionId, errors }) => {
  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  const panel = options.getByTestId('active-dataset');
  await expect(panel).toHaveAttribute('data-dataset-id', 'third-country-deportations');
  await expect(panel).toContainText('Third-country deportation deals');
  await expect(panel).toContainText('Bundled with Crossread');
  await expect(panel).toContainText(/Country: \d+/);
  expect(errors.messages).toEqual([]);
});
