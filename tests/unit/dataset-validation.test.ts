import { describe, expect, it, vi } from 'vitest';
import { type DatasetIssue, LIMITS, validateDataset, validateDatasetJson } from '../../lib/dataset';
import { minimalDataset } from './dataset-fixture';

// biome-ignore lint/suspicious/noExplicitAny: each case mutates a plain JSON copy in ways the types forbid.
type Mutable = any;

function issuesAfter(mutate: (dataset: Mutable) => void): DatasetIssue[] {
  const dataset: Mutable = structuredClone(minimalDataset());
  mutate(dataset);
  const result = validateDataset(dataset);
  return result.ok ? [] : result.issues;
}

describe('validateDataset', () => {
  it('accepts the minimal dataset, so every case below fails for its own reason', () => {
    expect(validateDataset(minimalDataset())).toEqual({ ok: true, dataset: minimalDataset() });
  });

  // [what is wrong, the change, the path the error must name, words the message must contain]
  const cases: Array<[string, (d: Mutable) => void, string, RegExp]> = [
    ['missing id', (d) => delete d.id, 'id', /missing/],
    ['id with capitals', (d) => (d.id = 'Test'), 'id', /slug/],
    ['version not a number triple', (d) => (d.version = 'latest'), 'version', /version number/],
    ['publishedAt not a real date', (d) => (d.publishedAt = '2025-02-29'), 'publishedAt', /real calendar date/],
    ['publishedAt only a month', (d) => (d.publishedAt = '2025-05'), 'publishedAt', /full date/],
    ['title of the wrong type', (d) => (d.title = 42), 'title', /must be string/],
    ['empty title', (d) => (d.title = '   '), 'title', /empty/],
    ['unknown top-level field', (d) => (d.extra = true), '(the dataset)', /unknown field "extra"/],
    ['outlet kind not allowed', (d) => (d.outlets[0].kind = 'tabloid'), 'outlets[0].kind', /must be one of/],
    ['javascript: homepage', (d) => (d.outlets[0].homepage = 'javascript:alert(1)'), 'outlets[0].homepage', /https/],
    [
      'data: homepage',
      (d) => (d.outlets[0].homepage = 'data:text/html,<script>x</script>'),
      'outlets[0].homepage',
      /https/,
    ],
    ['http homepage', (d) => (d.outlets[0].homepage = 'http://daily.example'), 'outlets[0].homepage', /https/],
    [
      'URL with credentials',
      (d) => (d.outlets[0].homepage = 'https://user:pw@daily.example'),
      'outlets[0].homepage',
      /https/,
    ],
    ['duplicate outlet id', (d) => (d.outlets[1].id = 'outlet:daily'), 'outlets[1].id', /used twice/],
    ['entity without aliases', (d) => (d.entities[0].aliases = []), 'entities[0].aliases', /at least one alias/],
    [
      'alias of the wrong type',
      (d) => (d.entities[0].aliases[0].caseSensitive = 'yes'),
      'entities[0].aliases[0].caseSensitive',
      /boolean/,
    ],
    [
      'alias too long',
      (d) => (d.entities[0].aliases[0].text = 'x'.repeat(LIMITS.aliasLength + 1)),
      'entities[0].aliases[0].text',
      /at most/,
    ],
    [
      'alias with a control character',
      (d) => (d.entities[0].aliases[0].text = 'Rwanda\u0000Kigali'),
      'entities[0].aliases[0].text',
      /control characters/,
    ],
    [
      'bad language tag',
      (d) => (d.entities[0].aliases[0].lang = 'English'),
      'entities[0].aliases[0].lang',
      /language tag/,
    ],
    ['entity id without kind prefix', (d) => (d.entities[1].id = 'minister'), 'entities[1].id', /kind:slug/],
    [
      'entity id of another kind',
      (d) => (d.entities[1].id = 'country:minister'),
      'entities[1].id',
      /must start with the entity's kind/,
    ],
    ['duplicate entity id', (d) => d.entities.push(structuredClone(d.entities[0])), 'entities[3].id', /used twice/],
    [
      'dangling related id',
      (d) => (d.entities[0].related = ['deal:nowhere']),
      'entities[0].related[0]',
      /not in entities/,
    ],
    ['related to itself', (d) => (d.entities[0].related = ['country:rwanda']), 'entities[0].related[0]', /itself/],
    [
      'person country that is not a country',
      (d) => (d.entities[1].person.country = 'deal:test-deal'),
      'entities[1].person.country',
      /must refer to a country/,
    ],
    [
      'details for another kind',
      (d) => (d.entities[1].deal = { parties: ['country:rwanda'], status: 'active' }),
      'entities[1].deal',
      /only belong on a deal/,
    ],
    [
      'unknown deal status',
      (d) => (d.entities[2].deal.status = 'signed-ish'),
      'entities[2].deal.status',
      /must be one of/,
    ],
    [
      'deal figure pointing nowhere',
      (d) => (d.entities[2].deal.figures = ['claim:none']),
      'entities[2].deal.figures[0]',
      /not in claims/,
    ],
    ['bad ISO code', (d) => (d.entities[0].country.iso2 = 'rw'), 'entities[0].country.iso2', /alpha-2/],
    ['bad Wikidata id', (d) => (d.entities[0].sameAs = 'wikidata:Q1037'), 'entities[0].sameAs', /Wikidata/],
    [
      'role ends before it starts',
      (d) => (d.entities[1].person.roleTo = '2020'),
      'entities[1].person.roleTo',
      /before roleFrom/,
    ],
    [
      'shared alias not declared ambiguous',
      (d) => d.entities[1].aliases.push({ text: 'rwanda', lang: 'en', caseSensitive: false }),
      'entities[0].aliases[0]',
      /ambiguous/,
    ],
    [
      'claim about an unknown entity',
      (d) => (d.claims[0].about = ['country:atlantis']),
      'claims[0].about[0]',
      /not in entities/,
    ],
    ['claim without versions', (d) => (d.claims[0].versions = []), 'claims[0].versions', /at least one outlet version/],
    [
      'version from an unknown outlet',
      (d) => (d.claims[0].versions[0].outlet = 'outlet:ghost'),
      'claims[0].versions[0].outlet',
      /not in outlets/,
    ],
    [
      'money figure without currency',
      (d) => delete d.claims[0].versions[0].figure.unit,
      'claims[0].versions[0].figure',
      /ISO 4217/,
    ],
    [
      'negative figure',
      (d) => (d.claims[0].versions[0].figure.value = -5),
      'claims[0].versions[0].figure.value',
      /0|negative/,
    ],
    ['unknown figure kind', (d) => (d.claims[0].figureKind = 'percentage'), 'claims[0].figureKind', /must be one of/],
    [
      'citation naming nobody',
      (d) => (d.claims[0].versions[0].citation = [{}]),
      'claims[0].versions[0].citation[0]',
      /outlet id or a name/,
    ],
    [
      'story with a dangling claim',
      (d) => (d.stories[0].claims = ['claim:nope']),
      'stories[0].claims[0]',
      /not in claims/,
    ],
    [
      'story URL with javascript:',
      (d) => (d.stories[0].versions[0].url = 'javascript:void(0)'),
      'stories[0].versions[0].url',
      /https/,
    ],
    [
      'too many aliases on one entity',
      (d) =>
        (d.entities[0].aliases = Array.from({ length: LIMITS.aliasesPerEntity + 1 }, (_, i) => ({
          text: `Name ${i}`,
          lang: 'en',
          caseSensitive: true,
        }))),
      'entities[0].aliases',
      /at most/,
    ],
    [
      'summary too long',
      (d) => (d.entities[0].summary = 'x'.repeat(LIMITS.summaryLength + 1)),
      'entities[0].summary',
      /at most/,
    ],
    ['unknown schemaVersion 0', (d) => (d.schemaVersion = 0), 'schemaVersion', /whole number/],
    ['future schemaVersion', (d) => (d.schemaVersion = 99), 'schemaVersion', /newer than this version of Crossread/],
    ['schemaVersion as text', (d) => (d.schemaVersion = '2'), 'schemaVersion', /whole number/],
  ];

  it.each(cases)('rejects %s, naming the field', (_name, mutate, path, message) => {
    const issues = issuesAfter(mutate);
    const named = issues.find((issue) => issue.path === path);
    expect(named, `issues were: ${JSON.stringify(issues)}`).toBeDefined();
    expect(named?.message).toMatch(message);
  });

  it('compares partial dates as spans: a role ending "2024" may start "2024-07"', () => {
    expect(issuesAfter((d) => Object.assign(d.entities[1].person, { roleFrom: '2024-07', roleTo: '2024' }))).toEqual(
      [],
    );
    expect(issuesAfter((d) => Object.assign(d.entities[1].person, { roleFrom: '2024-07', roleTo: '2024-06' }))).toEqual(
      [{ path: 'entities[1].person.roleTo', message: 'is before roleFrom (2024-07)' }],
    );
  });

  it('rejects input that is not an object', () => {
    for (const input of [null, 42, 'dataset', [], true]) {
      expect(validateDataset(input)).toEqual({
        ok: false,
        issues: [{ path: '(the dataset)', message: 'must be a JSON object' }],
      });
    }
  });
});

