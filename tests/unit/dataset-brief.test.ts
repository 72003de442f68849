import { describe, expect, it } from 'vitest';
import worldCountries from 'world-countries';
import brief from '../../data/brief.json';
import { type Claim, type ClaimVersion, type Entity, type Figure, parseDataset } from '../../lib/dataset';

/**
 * data/brief.json is the hand-written layer of the bundled dataset. These
 * tests walk the research brief (shared/facts/third-country-deportations.md)
 * item by item and check that each fact is in the file, attributed to the
 * outlet that reported it, with disagreeing outlets kept apart.
 */

const dataset = parseDataset(brief);

function entity(id: string): Entity {
  const found = dataset.entities.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`data/brief.json has no entity "${id}"`);
  return found;
}

function claim(id: string): Claim {
  const found = dataset.claims.find((candidate) => candidate.id === id);
  if (!found) throw new Error(`data/brief.json has no claim "${id}"`);
  return found;
}

function version(claimId: string, outlet: string): ClaimVersion {
  const found = claim(claimId).versions.find((candidate) => candidate.outlet === outlet);
  if (!found) throw new Error(`claim "${claimId}" has no version by "${outlet}"`);
  return found;
}

function alias(entityId: string, text: string) {
  const found = entity(entityId).aliases.find((candidate) => candidate.text === text);
  if (!found) throw new Error(`entity "${entityId}" has no alias "${text}"`);
  return found;
}

