import { describe, expect, it } from 'vitest';
import { bundledDataset, bundledMatcher } from '../../lib/bundled-dataset';
import { anchorableClaims } from '../../lib/claims/anchor';
import { compareFigure, type PageFigure } from '../../lib/claims/compare';
import { findPageClaims } from '../../lib/claims/page-claims';
import { FIXTURE_ARTICLES } from './claims-fixture-articles';

const claims = anchorableClaims(bundledDataset().claims, bundledDataset().entities);
const OPTIONS = { referenceDate: new Date('2025-05-10T12:00:00Z'), lang: 'en' };

/** A block as the content script sends it: its text and the names the bundled matcher finds in it. */
function block(text: string) {
  return { text, mentions: bundledMatcher().findMentions(text) };
}

describe('findPageClaims', () => {
  it('gives the claim mentions of each block at offsets into that block, with the page figure and its key word', () => {
    const first = 'Rwanda requested $100,000 to take in one deported Iraqi man.';
    const second = 'The weather was fine. Rwanda was paid $6 cardinal, one copy said.';
    const talks = 'Talks with the United States went on.';
    const found = findPageClaims([block(first), block(talks), block(second)], claims, OPTIONS);
    expect(found).toHaveLength(3);
    const [payment] = found[0] ?? [];
    expect(first.slice(payment?.start, payment?.end)).toBe('$100,000');
    expect(payment).toMatchObject({
      claimId: 'claim:us-rwanda-payment',
      entityIds: ['country:rwanda'],
      figure: { kind: 'money', asReported: '$100,000', value: 100_000, unit: 'USD', qualifier: 'exactly' },
      terms: ['requested'],
    });
    expect(found[1]).toEqual([]);
    const [spun] = found[2] ?? [];
    expect(second.slice(spun?.start, spun?.end)).toBe('$6 cardinal');
    expect(spun?.figure.unrecognised).toBe('cardinal');
    expect(spun?.terms).toEqual([]);
  });

  it('finds a claim only on a page that names two of its entities, unless the figure is an outlet’s own', () => {
    const text = 'The United States requested $250,000 for the new embassy roof.';
    expect(findPageClaims([block(text)], claims, OPTIONS)).toEqual([[]]);
    const same = 'The United States requested $100,000 for the new embassy roof.';
    expect(findPageClaims([block(same)], claims, OPTIONS)[0]?.map((claim) => claim.claimId)).toEqual([
      'claim:us-rwanda-payment',
    ]);
    const pageEntityIds = new Set(['country:united-states', 'country:rwanda']);
    const [found] = findPageClaims([block(text)], claims, { ...OPTIONS, pageEntityIds })[0] ?? [];
    expect(found?.claimId).toBe('claim:us-rwanda-payment');
  });

  it('leaves out figures that cannot be the claim’s: bare numbers, other units, other currencies, far dates, far sums', () => {
    const context = block('Rwanda and the United States talked, and Britain and Rwanda before them.');
    const lines = [
      'Rwanda was mentioned in 14 places.[14]',
      'In 1788 the United Kingdom sent ships; Rwanda was not yet a name they knew.',
      'Rwanda sent 1,100 jobs overseas.',
      'Trade with the United States came to NZ$100,000.',
      'Trade with the United States came to $17.6b.',
      'The United Kingdom and Rwanda signed a treaty on 21 May 1840.',
      'talks with Rwanda went on word 4 more 4 word 5 more 5',
      // The claim is about how many more people Rwanda takes: the first man is not one of its figures.
      'Rwanda took in one man from the United States.',
    ];
    const found = findPageClaims([context, ...lines.map(block)], claims, OPTIONS);
    expect(found.slice(1)).toEqual(lines.map(() => []));
  });

  it('reads figures only in blocks written in English: a Czech paragraph’s "100.000" is not read the English way', () => {
    const english = { ...block('Rwanda requested $100,000 from the United States.'), lang: 'en' };
    const czech = { ...english, lang: 'cs' };
    const found = findPageClaims([english, czech], claims, { ...OPTIONS, lang: 'cs' });
    expect(found.map((list) => list.map((claim) => claim.figure.asReported))).toEqual([['$100,000'], []]);
  });

  it('reads no figure in a block that names no entity a claim is about', () => {
    const text = 'The ministry published 4,000 pages on 4 April 2025.';
    expect(bundledMatcher().findMentions(text)).toEqual([]);
    expect(findPageClaims([block(text)], claims, OPTIONS)).toEqual([[]]);
  });

  it('finds no claim for an unrelated number beside a claim entity: a year in a byline, a page label', () => {
    const found = findPageClaims(
      [block('Page 2 of our Rwanda coverage'), block('By a staff reporter in Kigali, Rwanda © 2025')],
      claims,
      OPTIONS,
    );
    expect(found).toEqual([[], []]);
  });

  it('anchors a year alone only to a claim an outlet dated to that year alone', () => {
    const text = 'Britain and Rwanda signed their asylum partnership in 2022.';
    const [signing] = findPageClaims([block(text)], claims, OPTIONS)[0] ?? [];
    expect(signing).toMatchObject({ claimId: 'claim:uk-rwanda-signing', figure: { kind: 'date', date: '2022' } });
    expect(compareFigure(signing?.figure as PageFigure, { asReported: '2022', date: '2022' })).toBe('same');
    expect(compareFigure(signing?.figure as PageFigure, { asReported: '2023', date: '2023' })).toBe('different');
  });

  it('never returns a figure that overlaps an entity name', () => {
    const text = 'Rwanda requested $100,000.';
    const mentions = [...bundledMatcher().findMentions(text), { start: 17, end: 25, entityId: 'country:rwanda' }];
    expect(findPageClaims([{ text, mentions }], claims, OPTIONS)).toEqual([[]]);
  });
});

