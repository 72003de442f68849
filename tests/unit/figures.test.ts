import { casual } from 'chrono-node/en';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import brief from '../../data/brief.json';
import { dateParser } from '../../lib/claims/dates';
import { type FindFiguresOptions, type FoundFigure, figureFields, findFigures } from '../../lib/claims/figures';
import { datasetSchemas } from '../../lib/dataset/schema';
import { FIXTURE_ARTICLES, type FixtureFigure } from './claims-fixture-articles';

/** The articles' date: years left out and relative dates are read from it. */
const REF = new Date('2025-05-10T12:00:00Z');

function figures(text: string, options: FindFiguresOptions = { referenceDate: REF }): FoundFigure[] {
  return findFigures(text, options);
}

/** The text is exactly one figure, with these fields. */
function expectWhole(text: string, fields: Record<string, unknown>, options?: FindFiguresOptions) {
  expect(figures(text, options)).toEqual([{ start: 0, end: text.length, asReported: text, ...fields }]);
}

describe('money', () => {
  it.each([
    ['$100,000', 100_000, 'USD'],
    ['100,000 dollars', 100_000, 'USD'],
    ['$100K', 100_000, 'USD'],
    ['$100k', 100_000, 'USD'],
    ['$6 million', 6_000_000, 'USD'],
    ['US$6m', 6_000_000, 'USD'],
    ['£120m', 120_000_000, 'GBP'],
    ['€5bn', 5_000_000_000, 'EUR'],
    ['6 million dollars', 6_000_000, 'USD'],
    ['$1.5 billion', 1_500_000_000, 'USD'],
    ['$6.2bn', 6_200_000_000, 'USD'],
    ['$2.5m', 2_500_000, 'USD'],
    ['A$3m', 3_000_000, 'AUD'],
    ['USD 5 million', 5_000_000, 'USD'],
    ['EUR 40,000', 40_000, 'EUR'],
    ['5 million euros', 5_000_000, 'EUR'],
    ['120 pounds sterling', 120, 'GBP'],
    ['2,000 Rwandan francs', 2_000, 'RWF'],
    ['10,000 Swiss francs', 10_000, 'CHF'],
    ['500 US dollars', 500, 'USD'],
    ['half a million dollars', 500_000, 'USD'],
    ['a million dollars', 1_000_000, 'USD'],
    ['six million dollars', 6_000_000, 'USD'],
    ['$6 million dollars', 6_000_000, 'USD'],
    ['300 bucks', 300, 'USD'],
  ])('%s is %d %s', (text, value, unit) => {
    expectWhole(text, { kind: 'money', value, unit, qualifier: 'exactly' });
  });

  it('reads cents as a fraction of a dollar', () => {
    expectWhole('99¢', { kind: 'money', value: 0.99, unit: 'USD', qualifier: 'exactly' });
  });

  it('keeps a currency it cannot name as unrecognised, with its offsets', () => {
    expectWhole('5,000 francs', {
      kind: 'money',
      value: 5000,
      qualifier: 'exactly',
      unrecognised: { role: 'currency', text: 'francs', start: 6, end: 12 },
    });
    expectWhole('¥500', {
      kind: 'money',
      value: 500,
      qualifier: 'exactly',
      unrecognised: { role: 'currency', text: '¥', start: 0, end: 1 },
    });
    expectWhole('300 Zimbabwean dollars', {
      kind: 'money',
      value: 300,
      qualifier: 'exactly',
      unrecognised: { role: 'currency', text: 'Zimbabwean dollars', start: 4, end: 22 },
    });
  });

  it('reads "millions of dollars" as money of a magnitude, without a value', () => {
    expectWhole('millions of dollars', { kind: 'money', unit: 'USD', magnitude: 1_000_000 });
  });

  it('finds money inside a sentence, qualifier included', () => {
    const text = 'Rwanda was promised more than $100,000 by the US.';
    expect(figures(text)).toEqual([
      {
        kind: 'money',
        start: 20,
        end: 38,
        asReported: 'more than $100,000',
        value: 100_000,
        unit: 'USD',
        qualifier: 'more-than',
        qualifierText: 'more than',
      },
    ]);
  });
});

