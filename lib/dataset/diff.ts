import type { Claim, Dataset, Entity } from './schema';

/**
 * What applying a dataset would change, for the preview the user sees before
 * an update: the version change, and the entities and claims added, removed
 * and changed, by name. Pure and cheap: one pass over each list.
 */

export type VersionDirection = 'newer' | 'same' | 'older';

export interface NamedItem {
  id: string;
  /** An entity's name, or a claim's statement. */
  name: string;
}

export interface ChangedItem extends NamedItem {
  /** Top-level fields whose value differs, e.g. ["aliases", "summary"]. */
  fields: string[];
}

export interface ItemChanges {
  added: NamedItem[];
  removed: NamedItem[];
  changed: ChangedItem[];
  unchanged: number;
}

export interface DatasetDiff {
  /** False when the new dataset is a different dataset (another id), not a version of the active one. */
  sameDataset: boolean;
  from: { id: string; title: string; version: string; publishedAt: string };
  to: { id: string; title: string; version: string; publishedAt: string };
  direction: VersionDirection;
  entities: ItemChanges;
  claims: ItemChanges;
  /** True when nothing at all differs (the same file again). */
  identical: boolean;
}

/** Compares "major.minor.patch" version numbers; -1, 0 or 1 like a sort comparator. */
export function compareVersions(a: string, b: string): -1 | 0 | 1 {
  const left = a.split('.').map(Number);
  const right = b.split('.').map(Number);
  for (let index = 0; index < Math.max(left.length, right.length); index++) {
    const difference = (left[index] ?? 0) - (right[index] ?? 0);
    if (difference !== 0) return difference < 0 ? -1 : 1;
  }
  return 0;
}

/** Whether `next` is a newer, the same or an older version than `current`. */
export function versionDirection(current: string, next: string): VersionDirection {
  const order = compareVersions(next, current);
  return order > 0 ? 'newer' : order < 0 ? 'older' : 'same';
}

function changedFields(before: object, after: object): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const fields: string[] = [];
  for (const key of keys) {
    const a = (before as Record<string, unknown>)[key];
    const b = (after as Record<string, unknown>)[key];
    // Parsed datasets have their keys in schema order, so equal values serialise equally.
    if (JSON.stringify(a) !== JSON.stringify(b)) fields.push(key);
  }
  return fields;
}

function diffItems<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  name: (item: T) => string,
): ItemChanges {
  const old = new Map(before.map((item) => [item.id, item]));
  const changes: ItemChanges = { added: [], removed: [], changed: [], unchanged: 0 };
  const seen = new Set<string>();
  for (const item of after) {
    seen.add(item.id);
    const previous = old.get(item.id);
    if (!previous) {
      changes.added.push({ id: item.id, name: name(item) });
      continue;
    }
    const fields = changedFields(previous, item);
    if (fields.length > 0) changes.changed.push({ id: item.id, name: name(item), fields });
    else changes.unchanged++;
  }
  for (const item of before) {
    if (!seen.has(item.id)) changes.removed.push({ id: item.id, name: name(item) });
  }
  return changes;
}

const entityName = (entity: Entity) => entity.name;
const claimName = (claim: Claim) => claim.statement;

export function diffDatasets(current: Dataset, next: Dataset): DatasetDiff {
  const entities = diffItems(current.entities, next.entities, entityName);
  const claims = diffItems(current.claims, next.claims, claimName);
  const summary = (dataset: Dataset) => ({
    id: dataset.id,
    title: dataset.title,
    version: dataset.version,
    publishedAt: dataset.publishedAt,
  });
  return {
    sameDataset: current.id === next.id,
    from: summary(current),
    to: summary(next),
    direction: versionDirection(current.version, next.version),
    entities,
    claims,
    identical: JSON.stringify(current) === JSON.stringify(next),
  };
}
