import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bundledDataset, bundledPageIndex } from '../../lib/bundled-dataset';
import { type Alias, aliasKey, type Dataset, type Entity } from '../../lib/dataset';
import { checkMatcherData, compileMatcher } from '../../lib/matcher';
import { mergeAliases } from '../../scripts/dataset-build/aliases';
import {
  BRIEF_PATH,
  buildDataset,
  buildDatasetJson,
  ENTITIES_OUTPUT_PATH,
  MATCHER_OUTPUT_PATH,
  OUTPUT_PATH,
} from '../../scripts/dataset-build/build';
import { AMBIGUOUS_ALIASES, EXTRA_COUNTRY_CODES, generateCountries } from '../../scripts/dataset-build/countries';
import { DatasetBuildError } from '../../scripts/dataset-build/merge';
import { countryId, countrySlug } from '../../scripts/dataset-build/slug';

/** The 193 UN member states (un.org/en/about-us/member-states), by ISO 3166-1 alpha-2 code. */
const UN_MEMBERS = `
  AD AE AF AG AL AM AO AR AT AU AZ BA BB BD BE BF BG BH BI BJ BN BO BR BS BT BW BY BZ CA CD CF CG CH CI CL CM CN CO
  CR CU CV CY CZ DE DJ DK DM DO DZ EC EE EG ER ES ET FI FJ FM FR GA GB GD GE GH GM GN GQ GR GT GW GY HN HR HT HU ID
  IE IL IN IQ IR IS IT JM JO JP KE KG KH KI KM KN KP KR KW KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MG MH MK
  ML MM MN MR MT MU MV MW MX MY MZ NA NE NG NI NL NO NP NR NZ OM PA PE PG PH PK PL PT PW PY QA RO RS RU RW SA SB SC
  SD SE SG SI SK SL SM SN SO SR SS ST SV SY SZ TD TG TH TJ TL TM TN TO TR TT TV TZ UA UG US UY UZ VC VE VN VU WS YE
  ZA ZM ZW`
  .trim()
  .split(/\s+/);

const countries = generateCountries('2025-05-20');
const byIso = new Map(countries.map((country) => [country.country?.iso2, country]));

function country(iso2: string): Entity {
  const entity = byIso.get(iso2);
  if (!entity) throw new Error(`no country ${iso2}`);
  return entity;
}

function aliasOf(entity: Entity, text: string): Alias | undefined {
  return entity.aliases.find((alias) => alias.text === text);
}

function texts(entity: Entity): string[] {
  return entity.aliases.map((alias) => alias.text);
}

/** A small brief: a deal, a person, an organisation, an unusual kind, and two brief countries. */
function brief(): Dataset {
  return {
    schemaVersion: 2,
    id: 'test-brief',
    version: '0.1.0',
    publishedAt: '2025-06-01',
    title: 'Test brief',
    licence: 'CC BY 4.0',
    credits: [{ name: 'Test authors', licence: 'CC BY 4.0', usedFor: 'Everything hand-written.' }],
    outlets: [{ id: 'outlet:daily', name: 'The Daily', kind: 'newspaper' }],
    entities: [
      {
        id: 'country:rwanda',
        kind: 'country',
        name: 'Rwanda',
        summary: 'Agreed to take people deported from the test country.',
        asOf: '2025-05-30',
        aliases: [
          { text: 'Rwanda', lang: 'en', caseSensitive: false, form: 'name' },
          { text: 'Kigali', lang: 'en', caseSensitive: true, form: 'capital' },
        ],
        related: ['person:jordan-smith', 'deal:test-deal'],
      },
      {
        id: 'person:jordan-smith',
        kind: 'person',
        name: 'Jordan Smith',
        summary: 'A negotiator.',
        asOf: '2025-05-30',
        aliases: [
          { text: 'Jordan Smith', lang: 'en', caseSensitive: false },
          { text: 'Jordan', lang: 'en', caseSensitive: true },
        ],
        person: { role: 'Negotiator', country: 'country:rwanda' },
      },
      {
        id: 'law:test-act',
        kind: 'law',
        name: 'Test Act',
        summary: 'A law.',
        asOf: '2025-05-30',
        aliases: [{ text: 'Test Act', lang: 'en', caseSensitive: false }],
      },
      {
        id: 'organization:test-prison',
        kind: 'organization',
        name: 'Test Prison',
        summary: 'A prison.',
        asOf: '2025-05-30',
        aliases: [{ text: 'Test Prison', lang: 'en', caseSensitive: false }],
        organization: { type: 'prison', country: 'country:el-salvador' },
      },
      {
        id: 'country:united-states',
        kind: 'country',
        name: 'United States',
        summary: 'Deports people to third countries.',
        asOf: '2025-05-30',
        sameAs: 'Q30',
        aliases: [
          { text: 'United States', lang: 'en', caseSensitive: true },
          { text: 'U.S.', lang: 'en', caseSensitive: true, form: 'abbreviation' },
          { text: 'America', lang: 'en', caseSensitive: true, ambiguous: false },
        ],
      },
      {
        id: 'deal:test-deal',
        kind: 'deal',
        name: 'Test deal',
        summary: 'A deal.',
        asOf: '2025-05-30',
        aliases: [{ text: 'Test deal', lang: 'en', caseSensitive: false }],
        deal: { parties: ['country:united-states', 'country:rwanda', 'organization:test-prison'], status: 'active' },
      },
    ],
    claims: [],
    stories: [],
  };
}