describe('counts', () => {
  it.each([
    ['131 people', { value: 131, unit: 'person', noun: 'people', qualifier: 'exactly' }],
    ['up to 50', { value: 50, qualifier: 'up-to', qualifierText: 'up to' }],
    ['at least ten more', { value: 10, qualifier: 'at-least', qualifierText: 'at least', additional: true }],
    ['10 more', { value: 10, qualifier: 'exactly', additional: true }],
    ['10 more people', { value: 10, unit: 'person', noun: 'people', qualifier: 'exactly', additional: true }],
    ['dozens', { magnitude: 12 }],
    ['hundreds of migrants', { magnitude: 100, unit: 'person', noun: 'migrants' }],
    ['thousands of asylum seekers', { magnitude: 1000, unit: 'person', noun: 'asylum seekers' }],
    ['tens of thousands of people', { magnitude: 10_000, unit: 'person', noun: 'people' }],
    ['hundreds of thousands', { magnitude: 100_000 }],
    ['a dozen', { value: 12, qualifier: 'exactly' }],
    ['half a dozen', { value: 6, qualifier: 'exactly' }],
    ['two dozen', { value: 24, qualifier: 'exactly' }],
    ['238 Venezuelan men', { value: 238, unit: 'person', noun: 'Venezuelan men', qualifier: 'exactly' }],
    ['1,500 Iraqis', { value: 1500, unit: 'person', noun: 'Iraqis', qualifier: 'exactly' }],
    ['1 Iraqi national', { value: 1, unit: 'person', noun: 'Iraqi national', qualifier: 'exactly' }],
    [
      'as many as 58 countries',
      { value: 58, unit: 'country', noun: 'countries', qualifier: 'up-to', qualifierText: 'as many as' },
    ],
    ['50 or more', { value: 50, qualifier: 'at-least', qualifierText: 'or more' }],
    ['3.5 million people', { value: 3_500_000, unit: 'person', noun: 'people', qualifier: 'exactly' }],
    ['2,000 people', { value: 2000, unit: 'person', noun: 'people', qualifier: 'exactly' }],
    ['2000 people', { value: 2000, unit: 'person', noun: 'people', qualifier: 'exactly' }],
    ['one person', { value: 1, unit: 'person', noun: 'person', qualifier: 'exactly' }],
    ['12 flights', { value: 12, unit: 'flight', noun: 'flights', qualifier: 'exactly' }],
  ])('%s', (text, fields) => {
    expectWhole(text, { kind: 'count', ...fields });
  });

  it('takes a singular noun after a number above one for an adjective, not the counted noun', () => {
    expect(figures('300 individual animals')).toEqual([
      { kind: 'count', start: 0, end: 3, asReported: '300', value: 300, qualifier: 'exactly' },
    ]);
  });
});

