/**
 * Fixture articles for issue 7 (step 5): short news reports written for
 * Crossread in its own words, about the facts the bundled dataset records,
 * each with a different figure or framing, one machine-spun copy, and one
 * article about something else. `figures` lists every figure
 * findFigures must find in the text, in order, with the fields that matter
 * for comparing it with the dataset's versions. The anchoring and e2e steps
 * can reuse the texts (render each paragraph as a <p>).
 */

export interface FixtureFigure {
  kind: 'money' | 'count' | 'date';
  asReported: string;
  value?: number;
  unit?: string;
  qualifier?: string;
  date?: string;
  /** For a spun figure: the word kept as unrecognised. */
  unrecognised?: string;
}

export interface FixtureArticle {
  id: string;
  /** How the article frames the facts, for the reader of the tests. */
  framing: string;
  /** The article's date: the reference for "last month" and years left out. */
  published: string;
  paragraphs: string[];
  figures: FixtureFigure[];
}

export const FIXTURE_ARTICLES: FixtureArticle[] = [
  {
    id: 'paid',
    framing: 'Rwanda received the money; the relocation is dated; more people will follow.',
    published: '2025-05-20',
    paragraphs: [
      'Rwanda received $100,000 from the United States after taking in an Iraqi man who had been held in American detention, according to diplomatic cables seen by reporters.',
      'The man was flown to Kigali on 4 April 2025. Officials in Kigali said the country had committed to accepting 10 more people under the same arrangement.',
      'The deal follows the collapse of the British plan, which was abandoned in July 2024 after a court fight that lasted more than two years.',
    ],
    figures: [
      { kind: 'money', asReported: '$100,000', value: 100_000, unit: 'USD', qualifier: 'exactly' },
      { kind: 'date', asReported: '4 April 2025', date: '2025-04-04', qualifier: 'exactly' },
      { kind: 'count', asReported: '10 more people', value: 10, unit: 'person', qualifier: 'exactly' },
      { kind: 'date', asReported: 'July 2024', date: '2024-07' },
    ],
  },
  {
    id: 'requested',
    framing: 'Rwanda asked for the money; the relocation happened "last month"; at least ten more.',
    published: '2025-05-10',
    paragraphs: [
      'Rwanda asked Washington for a one-time payment of $100,000 before it agreed to accept a detained Iraqi national, who was relocated last month.',
      'A cable dated 13 March 2025 described Kigali as willing to take deportees, and officials now expect at least ten more to be sent.',
      'Rwanda has hosted people under an earlier arrangement with Israel, and its government says some 1,500 refugees from other countries live there.',
    ],
    figures: [
      { kind: 'money', asReported: '$100,000', value: 100_000, unit: 'USD', qualifier: 'exactly' },
      { kind: 'date', asReported: 'last month', date: '2025-04' },
      { kind: 'date', asReported: '13 March 2025', date: '2025-03-13', qualifier: 'exactly' },
      { kind: 'count', asReported: 'at least ten more', value: 10, qualifier: 'at-least' },
      { kind: 'count', asReported: 'some 1,500 refugees', value: 1500, unit: 'person', qualifier: 'about' },
    ],
  },
  {
    id: 'appropriated',
    framing: 'Congress set the money aside; the outreach is wide; Kosovo takes a bounded number.',
    published: '2025-06-02',
    paragraphs: [
      'The State Department appropriated $100,000 for the Rwanda arrangement, one of several deals struck since late January.',
      'A cable of 12 March 2025 told diplomats to approach as many as 58 countries. Kosovo agreed to take up to 50 people, while El Salvador was paid $6 million to hold 238 Venezuelan men.',
      'Dozens of those sent to Panama were later released, officials said.',
    ],
    figures: [
      { kind: 'money', asReported: '$100,000', value: 100_000, unit: 'USD', qualifier: 'exactly' },
      { kind: 'date', asReported: 'late January', date: '2025-01' },
      { kind: 'date', asReported: '12 March 2025', date: '2025-03-12', qualifier: 'exactly' },
      { kind: 'count', asReported: 'as many as 58 countries', value: 58, unit: 'country', qualifier: 'up-to' },
      { kind: 'count', asReported: 'up to 50 people', value: 50, unit: 'person', qualifier: 'up-to' },
      { kind: 'money', asReported: '$6 million', value: 6_000_000, unit: 'USD', qualifier: 'exactly' },
      { kind: 'count', asReported: '238 Venezuelan men', value: 238, unit: 'person', qualifier: 'exactly' },
      { kind: 'count', asReported: 'Dozens' },
    ],
  },
  {
    id: 'spun',
    framing:
      'A machine-spun copy of "appropriated": synonyms swapped, "the" replaced by odd words, "million" by a nonsense word.',
    published: '2025-06-02',
    paragraphs: [
      'Thy State Section earmarked $100,000 for da Rwanda understanding, one of numerous bargains struck since tardy January.',
      'A wire of 12 March 2025 told envoys to method as many as 58 nations. Kosovo consented to take up to 50 folks, whereas El Salvador was paid $6 cardinal to hold 238 Venezuelan males.',
      'Dozens of dem despatched to Panama were afterward freed, bureaucrats stated.',
    ],
    figures: [
      { kind: 'money', asReported: '$100,000', value: 100_000, unit: 'USD', qualifier: 'exactly' },
      { kind: 'date', asReported: '12 March 2025', date: '2025-03-12', qualifier: 'exactly' },
      { kind: 'count', asReported: 'as many as 58 nations', value: 58, unit: 'country', qualifier: 'up-to' },
      { kind: 'count', asReported: 'up to 50', value: 50, qualifier: 'up-to' },
      {
        kind: 'money',
        asReported: '$6 cardinal',
        value: 6,
        unit: 'USD',
        qualifier: 'exactly',
        unrecognised: 'cardinal',
      },
      { kind: 'count', asReported: '238', value: 238, qualifier: 'exactly' },
      { kind: 'count', asReported: 'Dozens' },
    ],
  },
  {
    id: 'unrelated',
    framing: 'About something else: a byline year, a page number, a percentage, a time.',
    published: '2025-05-10',
    paragraphs: [
      'By a staff reporter, 2025. Continued from Page 2.',
      'The city council voted on Tuesday at 10:30 to raise bus fares by 5%, the first rise since 2019.',
    ],
    figures: [
      { kind: 'date', asReported: '2025', date: '2025' },
      { kind: 'date', asReported: '2019', date: '2019' },
    ],
  },
];