function entity(dataset: Dataset, id: string): Entity {
  const found = dataset.entities.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`no entity ${id}`);
  return found;
}

function buildError(run: () => unknown): DatasetBuildError {
  try {
    run();
  } catch (error) {
    if (error instanceof DatasetBuildError) return error;
    throw error;
  }
  throw new Error('expected a DatasetBuildError');
}

describe('countrySlug', () => {
  it.each([
    ['United States', 'united-states'],
    ["Côte d'Ivoire", 'cote-d-ivoire'],
    ['South Sudan', 'south-sudan'],
    ['São Tomé and Príncipe', 'sao-tome-and-principe'],
    ['Türkiye', 'turkiye'],
    ['Guinea-Bissau', 'guinea-bissau'],
    ['DR Congo', 'dr-congo'],
    ['  --Saint Vincent & the   Grenadines!! ', 'saint-vincent-the-grenadines'],
  ])('slugs %j as %j', (name, slug) => {
    expect(countrySlug(name)).toBe(slug);
  });

  it('makes ids from world-countries common names', () => {
    expect(countryId('United States')).toBe('country:united-states');
    expect(country('CI').id).toBe('country:ivory-coast');
    expect(country('ST').id).toBe('country:sao-tome-and-principe');
  });
});

describe('the generated country layer', () => {
  it('has every UN member and the five extras, and nothing else', () => {
    expect(UN_MEMBERS).toHaveLength(193);
    const expected = [...UN_MEMBERS, ...EXTRA_COUNTRY_CODES].sort();
    expect(countries.map((entity) => entity.country?.iso2).sort()).toEqual(expected);
    for (const code of UN_MEMBERS) expect(country(code).country?.unMember, code).toBe(true);
    for (const code of EXTRA_COUNTRY_CODES) expect(country(code).country?.unMember, code).toBe(false);
    expect(countries.map((entity) => entity.id)).not.toEqual(
      expect.arrayContaining(['country:greenland', 'country:puerto-rico', 'country:hong-kong']),
    );
  });

  it('gives each country ISO codes, a Wikidata id and a valid, unique, sorted id', () => {
    const ids = countries.map((entity) => entity.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids).toEqual([...ids].sort());
    for (const entity of countries) {
      expect(entity.id, entity.name).toBe(countryId(entity.name));
      expect(entity.kind).toBe('country');
      expect(entity.asOf).toBe('2025-05-20');
      expect(entity.sameAs, entity.id).toMatch(/^Q[1-9]\d*$/);
      expect(entity.country?.iso2, entity.id).toMatch(/^[A-Z]{2}$/);
      expect(entity.country?.iso3, entity.id).toMatch(/^[A-Z]{3}$/);
      expect(entity.country?.demonyms.length, entity.id).toBeGreaterThan(0);
      expect(entity.summary, entity.id).toMatch(/^[A-Z].*\.$/);
    }
    expect(new Set(countries.map((entity) => entity.sameAs)).size).toBe(countries.length);
  });

  it('takes Wikidata ids from country-coder', () => {
    expect(country('US').sameAs).toBe('Q30');
    expect(country('RW').sameAs).toBe('Q1037');
    expect(country('GB').sameAs).toBe('Q145');
    // The European country, not the realm with Greenland and the Faroes (Q756617).
    expect(country('DK').sameAs).toBe('Q35');
  });

  it('fills the country details', () => {
    expect(country('RW').country).toEqual({
      iso2: 'RW',
      iso3: 'RWA',
      isoNumeric: '646',
      demonyms: ['Rwandan'],
      capital: 'Kigali',
      unMember: true,
    });
    expect(country('RW').summary).toBe('Country in Eastern Africa; capital Kigali.');
    expect(country('VA').country?.unMember).toBe(false);
    expect(country('XK').country).toMatchObject({ iso3: 'XKX', unMember: false });
    expect(country('XK').country?.isoNumeric).toBeUndefined();
    expect(country('AG').country?.demonyms).toEqual(['Antiguan', 'Barbudan']);
  });

  it('names each country in English only: no codes, no capitals, no native names', () => {
    const abbreviations = new Set(['US', 'USA', 'UK', 'UAE', 'DRC', 'PRC']);
    for (const entity of countries) {
      for (const alias of entity.aliases) {
        expect(alias.lang).toBe('en');
        expect(alias.text, entity.id).toMatch(/^[\p{Script=Latin}\s'.,()-]+$/u);
        if (/^[A-Z]{2,3}$/.test(alias.text)) expect(abbreviations, `${entity.id} ${alias.text}`).toContain(alias.text);
        expect(alias.form, entity.id).not.toBe('capital');
        const capital = entity.country?.capital;
        if (capital && capital !== entity.name) expect(alias.text, entity.id).not.toBe(capital);
      }
    }
    expect(texts(country('RW'))).not.toContain('RWA');
    expect(texts(country('RW'))).not.toContain('Kigali');
    expect(texts(country('IS'))).not.toContain('Island');
    expect(texts(country('DE'))).not.toContain('Bundesrepublik Deutschland');
    expect(texts(country('FI'))).not.toContain('Suomi');
    expect(texts(country('BN'))).not.toContain('the Abode of Peace');
  });

  it('has the common name, the official name, English variants and demonyms', () => {
    expect(texts(country('RW'))).toEqual(['Rwanda', 'Republic of Rwanda', 'Rwandan']);
    expect(aliasOf(country('RW'), 'Rwandan')?.form).toBe('demonym');
    expect(texts(country('TR'))).toEqual(expect.arrayContaining(['Türkiye', 'Turkey', 'Turkiye', 'Turkish']));
    expect(texts(country('CI'))).toEqual(
      expect.arrayContaining(['Ivory Coast', "Côte d'Ivoire", "Cote d'Ivoire", 'Ivorian']),
    );
    expect(texts(country('CZ'))).toEqual(expect.arrayContaining(['Czechia', 'Czech Republic']));
    expect(texts(country('MM'))).toEqual(expect.arrayContaining(['Myanmar', 'Burma']));
    expect(texts(country('CD'))).toEqual(
      expect.arrayContaining(['DR Congo', 'DRC', 'Democratic Republic of the Congo']),
    );
    expect(texts(country('KP'))).toContain('North Korea');
    expect(texts(country('KR'))).toContain('South Korea');
    expect(texts(country('ST'))).toEqual(expect.arrayContaining(['São Tomé and Príncipe', 'Sao Tome and Principe']));
    expect(texts(country('GB'))).toEqual(expect.arrayContaining(['United Kingdom', 'UK', 'Britain', 'British']));
  });

  it('makes one-word aliases case-sensitive', () => {
    for (const entity of countries) {
      for (const alias of entity.aliases) {
        if (!/\s/.test(alias.text)) expect(alias.caseSensitive, `${entity.id} ${alias.text}`).toBe(true);
      }
    }
  });

  it('marks country names that are common words or other places ambiguous and case-sensitive', () => {
    for (const [iso2, text] of [
      ['GE', 'Georgia'],
      ['JO', 'Jordan'],
      ['TD', 'Chad'],
      ['TR', 'Turkey'],
      ['NE', 'Niger'],
      ['GN', 'Guinea'],
      ['DM', 'Dominica'],
    ] as const) {
      expect(aliasOf(country(iso2), text), text).toMatchObject({ caseSensitive: true, ambiguous: true });
    }
    expect(aliasOf(country('CL'), 'Chile')?.ambiguous).toBeUndefined();
    expect(aliasOf(country('RW'), 'Rwanda')?.ambiguous).toBeUndefined();
  });

  it('compiles into the matcher, hyphenated and dotted aliases included', () => {
    const matcher = compileMatcher(countries);
    const text = "Guinea-Bissau, Timor-Leste, the U.S. and Côte d'Ivoire or Cote d'Ivoire.";
    expect(matcher.findMentions(text).map((mention) => mention.entityId)).toEqual([
      'country:guinea-bissau',
      'country:timor-leste',
      'country:united-states',
      'country:ivory-coast',
      'country:ivory-coast',
    ]);
  });

  it('uses every hand-marked ambiguous alias, so the list has no stale entries', () => {
    const used = new Set(countries.flatMap((entity) => entity.aliases.map((alias) => aliasKey(alias.text))));
    for (const key of AMBIGUOUS_ALIASES.keys()) expect(used, key).toContain(key);
  });
});

describe('mergeAliases', () => {
  const en = (text: string, caseSensitive: boolean, extra: Partial<Alias> = {}): Alias => ({
    text,
    lang: 'en',
    caseSensitive,
    ...extra,
  });

  it('keeps the first list and adds what it does not cover', () => {
    expect(
      mergeAliases(
        [en('United States', true), en('US', true)],
        [en('United States', false, { form: 'name' }), en('Us', true), en('us', false), en('USA', true)],
      ),
    ).toEqual([en('United States', true, { form: 'name' }), en('US', true), en('Us', true), en('USA', true)]);
  });

  it('fills a left-out ambiguous flag but keeps one the first list gives', () => {
    expect(mergeAliases([en('Chad', true)], [en('Chad', true, { ambiguous: true })])).toEqual([
      en('Chad', true, { ambiguous: true }),
    ]);
    expect(mergeAliases([en('Chad', true, { ambiguous: false })], [en('Chad', true, { ambiguous: true })])).toEqual([
      en('Chad', true, { ambiguous: false }),
    ]);
  });
});

describe('buildDataset', () => {
  it('merges a brief country: brief fields and aliases first, generated details and aliases after', () => {
    const { dataset } = buildDataset(brief());
    const rwanda = entity(dataset, 'country:rwanda');
    expect(rwanda.summary).toBe('Agreed to take people deported from the test country.');
    expect(rwanda.asOf).toBe('2025-05-30');
    expect(rwanda.sameAs).toBe('Q1037');
    expect(rwanda.country).toEqual(country('RW').country);
    expect(rwanda.aliases).toEqual([
      { text: 'Rwanda', lang: 'en', caseSensitive: false, form: 'name' },
      { text: 'Kigali', lang: 'en', caseSensitive: true, form: 'capital' },
      { text: 'Republic of Rwanda', lang: 'en', caseSensitive: false, form: 'name' },
      { text: 'Rwandan', lang: 'en', caseSensitive: true, form: 'demonym' },
    ]);

    const us = entity(dataset, 'country:united-states');
    expect(texts(us).slice(0, 3)).toEqual(['United States', 'U.S.', 'America']);
    expect(texts(us)).toEqual(expect.arrayContaining(['US', 'USA', 'American', 'United States of America']));
    expect(texts(us).filter((text) => aliasKey(text) === 'united states')).toEqual(['United States']);
    expect(aliasOf(us, 'America')?.ambiguous).toBe(false);
  });

  it('dates generated countries with the brief and credits the packages after the brief', () => {
    const { dataset } = buildDataset(brief());
    expect(entity(dataset, 'country:chad').asOf).toBe('2025-06-01');
    expect(dataset.credits?.map((credit) => [credit.name, credit.licence])).toEqual([
      ['Test authors', 'CC BY 4.0'],
      ['world-countries (mledoze/countries)', 'ODbL-1.0'],
      ['country-coder (RapiD editor)', 'ISC'],
    ]);
  });

  it('adds each deal to the related list of its country parties, once', () => {
    const { dataset } = buildDataset(brief());
    expect(entity(dataset, 'country:rwanda').related).toEqual(['person:jordan-smith', 'deal:test-deal']);
    expect(entity(dataset, 'country:united-states').related).toEqual(['deal:test-deal']);
    expect(entity(dataset, 'organization:test-prison').related).toBeUndefined();
    expect(entity(dataset, 'country:chad').related).toBeUndefined();
  });

  it('marks an alias two entities share ambiguous on both', () => {
    const { dataset, sharedAliases } = buildDataset(brief());
    expect(aliasOf(entity(dataset, 'person:jordan-smith'), 'Jordan')?.ambiguous).toBe(true);
    expect(aliasOf(entity(dataset, 'country:jordan'), 'Jordan')?.ambiguous).toBe(true);
    for (const id of ['country:dominica', 'country:dominican-republic']) {
      expect(aliasOf(entity(dataset, id), 'Dominican')?.ambiguous, id).toBe(true);
    }
    for (const id of ['country:dr-congo', 'country:republic-of-the-congo']) {
      expect(aliasOf(entity(dataset, id), 'Congolese')?.ambiguous, id).toBe(true);
    }
    expect(sharedAliases).toEqual(expect.arrayContaining(['jordan', 'dominican', 'congolese', 'congo']));
  });

  it('passes other brief entities through and orders deals, people, organisations, others, then countries', () => {
    const { dataset } = buildDataset(brief());
    expect(entity(dataset, 'law:test-act')).toEqual(entity(brief(), 'law:test-act'));
    expect(entity(dataset, 'deal:test-deal')).toEqual(entity(brief(), 'deal:test-deal'));
    const ids = dataset.entities.map((candidate) => candidate.id);
    expect(ids.slice(0, 4)).toEqual([
      'deal:test-deal',
      'person:jordan-smith',
      'organization:test-prison',
      'law:test-act',
    ]);
    expect(ids.slice(4)).toEqual(countries.map((candidate) => candidate.id));
  });

  it('is deterministic: two builds give byte-identical 2-space JSON with a trailing newline', () => {
    const first = buildDatasetJson(brief());
    const second = buildDatasetJson(JSON.parse(JSON.stringify(brief())));
    expect(second).toBe(first);
    expect(first.endsWith('}\n')).toBe(true);
    expect(first.split('\n')[1]).toBe('  "schemaVersion": 2,');
  });

  it('fails on a brief country the layer does not generate, and suggests the right id', () => {
    const data = brief();
    data.entities.push({
      id: 'country:cote-d-ivoire',
      kind: 'country',
      name: "Côte d'Ivoire",
      summary: 'A country.',
      asOf: '2025-05-30',
      aliases: [{ text: "Côte d'Ivoire", lang: 'en', caseSensitive: false }],
    });
    const error = buildError(() => buildDataset(data));
    expect(error.issues).toEqual([
      { path: 'entities[6].id', message: expect.stringMatching(/"country:cote-d-ivoire".*"country:ivory-coast"/) },
    ]);
  });

  it('fails, listing every issue, when the merged dataset is invalid', () => {
    const data = brief();
    const deal = entity(data, 'deal:test-deal');
    deal.deal?.parties.push('country:atlantis');
    deal.related = ['person:nobody'];
    const error = buildError(() => buildDataset(data));
    expect(error.message).toMatch(/merged dataset is not valid/);
    expect(error.issues.map((issue) => issue.path)).toEqual(['entities[0].related[0]', 'entities[0].deal.parties[3]']);
  });

  it('fails on a brief that does not fit the schema', () => {
    const data = brief() as unknown as { entities: Array<Record<string, unknown>> };
    delete data.entities[1]?.summary;
    const error = buildError(() => buildDataset(data));
    expect(error.issues.map((issue) => issue.path)).toEqual(['entities[1].summary']);
    expect(buildError(() => buildDataset({ schemaVersion: 1 })).issues[0]?.path).toBe('schemaVersion');
  });
});

describe('the bundled dataset file', () => {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const briefFile = resolve(root, BRIEF_PATH);

  it('equals a fresh build of data/brief.json, compiled matcher and page entities included (run npm run dataset:build)', () => {
    const built = buildDataset(JSON.parse(readFileSync(briefFile, 'utf8')));
    const committed = readFileSync(resolve(root, OUTPUT_PATH), 'utf8');
    expect(committed === built.json, `${OUTPUT_PATH} is out of date; run npm run dataset:build`).toBe(true);
    const committedMatcher = readFileSync(resolve(root, MATCHER_OUTPUT_PATH), 'utf8');
    expect(committedMatcher === built.matcherJson, `${MATCHER_OUTPUT_PATH} is out of date`).toBe(true);
    // Pages load it without checking its links (that would cost every page load); they are checked here.
    expect(checkMatcherData(JSON.parse(committedMatcher))).toEqual([]);
    const committedEntities = readFileSync(resolve(root, ENTITIES_OUTPUT_PATH), 'utf8');
    expect(committedEntities === built.entitiesJson, `${ENTITIES_OUTPUT_PATH} is out of date`).toBe(true);
  });

  it('gives pages the same entities, kinds and names as the full dataset (lib/bundled-page-index.ts)', () => {
    const index = bundledPageIndex();
    const dataset = bundledDataset();
    expect([...index.entities.values()]).toEqual(dataset.entities.map(({ id, kind, name }) => ({ id, kind, name })));
    const text = 'Rwanda and the United States; Keir Starmer spoke.';
    expect(index.matcher.findMentions(text)).toEqual(compileMatcher(dataset.entities).findMentions(text));
  });
});
