import type { Entity } from './dataset';

/** A run of text that names an entity: [start, end) offsets into the scanned string. */
export interface TextMention {
  start: number;
  end: number;
  entityId: string;
}

export interface Matcher {
  /** Mentions in `text`, in document order, never overlapping, longest match first. */
  findMentions(text: string): TextMention[];
}

// A mention must not continue a word on either side: "Perugia" does not
// contain "Peru", while "Rwanda's" (apostrophe) still names Rwanda.
const WORD_CHAR_BEFORE = String.raw`(?<![\p{L}\p{M}\p{N}_])`;
const WORD_CHAR_AFTER = String.raw`(?![\p{L}\p{M}\p{N}_])`;

// Only syntax characters: with the `u` flag an escaped "-" outside a class is
// an invalid escape, and "Guinea-Bissau" would throw when the pattern compiles.
function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}

function buildPattern(aliases: string[], flags: string): RegExp | undefined {
  if (aliases.length === 0) return undefined;
  // Longest first: at one position a regex alternation takes the first branch
  // that matches, so "South Sudan" wins over "Sudan" and "Omar Ameen" over "Ameen".
  const alternatives = [...new Set(aliases)].sort((a, b) => b.length - a.length).map(escapeRegExp);
  return new RegExp(`${WORD_CHAR_BEFORE}(?:${alternatives.join('|')})${WORD_CHAR_AFTER}`, flags);
}

/**
 * Compiles the aliases of `entities` into a matcher. Case-sensitive and
 * case-insensitive aliases go into two patterns whose results are merged
 * leftmost-longest.
 *
 * This is the walking-skeleton matcher; the engine issue replaces it with a
 * single-pass automaton with full text normalisation.
 */
export function compileMatcher(entities: readonly Entity[]): Matcher {
  const exactIds = new Map<string, string>();
  const foldedIds = new Map<string, string>();
  for (const entity of entities) {
    for (const alias of entity.aliases) {
      if (alias.caseSensitive) exactIds.set(alias.text, entity.id);
      else foldedIds.set(alias.text.toLocaleLowerCase('en'), entity.id);
    }
  }
  const exactPattern = buildPattern([...exactIds.keys()], 'gu');
  const foldedPattern = buildPattern([...foldedIds.keys()], 'giu');

  function collect(pattern: RegExp | undefined, text: string, lookup: (matched: string) => string | undefined) {
    const found: TextMention[] = [];
    if (!pattern) return found;
    for (const match of text.matchAll(pattern)) {
      const entityId = lookup(match[0]);
      if (entityId) found.push({ start: match.index, end: match.index + match[0].length, entityId });
    }
    return found;
  }

  return {
    findMentions(text) {
      const candidates = [
        ...collect(exactPattern, text, (matched) => exactIds.get(matched)),
        ...collect(foldedPattern, text, (matched) => foldedIds.get(matched.toLocaleLowerCase('en'))),
      ].sort((a, b) => a.start - b.start || b.end - a.end);
      const mentions: TextMention[] = [];
      let covered = 0;
      for (const candidate of candidates) {
        if (candidate.start < covered) continue;
        mentions.push(candidate);
        covered = candidate.end;
      }
      return mentions;
    },
  };
}