describe('number words', () => {
  const units = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten'];
  const teens = ['eleven', 'twelve', 'thirteen', 'fourteen', 'fifteen', 'sixteen', 'seventeen', 'eighteen', 'nineteen'];
  const tens = ['twenty', 'thirty', 'forty', 'fifty', 'sixty', 'seventy', 'eighty', 'ninety'];
  const cases: [string, number][] = [
    ...units.map((word, i): [string, number] => [word, i + 1]),
    ...teens.map((word, i): [string, number] => [word, i + 11]),
    ...tens.map((word, i): [string, number] => [word, (i + 2) * 10]),
    ['twenty-five', 25],
    ['ninety nine', 99],
    ['a hundred', 100],
    ['one hundred', 100],
    ['two hundred', 200],
    ['two hundred and fifty', 250],
    ['a thousand', 1000],
    ['ten thousand', 10_000],
    ['forty-two thousand', 42_000],
    ['three hundred thousand', 300_000],
    ['a million', 1_000_000],
    ['two million', 2_000_000],
    ['one million two hundred thousand', 1_200_000],
    ['a billion', 1_000_000_000],
    ['six billion', 6_000_000_000],
  ];
  it.each(cases)('"%s people" counts %d people', (words, value) => {
    expectWhole(`${words} people`, { kind: 'count', value, unit: 'person', noun: 'people', qualifier: 'exactly' });
  });

  it('reads capitalised number words at the start of a sentence', () => {
    expectWhole('Twenty migrants', {
      kind: 'count',
      value: 20,
      unit: 'person',
      noun: 'migrants',
      qualifier: 'exactly',
    });
  });

  it('stops before a word that does not continue the number, and before a dangling "and"', () => {
    expect(figures('five five people').map((f) => f.asReported)).toEqual(['five', 'five people']);
    expect(figures('ten and the rest').map((f) => [f.asReported, f.kind === 'count' && f.value])).toEqual([
      ['ten', 10],
    ]);
  });

  it('does not count "one" on its own ("one of the men")', () => {
    expect(figures('one of the men said one thing')).toEqual([]);
  });
});

describe('qualifiers', () => {
  it.each([
    ['about', 'about'],
    ['around', 'about'],
    ['roughly', 'about'],
    ['approximately', 'about'],
    ['nearly', 'about'],
    ['almost', 'about'],
    ['some', 'about'],
    ['an estimated', 'about'],
    ['close to', 'about'],
    ['at least', 'at-least'],
    ['no fewer than', 'at-least'],
    ['no less than', 'at-least'],
    ['more than', 'more-than'],
    ['over', 'more-than'],
    ['just over', 'more-than'],
    ['in excess of', 'more-than'],
    ['up to', 'up-to'],
    ['as many as', 'up-to'],
    ['as much as', 'up-to'],
    ['fewer than', 'at-most'],
    ['less than', 'at-most'],
    ['no more than', 'at-most'],
    ['at most', 'at-most'],
    ['under', 'at-most'],
    ['exactly', 'exactly'],
  ])('"%s 300 people" is %s', (written, qualifier) => {
    const text = `${written} 300 people`;
    expectWhole(text, {
      kind: 'count',
      value: 300,
      unit: 'person',
      noun: 'people',
      qualifier,
      qualifierText: written,
    });
  });

  it('reads a qualifier in any capitalisation, and not inside another word', () => {
    expectWhole('About 40', { kind: 'count', value: 40, qualifier: 'about', qualifierText: 'about' });
    expect(figures('a takeover 40')).toEqual([
      { kind: 'count', start: 11, end: 13, asReported: '40', value: 40, qualifier: 'exactly' },
    ]);
  });

  it('applies to money too', () => {
    expectWhole('nearly $6 million', {
      kind: 'money',
      value: 6_000_000,
      unit: 'USD',
      qualifier: 'about',
      qualifierText: 'nearly',
    });
    expectWhole('up to £120m', {
      kind: 'money',
      value: 120_000_000,
      unit: 'GBP',
      qualifier: 'up-to',
      qualifierText: 'up to',
    });
  });
});

