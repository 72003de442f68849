import type { Entity } from '../../lib/dataset';

/** [text, caseSensitive, ambiguous?] */
export type AliasSpec = [string, boolean, boolean?];

export function entity(id: string, aliases: AliasSpec[]): Entity {
  return {
    id,
    kind: id.split(':')[0] ?? 'thing',
    name: aliases[0]?.[0] ?? id,
    summary: 'test entity',
    asOf: '2025-05-01',
    aliases: aliases.map(([text, caseSensitive, ambiguous]) =>
      ambiguous ? { text, lang: 'en', caseSensitive, ambiguous } : { text, lang: 'en', caseSensitive },
    ),
  };
}

/** Entities for the matcher tests: each one is here for a normalisation, boundary or ambiguity case. */
export const TEST_ENTITIES: Entity[] = [
  entity('country:peru', [['Peru', true]]),
  entity('country:sudan', [['Sudan', true]]),
  entity('country:south-sudan', [['South Sudan', false]]),
  entity('org:splm', [["Sudan People's Liberation Movement", false]]),
  entity('country:united-states', [
    ['United States', false],
    ['US', true],
    ['U.S.', true],
    ['America', true, true],
  ]),
  entity('country:rwanda', [
    ['Rwanda', true],
    ['Rwandan', true],
  ]),
  entity('person:omar-abdulsattar-ameen', [
    ['Omar Abdulsattar Ameen', false],
    ['Ameen', true],
  ]),
  entity('person:jose-raul-mulino', [['José Raúl Mulino', false]]),
  entity('person:kilmar-abrego-garcia', [['Kilmar Abrego Garcia', false]]),
  entity('country:turkiye', [
    ['Türkiye', true],
    ['Turkey', true, true],
  ]),
  entity('country:georgia', [
    ['Georgia', true, true],
    ['Tbilisi', true],
  ]),
  entity('us-state:georgia', [
    ['Georgia', true, true],
    ['Atlanta', true],
  ]),
  entity('team:atlanta-braves', [['Atlanta Braves', false]]),
  entity('prison:cecot', [
    ['CECOT', true],
    ['Terrorism Confinement Center', false],
  ]),
  entity('country:cote-divoire', [["Côte d'Ivoire", false]]),
  entity('person:beto-orourke', [['Beto O’Rourke', false]]),
  entity('country:guinea-bissau', [['Guinea-Bissau', true]]),
  entity('deal:uk-rwanda', [
    ['Rwanda plan', false, true],
    ['Migration and Economic Development Partnership', false],
  ]),
  entity('agency:ice', [['ICE', true]]),
  entity('country:eswatini', [['Eswatini', true]]),
  entity('city:lodz', [['Łódź', true]]),
  entity('tech:dotnet', [['.NET', true]]),
  entity('party:a', [['Shared Name', false]]),
  entity('party:b', [['Shared Name', false]]),
];
