import type { EntityCount } from './messages';

/** The entities of one kind on a page, as the popup lists them under a heading. */
export interface KindGroup {
  kind: string;
  /** Mentions of every entity of the kind. */
  total: number;
  entities: EntityCount[];
}

/**
 * Groups a page's entities by kind for the popup: the most mentioned kind
 * first (ties by kind name, so the order never depends on the page), and in
 * each kind the most mentioned entity first, then by name in `locale`'s
 * order ("Écija" next to "Ecuador", not after "Zambia").
 *
 * Unlike summarisePageMentions this runs in the popup, never in a content
 * script, so localeCompare's collation data costs the page nothing.
 */
export function groupMentionsByKind(entities: readonly EntityCount[], locale?: string): KindGroup[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base', numeric: true });
  const byKind = new Map<string, KindGroup>();
  for (const entity of entities) {
    let group = byKind.get(entity.kind);
    if (!group) {
      group = { kind: entity.kind, total: 0, entities: [] };
      byKind.set(entity.kind, group);
    }
    group.total += entity.count;
    group.entities.push(entity);
  }
  const groups = [...byKind.values()];
  for (const group of groups) {
    group.entities.sort(
      (a, b) =>
        b.count - a.count ||
        collator.compare(a.name, b.name) ||
        (a.entityId < b.entityId ? -1 : a.entityId > b.entityId ? 1 : 0),
    );
  }
  return groups.sort((a, b) => b.total - a.total || (a.kind < b.kind ? -1 : a.kind > b.kind ? 1 : 0));
}