describe('dates', () => {
  it.each([
    ['April 4', { date: '2025-04-04', qualifier: 'exactly', yearImplied: true }],
    ['April 4th', { date: '2025-04-04', qualifier: 'exactly', yearImplied: true }],
    ['4 April 2025', { date: '2025-04-04', qualifier: 'exactly' }],
    ['April 4, 2025', { date: '2025-04-04', qualifier: 'exactly' }],
    ['Jan. 5, 2025', { date: '2025-01-05', qualifier: 'exactly' }],
    ['12 March 2025', { date: '2025-03-12', qualifier: 'exactly' }],
    ['late January', { date: '2025-01', part: 'late', yearImplied: true }],
    ['late January 2025', { date: '2025-01', part: 'late' }],
    ['early April', { date: '2025-04', part: 'early', yearImplied: true }],
    ['mid-March 2025', { date: '2025-03', part: 'mid' }],
    ['April 2025', { date: '2025-04' }],
    ['July 2024', { date: '2024-07' }],
    ['2025', { date: '2025' }],
    ['early 2024', { date: '2024', part: 'early' }],
    ['mid-2024', { date: '2024', part: 'mid' }],
    ['2025-04-04', { date: '2025-04-04', qualifier: 'exactly' }],
    ['March 12-13, 2025', { date: '2025-03-12', endDate: '2025-03-13', qualifier: 'exactly' }],
  ])('%s', (text, fields) => {
    expectWhole(text, { kind: 'date', ...fields });
  });

  it('"in March" is March of the reference year, without the preposition', () => {
    expect(figures('in March')).toEqual([
      { kind: 'date', start: 3, end: 8, asReported: 'March', date: '2025-03', yearImplied: true },
    ]);
  });

  it('"in 2025" is the year', () => {
    expect(figures('in 2025')).toEqual([{ kind: 'date', start: 3, end: 7, asReported: '2025', date: '2025' }]);
  });

  it('never invents a day: "the end of April" is the month', () => {
    expect(figures('by the end of April')).toEqual([
      { kind: 'date', start: 7, end: 19, asReported: 'end of April', date: '2025-04', part: 'late', yearImplied: true },
    ]);
  });

  it('takes the year left out from the reference date', () => {
    const [date] = figures('April 4', { referenceDate: new Date('2019-06-01T00:00:00Z') });
    expect(date).toMatchObject({ kind: 'date', date: '2019-04-04', yearImplied: true });
  });

  it('reads 4/5/2025 month first in US English and day first in British English', () => {
    expectWhole('4/5/2025', { kind: 'date', date: '2025-04-05', qualifier: 'exactly' });
    expectWhole(
      '4/5/2025',
      { kind: 'date', date: '2025-05-04', qualifier: 'exactly' },
      { referenceDate: REF, lang: 'en-GB' },
    );
  });

  it('reads relative dates only when the reference date is given', () => {
    expectWhole('last month', { kind: 'date', date: '2025-04', relative: true });
    expectWhole('yesterday', { kind: 'date', date: '2025-05-09', qualifier: 'exactly', relative: true });
    expectWhole('last year', { kind: 'date', date: '2024', relative: true });
    expect(figures('last month', {})).toEqual([]);
    expect(figures('yesterday', {})).toEqual([]);
  });

  it('keeps a weekday written with the date, not the preposition before it', () => {
    expect(figures('on Friday, April 4, 2025, officials said')).toEqual([
      {
        kind: 'date',
        start: 3,
        end: 24,
        asReported: 'Friday, April 4, 2025',
        date: '2025-04-04',
        qualifier: 'exactly',
      },
    ]);
  });

  it('does not read a month name that is a name or a verb', () => {
    expect(figures('Theresa May said')).toEqual([]);
    expect(figures('April Ryan asked')).toEqual([]);
    expect(figures('protesters march on the capital')).toEqual([]);
    expect(figures('May God help them')).toEqual([]);
  });

  it('reads neither times, weekdays nor spans of time as dates', () => {
    expect(figures('at 10:30 on Tuesday, now, 3 days ago, within 2 weeks, this morning')).toEqual([]);
  });

  it('uses chrono without its time-span parsers, whose patterns are slow to compile', () => {
    for (const british of [false, true]) {
      const parser = dateParser(british);
      const probe = { option: {}, text: '', refDate: REF } as unknown as Parameters<
        (typeof parser.parsers)[number]['pattern']
      >[0];
      const sources = parser.parsers.map((p) => p.pattern(probe).source);
      expect(sources.filter((source) => source.includes('){0,10}'))).toEqual([]);
      expect(parser.parsers).toHaveLength(casual.parsers.length - 4);
    }
  });
});

