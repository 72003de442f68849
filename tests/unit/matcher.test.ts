import { describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/bundled-dataset';
import {
  checkMatcherData,
  compileMatcher,
  compileMatcherData,
  type Matcher,
  type MatcherData,
  matcherFromData,
} from '../../lib/matcher';
import { normalizeName, normalizeText } from '../../lib/matching';
import { entity, TEST_ENTITIES } from './matcher-fixture';

const matcher = compileMatcher(TEST_ENTITIES);

type Found = Array<[string, string]>;

function found(text: string, confirmed?: string[], using: Matcher = matcher): Found {
  const options = confirmed ? { confirmedEntityIds: new Set(confirmed) } : undefined;
  return using.findMentions(text, options).map((mention) => [text.slice(mention.start, mention.end), mention.entityId]);
}

function spans(text: string): Array<[number, number, string]> {
  return matcher.findMentions(text).map((mention) => [mention.start, mention.end, mention.entityId]);
}

describe('normalisation', () => {
  it.each<[string, string, Found]>([
    ['a case-sensitive alias in its own case', 'the US plan', [['US', 'country:united-states']]],
    ['never a case-sensitive alias in another case ("us")', 'Tell us about it', []],
    ['never a case-sensitive alias in another case ("Us")', 'Us and them', []],
    ['a case-insensitive alias in capitals', 'THE UNITED STATES SAYS', [['UNITED STATES', 'country:united-states']]],
    ['a case-insensitive alias in lower case', 'the united states', [['united states', 'country:united-states']]],
    ['a case-insensitive alias in mixed case', 'the UNITED States', [['UNITED States', 'country:united-states']]],
    ['never a case-sensitive alias in a full-caps headline', 'RWANDA SIGNS DEAL', []],
    [
      'a case-sensitive acronym exactly ("ICE", never "ice")',
      'ice on the road; ICE agents; Ice',
      [['ICE', 'agency:ice']],
    ],
    [
      'an accented alias in unaccented text',
      'Jose Raul Mulino said',
      [['Jose Raul Mulino', 'person:jose-raul-mulino']],
    ],
    [
      'an unaccented alias in accented text',
      'Kilmar Ábrego García was',
      [['Kilmar Ábrego García', 'person:kilmar-abrego-garcia']],
    ],
    ['Türkiye as written', 'Türkiye agreed', [['Türkiye', 'country:turkiye']]],
    ['Türkiye without its diaeresis', 'Turkiye agreed', [['Turkiye', 'country:turkiye']]],
    ['a decomposed accent (u + U+0308)', 'Tu\u0308rkiye agreed', [['Tu\u0308rkiye', 'country:turkiye']]],
    ['a decomposed accent at the end of a name', 'Peru\u0301 and', [['Peru\u0301', 'country:peru']]],
    [
      'letters with a stroke (Łódź as Lodz)',
      'Lodz and Łódź',
      [
        ['Lodz', 'city:lodz'],
        ['Łódź', 'city:lodz'],
      ],
    ],
    ['a curly apostrophe for a straight one', 'Côte d’Ivoire', [['Côte d’Ivoire', 'country:cote-divoire']]],
    ['a modifier-letter apostrophe', 'Cote dʼIvoire', [['Cote dʼIvoire', 'country:cote-divoire']]],
    ['a straight apostrophe for a curly one', "Beto O'Rourke", [["Beto O'Rourke", 'person:beto-orourke']]],
    ['an NBSP for a space', 'South\u00a0Sudan', [['South\u00a0Sudan', 'country:south-sudan']]],
    ['a thin space for a space', 'South\u2009Sudan', [['South\u2009Sudan', 'country:south-sudan']]],
    ['a narrow NBSP for a space', 'South\u202fSudan', [['South\u202fSudan', 'country:south-sudan']]],
    [
      'a run of spaces, a newline and a tab for a space',
      'South  \n\tSudan',
      [['South  \n\tSudan', 'country:south-sudan']],
    ],
    ['a soft hyphen inside a name', 'Rwan\u00adda said', [['Rwan\u00adda', 'country:rwanda']]],
    ['a zero-width space inside a name', 'Eswa\u200btini', [['Eswa\u200btini', 'country:eswatini']]],
    ['a zero-width non-joiner inside a name', 'Eswa\u200ctini', [['Eswa\u200ctini', 'country:eswatini']]],
    ['a zero-width joiner inside a name', 'Eswa\u200dtini', [['Eswa\u200dtini', 'country:eswatini']]],
    ['a word joiner inside a name', 'Eswa\u2060tini', [['Eswa\u2060tini', 'country:eswatini']]],
    ['a BOM inside a name', 'Eswa\ufefftini', [['Eswa\ufefftini', 'country:eswatini']]],
    ['a soft hyphen between the words of a name', 'South \u00adSudan', [['South \u00adSudan', 'country:south-sudan']]],
    ['an en dash for a hyphen', 'Guinea–Bissau', [['Guinea–Bissau', 'country:guinea-bissau']]],
    ['an em dash for a hyphen', 'Guinea—Bissau', [['Guinea—Bissau', 'country:guinea-bissau']]],
    ['a non-breaking hyphen', 'Guinea\u2011Bissau', [['Guinea\u2011Bissau', 'country:guinea-bissau']]],
    ['a Unicode hyphen (U+2010)', 'Guinea\u2010Bissau', [['Guinea\u2010Bissau', 'country:guinea-bissau']]],
    ['a minus sign', 'Guinea\u2212Bissau', [['Guinea\u2212Bissau', 'country:guinea-bissau']]],
    ['full-width letters', 'Ｒｗａｎｄａ', [['Ｒｗａｎｄａ', 'country:rwanda']]],
    ['a ligature', 'Terrorism Conﬁnement Center', [['Terrorism Conﬁnement Center', 'prison:cecot']]],
  ])('matches %s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
  });

  it('never puts the spaces or soft hyphens around a name into the mention', () => {
    expect(spans('  Rwanda  ')).toEqual([[2, 8, 'country:rwanda']]);
    expect(spans('\u00adRwanda\u00ad')).toEqual([[1, 7, 'country:rwanda']]);
    expect(spans('\u00a0\u200bSouth Sudan\u200b\u00a0')).toEqual([[2, 13, 'country:south-sudan']]);
  });

  it('maps offsets back after characters that take two code units', () => {
    expect(found('𝐀𝐁 Rwanda 🇷🇼 Peru')).toEqual([
      ['Rwanda', 'country:rwanda'],
      ['Peru', 'country:peru'],
    ]);
  });

  it('normalises text unit by unit, keeping the origin of each unit', () => {
    const normalized = normalizeText('“Côte” d’Ivoire\u00a0—\u00ad ﬁ  x');
    expect(normalized.cased).toBe('"Cote" d\'Ivoire - fi x');
    expect(normalized.folded).toBe('"cote" d\'ivoire - fi x');
    // "ﬁ" (offset 19) becomes two units with the same origin; the two spaces after it one unit.
    expect(normalized.origin.slice(-5)).toEqual([18, 19, 19, 20, 22]);
  });

  it('normalises names like text, trimmed', () => {
    expect(normalizeName('  José\u00a0 Raúl  ')).toMatchObject({ cased: 'Jose Raul', folded: 'jose raul' });
    expect(normalizeName('TÜRKİYE').folded).toBe('turkiye');
    expect(normalizeName('\u00ad\u200b').cased).toBe('');
  });
});