describe('validateDatasetJson', () => {
  it('rejects an empty body', () => {
    expect(validateDatasetJson('  \n')).toMatchObject({
      ok: false,
      issues: [{ path: '(the file)', message: 'is empty' }],
    });
  });

  it('rejects truncated JSON and an HTML page', () => {
    const json = JSON.stringify(minimalDataset());
    for (const body of [json.slice(0, json.length / 2), '<!doctype html><title>404</title>']) {
      const result = validateDatasetJson(body);
      expect(result.ok).toBe(false);
      expect(result.ok ? '' : result.issues[0]?.message).toMatch(/is not valid JSON/);
    }
  });

  it('says a file is cut short from SpiderMonkey’s line-and-column messages too (Firefox’s options page)', () => {
    const json = JSON.stringify(minimalDataset(), null, 2);
    const cut = json.slice(0, json.length / 2);
    const lines = cut.split('\n');
    const lastLine = lines.length;
    const endColumn = (lines.at(-1)?.length ?? 0) + 1;
    /** The message of the SyntaxError JSON.parse throws in Firefox for `where`. */
    const spiderMonkey = (problem: string, where: string) => {
      const parse = vi.spyOn(JSON, 'parse').mockImplementation(() => {
        throw new SyntaxError(`JSON.parse: ${problem} at ${where} of the JSON data`);
      });
      try {
        const result = validateDatasetJson(cut);
        return result.ok ? '' : (result.issues[0]?.message ?? '');
      } finally {
        parse.mockRestore();
      }
    };
    // What Firefox ESR 153 says for a file cut inside a string (on one line, then on the last of several).
    expect(spiderMonkey('unterminated string', `line 1 column ${cut.length + 1}`)).toMatch(/it stops part-way through/);
    expect(spiderMonkey('unterminated string', `line ${lastLine} column ${endColumn}`)).toMatch(
      /it stops part-way through/,
    );
    // A mistake before the end is not a cut.
    expect(spiderMonkey("expected ',' or '}' after property value in object", 'line 2 column 3')).toMatch(
      /^is not valid JSON \(JSON\.parse: expected/,
    );
  });

  it('rejects a body over the size limit before parsing it', () => {
    const result = validateDatasetJson(`"${'x'.repeat(LIMITS.totalBytes)}"`);
    expect(result.ok ? '' : result.issues[0]?.message).toMatch(/a dataset may be at most 4\.0 MB/);
  });

  it('accepts valid JSON text', () => {
    expect(validateDatasetJson(JSON.stringify(minimalDataset())).ok).toBe(true);
  });

  it('migrates a schema version 1 dataset (entities only) forward', () => {
    const { outlets: _o, claims: _c, stories: _s, ...rest } = minimalDataset();
    const v1 = {
      ...rest,
      schemaVersion: 1,
      entities: rest.entities.map(({ related: _r, deal: _d, keyDates: _k, person: _p, ...entity }) => entity),
    };
    const result = validateDatasetJson(JSON.stringify(v1));
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.dataset.schemaVersion).toBe(2);
      expect(result.dataset.claims).toEqual([]);
      expect(result.dataset.entities.map((entity) => entity.id)).toEqual(rest.entities.map((entity) => entity.id));
    }
  });
});
