import { describe, expect, it } from 'vitest';
import { bundledDataset, bundledMatcher } from '../../lib/bundled-dataset';
import { type AnchorableClaim, anchorableClaims, anchorClaims, sameFigure, sentencesOf } from '../../lib/claims/anchor';
import { findFigures } from '../../lib/claims/figures';

const claims = anchorableClaims(bundledDataset().claims);
const ARTICLE_DATE = new Date('2025-05-10T12:00:00Z');

/** Anchors `text` the way a page will: the bundled matcher's mentions, the figures found, the bundled claims. */
function anchor(text: string, only: readonly AnchorableClaim[] = claims) {
  const mentions = bundledMatcher().findMentions(text);
  const figures = findFigures(text, { referenceDate: ARTICLE_DATE, lang: 'en' });
  return anchorClaims(text, mentions, figures, only).map((mention) => ({
    claim: mention.claimId,
    figure: mention.figure.asReported,
    entities: mention.entityIds,
  }));
}

describe('anchorableClaims', () => {
  it('keeps the figure claims of the bundled dataset with their terms and figures, and leaves out wording-only claims', () => {
    const payment = claims.find((claim) => claim.id === 'claim:us-rwanda-payment');
    expect(payment?.figureKind).toBe('money');
    expect(payment?.terms).toEqual(['requested', 'appropriated', 'received', 'likely']);
    expect(payment?.figures.map((figure) => figure.asReported)).toEqual(['$100,000', '$100,000', '$100,000']);
    const textClaims = bundledDataset().claims.filter((claim) => claim.figureKind === 'text');
    expect(textClaims.length).toBeGreaterThan(0);
    for (const claim of textClaims) expect(claims.some((kept) => kept.id === claim.id)).toBe(false);
  });
});

describe('anchorClaims', () => {
  it('anchors a sum next to the country to the claim about the payment', () => {
    expect(anchor('Rwanda requested $100,000 to take in one deported Iraqi man.')).toEqual([
      { claim: 'claim:us-rwanda-payment', figure: '$100,000', entities: ['country:rwanda'] },
    ]);
  });

  it('anchors a count to the claim about numbers, not the one about money', () => {
    const found = anchor('Rwanda has agreed to take at least ten more people from the United States.');
    expect(found).toHaveLength(1);
    expect(found[0]?.figure).toBe('at least ten more people');
    const claim = bundledDataset().claims.find((candidate) => candidate.id === found[0]?.claim);
    expect(claim?.figureKind).toBe('count');
    expect(claim?.about).toContain('country:rwanda');
  });

  it('needs the entity in the same sentence as the figure', () => {
    expect(anchor('Rwanda confirmed the talks. Officials put the sum at $100,000.')).toEqual([]);
  });

  it('still anchors machine-spun text where the number and the entity survive', () => {
    const found = anchor('Rwanda reportedly obtained $6 cardinal in trade for acceptive the Iraqi.');
    expect(found.map((mention) => mention.claim)).toEqual(['claim:us-rwanda-payment']);
  });

  it('prefers the claim whose versions give the same figure, then the one whose key words the sentence uses', () => {
    const base = {
      about: ['country:testland'],
      context: ['country:testland'],
      additional: false,
      figureKind: 'money' as const,
    };
    const requested: AnchorableClaim = { ...base, id: 'claim:requested', terms: ['requested'], figures: [] };
    const paid: AnchorableClaim = {
      ...base,
      id: 'claim:paid',
      terms: ['paid'],
      figures: [{ asReported: '$5 million', value: 5_000_000, unit: 'USD' }],
    };
    const text = 'Testland requested $5 million.';
    const mentions = [{ start: 0, end: 8, entityId: 'country:testland' }];
    const figures = findFigures(text, { lang: 'en' });
    expect(anchorClaims(text, mentions, figures, [requested, paid]).map((found) => found.claimId)).toEqual([
      'claim:paid',
    ]);
    const other = 'Testland requested $7 million.';
    expect(
      anchorClaims(other, mentions, findFigures(other, { lang: 'en' }), [paid, requested]).map(
        (found) => found.claimId,
      ),
    ).toEqual(['claim:requested']);
  });

  it('finds nothing without figures, without mentions, or for claims about other entities', () => {
    expect(anchor('Rwanda and the United States are in talks.')).toEqual([]);
    expect(anchor('Someone paid $100,000 last spring.')).toEqual([]);
    const elsewhere = claims.filter((claim) => !claim.about.includes('country:rwanda'));
    expect(anchor('Rwanda requested $100,000.', elsewhere).map((found) => found.entities)).not.toContainEqual([
      'country:rwanda',
    ]);
  });
});

describe('sameFigure', () => {
  const [money] = findFigures('It cost $100,000.', { lang: 'en' });
  const [spun] = findFigures('It cost $6 cardinal.', { lang: 'en' });
  const [date] = findFigures('on 4 April 2025', { lang: 'en' });

  it('compares value and currency, and dates at the precision both give', () => {
    if (!money || !date) throw new Error('figures not found');
    expect(sameFigure(money, { asReported: 'US$100K', value: 100_000, unit: 'USD' })).toBe(true);
    expect(sameFigure(money, { asReported: '€100,000', value: 100_000, unit: 'EUR' })).toBe(false);
    expect(sameFigure(money, { asReported: '$6 million', value: 6_000_000, unit: 'USD' })).toBe(false);
    expect(sameFigure(date, { asReported: '4 April 2025', date: '2025-04-04' })).toBe(true);
    expect(sameFigure(date, { asReported: 'April 2025', date: '2025-04' })).toBe(true);
    expect(sameFigure(date, { asReported: '2025', date: '2025' })).toBe(false);
    expect(sameFigure(date, { asReported: '5 April 2025', date: '2025-04-05' })).toBe(false);
  });

  it('never calls a figure with an unrecognised word the same', () => {
    if (!spun) throw new Error('figure not found');
    expect(spun.kind === 'money' && spun.unrecognised?.role).toBe('multiplier');
    expect(sameFigure(spun, { asReported: '$6', value: 6, unit: 'USD' })).toBe(false);
  });
});

describe('sentencesOf', () => {
  it('splits on sentence ends, keeping abbreviations such as "U.S." inside', () => {
    const text = 'The U.S. paid. Rwanda agreed!';
    expect(sentencesOf(text).map(({ start, end }) => text.slice(start, end).trim())).toEqual([
      'The U.S. paid.',
      'Rwanda agreed!',
    ]);
  });
});
