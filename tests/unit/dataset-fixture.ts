import type { Dataset } from '../../lib/dataset';

/** A small dataset that passes every check; tests break one thing at a time in a copy of it. */
export function minimalDataset(): Dataset {
  return {
    schemaVersion: 2,
    id: 'test-dataset',
    version: '1.2.0',
    publishedAt: '2025-05-20',
    title: 'Test dataset',
    licence: 'CC0-1.0',
    outlets: [
      { id: 'outlet:daily', name: 'The Daily', kind: 'newspaper', homepage: 'https://daily.example' },
      { id: 'outlet:wire', name: 'Wire Service', kind: 'wire' },
    ],
    entities: [
      {
        id: 'country:rwanda',
        kind: 'country',
        name: 'Rwanda',
        summary: 'A country.',
        asOf: '2025-05-20',
        sameAs: 'Q1037',
        aliases: [{ text: 'Rwanda', lang: 'en', caseSensitive: true }],
        country: { iso2: 'RW', iso3: 'RWA', demonyms: ['Rwandan'], unMember: true },
        related: ['deal:test-deal'],
      },
      {
        id: 'person:minister',
        kind: 'person',
        name: 'A Minister',
        summary: 'A minister.',
        asOf: '2025-05-20',
        aliases: [{ text: 'A Minister', lang: 'en', caseSensitive: false }],
        person: {
          role: 'Foreign minister',
          country: 'country:rwanda',
          roleFrom: '2024-06',
          reportedBy: ['outlet:daily'],
        },
      },
      {
        id: 'deal:test-deal',
        kind: 'deal',
        name: 'Test deal',
        summary: 'A deal.',
        asOf: '2025-05-20',
        aliases: [{ text: 'Test deal', lang: 'en', caseSensitive: false }],
        deal: { parties: ['country:rwanda'], status: 'in-talks', figures: ['claim:payment'] },
        keyDates: [{ date: '2025-04-04', event: 'First transfer', reportedBy: ['outlet:wire'] }],
      },
    ],
    claims: [
      {
        id: 'claim:payment',
        about: ['deal:test-deal', 'country:rwanda'],
        statement: 'Money involved in the deal.',
        figureKind: 'money',
        versions: [
          {
            outlet: 'outlet:daily',
            datePublished: '2025-05',
            term: 'requested',
            framing: 'Says the money was requested.',
            figure: { asReported: '$100,000', value: 100000, unit: 'USD' },
            citation: [{ name: 'A leaked cable' }],
          },
          {
            outlet: 'outlet:wire',
            datePublished: '2025-05-06',
            term: 'received',
            framing: 'Says the money was received.',
            figure: { asReported: '$100K', value: 100000, unit: 'USD' },
            citation: [{ outlet: 'outlet:daily' }],
          },
        ],
      },
    ],
    stories: [
      {
        id: 'story:talks',
        title: 'Talks',
        date: '2025-05',
        about: ['deal:test-deal'],
        claims: ['claim:payment'],
        versions: [{ outlet: 'outlet:daily', datePublished: '2025-05-06', angle: 'Leaked cables.' }],
      },
    ],
  };
}
