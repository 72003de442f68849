import { serveClaimArticles } from './claim-articles';
import { clickWord, openDemo } from './demo-page';
import { expect, test } from './fixtures';

// The README's screenshot is made by this test from the real build, so it
// always shows what the extension does today. `npm run screenshot` refreshes
// docs/screenshot.png; other runs keep theirs in test-results/.
test('README screenshot: a demo article with its mentions highlighted', async ({
  context,
  demoOrigin,
  errors,
}, testInfo) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`${demoOrigin}/us-rwanda-talks.html`);
  await expect
    .poll(() => page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('crossread-')).length))
    .toBeGreaterThan(0);

  const path = process.env.CROSSREAD_UPDATE_DOCS ? 'docs/screenshot.png' : testInfo.outputPath('screenshot.png');
  await page.screenshot({ path });
  await testInfo.attach('screenshot', { path, contentType: 'image/png' });
  expect(errors.messages).toEqual([]);
});

// The card in both colour schemes, opened on the payment claim's country.
for (const scheme of ['light', 'dark'] as const) {
  test(`README screenshot: the fact card, ${scheme}`, async ({ context, demoOrigin, errors }, testInfo) => {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.emulateMedia({ colorScheme: scheme });
    await openDemo(page, demoOrigin);
    await clickWord(page, 'article h1', 'Rwanda');
    const card = page.getByRole('dialog', { name: 'Rwanda' });
    await expect(card.locator('[data-claim-id]').first()).toBeVisible();
    // The card's body scrolls: show the last facts and the start of the outlets' versions.
    await card.locator('.card__body').evaluate((body) => {
      const claims = body.querySelector('.card__heading');
      if (claims instanceof HTMLElement && body instanceof HTMLElement) {
        body.scrollTop = claims.offsetTop - body.offsetTop - 90;
      }
    });

    const file = `card-${scheme}.png`;
    const path = process.env.CROSSREAD_UPDATE_DOCS ? `docs/screenshots/${file}` : testInfo.outputPath(file);
    await page.screenshot({ path });
    await testInfo.attach(file, { path, contentType: 'image/png' });
    expect(errors.messages).toEqual([]);
  });
}

// A figure's claim card: the page's "$100,000" set against every outlet's version.
test('README screenshot: the claim card of a figure on the page', async ({ context, errors }, testInfo) => {
  const articles = await serveClaimArticles();
  try {
    const page = await context.newPage();
    await page.setViewportSize({ width: 1100, height: 760 });
    await page.goto(`${articles.origin}/paid.html`);
    await expect
      .poll(() => page.evaluate(() => CSS.highlights.get('crossread-claim')?.size ?? 0))
      .toBeGreaterThanOrEqual(4);
    await clickWord(page, 'article', '$100,000');
    const card = page.getByRole('dialog');
    await expect(card.getByTestId('page-claim-agreement')).toBeVisible();
    const path = process.env.CROSSREAD_UPDATE_DOCS
      ? 'docs/screenshots/claim-card.png'
      : testInfo.outputPath('claim.png');
    await page.screenshot({ path });
    await testInfo.attach('claim-card', { path, contentType: 'image/png' });
    expect(errors.messages).toEqual([]);
  } finally {
    await articles.close();
  }
});