describe('what is not a figure', () => {
  it.each([
    'call 555-1234 soon',
    'call (202) 555-0143',
    'call +44 20 7946 0958',
    'call 202-555-0143',
    'call 020 7946 0958',
    'at 10:30',
    'at 5 pm',
    'at 5pm',
    'at 5 p.m. sharp',
    '40%',
    '40 per cent',
    '40 percent',
    'forty percent',
    'the 3rd group',
    'the 21st century',
    'Page 2',
    'see Article 3',
    'No. 10',
    'the G7 summit',
    'COVID-19 cases',
    'a 10-year deal',
    'a one-off payment',
    'for five years',
    'after 30 minutes',
    'a 10 km march',
    'the 1990s',
    'FY2025',
    '2024-25 budget',
    'version 2.0.1',
    'serial 123456789012345678901234567890',
    'in ’17 and ’18',
    '1) Enter your name. 2) Press send.',
    'the 93 year-old',
    'Thursday 9 a.m.',
  ])('%s', (text) => {
    expect(figures(text, { referenceDate: REF })).toEqual([]);
  });

  it('skips a percentage without making its number a count', () => {
    expect(figures('40% of 131 people').map((f) => f.asReported)).toEqual(['131 people']);
    expect(figures('about 40 per cent of them')).toEqual([]);
  });
});

describe('overlaps', () => {
  it('"$6 million for 131 people on April 4" is exactly three figures', () => {
    expect(figures('$6 million for 131 people on April 4')).toEqual([
      {
        kind: 'money',
        start: 0,
        end: 10,
        asReported: '$6 million',
        value: 6_000_000,
        unit: 'USD',
        qualifier: 'exactly',
      },
      {
        kind: 'count',
        start: 15,
        end: 25,
        asReported: '131 people',
        value: 131,
        unit: 'person',
        noun: 'people',
        qualifier: 'exactly',
      },
      {
        kind: 'date',
        start: 29,
        end: 36,
        asReported: 'April 4',
        date: '2025-04-04',
        qualifier: 'exactly',
        yearImplied: true,
      },
    ]);
  });

  it('a day and a year belong to the date, not to counts', () => {
    expect(figures('On 4 April 2025, 131 people were flown out.').map((f) => [f.kind, f.asReported])).toEqual([
      ['date', '4 April 2025'],
      ['count', '131 people'],
    ]);
    expect(figures('In late January 2025 Rwanda received $100,000.').map((f) => [f.kind, f.start, f.end])).toEqual([
      ['date', 3, 20],
      ['money', 37, 45],
    ]);
  });

  it('a year inside a money figure or a count stays there', () => {
    expect(figures('$2025 and 2025 people').map((f) => [f.kind, f.asReported])).toEqual([
      ['money', '$2025'],
      ['count', '2025 people'],
    ]);
  });
});