describe('word boundaries', () => {
  it.each<[string, string, Found]>([
    ['not inside a longer word ("Perugia")', 'Perugia', []],
    ['not as a prefix of a word ("Peruvian")', 'Peruvian food', []],
    ['before a straight possessive', "Rwanda's minister", [['Rwanda', 'country:rwanda']]],
    ['before a curly possessive', 'Rwanda’s minister', [['Rwanda', 'country:rwanda']]],
    ['inside brackets', '(Rwanda)', [['Rwanda', 'country:rwanda']]],
    ['before a hyphen', 'Rwanda-based', [['Rwanda', 'country:rwanda']]],
    ['after a hyphen', 'pro-Rwanda', [['Rwanda', 'country:rwanda']]],
    [
      'inside quotes',
      '«Rwanda» "Peru"',
      [
        ['Rwanda', 'country:rwanda'],
        ['Peru', 'country:peru'],
      ],
    ],
    ['a name with dots, final dot included', 'in the U.S. today', [['U.S.', 'country:united-states']]],
    ['a name with dots at the end of a sentence', 'flew to the U.S.', [['U.S.', 'country:united-states']]],
    ['not a dotted name followed by a letter', 'U.S.A', []],
    ['not next to a digit', 'Rwanda2 2Rwanda', []],
    ['not next to an accented letter', 'RwandaÉ ÉRwanda', []],
    ['not next to an underscore', 'Rwanda_2025', []],
    ['not next to a letter of another script', '在Rwanda', []],
    ['not before a non-diacritic combining mark', 'Rwanda\u0903', []],
    ['not a shorter name inside a longer word ("USA" is not "US")', 'USA', []],
    ['the longer alias of the same entity ("Rwandan")', 'a Rwandan official', [['Rwandan', 'country:rwanda']]],
    ['at the very start and end of the text', 'Rwanda', [['Rwanda', 'country:rwanda']]],
    ['next to emoji', '🇷🇼Rwanda🙂', [['Rwanda', 'country:rwanda']]],
    ['not split by a soft hyphen from the rest of a word', 'Rwanda\u00adn', [['Rwanda\u00adn', 'country:rwanda']]],
    ['not when a soft hyphen joins it to a longer word', 'Peru\u00adgia', []],
    ['never ending inside a character that normalises to several ("…" is "...")', 'the U.S…', []],
    ['a name that starts with a dot', 'on .NET', [['.NET', 'tech:dotnet']]],
    ['never starting inside a character that normalises to several', 'on …NET', []],
  ])('%s', (_label, text, expected) => {
    expect(found(text)).toEqual(expected);
  });
});

