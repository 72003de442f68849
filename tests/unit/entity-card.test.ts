import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/bundled-dataset';
import { buildEntityCard, entityCardBuilder } from '../../lib/card/build-entity-card';
import type { CardFact, EntityCard } from '../../lib/card/entity-card';
import type { Claim, ClaimVersion, Dataset, Entity } from '../../lib/dataset';

/** An entity with only the required fields; tests add the rest. */
function entity(id: string, fields: Partial<Entity> = {}): Entity {
  const name = fields.name ?? id.split(':')[1] ?? id;
  return {
    id,
    kind: id.split(':')[0] ?? 'thing',
    name,
    summary: `About ${name}.`,
    asOf: '2025-05-20',
    aliases: [{ text: name, lang: 'en', caseSensitive: false }],
    ...fields,
  };
}

function claim(
  id: string,
  about: string[],
  versions: ClaimVersion[],
  figureKind: Claim['figureKind'] = 'money',
): Claim {
  return { id, about, statement: `Statement of ${id}.`, figureKind, versions };
}

function version(outlet: string, fields: Partial<ClaimVersion> = {}): ClaimVersion {
  return { outlet, datePublished: '2025-05', framing: `As ${outlet} tells it.`, ...fields };
}

function dataset(entities: Entity[], claims: Claim[] = []): Dataset {
  return {
    schemaVersion: 2,
    id: 'card-test',
    version: '3.1.4',
    publishedAt: '2025-05-20',
    title: 'Card test',
    licence: 'CC0-1.0',
    outlets: [
      { id: 'outlet:sun', name: 'The Sun', kind: 'newspaper', homepage: 'https://sun.example' },
      { id: 'outlet:wire', name: 'Wire', kind: 'wire' },
      { id: 'outlet:blog', name: 'A Blog', kind: 'blog' },
    ],
    entities,
    claims,
    stories: [],
  };
}

const sun = { id: 'outlet:sun', name: 'The Sun', homepage: 'https://sun.example' };
const wire = { id: 'outlet:wire', name: 'Wire' };
const blog = { id: 'outlet:blog', name: 'A Blog' };
const rwandaRef = { id: 'country:rwanda', name: 'Rwanda', kind: 'country' };

const rwanda = entity('country:rwanda', {
  name: 'Rwanda',
  sameAs: 'Q1037',
  country: { iso2: 'RW', iso3: 'RWA', demonyms: ['Rwandan'], capital: 'Kigali', unMember: true },
});
const usa = entity('country:usa', { country: { iso2: 'US', iso3: 'USA', demonyms: [], unMember: true } });
const usRwanda = entity('deal:us-rwanda', {
  deal: {
    parties: ['country:usa', 'country:rwanda'],
    status: 'preliminary',
    statusNote: 'Early talks.',
    statusReportedBy: ['outlet:wire', 'outlet:sun'],
    figures: ['claim:second', 'claim:first'],
  },
});
const ukRwanda = entity('deal:uk-rwanda', {
  deal: { parties: ['country:rwanda'], status: 'ended', statusReportedBy: ['outlet:sun', 'outlet:blog'] },
});
const minister = entity('person:minister', {
  name: 'A Minister',
  person: {
    role: 'Foreign minister',
    country: 'country:rwanda',
    roleFrom: '2019-11',
    roleTo: '2025',
    reportedBy: ['outlet:sun'],
  },
});

function card(data: Dataset, id: string): EntityCard {
  const built = buildEntityCard(data, id);
  if (!built) throw new Error(`no card for ${id}`);
  return built;
}

/** The keys of a fact whose value is missing, empty or reads "undefined". */
function emptyParts(fact: CardFact): string[] {
  return Object.entries(fact)
    .filter(([, value]) => value === undefined || value === '' || String(value).includes('undefined'))
    .map(([key]) => key);
}

