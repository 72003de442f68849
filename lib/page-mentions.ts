import type { PageMentions } from './messages';
import type { PageEntity } from './page-index';

/**
 * Summarises the mentions found on a page for the popup: entities ordered by
 * how often they are mentioned, then by name.
 */
export function summarisePageMentions(
  entityIds: readonly string[],
  entitiesById: ReadonlyMap<string, PageEntity>,
): PageMentions {
  const counts = new Map<string, number>();
  for (const id of entityIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const entities = [...counts].flatMap(([entityId, count]) => {
    const entity = entitiesById.get(entityId);
    return entity ? [{ entityId, name: entity.name, kind: entity.kind, count }] : [];
  });
  // Code-point order, not localeCompare: the first localeCompare in a content
  // script loads collation data, tens of milliseconds on every page.
  entities.sort((a, b) => b.count - a.count || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  return { total: entityIds.length, entities };
}