describe('leftmost-longest', () => {
  it('takes the longest name at one place ("South Sudan", never "Sudan")', () => {
    expect(found('flights to South Sudan and Sudan')).toEqual([
      ['South Sudan', 'country:south-sudan'],
      ['Sudan', 'country:sudan'],
    ]);
  });

  it('never finds a shorter alias inside a longer name', () => {
    expect(found('Omar Abdulsattar Ameen, known as Ameen')).toEqual([
      ['Omar Abdulsattar Ameen', 'person:omar-abdulsattar-ameen'],
      ['Ameen', 'person:omar-abdulsattar-ameen'],
    ]);
  });

  it('prefers the leftmost of two overlapping names, even when the other is longer', () => {
    expect(found("South Sudan People's Liberation Movement")).toEqual([['South Sudan', 'country:south-sudan']]);
    expect(found("the Sudan People's Liberation Movement")).toEqual([
      ["Sudan People's Liberation Movement", 'org:splm'],
    ]);
  });

  it('gives a name two unambiguous entities share to the first in dataset order', () => {
    expect(found('the Shared Name')).toEqual([['Shared Name', 'party:a']]);
  });
});

describe('ambiguous aliases', () => {
  it('drops an ambiguous alias without context', () => {
    expect(found('Turkey is a bird')).toEqual([]);
  });

  it('accepts it when the same text names the entity unambiguously, before or after', () => {
    expect(found('Türkiye, or Turkey')).toEqual([
      ['Türkiye', 'country:turkiye'],
      ['Turkey', 'country:turkiye'],
    ]);
    expect(found('Turkey, or Türkiye')).toEqual([
      ['Turkey', 'country:turkiye'],
      ['Türkiye', 'country:turkiye'],
    ]);
  });

  it('accepts it when the page confirmed the entity', () => {
    expect(found('Turkey said', ['country:turkiye'])).toEqual([['Turkey', 'country:turkiye']]);
    expect(found('Turkey said', ['country:rwanda'])).toEqual([]);
  });

  it('never accepts it in a case its alias does not allow, context or not', () => {
    expect(found('Türkiye serves turkey', ['country:turkiye'])).toEqual([['Türkiye', 'country:turkiye']]);
  });

  it('gives a shared ambiguous alias to the holder with context', () => {
    expect(found('Georgia')).toEqual([]);
    expect(found('In Tbilisi, Georgia')).toEqual([
      ['Tbilisi', 'country:georgia'],
      ['Georgia', 'country:georgia'],
    ]);
    expect(found('In Atlanta, Georgia')).toEqual([
      ['Atlanta', 'us-state:georgia'],
      ['Georgia', 'us-state:georgia'],
    ]);
    expect(found('Georgia', ['us-state:georgia'])).toEqual([['Georgia', 'us-state:georgia']]);
  });

  it('prefers the nearest anchor before, then after, then page-level confirmation', () => {
    expect(found('Tbilisi and Atlanta; Georgia')).toEqual([
      ['Tbilisi', 'country:georgia'],
      ['Atlanta', 'us-state:georgia'],
      ['Georgia', 'us-state:georgia'],
    ]);
    expect(found('Georgia: Atlanta, then Tbilisi')).toEqual([
      ['Georgia', 'us-state:georgia'],
      ['Atlanta', 'us-state:georgia'],
      ['Tbilisi', 'country:georgia'],
    ]);
    expect(found('Tbilisi, Georgia', ['us-state:georgia'])).toEqual([
      ['Tbilisi', 'country:georgia'],
      ['Georgia', 'country:georgia'],
    ]);
  });

  it('takes no context from a name hidden inside a longer one', () => {
    expect(found('The Atlanta Braves play in Georgia')).toEqual([['Atlanta Braves', 'team:atlanta-braves']]);
  });

  it('takes no context from another ambiguous mention', () => {
    expect(found('Turkey and Turkey; America')).toEqual([]);
  });

  it('does not let a dropped ambiguous name hide a shorter name inside it', () => {
    expect(found('the Rwanda plan')).toEqual([['Rwanda', 'country:rwanda']]);
  });

  it('lets an accepted ambiguous name win over a shorter one inside it', () => {
    expect(found('the Migration and Economic Development Partnership, or Rwanda plan')).toEqual([
      ['Migration and Economic Development Partnership', 'deal:uk-rwanda'],
      ['Rwanda plan', 'deal:uk-rwanda'],
    ]);
    expect(found('the Rwanda plan', ['deal:uk-rwanda'])).toEqual([['Rwanda plan', 'deal:uk-rwanda']]);
  });
});