describe('facts by kind', () => {
  const data = dataset([rwanda, usa, usRwanda, ukRwanda, minister]);

  it('person: the role with its dates and outlets, then its country', () => {
    const built = card(data, 'person:minister');
    expect(built).toMatchObject({ id: 'person:minister', kind: 'person', name: 'A Minister', asOf: '2025-05-20' });
    expect(built.dataset).toEqual({ title: 'Card test', version: '3.1.4' });
    expect(built.facts).toStrictEqual([
      { label: 'role', text: 'Foreign minister', date: '2019-11', dateTo: '2025', reportedBy: [sun] },
      { label: 'country', entities: [rwandaRef], reportedBy: [sun] },
    ]);
  });

  it('country: its deals with their statuses and all their outlets once, capital and codes', () => {
    const built = card(data, 'country:rwanda');
    expect(built.wikidataUrl).toBe('https://www.wikidata.org/wiki/Q1037');
    expect(built.facts).toStrictEqual([
      {
        label: 'deals',
        entities: [
          { id: 'deal:us-rwanda', name: 'us-rwanda', kind: 'deal', status: 'preliminary' },
          { id: 'deal:uk-rwanda', name: 'uk-rwanda', kind: 'deal', status: 'ended' },
        ],
        reportedBy: [wire, sun, blog],
      },
      { label: 'capital', text: 'Kigali', reportedBy: [] },
      { label: 'codes', text: 'RW / RWA', reportedBy: [] },
    ]);
  });

  it('country without a capital gives no capital fact, and one in no deal no deals fact', () => {
    expect(card(data, 'country:usa').facts.map((fact) => fact.label)).toEqual(['deals', 'codes']);
    expect(card(dataset([usa]), 'country:usa').facts.map((fact) => fact.label)).toEqual(['codes']);
  });

  it('lists a deal once on a country the deal names twice', () => {
    const twice = entity('deal:twice', { deal: { parties: ['country:usa', 'country:usa'], status: 'active' } });
    expect(card(dataset([usa, twice]), 'country:usa').facts[0]?.entities).toEqual([
      { id: 'deal:twice', name: 'twice', kind: 'deal', status: 'active' },
    ]);
  });

  it('deal: parties, then the status with its note and outlets', () => {
    expect(card(data, 'deal:us-rwanda').facts).toStrictEqual([
      { label: 'parties', entities: [{ id: 'country:usa', name: 'usa', kind: 'country' }, rwandaRef], reportedBy: [] },
      { label: 'status', status: 'preliminary', text: 'Early talks.', reportedBy: [wire, sun] },
    ]);
    expect(card(data, 'deal:uk-rwanda').facts[1]).toStrictEqual({
      label: 'status',
      status: 'ended',
      reportedBy: [sun, blog],
    });
  });

  it('organization: type and country; no country fact when it has none', () => {
    const court = entity('organization:court', { organization: { type: 'court', country: 'country:rwanda' } });
    const ngo = entity('organization:ngo', { organization: { type: 'ngo' } });
    const withOrgs = dataset([rwanda, court, ngo]);
    expect(card(withOrgs, 'organization:court').facts).toStrictEqual([
      { label: 'type', text: 'court', reportedBy: [] },
      { label: 'country', entities: [rwandaRef], reportedBy: [] },
    ]);
    expect(card(withOrgs, 'organization:ngo').facts).toStrictEqual([{ label: 'type', text: 'ngo', reportedBy: [] }]);
  });

  it('a kind the dataset invents gets one date fact per key date, after any kind facts', () => {
    const law = entity('law:act', {
      keyDates: [
        { date: '1798', event: 'Passed.' },
        { date: '2025-03-15', event: 'Invoked.', reportedBy: ['outlet:wire', 'outlet:sun'] },
      ],
    });
    expect(card(dataset([law]), 'law:act').facts).toStrictEqual([
      { label: 'date', date: '1798', text: 'Passed.', reportedBy: [] },
      { label: 'date', date: '2025-03-15', text: 'Invoked.', reportedBy: [wire, sun] },
    ]);
    const dated = entity('person:dated', { person: { role: 'Envoy' }, keyDates: [{ date: '2024', event: 'Named.' }] });
    expect(card(dataset([dated]), 'person:dated').facts.map((fact) => fact.label)).toEqual(['role', 'date']);
  });

  it('an entity with no optional fields gets an empty card, even of a kind that usually has details', () => {
    const bare = card(dataset([entity('person:bare')]), 'person:bare');
    expect(bare).toStrictEqual({
      id: 'person:bare',
      kind: 'person',
      name: 'bare',
      summary: 'About bare.',
      asOf: '2025-05-20',
      facts: [],
      claims: [],
      related: [],
      dataset: { title: 'Card test', version: '3.1.4' },
    });
    expect('wikidataUrl' in bare).toBe(false);
  });

  it('returns null for an id the dataset does not have', () => {
    expect(buildEntityCard(data, 'country:atlantis')).toBeNull();
    expect(entityCardBuilder(data)('')).toBeNull();
  });
});