describe('spun text (issue 7, step 3)', () => {
  it('"$6 cardinal" is money of 6 with the multiplier kept as unrecognised', () => {
    const text = 'Thy US paid Rwanda $6 cardinal to took 10 more folk, da ministry said on April 4.';
    expect(figures(text)).toEqual([
      {
        kind: 'money',
        start: 19,
        end: 30,
        asReported: '$6 cardinal',
        value: 6,
        unit: 'USD',
        qualifier: 'exactly',
        unrecognised: { role: 'multiplier', text: 'cardinal', start: 22, end: 30 },
      },
      { kind: 'count', start: 39, end: 46, asReported: '10 more', value: 10, qualifier: 'exactly', additional: true },
      {
        kind: 'date',
        start: 73,
        end: 80,
        asReported: 'April 4',
        date: '2025-04-04',
        qualifier: 'exactly',
        yearImplied: true,
      },
    ]);
  });

  it('"6 cardinal dollars" keeps the odd word between the number and the currency', () => {
    expectWhole('6 cardinal dollars', {
      kind: 'money',
      value: 6,
      unit: 'USD',
      qualifier: 'exactly',
      unrecognised: { role: 'multiplier', text: 'cardinal', start: 2, end: 10 },
    });
  });

  it('does not take an ordinary word after an amount for a multiplier', () => {
    for (const text of ['$6 for them', '$6 payment', '$6 tickets', '$6 raised', '$6 a day', '$6 The']) {
      const [money] = figures(text);
      expect(money).toMatchObject({ kind: 'money', asReported: '$6', value: 6 });
      expect(money).not.toHaveProperty('unrecognised');
    }
  });

  it('finds the figures of a spun paragraph from the issue', () => {
    const text =
      'Rwanda requested a one-time payment of $100,000 an American official said, quite a lot less than thy $6 cardinal ' +
      'appropriated by Congress; some 238 Venezuelan fellas were flown in mid-March 2025.';
    expect(figures(text).map((f) => [f.kind, f.asReported])).toEqual([
      ['money', '$100,000'],
      ['money', 'thy $6 cardinal'.slice(4)],
      ['count', 'some 238'],
      ['date', 'mid-March 2025'],
    ]);
  });
});

describe('text that is not English', () => {
  const samples = [
    'Vláda schválila 6 milionů korun pro 131 lidí dne 4. dubna 2025.',
    '卢旺达在2025年4月4日收到了600万美元，131人被遣返。',
    'رواندا تلقت 6 ملايين دولار في 4 أبريل 2025',
    'O governo pagou R$ 6 milhões a 131 pessoas em abril.',
    '𝟔 million 🇷🇼 people — 🎉 $6 million 👍🏽 in 𝐀𝐩𝐫𝐢𝐥',
    'lone surrogates \ud800 and \udfff around $5 and 7',
    'blocks\u0000$6 million\u0000131 people\u0000',
  ];
  it.each(samples)('does not crash and returns well-formed figures: %s', (text) => {
    const found = figures(text);
    for (const figure of found) {
      expect(text.slice(figure.start, figure.end)).toBe(figure.asReported);
    }
  });

  it('never reads a figure across the scanner’s block separator (U+0000)', () => {
    const cases: [string, string[]][] = [
      ['April\u00004, 2025', ['4', '2025']],
      ['4\u0000April 2025', ['4', 'April 2025']],
      ['$6\u0000million', ['$6']],
      ['131\u0000people', ['131']],
      ['up to\u000050', ['50']],
      ['late\u0000January 2025', ['January 2025']],
    ];
    for (const [text, expected] of cases) {
      expect(
        figures(text).map((f) => f.asReported),
        JSON.stringify(text),
      ).toEqual(expected);
    }
  });

  it('returns nothing for a text in another language, rather than misreading 6,5 or 100.000', () => {
    expect(figures('Ruanda recebeu US$ 6,5 milhões em 4 de abril de 2025', { lang: 'pt-BR' })).toEqual([]);
    expect(figures('$6 million', { lang: 'fr' })).toEqual([]);
    expect(figures('$6 million', { lang: 'en-US' })).toHaveLength(1);
    expect(figures('$6 million', { lang: 'EN' })).toHaveLength(1);
  });
});