describe('ignored entities', () => {
  const found = (text: string, ignored: string[]) =>
    matcher
      .findMentions(text, { ignoredEntityIds: new Set(ignored) })
      .map((mention) => [mention.entityId, text.slice(mention.start, mention.end)]);

  it('finds the shorter names inside an ignored entity’s name', () => {
    expect(found('Peace in South Sudan.', ['country:south-sudan'])).toEqual([['country:sudan', 'Sudan']]);
    expect(found('Peace in South Sudan.', [])).toEqual([['country:south-sudan', 'South Sudan']]);
  });

  it('takes no context from an ignored entity for an ambiguous name', () => {
    expect(found('The United States, or America.', ['country:united-states'])).toEqual([]);
    // Without the state (its anchor "Atlanta" is nearest), "Georgia" goes to the country "Tbilisi" anchors.
    expect(found('Tbilisi, then Atlanta and Georgia.', [])).toContainEqual(['us-state:georgia', 'Georgia']);
    expect(found('Tbilisi, then Atlanta and Georgia.', ['us-state:georgia'])).toEqual([
      ['country:georgia', 'Tbilisi'],
      ['country:georgia', 'Georgia'],
    ]);
  });
});

describe('compileMatcher', () => {
  it('returns nothing for empty text and for a dataset without entities', () => {
    expect(found('')).toEqual([]);
    expect(compileMatcher([]).findMentions('Rwanda')).toEqual([]);
  });

  it('skips aliases that normalise to nothing', () => {
    const odd = compileMatcher([
      entity('thing:odd', [['\u00ad\u200b', true]]),
      entity('country:peru', [['Peru', true]]),
    ]);
    expect(found('Peru \u00ad\u200b', undefined, odd)).toEqual([['Peru', 'country:peru']]);
  });

  it('treats regex metacharacters in aliases literally', () => {
    expect(found('U-S- USS U.S.')).toEqual([['U.S.', 'country:united-states']]);
  });

  it('handles a text larger than its shared buffer, then small ones again', () => {
    const big = `${'lorem ipsum '.repeat(40_000)}Rwanda`;
    expect(found(big)).toEqual([['Rwanda', 'country:rwanda']]);
    expect(found('Peru')).toEqual([['Peru', 'country:peru']]);
  });

  it('finds every alias of the bundled dataset as its entity', () => {
    const { entities } = bundledDataset();
    const bundled = compileMatcher(entities);
    const misses: string[] = [];
    for (const { id, aliases } of entities) {
      for (const alias of aliases) {
        const text = `Reports about ${alias.text} today.`;
        const mentions = bundled.findMentions(text, { confirmedEntityIds: new Set([id]) });
        const expected = { start: 14, end: 14 + alias.text.length, entityId: id };
        if (JSON.stringify(mentions) !== JSON.stringify([expected])) misses.push(`${id}: ${alias.text}`);
      }
    }
    expect(misses).toEqual([]);
  });
});