describe('dangling ids', () => {
  it('skips missing entities and names missing outlets after their id, without throwing', () => {
    const broken = dataset(
      [
        entity('person:lost', {
          person: { role: 'Envoy', country: 'country:gone', reportedBy: ['outlet:gone-daily'] },
        }),
        entity('deal:half', {
          deal: { parties: ['country:gone', 'deal:half'], status: 'active', figures: ['claim:gone'] },
          related: ['country:gone', 'deal:half'],
        }),
        entity('organization:lost', { organization: { type: 'agency', country: 'country:gone' } }),
      ],
      [claim('claim:x', ['deal:half'], [version('outlet:gone-wire', { citation: [{ outlet: 'outlet:gone-daily' }] })])],
    );
    expect(card(broken, 'person:lost').facts).toStrictEqual([
      { label: 'role', text: 'Envoy', reportedBy: [{ id: 'outlet:gone-daily', name: 'gone-daily' }] },
    ]);
    const deal = card(broken, 'deal:half');
    expect(deal.facts.map((fact) => fact.label)).toEqual(['status']);
    expect(deal.related).toEqual([]);
    expect(deal.claims.map((view) => view.id)).toEqual(['claim:x']);
    expect(deal.claims[0]?.versions[0]?.outlet).toEqual({ id: 'outlet:gone-wire', name: 'gone-wire' });
    expect(deal.claims[0]?.versions[0]?.citations).toEqual([{ name: 'gone-daily' }]);
    expect(card(broken, 'organization:lost').facts).toStrictEqual([{ label: 'type', text: 'agency', reportedBy: [] }]);
  });
});

describe('claims', () => {
  const payment = claim(
    'claim:payment',
    ['deal:us-rwanda', 'country:rwanda'],
    [
      version('outlet:sun', { term: 'requested', figure: { asReported: '$100,000', value: 100000, unit: 'USD' } }),
      version('outlet:wire', { term: 'paid', figure: { asReported: '$6 million', value: 6000000, unit: 'USD' } }),
      version('outlet:blog', { term: 'Requested' }),
      version('outlet:wire', { term: 'received', figure: { asReported: 'US$100K', value: 100000, unit: 'USD' } }),
    ],
  );

  const viewOf = (...versions: ClaimVersion[]) =>
    card(dataset([rwanda], [claim('claim:c', ['country:rwanda'], versions)]), 'country:rwanda').claims[0];

  it('spells out where versions disagree on terms and figures, and who gave no figure', () => {
    const view = card(dataset([rwanda, usa, usRwanda], [payment]), 'country:rwanda').claims[0];
    expect(view?.disagreement).toEqual({
      terms: ['requested', 'paid', 'received'],
      figures: ['$100,000', '$6 million'],
    });
    expect(view?.withoutFigure).toEqual([blog]);
    expect(view?.versions.map((each) => each.outlet.id)).toEqual([
      'outlet:sun',
      'outlet:wire',
      'outlet:blog',
      'outlet:wire',
    ]);
    expect(view?.versions[2]).toEqual({
      outlet: blog,
      datePublished: '2025-05',
      term: 'Requested',
      framing: 'As outlet:blog tells it.',
      citations: [],
    });
  });

  it('gives empty disagreement lists when every version agrees, or only one says anything', () => {
    const figure = { asReported: '238', value: 238 };
    const agreed = viewOf(
      version('outlet:sun', { term: 'sent', figure }),
      version('outlet:wire', { term: 'Sent', figure }),
    );
    expect(agreed?.disagreement).toEqual({ terms: [], figures: [] });
    expect(agreed?.withoutFigure).toEqual([]);
    const lone = viewOf(version('outlet:sun', { term: 'sent', figure }), version('outlet:wire'));
    expect(lone?.disagreement).toEqual({ terms: [], figures: [] });
    expect(lone?.withoutFigure).toEqual([wire]);
  });

  it('counts figures equal in value, unit, qualifier and date as one, and any difference as two', () => {
    const at = (asReported: string, qualifier?: 'about') =>
      version('outlet:sun', { figure: { asReported, value: 100000, unit: 'USD', date: '2025-04', qualifier } });
    expect(viewOf(at('$100,000'), at('US$100K'))?.disagreement.figures).toEqual([]);
    expect(viewOf(at('$100,000'), at('about $100K', 'about'))?.disagreement.figures).toEqual([
      '$100,000',
      'about $100K',
    ]);
    // Only wording to go on (integrity refuses such a figure): different wordings stay apart.
    const bare = (asReported: string) => version('outlet:wire', { figure: { asReported, unit: 'USD' } });
    expect(viewOf(bare('a lot'), bare('a little'))?.disagreement.figures).toEqual(['a lot', 'a little']);
    const otherDate = version('outlet:wire', {
      figure: { asReported: '$100K', value: 100000, unit: 'USD', date: '2025-05' },
    });
    expect(viewOf(at('$100,000'), otherDate)?.disagreement.figures).toEqual(['$100,000', '$100K']);
  });

  it('compares text figures by their wording, ignoring case and spacing, and lists no one without a figure', () => {
    const said = (asReported?: string) => version('outlet:sun', asReported ? { figure: { asReported } } : {});
    const c = (...versions: ClaimVersion[]) =>
      card(dataset([rwanda], [claim('claim:t', ['country:rwanda'], versions, 'text')]), 'country:rwanda').claims[0];
    expect(c(said('Iraqi  refugee'), said('iraqi refugee'), said())?.disagreement.figures).toEqual([]);
    expect(c(said('Iraqi refugee'), said('an Iraqi man'), said())).toMatchObject({
      disagreement: { figures: ['Iraqi refugee', 'an Iraqi man'] },
      withoutFigure: [],
    });
  });

  it('names each citation by its outlet or its own name, keeps its url and drops empty ones', () => {
    const cited = viewOf(
      version('outlet:sun', {
        url: 'https://sun.example/a',
        citation: [
          { outlet: 'outlet:wire', name: 'ignored' },
          { name: 'A cable', url: 'https://cables.example/1' },
          {},
        ],
      }),
    );
    expect(cited?.versions[0]?.citations).toEqual([
      { name: 'Wire' },
      { name: 'A cable', url: 'https://cables.example/1' },
    ]);
    expect(cited?.versions[0]?.url).toBe('https://sun.example/a');
  });

  it("for a deal, lists the claims carrying its figures first, in the deal's order, each once", () => {
    const claims = ['claim:other', 'claim:first', 'claim:second', 'claim:last'].map((id) =>
      claim(id, ['deal:us-rwanda'], [version('outlet:sun')]),
    );
    const data = dataset([rwanda, usa, usRwanda], claims);
    expect(card(data, 'deal:us-rwanda').claims.map((view) => view.id)).toEqual([
      'claim:second',
      'claim:first',
      'claim:other',
      'claim:last',
    ]);
    // The same claims about a country stay in dataset order.
    for (const each of claims) each.about.push('country:rwanda', 'country:rwanda');
    expect(card(data, 'country:rwanda').claims.map((view) => view.id)).toEqual(claims.map((each) => each.id));
  });
});