describe('the dataset', () => {
  const schemas = datasetSchemas();

  it('every found figure’s fields are a valid dataset Figure', () => {
    const text =
      '$6 million for 131 people on April 4; up to 50; dozens; late January 2025; 2025; 5,000 francs; $6 cardinal; ' +
      'millions of dollars; at least ten more; last month';
    const found = figures(text);
    expect(found.length).toBeGreaterThanOrEqual(12);
    for (const figure of found) {
      expect(schemas.figureSchema.safeParse(figureFields(figure)).success).toBe(true);
    }
  });

  it('figureFields keeps only the dataset’s fields', () => {
    const [money, count, date] = figures('$6 million for 131 people on April 4');
    expect(money && figureFields(money)).toEqual({
      asReported: '$6 million',
      value: 6_000_000,
      unit: 'USD',
      qualifier: 'exactly',
    });
    expect(count && figureFields(count)).toEqual({
      asReported: '131 people',
      value: 131,
      unit: 'person',
      qualifier: 'exactly',
    });
    expect(date && figureFields(date)).toEqual({ asReported: 'April 4', date: '2025-04-04', qualifier: 'exactly' });
  });

  /** Versions whose reading needs more than their own words: the outlet's meaning of a spun word, a relative date. */
  const readOnlyInContext = new Set(['$6 cardinal', 'last month']);
  const versions = brief.claims.flatMap((claim) =>
    claim.versions.flatMap((version) =>
      'figure' in version && version.figure && claim.figureKind !== 'text'
        ? [{ kind: claim.figureKind, figure: version.figure }]
        : [],
    ),
  );

  it('reads every figure the bundled dataset quotes as the dataset does', () => {
    expect(versions.length).toBeGreaterThan(15);
    for (const { kind, figure } of versions) {
      const reported = figure as {
        asReported: string;
        value?: number;
        unit?: string;
        qualifier?: string;
        date?: string;
      };
      const found = figures(reported.asReported);
      if (
        reported.value === undefined &&
        reported.date === undefined &&
        !/\d|dozens|thousands/.test(reported.asReported)
      ) {
        expect(found, reported.asReported).toEqual([]);
        continue;
      }
      expect(found, reported.asReported).toHaveLength(1);
      const [figureFound] = found;
      expect(figureFound?.kind, reported.asReported).toBe(kind);
      expect(figureFound?.asReported).toBe(reported.asReported);
      if (readOnlyInContext.has(reported.asReported) || !figureFound) continue;
      const fields = figureFields(figureFound);
      expect(fields.value, reported.asReported).toBe(reported.value);
      expect(fields.date, reported.asReported).toBe(reported.date);
      expect(fields.qualifier, reported.asReported).toBe(reported.qualifier);
      if (fields.unit !== undefined) expect(fields.unit, reported.asReported).toBe(reported.unit);
    }
  });
});

describe('fixture articles (issue 7, step 5)', () => {
  /** The fields of a found figure that a fixture lists. */
  function asFixture(figure: FoundFigure): FixtureFigure {
    const fields = figureFields(figure);
    const fixture: FixtureFigure = { kind: figure.kind, asReported: figure.asReported };
    if (fields.value !== undefined) fixture.value = fields.value;
    if (fields.unit !== undefined) fixture.unit = fields.unit;
    if (fields.qualifier !== undefined) fixture.qualifier = fields.qualifier;
    if (fields.date !== undefined) fixture.date = fields.date;
    if (figure.kind === 'money' && figure.unrecognised) fixture.unrecognised = figure.unrecognised.text;
    return fixture;
  }

  it.each(FIXTURE_ARTICLES.map((article) => [article.id, article] as const))('%s', (_id, article) => {
    // Paragraphs joined as the page scanner joins blocks.
    const text = article.paragraphs.join('\u0000');
    const found = figures(text, { referenceDate: new Date(`${article.published}T12:00:00Z`) });
    expect(found.map(asFixture)).toEqual(article.figures);
  });

  it('the spun copy keeps every figure of its original that has digits, the multiplier as unrecognised', () => {
    const byId = new Map(FIXTURE_ARTICLES.map((article) => [article.id, article]));
    const original = byId.get('appropriated')?.figures.filter((f) => /\d/.test(f.asReported)) ?? [];
    const spun = byId.get('spun')?.figures ?? [];
    expect(original.length).toBeGreaterThan(5);
    for (const figure of original) {
      const number = figure.asReported.match(/[\d,]+/)?.[0];
      expect(
        spun.some((f) => f.kind === figure.kind && number !== undefined && f.asReported.includes(number)),
        figure.asReported,
      ).toBe(true);
    }
  });
});

