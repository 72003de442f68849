import type { Page } from '@playwright/test';
import { serveClaimArticles } from './claim-articles';
import { pressShortcut, storeSettings } from './demo-page';
import { expect, test } from './fixtures';
import { centreOf, paintedHighlights } from './highlights';
import { CLAIM_PROBE, openRealPage, realPages } from './realpages';

/** A sentence the bundled dataset's payment claim anchors to, as the page's last paragraph. */
const PROBE = '<p>Rwanda requested $100,000 from the United States, one outlet reported.</p>';

/** The figures painted as claim mentions, in no particular order. */
async function claimTexts(page: Page): Promise<string[]> {
  return (await paintedHighlights(page)).filter((h) => h.name === 'crossread-claim').map((h) => h.text);
}

test.describe('claims on the page', () => {
  let articles: Awaited<ReturnType<typeof serveClaimArticles>>;
  test.beforeAll(async () => {
    articles = await serveClaimArticles();
  });
  test.afterAll(async () => {
    await articles.close();
  });

  test('a figure beside a claim’s entities is painted, and its card sets the page’s figure against every outlet', async ({
    context,
    errors,
  }) => {
    const page = await context.newPage();
    await page.goto(`${articles.origin}/paid.html`);
    await expect
      .poll(() => claimTexts(page), { timeout: 10_000 })
      .toEqual(expect.arrayContaining(['$100,000', '4 April 2025', '10 more people', 'July 2024']));
    // The names stay painted as names; the figures are not.
    const painted = await paintedHighlights(page);
    expect(painted.filter((h) => h.name === 'crossread-country').map((h) => h.text)).toContain('Rwanda');
    expect(painted.filter((h) => h.name !== 'crossread-claim').map((h) => h.text)).not.toContain('$100,000');

    const point = await centreOf(page, 'article', '$100,000');
    await page.mouse.click(point.x, point.y);
    const card = page.getByRole('dialog');
    await expect(card).toBeVisible();
    await expect(card).toHaveAttribute('data-claim-id', 'claim:us-rwanda-payment');
    await expect(card.getByTestId('page-claim')).toContainText('$100,000');
    await expect(card.getByTestId('page-claim')).toContainText('received');
    // Every outlet's version, each marked against the page: three give $100,000, one gives no figure.
    const versions = card.locator('.version');
    await expect(versions).toHaveCount(4);
    expect(await versions.evaluateAll((items) => items.map((item) => item.getAttribute('data-comparison')))).toEqual([
      'same',
      'same',
      'same',
      'none',
    ]);
    await expect(card.getByTestId('page-claim-agreement')).toHaveText(
      'Same figure as 3 of the 3 outlets that give one',
    );
    await expect(card).toContainText('Outlets differ: requested vs appropriated vs received vs likely');
    await expect(card.getByTestId('card-position')).toHaveText('Figure 1 of 1 on this page');
    await expect(card).toBeInViewport({ ratio: 0.9 });

    // The entities the sentence names open their own cards, and Back returns to the figure.
    await card.getByRole('button', { name: /^Rwanda/ }).click();
    await expect(page.getByRole('dialog', { name: 'Rwanda', exact: true })).toBeVisible();
    await page.getByRole('button', { name: 'Back to $100,000' }).click();
    await expect(page.getByRole('dialog')).toHaveAttribute('data-claim-id', 'claim:us-rwanda-payment');
    await page.keyboard.press('Escape');
    await expect(page.getByRole('dialog')).toHaveCount(0);
    expect(errors.messages).toEqual([]);
  });

  test('a machine-spun figure still opens its claim, and the card says its unit was not recognised', async ({
    context,
    errors,
  }) => {
    const page = await context.newPage();
    await page.goto(`${articles.origin}/spun.html`);
    await expect.poll(() => claimTexts(page), { timeout: 10_000 }).toContain('$6 cardinal');
    const point = await centreOf(page, 'article', '$6 cardinal');
    await page.mouse.click(point.x, point.y);
    const card = page.getByRole('dialog');
    await expect(card).toHaveAttribute('data-claim-id', 'claim:cecot-payment');
    await expect(card.getByRole('note').filter({ hasText: 'Unrecognised unit' })).toContainText('“cardinal”');
    // A figure whose multiplier is unknown is never called the same as an outlet's.
    expect(await card.locator('.version').evaluateAll((items) => items.map((i) => i.dataset.comparison))).not.toContain(
      'same',
    );
    expect(errors.messages).toEqual([]);
  });

  test('the keyboard reaches claim cards: the next-mention shortcut steps through names and figures in page order', async ({
    context,
    serviceWorker,
  }) => {
    const page = await context.newPage();
    await page.goto(`${articles.origin}/appropriated.html`);
    await expect.poll(() => claimTexts(page), { timeout: 10_000 }).toContain('$6 million');
    const opened: string[] = [];
    for (let step = 0; step < 6; step++) {
      await pressShortcut(serviceWorker, 'next');
      const card = page.getByRole('dialog');
      await expect(card).toBeVisible();
      const claimId = await card.getAttribute('data-claim-id');
      opened.push(claimId ?? `name: ${await card.getByRole('heading', { level: 2 }).textContent()}`);
    }
    // The heading names Kosovo; then "The State Department appropriated $100,000 for the Rwanda arrangement, …".
    expect(opened).toEqual([
      'name: Kosovo',
      'name: U.S. Department of State',
      'claim:us-rwanda-payment',
      'name: Rwanda',
      'name: Kosovo',
      'claim:kosovo-deportees',
    ]);
  });

  test('with the wrap renderer, claim figures are marks with data-crossread-claim, and they open the claim card', async ({
    context,
    serviceWorker,
    errors,
  }) => {
    await storeSettings(serviceWorker, { renderer: 'wrap' });
    const page = await context.newPage();
    await page.goto(`${articles.origin}/requested.html`);
    const mark = page.locator('mark.crossread-mention--claim', { hasText: '$100,000' });
    await expect(mark).toHaveAttribute('data-crossread-claim', 'claim:us-rwanda-payment');
    await expect(mark).toHaveAttribute('data-crossread-id', 'country:rwanda');
    // The names around it are still wrapped once each.
    await expect(
      page.locator('mark[data-crossread-id="country:rwanda"]:not(.crossread-mention--claim)'),
    ).not.toHaveCount(0);
    await mark.click();
    await expect(page.getByRole('dialog')).toHaveAttribute('data-claim-id', 'claim:us-rwanda-payment');
    expect(errors.messages).toEqual([]);
  });

  test('the popup names the story the page covers, the other outlets’ versions, and where its figures differ', async ({
    context,
    openPopupFor,
    errors,
  }) => {
    const page = await context.newPage();
    await page.goto(`${articles.origin}/paid.html`);
    await expect.poll(() => claimTexts(page), { timeout: 10_000 }).toContain('$100,000');
    // A later paragraph gives the payment another figure.
    await page.evaluate(() => {
      const paragraph = document.createElement('p');
      paragraph.textContent = 'A second source put what the United States paid Rwanda at $150,000.';
      document.querySelector('article')?.append(paragraph);
    });
    await expect.poll(() => claimTexts(page), { timeout: 10_000 }).toContain('$150,000');

    const popup = await openPopupFor(page);
    const story = popup.getByTestId('story-match');
    await expect(story.getByRole('heading', { name: 'This page covers' })).toBeVisible();
    await expect(story.locator('[data-story-id]')).toHaveAttribute('data-story-id', 'story:us-rwanda-2025');
    await expect(story.locator('[data-story-id]')).toContainText('Rwanda and the United States discuss relocating');
    const versions = story.getByTestId('story-versions');
    await versions.locator('summary').click();
    await expect(versions.locator('li')).toHaveCount(5);
    await expect(versions.locator('li').first()).toBeVisible();
    // $100,000 agrees with every outlet that gives a figure; $150,000 differs from all three.
    const differences = story.getByTestId('story-differences').locator('li');
    await expect(differences).toHaveCount(1);
    await expect(differences).toHaveAttribute('data-claim-id', 'claim:us-rwanda-payment');
    await expect(differences).toContainText('This page: $150,000');
    await expect(differences).toContainText('$100,000');
    // The British plan's end ("July 2024") is another story the page also reports.
    await expect(story).toContainText('Also related: The UK–Rwanda asylum partnership');
    expect(errors.messages).toEqual([]);
  });

  test('the unrelated article has no claim mention: not its byline year, page number, percentage or time', async ({
    context,
  }) => {
    const page = await context.newPage();
    await page.goto(`${articles.origin}/unrelated.html`);
    // The probe paragraph added after load is answered after the page's own blocks: once it is painted,
    // the article's figures have been read.
    await page.evaluate((html) => document.querySelector('article')?.insertAdjacentHTML('beforeend', html), PROBE);
    await expect.poll(() => claimTexts(page), { timeout: 10_000 }).toEqual(['$100,000']);
  });
});

test.describe('no false claim mentions on the saved news pages', () => {
  for (const file of realPages) {
    test(`${file}: none of its own figures is painted as a claim`, async ({ context, errors }) => {
      const page = await context.newPage();
      // The probe sentence names Rwanda and the United States, so the page as a whole is "about" the
      // US–Rwanda claims: only the rules for each figure and its sentence keep the page's own sums out.
      await openRealPage(page, file, CLAIM_PROBE);
      await expect.poll(() => claimTexts(page), { timeout: 15_000 }).toContain('$100,000');
      expect(await claimTexts(page)).toEqual(['$100,000']);
      expect(errors.messages).toEqual([]);
    });
  }
});