describe('findPageClaims on the fixture articles (each paragraph a block, the whole article the page)', () => {
  /** "claim id: figure as reported" for every claim mention of an article. */
  function claimsOf(id: string): string[] {
    const article = FIXTURE_ARTICLES.find((candidate) => candidate.id === id);
    if (!article) throw new Error(`no fixture article ${id}`);
    const found = findPageClaims(article.paragraphs.map(block), claims, {
      lang: 'en',
      referenceDate: new Date(article.published),
    });
    return found.flat().map((claim) => `${claim.claimId}: ${claim.figure.asReported}`);
  }

  const payment = 'claim:us-rwanda-payment: $100,000';

  it('"paid": the payment, the relocation date, the ten more, and the end of the British plan', () => {
    expect(claimsOf('paid')).toEqual([
      payment,
      'claim:ameen-relocation-date: 4 April 2025',
      'claim:us-rwanda-further-deportees: 10 more people',
      'claim:uk-rwanda-end: July 2024',
    ]);
  });

  it('"requested": the same payment, "last month", the cable of 13 March, at least ten more; not the 1,500 refugees', () => {
    expect(claimsOf('requested')).toEqual([
      payment,
      'claim:ameen-relocation-date: last month',
      'claim:kigali-cable-2025-03-13: 13 March 2025',
      'claim:us-rwanda-further-deportees: at least ten more',
    ]);
  });

  it('"appropriated": the payment, Kosovo’s fifty, El Salvador’s millions and the 238 men; not "since late January"', () => {
    expect(claimsOf('appropriated')).toEqual([
      payment,
      'claim:kosovo-deportees: up to 50 people',
      'claim:cecot-payment: $6 million',
      'claim:cecot-march-2025-transfer: 238 Venezuelan men',
    ]);
  });

  it('the machine-spun copy anchors the same claims: "$6 cardinal", "up to 50 folks", "238 Venezuelan males"', () => {
    expect(claimsOf('spun')).toEqual([
      payment,
      'claim:kosovo-deportees: up to 50',
      'claim:cecot-payment: $6 cardinal',
      'claim:cecot-march-2025-transfer: 238',
    ]);
  });

  it('the unrelated article has none: a byline year, a page number, a percentage, a time', () => {
    expect(claimsOf('unrelated')).toEqual([]);
  });
});

describe('compareFigure', () => {
  const page: PageFigure = { kind: 'money', asReported: '$100,000', value: 100_000, unit: 'USD' };

  it('says whether an outlet gave the same figure, another one, or none', () => {
    expect(compareFigure(page, { asReported: 'US$100,000', value: 100_000, unit: 'USD' })).toBe('same');
    expect(compareFigure(page, { asReported: '$6 million', value: 6_000_000, unit: 'USD' })).toBe('different');
    expect(compareFigure(page, { asReported: '€100,000', value: 100_000, unit: 'EUR' })).toBe('different');
    expect(compareFigure(page, undefined)).toBe('none');
  });

  it('never calls a figure with a word it did not understand the same', () => {
    const spun: PageFigure = { ...page, asReported: '$100,000 cardinal', unrecognised: 'cardinal' };
    expect(compareFigure(spun, { asReported: '$100,000', value: 100_000, unit: 'USD' })).toBe('different');
  });

  it('compares dates at the precision both give', () => {
    const april: PageFigure = { kind: 'date', asReported: 'April 2025', date: '2025-04' };
    expect(compareFigure(april, { asReported: '4 April 2025', date: '2025-04-04' })).toBe('same');
    expect(compareFigure(april, { asReported: 'May 2025', date: '2025-05' })).toBe('different');
  });
});