/** The slug rule the build script uses for the generated country layer. */
function countrySlug(name: string): string {
  return name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

const REPORTS = ['outlet:uwimana-blog', 'outlet:report-a', 'outlet:ny-sun', 'outlet:report-b', 'outlet:san'];

describe('data/brief.json: the dataset itself', () => {
  it('is a complete, valid schema-version-2 dataset on its own', () => {
    expect(dataset).toMatchObject({
      schemaVersion: 2,
      id: 'third-country-deportations',
      version: '1.0.0',
      publishedAt: '2025-05-20',
      licence: expect.stringMatching(/^ODbL 1.0 .*CC BY 4.0$/),
    });
  });

  it('gives every entity an alias equal to its name and a full asOf date', () => {
    for (const item of dataset.entities) {
      expect(
        item.aliases.map((candidate) => candidate.text),
        item.id,
      ).toContain(item.name);
      expect(item.asOf, item.id).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });
});

describe('outlets', () => {
  it.each([
    ['outlet:uwimana-blog', 'blog', undefined],
    ['outlet:report-a', 'website', undefined],
    ['outlet:ny-sun', 'newspaper', 'https://nysun.com'],
    ['outlet:report-b', 'aggregator', undefined],
    ['outlet:san', 'website', 'https://straightarrownews.com'],
    ['outlet:handbasket', 'website', undefined],
    ['outlet:washington-post', 'newspaper', 'https://www.washingtonpost.com'],
    ['outlet:reuters', 'wire', 'https://www.reuters.com'],
    ['outlet:wall-street-journal', 'newspaper', 'https://www.wsj.com'],
    ['outlet:rwanda-tv', 'broadcaster', undefined],
    ['outlet:new-yorker', 'magazine', 'https://www.newyorker.com'],
    ['outlet:dhs', 'government', 'https://www.dhs.gov'],
  ])('has %s as a %s', (id, kind, homepage) => {
    const outlet = dataset.outlets.find((candidate) => candidate.id === id);
    expect(outlet).toBeDefined();
    expect(outlet?.kind).toBe(kind);
    expect(outlet?.homepage).toBe(homepage);
  });

  it('names the outlets the brief names', () => {
    const names = Object.fromEntries(dataset.outlets.map((outlet) => [outlet.id, outlet.name]));
    expect(names).toMatchObject({
      'outlet:uwimana-blog': expect.stringContaining('Jojo Uwimana'),
      'outlet:ny-sun': 'The New York Sun',
      'outlet:san': 'Straight Arrow News',
      'outlet:handbasket': 'The Handbasket',
      'outlet:washington-post': 'The Washington Post',
      'outlet:reuters': 'Reuters',
      'outlet:wall-street-journal': 'The Wall Street Journal',
      'outlet:rwanda-tv': 'Rwanda TV',
      'outlet:new-yorker': 'The New Yorker',
      'outlet:dhs': 'U.S. Department of Homeland Security',
    });
  });

  it('marks the two unnamed reports as unnamed instead of guessing a name', () => {
    for (const id of ['outlet:report-a', 'outlet:report-b']) {
      const outlet = dataset.outlets.find((candidate) => candidate.id === id);
      expect(outlet?.note, id).toMatch(/not named/);
      expect(outlet?.name, id).toMatch(/unnamed/i);
    }
    const noted = dataset.outlets.filter((outlet) => outlet.note).map((outlet) => outlet.id);
    expect(noted.sort()).toEqual(['outlet:report-a', 'outlet:report-b']);
  });
});

describe('countries of the brief', () => {
  const BRIEF_COUNTRIES = [
    'rwanda',
    'united-states',
    'united-kingdom',
    'israel',
    'iraq',
    'el-salvador',
    'venezuela',
    'panama',
    'uzbekistan',
    'kazakhstan',
    'kyrgyzstan',
    'kosovo',
    'costa-rica',
    'ukraine',
    'russia',
    'angola',
    'mongolia',
    'togo',
    'tunisia',
    'turkmenistan',
    'peru',
    'libya',
    'south-sudan',
    'china',
  ];
  const worldSlugs = new Set(worldCountries.map((country) => countrySlug(country.name.common)));

  it.each(BRIEF_COUNTRIES)('has country:%s with a summary and at least one related deal', (slug) => {
    const country = entity(`country:${slug}`);
    expect(country.kind).toBe('country');
    expect(country.summary.length).toBeGreaterThan(40);
    const relatedDeals = (country.related ?? []).filter((id) => id.startsWith('deal:'));
    expect(relatedDeals.length, `country:${slug}`).toBeGreaterThan(0);
  });

  it('uses only country ids the generated world-countries layer will also use', () => {
    const ids = dataset.entities.filter((item) => item.kind === 'country').map((item) => item.id);
    expect(ids.sort()).toEqual(BRIEF_COUNTRIES.map((slug) => `country:${slug}`).sort());
    for (const id of ids) expect(worldSlugs.has(id.slice('country:'.length)), id).toBe(true);
  });

  it('gives the United States its short forms, case-sensitive where they clash with words', () => {
    expect(alias('country:united-states', 'US').caseSensitive).toBe(true);
    expect(alias('country:united-states', 'U.S.').caseSensitive).toBe(true);
    expect(alias('country:united-states', 'USA').caseSensitive).toBe(true);
    expect(alias('country:united-states', 'United States of America')).toBeDefined();
    // "America" also names the continent ("Latin America" is in the brief).
    expect(alias('country:united-states', 'America')).toMatchObject({ caseSensitive: true, ambiguous: true });
    const texts = dataset.entities.flatMap((item) => item.aliases.map((candidate) => candidate.text.toLowerCase()));
    expect(texts).not.toContain('washington');
    expect(
      dataset.entities.flatMap((item) => item.aliases).filter((candidate) => candidate.text.toLowerCase() === 'us'),
    ).toEqual([expect.objectContaining({ text: 'US', caseSensitive: true })]);
  });

  it('gives the United Kingdom, Rwanda and Ukraine the names the brief lists', () => {
    for (const text of ['UK', 'U.K.', 'Britain', 'Great Britain']) {
      expect(alias('country:united-kingdom', text).caseSensitive, text).toBe(true);
    }
    expect(alias('country:rwanda', 'Kigali')).toMatchObject({ caseSensitive: true, form: 'capital' });
    expect(alias('country:ukraine', 'Kyiv')).toMatchObject({ caseSensitive: true, form: 'capital' });
  });
});

describe('deals and arrangements', () => {
  it.each([
    ['deal:us-rwanda-2025', ['country:united-states', 'country:rwanda'], 'preliminary'],
    ['deal:uk-rwanda-2022', ['country:united-kingdom', 'country:rwanda'], 'ended'],
    ['deal:israel-rwanda', ['country:israel', 'country:rwanda'], 'ended'],
    ['deal:us-el-salvador-cecot-2025', ['country:united-states', 'country:el-salvador'], 'active'],
    ['deal:us-panama-2025', ['country:united-states', 'country:panama'], 'active'],
    ['deal:us-uzbekistan-2025', ['country:united-states', 'country:uzbekistan'], 'active'],
    ['deal:us-kosovo-2025', ['country:united-states', 'country:kosovo'], 'active'],
    ['deal:us-costa-rica-2025', ['country:united-states', 'country:costa-rica'], 'active'],
    ['deal:us-ukraine-request-2025', ['country:united-states', 'country:ukraine'], 'proposed'],
    ['deal:us-libya-2025', ['country:united-states', 'country:libya'], 'proposed'],
    ['deal:us-south-sudan-2025', ['country:united-states', 'country:south-sudan'], 'blocked'],
    ['deal:us-peru-2025', ['country:united-states', 'country:peru'], 'refused'],
    [
      'deal:us-third-country-outreach-2025',
      [
        'country:united-states',
        'country:angola',
        'country:mongolia',
        'country:ukraine',
        'country:togo',
        'country:tunisia',
        'country:turkmenistan',
      ],
      'proposed',
    ],
  ])('has %s between the right parties with status and figures', (id, parties, status) => {
    const deal = entity(id);
    expect(deal.kind).toBe('deal');
    expect(deal.deal?.parties.sort()).toEqual([...parties].sort());
    expect(deal.deal?.status).toBe(status);
    expect(deal.deal?.statusNote).toBeTruthy();
    expect(deal.deal?.figures?.length, id).toBeGreaterThan(0);
  });

  it('records who reported the state of each deal', () => {
    const reportedBy = (id: string) => entity(id).deal?.statusReportedBy?.sort();
    expect(reportedBy('deal:us-rwanda-2025')).toEqual(['outlet:ny-sun', 'outlet:report-a', 'outlet:uwimana-blog']);
    expect(reportedBy('deal:uk-rwanda-2022')).toEqual(['outlet:ny-sun', 'outlet:report-a']);
    expect(reportedBy('deal:israel-rwanda')).toEqual(['outlet:uwimana-blog']);
    expect(reportedBy('deal:us-el-salvador-cecot-2025')).toEqual(['outlet:ny-sun', 'outlet:report-a', 'outlet:san']);
    expect(reportedBy('deal:us-libya-2025')).toEqual(['outlet:report-b', 'outlet:san']);
    for (const id of ['deal:us-panama-2025', 'deal:us-uzbekistan-2025', 'deal:us-ukraine-request-2025']) {
      expect(reportedBy(id), id).toEqual(['outlet:san']);
    }
    for (const id of [
      'deal:us-kosovo-2025',
      'deal:us-costa-rica-2025',
      'deal:us-south-sudan-2025',
      'deal:us-peru-2025',
    ]) {
      expect(reportedBy(id), id).toEqual(['outlet:report-b']);
    }
  });

  it('dates the US–Rwanda events, keeping the two accounts of the transfer date apart', () => {
    const keyDates = entity('deal:us-rwanda-2025').keyDates ?? [];
    const byDate = (date: string) => keyDates.filter((keyDate) => keyDate.date === date);
    expect(byDate('2025-03-13')).toEqual([
      expect.objectContaining({ reportedBy: ['outlet:handbasket', 'outlet:ny-sun'] }),
    ]);
    expect(byDate('2025-04-04')).toEqual([expect.objectContaining({ reportedBy: ['outlet:ny-sun'] })]);
    expect(byDate('2025-04')).toEqual([expect.objectContaining({ reportedBy: ['outlet:report-a'] })]);
    expect(byDate('2025-04-22')).toEqual([expect.objectContaining({ reportedBy: ['outlet:ny-sun'] })]);
    expect(byDate('2025-05')[0]?.reportedBy?.sort()).toEqual(['outlet:report-a', 'outlet:uwimana-blog']);
  });

  it('dates the UK–Rwanda milestones with the outlet for each', () => {
    const keyDates = entity('deal:uk-rwanda-2022').keyDates ?? [];
    expect(keyDates.map((keyDate) => [keyDate.date, keyDate.reportedBy])).toEqual([
      ['2022', ['outlet:ny-sun']],
      ['2023', ['outlet:ny-sun']],
      ['2024-07', ['outlet:ny-sun']],
      ['2024', ['outlet:report-a']],
    ]);
    expect(entity('deal:uk-rwanda-2022').summary).toContain('"stop the boats"');
  });

  it('dates the El Salvador, Uzbekistan, Ukraine and outreach events', () => {
    const dates = (id: string) => (entity(id).keyDates ?? []).map((keyDate) => keyDate.date);
    expect(dates('deal:us-el-salvador-cecot-2025')).toEqual(['2025-03', '2025-04']);
    expect(dates('deal:us-uzbekistan-2025')).toEqual(['2025-04']);
    expect(dates('deal:us-ukraine-request-2025')).toEqual(['2025-01']);
    expect(dates('deal:us-third-country-outreach-2025')).toEqual(['2025-03-12']);
  });

  it('marks deal names that could name either Rwanda arrangement as ambiguous', () => {
    for (const text of ['Rwanda plan', 'Rwanda scheme', 'Rwanda policy']) {
      expect(alias('deal:uk-rwanda-2022', text).ambiguous, text).toBe(true);
    }
    expect(alias('deal:uk-rwanda-2022', 'Migration and Economic Development Partnership').ambiguous).toBeUndefined();
  });
});

describe('people', () => {
  it.each([
    [
      'person:olivier-nduhungirehe',
      'Olivier Nduhungirehe',
      /Minister of Foreign Affairs of Rwanda/,
      'country:rwanda',
      undefined,
      undefined,
      ['Nduhungirehe', 'Foreign Minister Nduhungirehe'],
    ],
    [
      'person:donald-trump',
      'Donald Trump',
      /President of the United States/,
      'country:united-states',
      '2025-01',
      undefined,
      ['Trump', 'President Trump', 'Trump administration'],
    ],
    [
      'person:richard-grenell',
      'Richard Grenell',
      /[Ee]nvoy for special missions/,
      'country:united-states',
      undefined,
      undefined,
      ['Ric Grenell', 'Grenell'],
    ],
    [
      'person:mike-pompeo',
      'Mike Pompeo',
      /Secretary of State \(in 2018, first Trump administration\)/,
      'country:united-states',
      undefined,
      undefined,
      ['Pompeo'],
    ],
    [
      'person:rishi-sunak',
      'Rishi Sunak',
      /Prime Minister of the United Kingdom/,
      'country:united-kingdom',
      '2022',
      '2024',
      ['Sunak'],
    ],
    [
      'person:keir-starmer',
      'Keir Starmer',
      /Prime Minister of the United Kingdom/,
      'country:united-kingdom',
      '2024-07',
      undefined,
      ['Sir Keir Starmer', 'Starmer'],
    ],
    [
      'person:nayib-bukele',
      'Nayib Bukele',
      /President of El Salvador/,
      'country:el-salvador',
      undefined,
      undefined,
      ['Bukele', 'President Bukele'],
    ],
    [
      'person:jose-raul-mulino',
      'José Raúl Mulino',
      /President of Panama/,
      'country:panama',
      undefined,
      undefined,
      ['Jose Raul Mulino', 'Mulino'],
    ],
    [
      'person:omar-abdulsattar-ameen',
      'Omar Abdulsattar Ameen',
      /Iraqi national relocated from the US to Rwanda in April 2025/,
      'country:iraq',
      undefined,
      undefined,
      ['Omar Ameen', 'Mr. Ameen', 'Ameen'],
    ],
    ['person:yael-schacher', 'Yael Schacher', /Refugees International/, undefined, undefined, undefined, ['Schacher']],
  ])('has %s (%s) with role, country, dates and aliases', (id, name, role, country, roleFrom, roleTo, aliases) => {
    const person = entity(id);
    expect(person.kind).toBe('person');
    expect(person.name).toBe(name);
    expect(person.person?.role).toMatch(role);
    expect(person.person?.country).toBe(country);
    expect(person.person?.roleFrom).toBe(roleFrom);
    expect(person.person?.roleTo).toBe(roleTo);
    for (const text of aliases) expect(alias(id, text)).toBeDefined();
  });

  it('matches single surnames and "Mr. Ameen" only with their capitalisation', () => {
    for (const [id, text] of [
      ['person:olivier-nduhungirehe', 'Nduhungirehe'],
      ['person:donald-trump', 'Trump'],
      ['person:richard-grenell', 'Grenell'],
      ['person:mike-pompeo', 'Pompeo'],
      ['person:rishi-sunak', 'Sunak'],
      ['person:keir-starmer', 'Starmer'],
      ['person:nayib-bukele', 'Bukele'],
      ['person:jose-raul-mulino', 'Mulino'],
      ['person:omar-abdulsattar-ameen', 'Ameen'],
      ['person:omar-abdulsattar-ameen', 'Mr. Ameen'],
      ['person:yael-schacher', 'Schacher'],
    ] as const) {
      // "Nduhungirehe" is no English word, so it alone may fold case.
      if (text !== 'Nduhungirehe') expect(alias(id, text).caseSensitive, text).toBe(true);
    }
  });

  it('links to Wikidata only where the item is certain', () => {
    const linked = dataset.entities.filter((item) => item.sameAs).map((item) => [item.id, item.sameAs]);
    expect(linked).toEqual([['person:donald-trump', 'Q22686']]);
  });

  it("keeps Omar Ameen's background and both datings of his transfer", () => {
    const keyDates = entity('person:omar-abdulsattar-ameen').keyDates ?? [];
    expect(keyDates.map((keyDate) => keyDate.date)).toEqual([
      '2014',
      '2018',
      '2020',
      '2021-04',
      '2025-04-04',
      '2025-04',
    ]);
    expect(keyDates.find((keyDate) => keyDate.date === '2018')?.event).toMatch(/FBI.*"dubious"/);
    expect(keyDates.find((keyDate) => keyDate.date === '2020')?.reportedBy).toEqual(['outlet:new-yorker']);
    expect(keyDates.find((keyDate) => keyDate.date === '2021-04')?.event).toMatch(/ICE/);
  });

  it('records which outlets report each role', () => {
    const reportedBy = (id: string) => entity(id).person?.reportedBy?.sort();
    expect(reportedBy('person:olivier-nduhungirehe')).toEqual(['outlet:report-a', 'outlet:uwimana-blog']);
    expect(reportedBy('person:richard-grenell')).toEqual(['outlet:ny-sun']);
    expect(reportedBy('person:keir-starmer')).toEqual(['outlet:ny-sun', 'outlet:report-a']);
    expect(reportedBy('person:nayib-bukele')).toEqual(['outlet:san']);
    expect(reportedBy('person:jose-raul-mulino')).toEqual(['outlet:san']);
    expect(reportedBy('person:yael-schacher')).toEqual(['outlet:san']);
    expect(reportedBy('person:omar-abdulsattar-ameen')).toEqual([
      'outlet:ny-sun',
      'outlet:report-a',
      'outlet:report-b',
      'outlet:san',
    ]);
  });
});

describe('organisations and the law', () => {
  it.each([
    ['organization:unhcr', 'UNHCR', 'un-agency', undefined, ['UN refugee agency']],
    ['organization:human-rights-watch', 'Human Rights Watch', 'ngo', undefined, ['HRW']],
    ['organization:refugees-international', 'Refugees International', 'ngo', undefined, []],
    [
      'organization:us-department-of-homeland-security',
      'U.S. Department of Homeland Security',
      'government-department',
      'country:united-states',
      ['DHS', 'Department of Homeland Security'],
    ],
    [
      'organization:us-department-of-state',
      'U.S. Department of State',
      'ministry',
      'country:united-states',
      ['State Department'],
    ],
    [
      'organization:us-immigration-and-customs-enforcement',
      'U.S. Immigration and Customs Enforcement',
      'agency',
      'country:united-states',
      ['ICE'],
    ],
    ['organization:fbi', 'Federal Bureau of Investigation', 'agency', 'country:united-states', ['FBI']],
    [
      'organization:us-supreme-court',
      'Supreme Court of the United States',
      'court',
      'country:united-states',
      ['U.S. Supreme Court', 'US Supreme Court'],
    ],
    [
      'organization:uk-supreme-court',
      'Supreme Court of the United Kingdom',
      'court',
      'country:united-kingdom',
      ['UK Supreme Court', 'U.K. Supreme Court'],
    ],
    ['organization:cecot', 'CECOT', 'prison', 'country:el-salvador', ['Terrorism Confinement Center']],
  ])('has %s (%s) as %s', (id, name, type, country, aliases) => {
    const organization = entity(id);
    expect(organization.kind).toBe('organization');
    expect(organization.name).toBe(name);
    expect(organization.organization).toEqual(country ? { type, country } : { type });
    for (const text of aliases) expect(alias(id, text)).toBeDefined();
  });

  it('matches the acronyms that are also words only in capitals', () => {
    expect(alias('organization:us-immigration-and-customs-enforcement', 'ICE').caseSensitive).toBe(true);
    expect(alias('organization:us-department-of-homeland-security', 'DHS').caseSensitive).toBe(true);
  });

  it('marks a bare "Supreme Court" ambiguous on both courts', () => {
    const owners = dataset.entities.filter((item) =>
      item.aliases.some((candidate) => candidate.text === 'Supreme Court'),
    );
    expect(owners.map((item) => item.id).sort()).toEqual([
      'organization:uk-supreme-court',
      'organization:us-supreme-court',
    ]);
    for (const owner of owners) expect(alias(owner.id, 'Supreme Court').ambiguous, owner.id).toBe(true);
  });

  it('has the Alien Enemies Act as an entity of its own kind, "law"', () => {
    const law = entity('law:alien-enemies-act');
    expect(law.kind).toBe('law');
    expect(law.summary).toMatch(/Eighteenth-century/);
    expect(law.related).toEqual(expect.arrayContaining(['deal:us-el-salvador-cecot-2025']));
  });
});

/** The brief's dates for the five reports; "late April/early May" and "early May" are kept at month precision. */
const PUBLISHED: Record<string, string> = {
  'outlet:uwimana-blog': '2025-05-06',
  'outlet:report-a': '2025-05',
  'outlet:ny-sun': '2025-05',
  'outlet:report-b': '2025-05',
  'outlet:san': '2025-05',
};

interface ExpectedVersion {
  outlet: string;
  term: string;
  figure?: Partial<Figure> | null;
  cites?: string[];
}

/** Each claim with every outlet's version, exactly as the brief gives them; `figure: null` means the outlet gave none. */
const CLAIMS: Array<[string, Claim['figureKind'], ExpectedVersion[]]> = [
  [
    'claim:us-rwanda-payment',
    'money',
    [
      {
        outlet: 'outlet:ny-sun',
        term: 'requested',
        figure: { value: 100000, unit: 'USD', qualifier: 'exactly', asReported: '$100,000' },
      },
      { outlet: 'outlet:report-b', term: 'appropriated', figure: { value: 100000, unit: 'USD', qualifier: 'exactly' } },
      {
        outlet: 'outlet:san',
        term: 'received',
        figure: { value: 100000, unit: 'USD', qualifier: 'exactly' },
        cites: ['outlet:handbasket'],
      },
      { outlet: 'outlet:uwimana-blog', term: 'likely', figure: null },
    ],
  ],
  [
    'claim:us-rwanda-further-deportees',
    'count',
    [
      {
        outlet: 'outlet:ny-sun',
        term: 'at least ten more',
        figure: { value: 10, unit: 'person', qualifier: 'at-least', asReported: 'at least ten more' },
      },
      {
        outlet: 'outlet:san',
        term: 'committed',
        figure: { value: 10, unit: 'person', qualifier: 'exactly' },
        cites: ['outlet:handbasket'],
      },
      { outlet: 'outlet:report-b', term: 'ongoing', figure: null },
    ],
  ],
  [
    'claim:ameen-relocation-date',
    'date',
    [
      { outlet: 'outlet:ny-sun', term: 'relocated', figure: { date: '2025-04-04' } },
      { outlet: 'outlet:report-a', term: 'last month', figure: { date: '2025-04', asReported: 'last month' } },
    ],
  ],
  [
    'claim:ameen-description',
    'text',
    [
      { outlet: 'outlet:report-a', term: 'refugee', figure: { asReported: 'Iraqi refugee' } },
      { outlet: 'outlet:ny-sun', term: 'detained', figure: { asReported: 'detained Iraqi national' } },
      { outlet: 'outlet:report-b', term: 'man', figure: { asReported: 'an Iraqi man' } },
      { outlet: 'outlet:san', term: 'national', figure: { asReported: '1 Iraqi national' } },
    ],
  ],
  [
    'claim:us-rwanda-talks-confirmed',
    'text',
    [
      { outlet: 'outlet:uwimana-blog', term: 'statement', figure: null },
      {
        outlet: 'outlet:report-a',
        term: 'revealed',
        figure: { asReported: 'still in the early stages' },
        cites: ['outlet:rwanda-tv'],
      },
    ],
  ],
  [
    'claim:kigali-cable-2025-03-13',
    'date',
    [{ outlet: 'outlet:ny-sun', term: 'willing', figure: { date: '2025-03-13' }, cites: ['outlet:handbasket'] }],
  ],
  [
    'claim:cable-2025-04-22',
    'date',
    [{ outlet: 'outlet:ny-sun', term: 'proved the concept', figure: { date: '2025-04-22' } }],
  ],
  ['claim:grenell-leak-reaction', 'text', [{ outlet: 'outlet:ny-sun', term: 'fire', figure: null }]],
  ['claim:hrw-international-law', 'text', [{ outlet: 'outlet:uwimana-blog', term: 'humanitarian', figure: null }]],
  ['claim:unhcr-onward-return-warning', 'text', [{ outlet: 'outlet:report-a', term: 'warned', figure: null }]],
  ['claim:uk-rwanda-signing', 'date', [{ outlet: 'outlet:ny-sun', term: 'signed', figure: { date: '2022' } }]],
  [
    'claim:uk-rwanda-scope',
    'count',
    [
      { outlet: 'outlet:ny-sun', term: 'irregularly', figure: null },
      { outlet: 'outlet:report-a', term: 'thousands', figure: { asReported: 'thousands of asylum seekers' } },
    ],
  ],
  [
    'claim:uk-supreme-court-rwanda-ruling',
    'date',
    [{ outlet: 'outlet:ny-sun', term: 'not a safe third country', figure: { date: '2023' } }],
  ],
  [
    'claim:uk-rwanda-law',
    'text',
    [{ outlet: 'outlet:ny-sun', term: 'stop the boats', figure: { asReported: 'stop the boats' } }],
  ],
  [
    'claim:uk-rwanda-end',
    'date',
    [
      { outlet: 'outlet:ny-sun', term: 'dead and buried', figure: { date: '2024-07' } },
      { outlet: 'outlet:report-a', term: 'dropped', figure: { date: '2024' } },
    ],
  ],
  ['claim:israel-rwanda-arrangement', 'text', [{ outlet: 'outlet:uwimana-blog', term: 'hosted', figure: null }]],
  [
    'claim:cecot-march-2025-transfer',
    'count',
    [{ outlet: 'outlet:ny-sun', term: 'sent', figure: { value: 238, unit: 'person', qualifier: 'exactly' } }],
  ],
  [
    'claim:cecot-payment',
    'money',
    [
      {
        outlet: 'outlet:san',
        term: 'paid',
        figure: { asReported: '$6 cardinal', value: 6000000, unit: 'USD', qualifier: 'exactly' },
      },
    ],
  ],
  [
    'claim:us-supreme-court-april-2025-block',
    'date',
    [{ outlet: 'outlet:report-a', term: 'temporarily blocked', figure: { date: '2025-04' } }],
  ],
  ['claim:panama-deportees', 'text', [{ outlet: 'outlet:san', term: 'took', figure: null }]],
  ['claim:panama-canal-pressure', 'text', [{ outlet: 'outlet:san', term: 'pressure', figure: null }]],
  ['claim:panama-release', 'count', [{ outlet: 'outlet:san', term: 'released', figure: { asReported: 'dozens' } }]],
  [
    'claim:uzbekistan-deportees',
    'count',
    [
      {
        outlet: 'outlet:san',
        term: 'deported',
        figure: { value: 131, unit: 'person', qualifier: 'exactly' },
        cites: ['outlet:dhs'],
      },
    ],
  ],
  ['claim:uzbekistan-china-russia-warning', 'text', [{ outlet: 'outlet:san', term: 'warned', figure: null }]],
  [
    'claim:kosovo-deportees',
    'count',
    [{ outlet: 'outlet:report-b', term: 'agreed', figure: { value: 50, unit: 'person', qualifier: 'up-to' } }],
  ],
  [
    'claim:costa-rica-deportees',
    'count',
    [{ outlet: 'outlet:report-b', term: 'accepted', figure: { asReported: 'a significant number', unit: 'person' } }],
  ],
  [
    'claim:ukraine-request-date',
    'date',
    [{ outlet: 'outlet:san', term: 'request', figure: { date: '2025-01' }, cites: ['outlet:washington-post'] }],
  ],
  [
    'claim:ukraine-request-response',
    'text',
    [{ outlet: 'outlet:san', term: 'not accepted', figure: null, cites: ['outlet:washington-post'] }],
  ],
  [
    'claim:outreach-country-count',
    'count',
    [{ outlet: 'outlet:report-b', term: 'approach', figure: { value: 58, unit: 'country', qualifier: 'up-to' } }],
  ],
  [
    'claim:cable-2025-03-12-partners',
    'date',
    [{ outlet: 'outlet:report-b', term: 'lists', figure: { date: '2025-03-12' } }],
  ],
  ['claim:peru-refusal', 'text', [{ outlet: 'outlet:report-b', term: 'refused', figure: null }]],
  [
    'claim:libya-removals',
    'text',
    [
      { outlet: 'outlet:report-b', term: 'blocked', figure: null },
      { outlet: 'outlet:san', term: 'within days', figure: { asReported: 'within days' }, cites: ['outlet:reuters'] },
    ],
  ],
  ['claim:south-sudan-removals', 'text', [{ outlet: 'outlet:report-b', term: 'blocked', figure: null }]],
  ['claim:schacher-assessment', 'text', [{ outlet: 'outlet:san', term: 'curry favour', figure: null }]],
];

describe('claims: every fact of the brief, each outlet on its own', () => {
  it('has exactly the claims listed here', () => {
    expect(dataset.claims.map((item) => item.id).sort()).toEqual(CLAIMS.map(([id]) => id).sort());
  });

  it.each(CLAIMS)('%s (%s) has each outlet version the brief gives', (id, figureKind, expected) => {
    const item = claim(id);
    expect(item.figureKind).toBe(figureKind);
    expect(item.versions.map((candidate) => candidate.outlet).sort()).toEqual(
      expected.map((candidate) => candidate.outlet).sort(),
    );
    for (const want of expected) {
      const got = version(id, want.outlet);
      expect(got.term, want.outlet).toBe(want.term);
      expect(got.datePublished, want.outlet).toBe(PUBLISHED[want.outlet]);
      if (want.figure === null) expect(got.figure, want.outlet).toBeUndefined();
      else expect(got.figure, want.outlet).toMatchObject(want.figure ?? {});
      const cited = (got.citation ?? []).flatMap((citation) => (citation.outlet ? [citation.outlet] : []));
      expect(cited, want.outlet).toEqual(want.cites ?? []);
    }
  });

  it('names the countries each outreach claim is about', () => {
    expect(claim('claim:outreach-country-count').about).toEqual(
      expect.arrayContaining(['country:angola', 'country:mongolia', 'country:ukraine']),
    );
    expect(claim('claim:cable-2025-03-12-partners').about).toEqual(
      expect.arrayContaining(['country:togo', 'country:tunisia', 'country:turkmenistan']),
    );
    expect(claim('claim:uzbekistan-deportees').about).toEqual(
      expect.arrayContaining(['country:kazakhstan', 'country:kyrgyzstan']),
    );
    expect(claim('claim:uzbekistan-china-russia-warning').about).toEqual(
      expect.arrayContaining(['country:china', 'country:russia']),
    );
  });

  it('keeps the wording of the spun copy and the disputed phrases', () => {
    expect(version('claim:cecot-payment', 'outlet:san').framing).toContain('"$6 cardinal"');
    // A count given only in words keeps no invented number.
    expect(version('claim:costa-rica-deportees', 'outlet:report-b').figure?.value).toBeUndefined();
    expect(version('claim:panama-release', 'outlet:san').figure?.value).toBeUndefined();
    expect(version('claim:uk-rwanda-end', 'outlet:ny-sun').framing).toContain('"dead and buried"');
    expect(version('claim:cable-2025-04-22', 'outlet:ny-sun').framing).toContain('"proved the concept"');
    expect(version('claim:us-rwanda-payment', 'outlet:uwimana-blog').framing).toContain('"likely"');
    expect(version('claim:ameen-relocation-date', 'outlet:report-a').citation).toEqual([
      { name: 'A US official' },
      { name: 'An internal email' },
    ]);
  });
});

describe('neutrality and attribution guards', () => {
  const contested = dataset.claims.filter((item) => item.versions.length >= 2);

  it('has claims on which outlets disagree', () => {
    expect(contested.length).toBeGreaterThanOrEqual(8);
  });

  it('keeps the versions of a contested claim separate: one per outlet, each in its own words', () => {
    for (const item of contested) {
      const outlets = item.versions.map((candidate) => candidate.outlet);
      expect(new Set(outlets).size, item.id).toBe(outlets.length);
      const framings = item.versions.map((candidate) => candidate.framing);
      expect(new Set(framings).size, item.id).toBe(framings.length);
      const terms = item.versions.map((candidate) => candidate.term);
      expect(new Set(terms).size, item.id).toBe(terms.length);
    }
  });

  it("never folds one outlet's version into another's", () => {
    const names = new Map(dataset.outlets.map((outlet) => [outlet.id, outlet.name]));
    for (const item of contested) {
      for (const current of item.versions) {
        for (const other of item.versions) {
          if (other === current) continue;
          const otherName = names.get(other.outlet) ?? other.outlet;
          expect(current.framing, `${item.id} ${current.outlet}`).not.toContain(otherName);
        }
      }
    }
  });

  it("states each contested claim without any one outlet's word or figure", () => {
    const wordIn = (text: string, word: string) =>
      new RegExp(`(^|[^\\p{L}\\p{N}])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\p{L}\\p{N}])`, 'iu').test(
        text,
      );
    for (const item of contested) {
      for (const current of item.versions) {
        if (current.term) expect(wordIn(item.statement, current.term), `${item.id}: "${current.term}"`).toBe(false);
        if (current.figure) {
          const reported = current.figure.asReported;
          expect(wordIn(item.statement, reported), `${item.id}: "${reported}"`).toBe(false);
        }
      }
    }
  });

  it('gives every claim version an outlet of the dataset and a framing', () => {
    const outletIds = new Set(dataset.outlets.map((outlet) => outlet.id));
    for (const item of dataset.claims) {
      expect(item.versions.length, item.id).toBeGreaterThan(0);
      for (const current of item.versions) {
        expect(outletIds.has(current.outlet), item.id).toBe(true);
        expect(current.framing.length, item.id).toBeGreaterThan(10);
      }
    }
  });

  it('names at least one outlet for every deal status and every dated deal event', () => {
    for (const deal of dataset.entities.filter((item) => item.kind === 'deal')) {
      expect(deal.deal?.statusReportedBy?.length, deal.id).toBeGreaterThan(0);
      for (const keyDate of deal.keyDates ?? []) {
        expect(keyDate.reportedBy?.length, `${deal.id} ${keyDate.date}`).toBeGreaterThan(0);
      }
    }
  });

  it('leaves unattributed only the background the brief itself gives without an outlet', () => {
    // The brief's People table states these without saying which outlet reported them.
    const unattributedDates = dataset.entities.flatMap((item) =>
      (item.keyDates ?? [])
        .filter((keyDate) => !keyDate.reportedBy?.length)
        .map((keyDate) => `${item.id} ${keyDate.date}`),
    );
    expect(unattributedDates).toEqual([
      'person:omar-abdulsattar-ameen 2014',
      'person:omar-abdulsattar-ameen 2018',
      'person:omar-abdulsattar-ameen 2021-04',
    ]);
    const unattributedRoles = dataset.entities
      .filter((item) => item.person && !item.person.reportedBy?.length)
      .map((item) => item.id);
    expect(unattributedRoles).toEqual(['person:donald-trump', 'person:mike-pompeo']);
  });

  it("keeps each deal's figures on claims about that deal", () => {
    for (const deal of dataset.entities.filter((item) => item.kind === 'deal')) {
      for (const id of deal.deal?.figures ?? []) expect(claim(id).about, `${deal.id} → ${id}`).toContain(deal.id);
    }
  });

  it('has a version from each of the five reports somewhere', () => {
    const outlets = new Set(dataset.claims.flatMap((item) => item.versions.map((current) => current.outlet)));
    for (const id of REPORTS) expect(outlets.has(id), id).toBe(true);
  });
});

describe('stories', () => {
  it('tells the central US–Rwanda story in each of the five outlets', () => {
    const story = dataset.stories.find((item) => item.id === 'story:us-rwanda-2025');
    expect(story?.versions.map((current) => current.outlet).sort()).toEqual(REPORTS.slice().sort());
    expect(story?.about).toEqual(
      expect.arrayContaining(['deal:us-rwanda-2025', 'person:olivier-nduhungirehe', 'person:omar-abdulsattar-ameen']),
    );
    expect(story?.claims).toEqual(
      expect.arrayContaining([
        'claim:us-rwanda-payment',
        'claim:us-rwanda-further-deportees',
        'claim:ameen-relocation-date',
        'claim:ameen-description',
        'claim:us-rwanda-talks-confirmed',
      ]),
    );
  });

  it.each([
    ['story:uk-rwanda-2022-2024', 'deal:uk-rwanda-2022', ['outlet:ny-sun', 'outlet:report-a']],
    [
      'story:us-el-salvador-cecot-2025',
      'deal:us-el-salvador-cecot-2025',
      ['outlet:ny-sun', 'outlet:report-a', 'outlet:san'],
    ],
    ['story:us-third-country-outreach-2025', 'deal:us-third-country-outreach-2025', ['outlet:report-b', 'outlet:san']],
    ['story:us-ukraine-request-2025', 'deal:us-ukraine-request-2025', ['outlet:san']],
  ])('has %s about %s', (id, deal, outlets) => {
    const story = dataset.stories.find((item) => item.id === id);
    expect(story?.about).toContain(deal);
    expect(story?.versions.map((current) => current.outlet).sort()).toEqual(outlets.slice().sort());
    expect(story?.claims.length).toBeGreaterThan(0);
  });

  it('puts every claim in a story, and gives every story outlet a version in one of its claims', () => {
    const inStories = new Set(dataset.stories.flatMap((story) => story.claims));
    for (const item of dataset.claims) expect(inStories.has(item.id), item.id).toBe(true);
    for (const story of dataset.stories) {
      const claimOutlets = new Set(story.claims.flatMap((id) => claim(id).versions.map((current) => current.outlet)));
      for (const current of story.versions)
        expect(claimOutlets.has(current.outlet), `${story.id} ${current.outlet}`).toBe(true);
    }
  });
});
