// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import { bundledDataset, bundledPageIndex } from '../../lib/bundled-dataset';
import { anchorableClaims } from '../../lib/claims/anchor';
import { type FoundClaim, findPageClaims } from '../../lib/claims/page-claims';
import { defaultSettings } from '../../lib/settings';
import type { FindClaims } from '../../page/claim-spotter';
import { PageHighlighting } from '../../page/page-highlighting';

// The page side of claims (page/claim-spotter.ts, page/live-highlighting.ts): what the content script does
// with the background's answer. The background is the real lib/claims code, called directly. happy-dom has
// no CSS Custom Highlight API, so mentions are wrapped: what they cover is visible in the DOM.

const claims = anchorableClaims(bundledDataset().claims, bundledDataset().entities);

/** The background's answer, computed as extension/claim-finder.ts computes it. */
const background: FindClaims = async ({ blocks, pageEntityIds }) =>
  findPageClaims(blocks, claims, { pageEntityIds: new Set(pageEntityIds) });

const ARTICLE =
  '<article><h1>Rwanda and the United States</h1>' +
  '<p id="payment">Rwanda received <b>$100,000</b> from the United States, officials said.</p>' +
  '<p id="other">The weather in Kigali was fine.</p></article>';

function start(findClaims: FindClaims) {
  document.body.innerHTML = ARTICLE;
  const highlighting = new PageHighlighting(document, {
    hostname: 'news.example',
    loadIndex: async () => bundledPageIndex(),
    findClaims,
  });
  return highlighting;
}

/** Resolves once the claim answer has been applied (the marks show it). */
async function until(check: () => boolean): Promise<void> {
  for (let tries = 0; tries < 100 && !check(); tries++) await new Promise((resolve) => setTimeout(resolve, 10));
  expect(check()).toBe(true);
}

const claimMarks = () =>
  [...document.querySelectorAll('mark.crossread-mention--claim')].map((mark) => [
    mark.textContent,
    mark.getAttribute('data-crossread-claim'),
    mark.getAttribute('data-crossread-id'),
  ]);

let highlighting: PageHighlighting | null = null;
afterEach(() => {
  highlighting?.stop();
  highlighting = null;
});

describe('claims on the page', () => {
  it('wraps the figure as a claim mark beside the names, lists it for the popup, and steps through it in order', async () => {
    highlighting = start(background);
    await highlighting.applySettings({ ...defaultSettings(), renderer: 'wrap' });
    await until(() => claimMarks().length > 0);
    expect(claimMarks()).toEqual([['$100,000', 'claim:us-rwanda-payment', 'country:rwanda']]);
    // The names are still wrapped once each; the popup counts names only and lists the claim apart.
    const summary = highlighting.summary();
    expect(summary.total).toBe(document.querySelectorAll('mark:not(.crossread-mention--claim)').length);
    expect(summary.claims).toEqual([
      { claimId: 'claim:us-rwanda-payment', figure: expect.objectContaining({ asReported: '$100,000' }) },
    ]);
    // Keyboard order is the page's, though wrapping took the text nodes out: Rwanda and the United States
    // (h1), Rwanda, $100,000, the United States, Kigali.
    expect(highlighting.mentionsInOrder().map((mention) => mention.claim?.claimId ?? mention.entityId)).toEqual([
      'country:rwanda',
      'country:united-states',
      'country:rwanda',
      'claim:us-rwanda-payment',
      'country:united-states',
      'country:rwanda',
    ]);
  });

  it('puts the page back exactly as it was when it stops', async () => {
    highlighting = start(background);
    const before = document.body.innerHTML;
    const textNodes = [...document.querySelectorAll('p, h1, b')].flatMap((element) => [...element.childNodes]);
    await highlighting.applySettings({ ...defaultSettings(), renderer: 'wrap' });
    await until(() => claimMarks().length > 0);
    highlighting.stop();
    highlighting = null;
    expect(document.body.innerHTML).toBe(before);
    // The very text nodes the page had, not copies.
    expect([...document.querySelectorAll('p, h1, b')].flatMap((element) => [...element.childNodes])).toEqual(textNodes);
  });

  it('drops an answer about a block the page changed meanwhile: the rescan asks again', async () => {
    const answers: Array<(found: FoundClaim[][]) => void> = [];
    const requests: string[][] = [];
    highlighting = start(async (request) => {
      requests.push(request.blocks.map((block) => block.text));
      const found = await background(request);
      return new Promise((resolve) => answers.push(() => resolve(found)));
    });
    await highlighting.applySettings({ ...defaultSettings(), renderer: 'wrap' });
    await until(() => answers.length === 1);
    // The page rewrites the paragraph before the first answer arrives.
    const payment = document.getElementById('payment') as HTMLElement;
    payment.textContent = 'Rwanda received $6 million from the United States.';
    answers[0]?.([]);
    await until(() => answers.length === 2);
    expect(claimMarks()).toEqual([]);
    expect(requests[1]).toEqual(['Rwanda received $6 million from the United States.']);
    answers[1]?.([]);
    await until(() => claimMarks().length === 1);
    expect(claimMarks()).toEqual([['$6 million', 'claim:us-rwanda-payment', 'country:rwanda']]);
  });

  it('follows the claims setting: off, no figure is asked about or marked; on again, they come back', async () => {
    let requests = 0;
    highlighting = start(async (request) => {
      requests++;
      return background(request);
    });
    const wrap = { ...defaultSettings(), renderer: 'wrap' as const };
    await highlighting.applySettings({ ...wrap, claims: false });
    await until(() => document.querySelectorAll('mark').length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(requests).toBe(0);
    expect(claimMarks()).toEqual([]);
    await highlighting.applySettings(wrap);
    await until(() => claimMarks().length === 1);
    await highlighting.applySettings({ ...wrap, claims: false });
    expect(claimMarks()).toEqual([]);
    expect(highlighting.summary().claims).toEqual([]);
  });

  it('keeps the names highlighted when the background does not answer', async () => {
    highlighting = start(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    });
    await highlighting.applySettings({ ...defaultSettings(), renderer: 'wrap' });
    await until(() => document.querySelectorAll('mark').length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(claimMarks()).toEqual([]);
    // Rwanda and the United States twice each, and Kigali.
    expect(highlighting.summary().total).toBe(5);
  });
});