describe('fast path (RegExp prefilter)', () => {
  const fullPathOnly = compileMatcher(TEST_ENTITIES, { fastPath: false });
  const found = (text: string) => {
    const mentions = matcher.findMentions(text);
    // Every case here must come out the same on the full path.
    expect(mentions).toEqual(fullPathOnly.findMentions(text));
    return mentions.map((mention) => [mention.entityId, text.slice(mention.start, mention.end)]);
  };

  it('finds a name whose first word the page spells with accents or other letter forms', () => {
    expect(found('Talks with Rwánda, JOSÉ RAÚL MULINO and Ｐｅｒｕ.')).toEqual([
      ['country:rwanda', 'Rwánda'],
      ['person:jose-raul-mulino', 'JOSÉ RAÚL MULINO'],
      ['country:peru', 'Ｐｅｒｕ'],
    ]);
    expect(found('Jose Raul Mulino met officials from Türkiye’s and Turkiye’s ministries.')).toEqual([
      ['person:jose-raul-mulino', 'Jose Raul Mulino'],
      ['country:turkiye', 'Türkiye'],
      ['country:turkiye', 'Turkiye'],
    ]);
  });

  it('finds no name glued to accented letters before or after it', () => {
    expect(found('éPeru Peruá ÉRwanda Rwandaé Peru')).toEqual([['country:peru', 'Peru']]);
  });

  it('still finds a name whose first word is a common word', () => {
    expect(found('Then the US said the U.S. and us would act; the United States agreed.')).toEqual([
      ['country:united-states', 'US'],
      ['country:united-states', 'U.S.'],
      ['country:united-states', 'United States'],
    ]);
  });
});

