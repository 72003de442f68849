import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { serveClaimArticles } from '../e2e/claim-articles';
import {
  centreOf,
  closeExtensionPage,
  type ErrorLog,
  type Firefox,
  launchFirefox,
  openExtensionPage,
  openPage,
  paintedHighlights,
  tabIdOf,
  waitFor,
} from './firefox';

// Claims on the page in Firefox: the Chromium suite's claims.spec.ts cases for the fixture articles. The
// figures travel from the content script to the background and back as offsets, and the card reads the
// claim from the shadow root: both cross Firefox's Xray wrappers.

let firefox: Firefox;
let articles: Awaited<ReturnType<typeof serveClaimArticles>>;

beforeAll(async () => {
  firefox = await launchFirefox();
  articles = await serveClaimArticles();
});

afterAll(async () => {
  await firefox?.close();
  await articles?.close();
});

async function claimTexts(page: Page): Promise<string[]> {
  return (await paintedHighlights(page)).filter((h) => h.name === 'crossread-claim').map((h) => h.text);
}

/** The open card's claim id, the page-claim summary's text, and each version's comparison. */
function claimCard(page: Page) {
  return page.evaluate(() => {
    const dialog = document.querySelector('crossread-ui')?.shadowRoot?.querySelector('[role="dialog"]');
    return {
      claimId: dialog?.getAttribute('data-claim-id') ?? null,
      summary: dialog?.querySelector('[data-testid="page-claim"]')?.textContent ?? '',
      comparisons: [...(dialog?.querySelectorAll('.version') ?? [])].map((item) =>
        item.getAttribute('data-comparison'),
      ),
    };
  });
}

async function clickFigure(page: Page, figure: string): Promise<void> {
  const point = await centreOf(page, 'article', figure);
  await page.mouse.click(point.x, point.y);
}

test('a figure beside a claim’s entities is painted, and a real click opens its claim card', async () => {
  const errors: ErrorLog = { messages: [] };
  const page = await openPage(firefox, `${articles.origin}/paid.html`, errors);
  const painted = await waitFor(
    () => claimTexts(page),
    (texts) => ['$100,000', '4 April 2025', '10 more people', 'July 2024'].every((text) => texts.includes(text)),
    'the four claim figures painted',
  );
  expect(painted).toHaveLength(4);
  await clickFigure(page, '$100,000');
  const card = await waitFor(
    () => claimCard(page),
    (seen) => seen.comparisons.length > 0,
    'the claim card with its versions',
  );
  expect(card.claimId).toBe('claim:us-rwanda-payment');
  expect(card.summary).toContain('$100,000');
  expect(card.comparisons).toEqual(['same', 'same', 'same', 'none']);
  await page.keyboard.press('Escape');
  await waitFor(
    () => claimCard(page),
    (seen) => seen.claimId === null,
    'the card closed',
  );
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('the spun copy’s "$6 cardinal" opens its claim, with the unit called unrecognised', async () => {
  const errors: ErrorLog = { messages: [] };
  const page = await openPage(firefox, `${articles.origin}/spun.html`, errors);
  await waitFor(
    () => claimTexts(page),
    (texts) => texts.includes('$6 cardinal'),
    '"$6 cardinal" painted',
  );
  await clickFigure(page, '$6 cardinal');
  const card = await waitFor(
    () => claimCard(page),
    (seen) => seen.comparisons.length > 0,
    'the claim card',
  );
  expect(card.claimId).toBe('claim:cecot-payment');
  expect(card.summary).toContain('Unrecognised unit: “cardinal”');
  expect(card.comparisons).not.toContain('same');
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('the popup names the story the page covers', async () => {
  const errors: ErrorLog = { messages: [] };
  const page = await openPage(firefox, `${articles.origin}/paid.html`, errors);
  await waitFor(
    () => claimTexts(page),
    (texts) => texts.includes('$100,000'),
    '"$100,000" painted',
  );
  const popup = await openExtensionPage(firefox, `popup.html?tab=${await tabIdOf(firefox, page, errors)}`, errors);
  const story = await waitFor(
    () =>
      popup.evaluate(() => ({
        id: document.querySelector('[data-testid="story-match"] [data-story-id]')?.getAttribute('data-story-id'),
        versions: document.querySelectorAll('[data-testid="story-versions"] li').length,
      })),
    (seen) => seen.id !== undefined,
    'the story match',
  );
  expect(story).toEqual({ id: 'story:us-rwanda-2025', versions: 5 });
  await closeExtensionPage(popup, errors);
  expect(errors.messages).toEqual([]);
  await page.close();
});

test('the unrelated article has no claim mention', async () => {
  const errors: ErrorLog = { messages: [] };
  const page = await openPage(firefox, `${articles.origin}/unrelated.html`, errors);
  // A claim sentence added last is answered after the article's own blocks: once it shows, they were read.
  await page.evaluate(() => {
    const paragraph = document.createElement('p');
    paragraph.textContent = 'Rwanda requested $100,000 from the United States, one outlet reported.';
    document.querySelector('article')?.append(paragraph);
  });
  const painted = await waitFor(
    () => claimTexts(page),
    (texts) => texts.length > 0,
    'the added claim painted',
  );
  expect(painted).toEqual(['$100,000']);
  expect(errors.messages).toEqual([]);
  await page.close();
});
