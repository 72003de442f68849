// @vitest-environment happy-dom
import { render } from 'preact';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type CardState, FactCard, type FactCardProps } from '../../components/card/FactCard';
import { bundledDataset } from '../../lib/bundled-dataset';
import { buildEntityCard } from '../../lib/card/build-entity-card';
import type { ClaimView, EntityCard, OutletRef } from '../../lib/card/entity-card';

const sun: OutletRef = { id: 'outlet:ny-sun', name: 'The New York Sun' };
const wire: OutletRef = { id: 'outlet:wire', name: 'A Wire', homepage: 'https://wire.example' };
const blog: OutletRef = { id: 'outlet:blog', name: 'A Blog' };

function card(overrides: Partial<EntityCard>): EntityCard {
  return {
    id: 'country:testland',
    kind: 'country',
    name: 'Testland',
    summary: 'A country made up for this test.',
    asOf: '2025-06-01',
    facts: [],
    claims: [],
    related: [],
    dataset: { title: 'Test deals', version: '1.2.3' },
    ...overrides,
  };
}

const paymentClaim: ClaimView = {
  id: 'claim:payment',
  statement: 'What money changed hands.',
  figureKind: 'money',
  versions: [
    {
      outlet: sun,
      datePublished: '2025-05',
      term: 'requested',
      framing: 'Says Testland asked for money.',
      figure: { asReported: '$100,000', value: 100000, unit: 'USD' },
      citations: [{ name: 'Leaked cables' }],
    },
    {
      outlet: wire,
      datePublished: '2025-05-06',
      term: 'paid',
      framing: 'Says the money was paid.',
      figure: { asReported: '$6 million', value: 6000000, unit: 'USD' },
      citations: [],
      url: 'https://wire.example/story',
    },
    { outlet: blog, datePublished: '2025', term: 'likely', framing: 'Gives no amount.', citations: [] },
  ],
  disagreement: { terms: ['requested', 'paid', 'likely'], figures: ['$100,000', '$6 million'] },
  withoutFigure: [blog],
};

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.append(root);
});
afterEach(() => {
  render(null, root);
  root.remove();
});

function show(state: CardState, props: Partial<FactCardProps> = {}) {
  const handlers = {
    onBack: vi.fn(),
    onClose: vi.fn(),
    onPrevious: vi.fn(),
    onNext: vi.fn(),
    onOpenEntity: vi.fn(),
  };
  render(
    <FactCard state={state} locale="en-GB" onPage={{ index: 0, total: 1 }} backTo={null} {...handlers} {...props} />,
    root,
  );
  const dialog = root.querySelector('[role="dialog"]') as HTMLElement;
  return { dialog, handlers, text: dialog.textContent ?? '' };
}

function rowText(dialog: HTMLElement, label: string): string {
  return dialog.querySelector(`[data-fact="${label}"]`)?.textContent ?? '';
}