describe('fast path with a large dataset', () => {
  // 4,000 made-up names sharing a handful of syllables: many names start
  // alike, so the fast path walks far from most places it starts.
  const syllables = ['ka', 'ro', 'vel', 'mun', 'dra', 'shi', 'tor', 'ane', 'qui', 'lem', 'bra', 'zo', 'fen', 'gal'];
  const names = Array.from({ length: 4000 }, (_, index) => {
    let word = '';
    for (let n = index + 1; n > 0; n = Math.floor(n / syllables.length)) word += syllables[n % syllables.length];
    return `${word.charAt(0).toUpperCase()}${word.slice(1)} Ost`;
  });
  const entities = [
    ...TEST_ENTITIES,
    ...names.map((name, index) => entity(`person:made-up-${index}`, [[name, false]])),
  ];
  const fast = compileMatcher(entities);
  const full = compileMatcher(entities, { fastPath: false });

  it('finds the same names as the full path, prefixes and near misses included', () => {
    const text = names
      .filter((_, index) => index % 7 === 0)
      .flatMap((name, index) => [
        name,
        name.toUpperCase(),
        `${name.slice(0, -4)}x Ost`,
        `${name.split(' ')[0]}s Ost`,
        index % 2 ? 'Peru' : 'in',
      ])
      .join(', ');
    const mentions = fast.findMentions(text);
    expect(mentions).toEqual(full.findMentions(text));
    expect(mentions.filter((mention) => mention.entityId.startsWith('person:made-up-'))).toHaveLength(
      2 * Math.ceil(4000 / 7),
    );
  });
});

describe('precompiled matcher data', () => {
  const corpus = [
    'Rwanda and the United States talked; the U.S. pays. UNITED STATES',
    'Kilmar Ábrego García, Georgia, Tbilisi, Turkey and Türkiye',
    "South Sudan People's Liberation Movement; the Rwanda plan",
    'Eswa\u200btini, Guinea–Bissau, ICE, ice, Łódź',
  ];

  it('survives JSON and matches exactly as the compiled matcher does', () => {
    const data = JSON.parse(JSON.stringify(compileMatcherData(TEST_ENTITIES))) as MatcherData;
    const loaded = matcherFromData(data);
    for (const text of corpus) {
      expect(loaded.findMentions(text)).toEqual(matcher.findMentions(text));
      expect(loaded.findMentions(text, { confirmedEntityIds: new Set(['us-state:georgia']) })).toEqual(
        matcher.findMentions(text, { confirmedEntityIds: new Set(['us-state:georgia']) }),
      );
    }
  });

  it('is deterministic', () => {
    expect(JSON.stringify(compileMatcherData(TEST_ENTITIES))).toBe(JSON.stringify(compileMatcherData(TEST_ENTITIES)));
  });

  it('refuses to load data of another format or version, or with arrays that do not fit together', () => {
    const data = compileMatcherData(TEST_ENTITIES);
    expect(() => matcherFromData({ ...data, version: 1 } as unknown as MatcherData)).toThrow(/version/);
    expect(() => matcherFromData({ ...data, format: 'other' } as unknown as MatcherData)).toThrow(/format/);
    expect(() => matcherFromData({ ...data, edgeClass: data.edgeClass.slice(1) })).toThrow(/lengths/);
    expect(() => matcherFromData({ ...data, fail: data.fail.slice(1) })).toThrow(/lengths/);
    expect(() => matcherFromData({ ...data, entryFlags: [] })).toThrow(/lengths/);
  });

  it('finds every damaged link when checked in full', () => {
    const data = compileMatcherData(TEST_ENTITIES);
    expect(checkMatcherData(data)).toEqual([]);
    expect(checkMatcherData({ ...data, fail: data.fail.map(() => 0) })).toContain('fail does not match the trie');
    expect(checkMatcherData({ ...data, report: data.report.map(() => -1) })).toContain(
      'report does not match the trie',
    );
    expect(
      checkMatcherData({ ...data, edgeStart: data.edgeStart.map((_, i) => Math.min(i, 1)) }).length,
    ).toBeGreaterThan(0);
    expect(checkMatcherData({ ...data, entryEntity: data.entryEntity.map(() => 999) })).toContain(
      'an entry names no entity',
    );
    expect(checkMatcherData({ ...data, casedPool: '' }).join('\n')).toMatch(/its cased form is outside the pool/);
    expect(checkMatcherData({ ...data, version: 1 } as unknown as MatcherData)[0]).toMatch(/version 1/);
    expect(checkMatcherData({ ...data, prefilter: { ...data.prefilter, starts: '(?!)' } })).toEqual([
      'the prefilter patterns do not match the automaton and the normalisation tables',
    ]);
  });
});
