import { type Alias, aliasKey, type Entity } from '../../lib/dataset';

/** An alias with its fields in one fixed order, so output is stable and diffs read well. */
export function normalizeAlias(alias: Alias): Alias {
  const result: Alias = { text: alias.text, lang: alias.lang, caseSensitive: alias.caseSensitive };
  if (alias.ambiguous !== undefined) result.ambiguous = alias.ambiguous;
  if (alias.form !== undefined) result.form = alias.form;
  return result;
}

/**
 * Whether `existing` already does the work of `candidate`, so adding the
 * candidate would only repeat it. Both fold to the same aliasKey and
 * - either is case-insensitive (a case-insensitive alias matches every
 *   capitalisation; and the integrity check rejects a case-insensitive alias
 *   that repeats another of the same entity, so the first one's choice stands), or
 * - both are case-sensitive with the same exact text.
 * Two case-sensitive aliases that differ only in capitalisation ("US" and
 * "Us") match different text and are both kept.
 */
export function aliasCovers(existing: Alias, candidate: Alias): boolean {
  if (aliasKey(existing.text) !== aliasKey(candidate.text)) return false;
  return !existing.caseSensitive || !candidate.caseSensitive || existing.text === candidate.text;
}

/**
 * `first` in its order, then each alias of `more` that no earlier alias covers.
 * When an alias of `more` is dropped as covered, it fills the fields the
 * covering alias leaves out (`ambiguous`, `form`); a field the covering alias
 * gives, even `ambiguous: false`, is kept. Never changes its arguments.
 */
export function mergeAliases(first: readonly Alias[], more: readonly Alias[]): Alias[] {
  const result = first.map(normalizeAlias);
  for (const candidate of more) {
    const index = result.findIndex((existing) => aliasCovers(existing, candidate));
    const covering = result[index];
    if (!covering) {
      result.push(normalizeAlias(candidate));
      continue;
    }
    result[index] = normalizeAlias({
      ...covering,
      ambiguous: covering.ambiguous ?? candidate.ambiguous,
      form: covering.form ?? candidate.form,
    });
  }
  return result;
}

/**
 * Marks `ambiguous: true` on every alias whose text (compared with aliasKey,
 * as the integrity check does) more than one entity uses, on every entity
 * that uses it. Returns new entities (unchanged ones are the same objects)
 * and the shared keys, sorted.
 */
export function markSharedAliasesAmbiguous(entities: readonly Entity[]): { entities: Entity[]; shared: string[] } {
  const owners = new Map<string, Set<string>>();
  for (const entity of entities) {
    for (const alias of entity.aliases) {
      const key = aliasKey(alias.text);
      const ids = owners.get(key) ?? new Set<string>();
      ids.add(entity.id);
      owners.set(key, ids);
    }
  }
  const shared = new Set([...owners].filter(([, ids]) => ids.size > 1).map(([key]) => key));
  const result = entities.map((entity) => {
    if (!entity.aliases.some((alias) => shared.has(aliasKey(alias.text)) && alias.ambiguous !== true)) return entity;
    return {
      ...entity,
      aliases: entity.aliases.map((alias) =>
        shared.has(aliasKey(alias.text)) ? normalizeAlias({ ...alias, ambiguous: true }) : alias,
      ),
    };
  });
  return { entities: result, shared: [...shared].sort() };
}