describe('FactCard', () => {
  it('is a dialog named by the entity, with kind, summary and "as of" date', () => {
    const { dialog, text } = show({ status: 'ready', card: card({}) });
    const title = root.querySelector(`#${dialog.getAttribute('aria-labelledby')}`);
    expect(title?.textContent).toBe('Testland');
    expect(text).toContain('Country');
    expect(text).toContain('A country made up for this test.');
    expect(text).toContain('As of 1 June 2025');
    expect(text).toContain('Test deals');
  });

  it('shows a person’s role with its dates and sources, and the country as a link to its card', () => {
    const { dialog, handlers } = show({
      status: 'ready',
      card: card({
        id: 'person:minister',
        kind: 'person',
        name: 'A Minister',
        facts: [
          { label: 'role', text: 'Foreign minister', date: '2019-11', reportedBy: [sun, wire] },
          {
            label: 'country',
            entities: [{ id: 'country:testland', name: 'Testland', kind: 'country' }],
            reportedBy: [],
          },
        ],
      }),
    });
    expect(rowText(dialog, 'role')).toContain('Foreign minister');
    expect(rowText(dialog, 'role')).toContain('November 2019 – present');
    expect(rowText(dialog, 'role')).toContain('Reported by The New York Sun, A Wire');
    expect(rowText(dialog, 'country')).toContain('Reference data');
    (dialog.querySelector('[data-fact="country"] button') as HTMLButtonElement).click();
    expect(handlers.onOpenEntity).toHaveBeenCalledWith('country:testland');
  });

  it('shows a deal’s parties, status and status note, and a country’s deals with their status', () => {
    const deal = show({
      status: 'ready',
      card: card({
        id: 'deal:one',
        kind: 'deal',
        name: 'The Deal',
        facts: [
          {
            label: 'parties',
            entities: [
              { id: 'country:a', name: 'Aland', kind: 'country' },
              { id: 'country:b', name: 'Beland', kind: 'country' },
            ],
            reportedBy: [sun],
          },
          { label: 'status', status: 'in-talks', text: 'No text signed.', reportedBy: [wire] },
        ],
      }),
    });
    expect(deal.text).toContain('Deal');
    expect(rowText(deal.dialog, 'parties')).toContain('Aland');
    expect(rowText(deal.dialog, 'parties')).toContain('Beland');
    expect(rowText(deal.dialog, 'status')).toContain('In talks');
    expect(rowText(deal.dialog, 'status')).toContain('No text signed.');

    const country = show({
      status: 'ready',
      card: card({
        facts: [
          {
            label: 'deals',
            entities: [{ id: 'deal:one', name: 'The Deal', kind: 'deal', status: 'suspended' }],
            reportedBy: [sun],
          },
          { label: 'capital', text: 'Testville', reportedBy: [] },
          { label: 'codes', text: 'TL / TLD', reportedBy: [] },
        ],
      }),
    });
    expect(rowText(country.dialog, 'deals')).toContain('The DealSuspended');
    expect(rowText(country.dialog, 'capital')).toContain('Testville');
    expect(rowText(country.dialog, 'codes')).toContain('TL / TLD');
  });

  it('shows an organisation and a kind the dataset invented, with dated events', () => {
    const organisation = show({
      status: 'ready',
      card: card({ kind: 'organization', facts: [{ label: 'type', text: 'prison', reportedBy: [sun] }] }),
    });
    expect(organisation.text).toContain('Organisation');
    expect(rowText(organisation.dialog, 'type')).toContain('prison');

    const law = show({
      status: 'ready',
      card: card({
        kind: 'law',
        facts: [{ label: 'date', date: '2024-04-25', text: 'Passed by parliament.', reportedBy: [wire] }],
      }),
    });
    expect(law.text).toContain('Law');
    expect(rowText(law.dialog, 'date')).toContain('25 April 2024');
    expect(rowText(law.dialog, 'date')).toContain('Passed by parliament.');
  });

  it('shows every outlet’s version side by side and says in words where they differ', () => {
    const { dialog } = show({ status: 'ready', card: card({ claims: [paymentClaim] }) });
    const claim = dialog.querySelector('[data-claim-id="claim:payment"]') as HTMLElement;
    const versions = [...claim.querySelectorAll('.version')].map((version) => version.textContent);
    expect(versions).toHaveLength(3);
    expect(versions[0]).toContain('The New York Sun');
    expect(versions[0]).toContain('requested');
    expect(versions[0]).toContain('$100,000');
    expect(versions[0]).toContain('Citing Leaked cables');
    expect(versions[1]).toContain('$6 million');
    expect(versions[1]).toContain('6 May 2025');
    expect(claim.querySelector('[role="note"]')?.textContent).toBe(
      'Outlets differ: requested vs paid vs likelyOutlets give different figures: $100,000 vs $6 million',
    );
    expect(claim.textContent).toContain('No figure given by: A Blog');
    const link = claim.querySelector('a') as HTMLAnchorElement;
    expect(link.getAttribute('href')).toBe('https://wire.example/story');
    expect(link.getAttribute('target')).toBe('_blank');
    expect(link.getAttribute('rel')).toBe('noopener noreferrer');
  });

  it('says nothing about differences when the outlets agree', () => {
    const agreed: ClaimView = {
      ...paymentClaim,
      versions: paymentClaim.versions.slice(0, 1),
      disagreement: { terms: [], figures: [] },
      withoutFigure: [],
    };
    const { dialog } = show({ status: 'ready', card: card({ claims: [agreed] }) });
    expect(dialog.querySelector('[role="note"]')).toBeNull();
    expect(dialog.textContent).not.toContain('No figure given by');
  });

  it('renders an entity with none of the optional parts: no empty sections, no "undefined"', () => {
    const { dialog, text } = show({ status: 'ready', card: card({}) }, { onPage: null });
    expect(dialog.querySelectorAll('section')).toHaveLength(0);
    expect(text).not.toMatch(/undefined|null|NaN/);
    expect(text).toContain('Not mentioned on this page');
    expect(dialog.querySelector('a')).toBeNull();
  });

  it('never turns a non-https link from a card into a link', () => {
    const claim: ClaimView = {
      ...paymentClaim,
      versions: [{ ...paymentClaim.versions[1], url: 'javascript:alert(1)' } as ClaimView['versions'][number]],
    };
    const { dialog } = show({ status: 'ready', card: card({ claims: [claim], wikidataUrl: 'http://x.example' }) });
    expect(dialog.querySelector('a')).toBeNull();
  });

  it('shows dataset text as text, never as markup', () => {
    const { dialog } = show({
      status: 'ready',
      card: card({ name: '<img src=x onerror=alert(1)>', summary: '<b>bold</b>' }),
    });
    expect(dialog.querySelector('img, b')).toBeNull();
    expect(dialog.textContent).toContain('<img src=x onerror=alert(1)>');
  });

  it('steps through the entity’s mentions on the page, and goes back to the previous entity', () => {
    const { dialog, handlers } = show(
      { status: 'ready', card: card({}) },
      { onPage: { index: 1, total: 4 }, backTo: 'A Minister' },
    );
    expect(dialog.querySelector('[data-testid="card-position"]')?.textContent).toBe('Mention 2 of 4 on this page');
    const buttons = [...dialog.querySelectorAll('button')];
    const named = (name: string) => buttons.find((button) => button.textContent?.includes(name)) as HTMLButtonElement;
    named('Next').click();
    named('Previous').click();
    named('Back to A Minister').click();
    (dialog.querySelector('button[aria-label="Close"]') as HTMLButtonElement).click();
    expect(handlers.onNext).toHaveBeenCalledTimes(1);
    expect(handlers.onPrevious).toHaveBeenCalledTimes(1);
    expect(handlers.onBack).toHaveBeenCalledTimes(1);
    expect(handlers.onClose).toHaveBeenCalledTimes(1);
  });

  it('shows the name while the card loads, and says so when the dataset has no card', () => {
    expect(show({ status: 'loading', name: 'Rwanda', kind: 'country' }).text).toContain('Loading');
    expect(show({ status: 'unavailable', name: 'Rwanda', kind: 'country' }).text).toContain('no card for this name');
  });

  it('renders the bundled dataset’s card for every entity without throwing or printing "undefined"', () => {
    const dataset = bundledDataset();
    for (const entity of dataset.entities) {
      const built = buildEntityCard(dataset, entity.id);
      if (!built) throw new Error(`no card for ${entity.id}`);
      const { text } = show({ status: 'ready', card: built });
      expect(text, entity.id).not.toMatch(/undefined|\[object Object\]|NaN/);
    }
  });
});
