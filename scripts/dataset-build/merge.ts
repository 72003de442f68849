/**
 * Merges the hand-written brief with the generated country layer. Pure.
 *
 * - A brief entity whose id is a generated country's starts from the
 *   generated entity and takes every field the brief gives. Its aliases are
 *   the brief's, in the brief's order, then each generated alias no brief
 *   alias covers (aliases.ts: same aliasKey and not a distinct case-sensitive
 *   spelling); a covered generated alias fills the `form` and `ambiguous`
 *   the brief's alias leaves out. `country` and `sameAs` come from the
 *   generated layer unless the brief gives them.
 * - A brief entity with a `country:` id no generated country has is an error.
 * - Every country among a deal's `deal.parties` gets the deal's id in `related`.
 * - Any alias text more than one entity uses is marked ambiguous on all of them.
 * - Other brief entities pass through unchanged (but for that marking).
 */
import { aliasKey, type Dataset, type DatasetIssue, type Entity } from '../../lib/dataset';
import { markSharedAliasesAmbiguous, mergeAliases, normalizeAlias } from './aliases';
import { compareIds, countrySlug } from './slug';

type Credit = NonNullable<Dataset['credits']>[number];

export interface MergeResult {
  dataset: Dataset;
  /** Alias keys that more than one entity uses, now ambiguous on each. */
  sharedAliases: string[];
}

export class DatasetBuildError extends Error {
  constructor(
    message: string,
    readonly issues: readonly DatasetIssue[],
  ) {
    super(`${message}\n${issues.map((issue) => `  ${issue.path}: ${issue.message}`).join('\n')}`);
    this.name = 'DatasetBuildError';
  }
}

export function mergeDataset(
  brief: Dataset,
  countries: readonly Entity[],
  layerCredits: readonly Credit[],
): MergeResult {
  const generated = new Map(countries.map((country) => [country.id, country]));
  const issues: DatasetIssue[] = [];
  const merged = new Map<string, Entity>(generated);
  const others: Entity[] = [];
  const briefCountryIds = new Set<string>();

  brief.entities.forEach((entity, index) => {
    if (!entity.id.startsWith('country:')) {
      others.push(entity);
      return;
    }
    const base = generated.get(entity.id);
    if (briefCountryIds.has(entity.id)) {
      issues.push({ path: `entities[${index}].id`, message: `"${entity.id}" is used twice; ids must be unique` });
      return;
    }
    briefCountryIds.add(entity.id);
    if (!base) {
      issues.push({ path: `entities[${index}].id`, message: unknownCountryMessage(entity, countries) });
      return;
    }
    merged.set(entity.id, mergeCountry(base, entity));
  });
  if (issues.length > 0) throw new DatasetBuildError('The brief cannot be merged with the country layer:', issues);

  for (const deal of brief.entities) {
    for (const party of deal.deal?.parties ?? []) {
      const country = merged.get(party);
      if (!country) continue;
      const related = country.related ?? [];
      if (!related.includes(deal.id)) merged.set(party, { ...country, related: [...related, deal.id] });
    }
  }

  const ordered = orderEntities([...others, ...merged.values()]);
  const { entities, shared } = markSharedAliasesAmbiguous(ordered);
  const dataset: Dataset = {
    schemaVersion: brief.schemaVersion,
    id: brief.id,
    version: brief.version,
    publishedAt: brief.publishedAt,
    title: brief.title,
    licence: brief.licence,
    ...(brief.description === undefined ? {} : { description: brief.description }),
    credits: mergeCredits(brief.credits ?? [], layerCredits),
    outlets: brief.outlets,
    entities: entities.map(orderEntityFields),
    claims: brief.claims,
    stories: brief.stories,
  };
  return { dataset, sharedAliases: shared };
}

export function mergeCountry(generated: Entity, brief: Entity): Entity {
  return { ...generated, ...brief, aliases: mergeAliases(brief.aliases, generated.aliases) };
}

const KIND_ORDER = ['deal', 'person', 'organization'];

/**
 * Deals, people, organisations, then other kinds, each in brief order; then
 * every country, by id.
 */
export function orderEntities(entities: readonly Entity[]): Entity[] {
  const rank = (entity: Entity) => {
    if (entity.id.startsWith('country:')) return KIND_ORDER.length + 1;
    const index = KIND_ORDER.indexOf(entity.kind);
    return index === -1 ? KIND_ORDER.length : index;
  };
  return entities
    .map((entity, index) => ({ entity, index, rank: rank(entity) }))
    .sort(
      (a, b) =>
        a.rank - b.rank ||
        (a.rank === KIND_ORDER.length + 1 ? compareIds(a.entity.id, b.entity.id) : 0) ||
        a.index - b.index,
    )
    .map(({ entity }) => entity);
}

const ENTITY_FIELDS = [
  'id',
  'kind',
  'name',
  'summary',
  'asOf',
  'sameAs',
  'aliases',
  'related',
  'keyDates',
  'person',
  'country',
  'deal',
  'organization',
] as const satisfies ReadonlyArray<keyof Entity>;

/** The entity's fields in one fixed order (any field this list misses keeps its place after them). */
function orderEntityFields(entity: Entity): Entity {
  const ordered: Record<string, unknown> = {};
  for (const field of ENTITY_FIELDS) {
    if (entity[field] !== undefined) ordered[field] = entity[field];
  }
  for (const [field, value] of Object.entries(entity)) {
    if (!(field in ordered) && value !== undefined) ordered[field] = value;
  }
  const result = ordered as Entity;
  return { ...result, aliases: result.aliases.map(normalizeAlias) };
}

/** The brief's credits, then each layer credit the brief does not already name. */
function mergeCredits(brief: readonly Credit[], layer: readonly Credit[]): Credit[] {
  const names = new Set(brief.map((credit) => credit.name));
  return [...brief, ...layer.filter((credit) => !names.has(credit.name))];
}

function unknownCountryMessage(entity: Entity, countries: readonly Entity[]): string {
  const suggestion = suggestCountry(entity, countries);
  return (
    `"${entity.id}" is not one of the generated countries (UN members plus Kosovo, Palestine, Taiwan, ` +
    `Western Sahara and Vatican City; ids are "country:" + the slug of world-countries' common name)` +
    (suggestion ? `; did you mean "${suggestion}"?` : '')
  );
}

/** A generated country one of whose aliases slugs to the brief id's slug, or names the brief entity. */
function suggestCountry(entity: Entity, countries: readonly Entity[]): string | undefined {
  const slug = entity.id.slice('country:'.length);
  const names = new Set([entity.name, ...entity.aliases.map((alias) => alias.text)].map(aliasKey));
  return (
    countries.find((country) => country.aliases.some((alias) => countrySlug(alias.text) === slug))?.id ??
    countries.find((country) => country.aliases.some((alias) => names.has(aliasKey(alias.text))))?.id
  );
}