describe('properties', () => {
  const fragments = fc.constantFrom(
    '$',
    'US$',
    '£',
    '€',
    '¥',
    '6',
    '100,000',
    '1,00,0',
    '2025',
    '4',
    '10:30',
    '40%',
    '3rd',
    'million',
    'm',
    'bn',
    'K',
    'dollars',
    'francs',
    'Rwandan',
    'people',
    'migrants',
    'more',
    'than',
    'at least',
    'up to',
    'about',
    'as many as',
    'a',
    'dozen',
    'dozens',
    'hundreds of',
    'thousands',
    'two',
    'twenty-five',
    'hundred',
    'and',
    'April',
    'May',
    'late',
    'mid-',
    'January',
    'in',
    'on',
    'Friday',
    'last month',
    'yesterday',
    '-',
    '/',
    '.',
    ',',
    '(',
    ')',
    '+',
    'cardinal',
    'Page',
    '\u0000',
    '\u00a0',
    '🇷🇼',
    '在',
    '\ud800',
  );
  const separators = fc.constantFrom(' ', '', ' ', ', ', '\n', '\u0000', '-');
  const pageText = fc
    .array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fragments }, { weight: 1, arbitrary: fc.string() }), separators), {
      maxLength: 40,
    })
    .map((parts) => parts.map(([fragment, separator]) => fragment + separator).join(''));

  it('figures are in order, never overlap, lie within the text and quote it exactly', () => {
    fc.assert(
      fc.property(pageText, (text) => {
        const found = figures(text);
        let previousEnd = 0;
        for (const figure of found) {
          expect(figure.start).toBeGreaterThanOrEqual(previousEnd);
          expect(figure.end).toBeGreaterThan(figure.start);
          expect(figure.end).toBeLessThanOrEqual(text.length);
          expect(text.slice(figure.start, figure.end)).toBe(figure.asReported);
          if (figure.kind === 'money' && figure.unrecognised) {
            const word = figure.unrecognised;
            expect(word.start).toBeGreaterThanOrEqual(figure.start);
            expect(word.end).toBeLessThanOrEqual(figure.end);
            expect(text.slice(word.start, word.end)).toBe(word.text);
          }
          previousEnd = figure.end;
        }
      }),
      { numRuns: 400 },
    );
  });

  it('a figure is found the same wherever it stands in a sentence', () => {
    const figure = fc.constantFrom('$6 million', '131 people', 'up to 50', 'dozens', '4 April 2025', '£120m');
    const filler = fc.constantFrom('Officials said', 'the deal', 'Rwanda', 'was reported', 'The Times wrote');
    fc.assert(
      fc.property(filler, figure, filler, (before, written, after) => {
        const text = `${before} ${written} ${after}.`;
        const found = figures(text);
        expect(found.map((f) => f.asReported)).toEqual([written]);
        expect(found[0]?.start).toBe(before.length + 1);
      }),
    );
  });

  it('takes time linear in the text on inputs made to backtrack', () => {
    const hostile = [
      `$${'1,'.repeat(10_000)}`,
      '9'.repeat(20_000),
      `${' '.repeat(20_000)}x`,
      `${'\u00a0'.repeat(20_000)}1`,
      'May '.repeat(5_000),
      'April 4, '.repeat(2_000),
      'one '.repeat(5_000),
      'a '.repeat(10_000),
      'half a '.repeat(3_000),
      'hundreds of '.repeat(2_000),
      'more than '.repeat(2_000),
      '-1'.repeat(10_000),
      '+1 '.repeat(7_000),
      '(1) '.repeat(5_000),
      '$6 '.repeat(7_000),
      'yesterday '.repeat(2_000),
    ];
    for (const text of hostile) {
      const started = performance.now();
      figures(text);
      // Catastrophic backtracking on 20,000 characters would take hours; these take milliseconds.
      expect(performance.now() - started, text.slice(0, 20)).toBeLessThan(2000);
    }
  });
});
