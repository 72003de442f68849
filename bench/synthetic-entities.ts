import type { Entity } from '../lib/dataset';

// Made-up names, built from syllables that rarely form real words, so extra
// aliases cost the matcher what a bigger dataset would (a larger automaton,
// more partial matches on capitalised words) without adding mentions.
// biome-ignore format: a table reads better wide
const SYLLABLES = [
  'ka', 'ro', 'vel', 'mun', 'dra', 'shi', 'tor', 'ane', 'qui', 'lem', 'bra', 'zo', 'fen', 'gal', 'ust', 'pi',
  'nor', 'ved', 'ola', 'sik', 'tru', 'hay', 'mir', 'dul', 'xen', 'rab', 'eto', 'wim', 'jas', 'cor', 'lun', 'bes',
];

/** A small deterministic PRNG (mulberry32), so every run compiles the same names. */
export function randomSource(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function syntheticWord(random: () => number): string {
  const count = 2 + Math.floor(random() * 2);
  let word = '';
  for (let index = 0; index < count; index++) word += SYLLABLES[Math.floor(random() * SYLLABLES.length)];
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/**
 * People who do not exist, each with three aliases like the bundled people
 * have: full name, surname, and surname with a title ("Minister …").
 */
function syntheticPeople(aliasCount: number): Entity[] {
  const random = randomSource(20250520);
  const usedSurnames = new Set<string>();
  const people: Entity[] = [];
  let remaining = aliasCount;
  while (remaining > 0) {
    const surname = syntheticWord(random);
    if (usedSurnames.has(surname)) continue;
    usedSurnames.add(surname);
    const fullName = `${syntheticWord(random)} ${surname}`;
    const texts = [fullName, surname, `Minister ${surname}`].slice(0, remaining);
    remaining -= texts.length;
    people.push({
      id: `person:synthetic-${people.length}`,
      kind: 'person',
      name: fullName,
      summary: 'A synthetic person for the bench.',
      asOf: '2025-05-20',
      aliases: texts.map((text) => ({ text, lang: 'en', caseSensitive: false })),
    });
  }
  return people;
}

/** How many of the bundled dataset's aliases every scaling dataset keeps. */
export const REAL_ALIASES_IN_SCALING = 300;

function firstAliases(entities: readonly Entity[], count: number): Entity[] {
  const kept: Entity[] = [];
  let remaining = count;
  for (const entity of entities) {
    if (remaining <= 0) break;
    const aliases = entity.aliases.slice(0, remaining);
    remaining -= aliases.length;
    kept.push({ ...entity, aliases });
  }
  return kept;
}

/**
 * A dataset with exactly `aliasCount` aliases for the scaling runs: the first
 * 300 aliases of the bundled dataset (deals, people, organisations, the first
 * countries), then synthetic people. Every size holds the same real names, so
 * the scans find the same mentions and differ only in how many aliases the
 * matcher carries.
 */
export function entitiesWithAliasCount(bundled: readonly Entity[], aliasCount: number): Entity[] {
  const real = firstAliases(bundled, Math.min(aliasCount, REAL_ALIASES_IN_SCALING));
  return [...real, ...syntheticPeople(aliasCount - aliasTotal(real))];
}

export function aliasTotal(entities: readonly Entity[]): number {
  return entities.reduce((sum, entity) => sum + entity.aliases.length, 0);
}
