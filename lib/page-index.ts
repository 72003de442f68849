import type { Dataset, Entity } from './dataset/schema';
import { compileMatcher, compileMatcherData, type Matcher, type MatcherData, matcherFromData } from './matcher';

/**
 * What a page needs from a dataset: the matcher, and for each entity its id,
 * kind (how it is highlighted) and name (what the popup lists). The fact card
 * reads everything else by entity id when it opens; a page load does not pay
 * for parsing claims, summaries and sources it will probably never show.
 */
export interface PageEntity {
  id: string;
  kind: string;
  name: string;
}

export interface PageIndex {
  matcher: Matcher;
  entities: ReadonlyMap<string, PageEntity>;
}

/**
 * The page entities of a dataset, precompiled at build time next to its
 * matcher: kinds and names as arrays parallel to the matcher data's
 * `entityIds`, so the ids are not stored twice.
 */
export interface PageEntitiesData {
  format: 'crossread-page-entities';
  version: 1;
  kinds: string[];
  names: string[];
}

/** The page entities of `entities`, in the order of `entityIds` (a compiled matcher's). */
export function pageEntitiesData(entities: readonly Entity[], entityIds: readonly string[]): PageEntitiesData {
  const byId = new Map(entities.map((entity) => [entity.id, entity]));
  const kinds: string[] = [];
  const names: string[] = [];
  for (const id of entityIds) {
    const entity = byId.get(id);
    if (!entity) throw new Error(`the matcher names an entity the dataset lacks: ${id}`);
    kinds.push(entity.kind);
    names.push(entity.name);
  }
  return { format: 'crossread-page-entities', version: 1, kinds, names };
}

/** A page index from precompiled data; throws when the two files do not belong together. */
export function pageIndexFromData(matcherData: MatcherData, entitiesData: PageEntitiesData): PageIndex {
  const { entityIds } = matcherData;
  const { kinds, names } = entitiesData;
  if (
    entitiesData.format !== 'crossread-page-entities' ||
    entitiesData.version !== 1 ||
    kinds.length !== entityIds.length ||
    names.length !== entityIds.length
  ) {
    throw new Error('page entities data does not fit the matcher data');
  }
  const entities = new Map<string, PageEntity>();
  for (let index = 0; index < entityIds.length; index++) {
    const id = entityIds[index] as string;
    entities.set(id, { id, kind: kinds[index] as string, name: names[index] as string });
  }
  return { matcher: matcherFromData(matcherData), entities };
}

/** A page index for a dataset that has no precompiled form (one the user installed). */
export function pageIndexFromDataset(dataset: Dataset): PageIndex {
  const entities = new Map<string, PageEntity>();
  for (const { id, kind, name } of dataset.entities) entities.set(id, { id, kind, name });
  return { matcher: compileMatcher(dataset.entities), entities };
}

/**
 * A dataset's page index in a JSON-safe form, made once when the dataset is
 * installed (lib/dataset/store.ts), so pages load it as they load the
 * bundled one instead of reading, validating and compiling the dataset.
 */
export interface PageIndexData {
  matcher: MatcherData;
  entities: PageEntitiesData;
}

export function pageIndexData(dataset: Dataset): PageIndexData {
  const matcher = compileMatcherData(dataset.entities);
  return { matcher, entities: pageEntitiesData(dataset.entities, matcher.entityIds) };
}

/**
 * A page index from stored PageIndexData, or null when `raw` is not usable:
 * missing (a dataset installed by an older version), of another matcher
 * format version (made by an older engine), or damaged. The caller then
 * compiles the dataset itself.
 */
export function pageIndexFromStoredData(raw: unknown): PageIndex | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { matcher, entities } = raw as Partial<Record<keyof PageIndexData, unknown>>;
  try {
    return pageIndexFromData(matcher as MatcherData, entities as PageEntitiesData);
  } catch {
    return null;
  }
}