describe('related', () => {
  it('resolves related ids once each, with deal statuses, skipping unknown ids and the entity itself', () => {
    const hub = entity('person:hub', {
      related: ['deal:uk-rwanda', 'country:gone', 'person:hub', 'country:rwanda', 'deal:uk-rwanda'],
    });
    expect(card(dataset([rwanda, ukRwanda, hub]), 'person:hub').related).toEqual([
      { id: 'deal:uk-rwanda', name: 'uk-rwanda', kind: 'deal', status: 'ended' },
      rwandaRef,
    ]);
  });
});

describe('the bundled dataset', () => {
  const data = bundledDataset();
  const build = entityCardBuilder(data);

  it('builds every card without an empty or undefined fact, as buildEntityCard does', () => {
    for (const { id } of data.entities) {
      const built = build(id);
      expect(built?.id, id).toBe(id);
      for (const fact of built?.facts ?? []) expect(emptyParts(fact), `${id} ${fact.label}`).toEqual([]);
    }
    expect(build('person:omar-abdulsattar-ameen')).toEqual(buildEntityCard(data, 'person:omar-abdulsattar-ameen'));
  });

  it('lists the US–Rwanda deal among the deals of Rwanda', () => {
    const deals = build('country:rwanda')?.facts.find((fact) => fact.label === 'deals');
    expect(deals?.entities).toContainEqual(
      expect.objectContaining({ id: 'deal:us-rwanda-2025', status: 'preliminary' }),
    );
    expect(deals?.reportedBy.map((outlet) => outlet.id)).toContain('outlet:ny-sun');
  });

  it('shows how outlets worded the US–Rwanda payment: same $100,000, four different terms, one without a figure', () => {
    const view = build('country:rwanda')?.claims.find((each) => each.id === 'claim:us-rwanda-payment');
    expect(view?.disagreement).toEqual({ terms: ['requested', 'appropriated', 'received', 'likely'], figures: [] });
    expect(view?.withoutFigure.map((outlet) => outlet.id)).toEqual(['outlet:uwimana-blog']);
    expect(view?.versions[2]?.citations).toEqual([{ name: 'The Handbasket' }]);
  });

  it("puts the US–Rwanda deal's figure claims first", () => {
    const ids = build('deal:us-rwanda-2025')?.claims.map((view) => view.id) ?? [];
    expect(ids.slice(0, 5)).toEqual(data.entities.find((each) => each.id === 'deal:us-rwanda-2025')?.deal?.figures);
    expect(ids.length).toBeGreaterThan(5);
  });
});
