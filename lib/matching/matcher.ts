import type { Entity } from '../dataset/schema';
import {
  type Automaton,
  automatonFromData,
  automatonToData,
  buildAutomaton,
  checkAutomaton,
  type MatcherData,
} from './automaton';
import { addCandidate, type Candidates } from './candidates';
import { createNormalizedBuffer, type NormalizedBuffer, normalizeInto, originalCharEnd } from './normalize';
import { createPrefilter, type Prefilter, type PrefilterSources, prefilterSources, walkFrom } from './prefilter';

// Local copies of automaton.ts's constants: the scan loop reads them for
// every character, and some module loaders (Vitest, jiti) turn an imported
// binding into a property read.
const ROOT = 0;
const WORD_START = 1;
const FLAG_AMBIGUOUS = 2;

/** A run of text that names an entity: [start, end) offsets into the scanned (original) string. */
export interface TextMention {
  start: number;
  end: number;
  entityId: string;
}

export interface FindMentionsOptions {
  /**
   * Entities already named unambiguously elsewhere on the page (outside the
   * text being scanned): their ambiguous aliases are accepted in this text.
   */
  confirmedEntityIds?: ReadonlySet<string>;
  /**
   * Entities not to find (a kind the user turned off): their aliases count
   * as absent, so a hidden deal's name does not hide the country named
   * inside it, and gives no context to an ambiguous name.
   */
  ignoredEntityIds?: ReadonlySet<string>;
}

export interface Matcher {
  /**
   * Mentions in `text`, in document order, never overlapping.
   *
   * Matching is on normalised text (see lib/matching/normalize.ts): accents,
   * apostrophes, quotes, dashes, whitespace runs and invisible characters do
   * not matter, letter case matters only for case-sensitive aliases. A
   * mention starts and ends at a word boundary (the characters just outside
   * it are not letters, marks, digits or "_"), and its offsets cover the
   * whole name in the original text, including soft hyphens or zero-width
   * characters inside it, never the spaces around it.
   *
   * Overlaps resolve leftmost first, then longest: "South Sudan" is one
   * mention, never "Sudan".
   *
   * Ambiguous aliases (`ambiguous: true`) need context:
   * 1. The anchors are found first: leftmost-longest among the names that
   *    have at least one unambiguous alias (an ambiguous name takes no part
   *    in this step, so "Sudan" inside "South Sudan" is no anchor).
   * 2. A name some entity holds as an unambiguous alias belongs to that
   *    entity (the first one in dataset order if several do).
   * 3. A name that is only ambiguous belongs to an entity holding it that
   *    has context: an anchor in this text, or its id in
   *    `options.confirmedEntityIds`. If several have context, an anchor in
   *    this text beats page-level confirmation; among anchors, the nearest
   *    one before the name wins, else the nearest after it; among confirmed
   *    ids, dataset order. With no context for any holder the name is
   *    dropped, and it does not hide shorter names inside it: "the Rwanda
   *    plan" (ambiguous for a deal) still names the country Rwanda.
   * 4. Leftmost-longest then runs over every name kept by 2 and 3. An
   *    ambiguous mention never gives context to another.
   */
  findMentions(text: string, options?: FindMentionsOptions): TextMention[];
}

/** Texts up to this many units reuse one shared buffer; longer ones get their own, freed after the scan. */
const SHARED_BUFFER_LIMIT = 1 << 18;
const sharedBuffer = createNormalizedBuffer(4096);

// Candidates (candidates.ts) hold normalised offsets while the full scan runs, original ones once it is done.

function scan(automaton: Automaton, buffer: NormalizedBuffer, found: Candidates): void {
  const { classOf, wordStart, edgeStart, edgeClass, fail, boundaryNext, report } = automaton;
  const { folded, word } = buffer;
  const length = buffer.length;
  let state = ROOT;
  let previousWord = 0;
  for (let i = 0; i < length; i++) {
    const isWord = word[i] as number;
    // A name can end here only if this unit is not a word character.
    if (isWord === 0 && state > WORD_START) {
      const first = report[state] as number;
      if (first >= 0) collect(automaton, buffer, first, i, found);
    }
    const cls = classOf[folded[i] as number] as number;
    if (cls === 0) {
      // No alias contains this unit.
      state = ROOT;
      previousWord = isWord;
      continue;
    }
    if (previousWord === 0) state = boundaryNext[state] as number;
    previousWord = isWord;
    for (;;) {
      if (state === WORD_START) {
        state = wordStart[cls] as number;
        break;
      }
      if (state === ROOT) break;
      let lo = edgeStart[state] as number;
      let hi = edgeStart[state + 1] as number;
      let next = -1;
      if (hi - lo <= 8) {
        for (; lo < hi; lo++) {
          const at = edgeClass[lo] as number;
          if (at >= cls) {
            if (at === cls) next = lo + 1;
            break;
          }
        }
      } else {
        hi--;
        while (lo <= hi) {
          const mid = (lo + hi) >>> 1;
          const at = edgeClass[mid] as number;
          if (at === cls) {
            next = mid + 1;
            break;
          }
          if (at < cls) lo = mid + 1;
          else hi = mid - 1;
        }
      }
      if (next >= 0) {
        state = next;
        break;
      }
      state = fail[state] as number;
    }
  }
  if (state > WORD_START) {
    const first = report[state] as number;
    if (first >= 0) collect(automaton, buffer, first, length, found);
  }
}

/** Records the names ending at normalised offset `end`, from state `first` down its output chain. */
function collect(automaton: Automaton, buffer: NormalizedBuffer, first: number, end: number, found: Candidates): void {
  const { depth, outputLink } = automaton;
  const { cased, origin } = buffer;
  for (let state = first; state >= 0; state = outputLink[state] as number) {
    const length = depth[state] as number;
    const start = end - length;
    // Never half of a character that normalises to several units ("ﬁ" → "fi").
    if (start > 0 && origin[start - 1] === origin[start]) continue;
    if (end < buffer.length && origin[end] === origin[end - 1]) continue;
    addCandidate(automaton, state, length, cased, start, start, end, found);
  }
}

/**
 * Candidate indices ordered by start, then longest first. The scan emits
 * candidates by end, so they are nearly in this order already (only names
 * that overlap are out of place) and an insertion sort is close to linear.
 */
function leftmostLongestOrder(found: Candidates): Int32Array {
  const { start, end } = found;
  const order = new Int32Array(found.count);
  for (let i = 0; i < order.length; i++) {
    const candidate = i;
    const candidateStart = start[candidate] as number;
    const candidateEnd = end[candidate] as number;
    let j = i - 1;
    for (; j >= 0; j--) {
      const other = order[j] as number;
      const otherStart = start[other] as number;
      if (otherStart < candidateStart || (otherStart === candidateStart && (end[other] as number) >= candidateEnd))
        break;
      order[j + 1] = other;
    }
    order[j + 1] = candidate;
  }
  return order;
}

/**
 * Leftmost, then longest: the candidates of `order` for which `entityOf` is
 * not -1 and that do not overlap an earlier kept one.
 */
function leftmostLongest(order: Int32Array, found: Candidates, entityOf: Int32Array): number[] {
  const kept: number[] = [];
  let covered = 0;
  for (let i = 0; i < order.length; i++) {
    const candidate = order[i] as number;
    if ((found.start[candidate] as number) < covered || entityOf[candidate] === -1) continue;
    kept.push(candidate);
    covered = found.end[candidate] as number;
  }
  return kept;
}

/** Per-matcher scratch for the context search: one slot per entity, valid when its stamp is current. */
interface ContextScratch {
  stamp: Int32Array;
  anchorStart: Int32Array;
  generation: number;
}

/** Ranks for step 3: an anchor before the name beats one after it, which beats page-level confirmation. */
const AFTER = 2 ** 40;
const CONFIRMED_ONLY = 2 ** 50;

/**
 * Applies the ambiguity rule (see `Matcher.findMentions`) and overlap
 * resolution; returns the kept candidates in document order and the entity
 * each names.
 */
function resolve(
  automaton: Automaton,
  found: Candidates,
  confirmed: ReadonlySet<string> | undefined,
  ignored: Uint8Array | null,
  scratch: ContextScratch,
): { kept: number[]; entityOf: Int32Array } {
  const { entryEntity, entryFlags, entityIds } = automaton;
  const { start, entries, entriesFrom } = found;
  const count = found.count;
  entriesFrom.push(entries.length);
  const order = leftmostLongestOrder(found);

  // Step 2 first: the entity a candidate names by an unambiguous alias, or -1.
  const entityOf = new Int32Array(count).fill(-1);
  const onlyAmbiguous: number[] = [];
  for (let c = 0; c < count; c++) {
    for (let k = entriesFrom[c] as number; k < (entriesFrom[c + 1] as number); k++) {
      const entry = entries[k] as number;
      if (((entryFlags[entry] as number) & FLAG_AMBIGUOUS) === 0) {
        const entity = entryEntity[entry] as number;
        if (ignored !== null && ignored[entity] === 1) continue;
        entityOf[c] = entity;
        break;
      }
    }
  }
  for (let i = 0; i < count; i++) {
    const c = order[i] as number;
    if (entityOf[c] === -1) onlyAmbiguous.push(c);
  }
  if (onlyAmbiguous.length === 0) return { kept: leftmostLongest(order, found, entityOf), entityOf };

  // Step 1: the anchors, in document order.
  const anchors = leftmostLongest(order, found, entityOf);

  // Step 3, as two sweeps over the anchors and the ambiguous-only names (both
  // in document order), tracking each entity's nearest anchor.
  const best = new Float64Array(onlyAmbiguous.length).fill(Number.POSITIVE_INFINITY);
  const bestEntity = new Int32Array(onlyAmbiguous.length).fill(-1);
  const { stamp, anchorStart } = scratch;
  const consider = (index: number, rank: (entity: number) => number) => {
    const c = onlyAmbiguous[index] as number;
    for (let k = entriesFrom[c] as number; k < (entriesFrom[c + 1] as number); k++) {
      const entity = entryEntity[entries[k] as number] as number;
      if (ignored !== null && ignored[entity] === 1) continue;
      const value = rank(entity);
      if (value < (best[index] as number)) {
        best[index] = value;
        bestEntity[index] = entity;
      }
    }
  };
  if (scratch.generation > 2 ** 30) {
    scratch.stamp.fill(0);
    scratch.generation = 0;
  }
  // Forward: the last anchor before each name.
  let generation = ++scratch.generation;
  let a = 0;
  for (let index = 0; index < onlyAmbiguous.length; index++) {
    const position = start[onlyAmbiguous[index] as number] as number;
    for (; a < anchors.length && (start[anchors[a] as number] as number) < position; a++) {
      const entity = entityOf[anchors[a] as number] as number;
      stamp[entity] = generation;
      anchorStart[entity] = start[anchors[a] as number] as number;
    }
    consider(index, (entity) =>
      stamp[entity] === generation ? position - (anchorStart[entity] as number) : Number.POSITIVE_INFINITY,
    );
  }
  // Backward: the first anchor at or after each name; then page-level confirmation.
  generation = ++scratch.generation;
  a = anchors.length - 1;
  for (let index = onlyAmbiguous.length - 1; index >= 0; index--) {
    const position = start[onlyAmbiguous[index] as number] as number;
    for (; a >= 0 && (start[anchors[a] as number] as number) >= position; a--) {
      const entity = entityOf[anchors[a] as number] as number;
      stamp[entity] = generation;
      anchorStart[entity] = start[anchors[a] as number] as number;
    }
    consider(index, (entity) => {
      if (stamp[entity] === generation) return AFTER + (anchorStart[entity] as number) - position;
      return confirmed?.has(entityIds[entity] as string) ? CONFIRMED_ONLY : Number.POSITIVE_INFINITY;
    });
  }
  onlyAmbiguous.forEach((c, index) => {
    entityOf[c] = bestEntity[index] as number;
  });

  // Step 4.
  return { kept: leftmostLongest(order, found, entityOf), entityOf };
}

/**
 * Joins independent texts for one `findMentions` call (the scanner's blocks):
 * not a word character, not a space, and no alias may contain it (the dataset
 * schema forbids control characters), so no name spans it. A text with a
 * character only the full path handles is scanned in full only between the
 * separators around that character.
 */
export const TEXT_SEPARATOR = '\u0000';

/** Full path on [from, to): normalises that text, runs the automaton over it, and maps the candidates back to original offsets. */
function scanInFull(automaton: Automaton, text: string, from: number, to: number, found: Candidates): void {
  const piece = from === 0 && to === text.length ? text : text.slice(from, to);
  const buffer = normalizeInto(
    piece,
    piece.length <= SHARED_BUFFER_LIMIT ? sharedBuffer : createNormalizedBuffer(piece.length),
  );
  const first = found.count;
  scan(automaton, buffer, found);
  const { origin } = buffer;
  for (let c = first; c < found.count; c++) {
    found.start[c] = from + (origin[found.start[c] as number] as number);
    found.end[c] = from + originalCharEnd(piece, origin[(found.end[c] as number) - 1] as number);
  }
}

/**
 * Fast path (prefilter.ts) on [from, to), where `to` is the end of the text
 * or a separator: a native RegExp finds where names could start; the trie is
 * walked only there (a walk stops at the separator).
 */
function scanPrefiltered(
  automaton: Automaton,
  prefilter: Prefilter,
  text: string,
  from: number,
  to: number,
  found: Candidates,
): void {
  const starts = prefilter.starts;
  starts.lastIndex = from;
  for (let match = starts.exec(text); match && match.index < to; match = starts.exec(text)) {
    walkFrom(automaton, prefilter, text, match.index, found);
    // Matches are empty (lookaheads): step past this position.
    starts.lastIndex = match.index + 1;
  }
}

/** The fast path everywhere but in the separator-delimited pieces that hold a complex character. */
function scanMixed(automaton: Automaton, prefilter: Prefilter, text: string, found: Candidates): void {
  const complex = prefilter.complex;
  let position = 0;
  while (position < text.length) {
    complex.lastIndex = position;
    const match = complex.exec(text);
    if (!match) {
      scanPrefiltered(automaton, prefilter, text, position, text.length, found);
      return;
    }
    const pieceStart = Math.max(position, text.lastIndexOf(TEXT_SEPARATOR, match.index) + 1);
    const separator = text.indexOf(TEXT_SEPARATOR, match.index);
    const pieceEnd = separator < 0 ? text.length : separator;
    if (pieceStart > position) scanPrefiltered(automaton, prefilter, text, position, pieceStart, found);
    scanInFull(automaton, text, pieceStart, pieceEnd, found);
    position = pieceEnd;
  }
}

export interface CompileOptions {
  /**
   * false: every text takes the full path (normalise everything, run the
   * automaton). For tests and benchmarks that compare the two paths, which
   * must always give the same mentions.
   */
  fastPath?: boolean;
}

function createMatcher(
  automaton: Automaton,
  { fastPath = true }: CompileOptions = {},
  sources: PrefilterSources | undefined = undefined,
): Matcher {
  const found: Candidates = { count: 0, start: [], end: [], entriesFrom: [], entries: [] };
  const scratch: ContextScratch = {
    stamp: new Int32Array(automaton.entityIds.length),
    anchorStart: new Int32Array(automaton.entityIds.length),
    generation: 0,
  };
  // Built on first use: loading a matcher stays cheap, and a page with no text never pays for it.
  let prefilter: Prefilter | undefined;
  // The ignored entities as a mask by entity index, rebuilt only when the caller passes another set.
  let ignoredIds: ReadonlySet<string> | undefined;
  let ignoredMask: Uint8Array | null = null;
  const maskOf = (ids: ReadonlySet<string> | undefined): Uint8Array | null => {
    if (ids === undefined || ids.size === 0) return null;
    if (ids !== ignoredIds) {
      ignoredIds = ids;
      ignoredMask = new Uint8Array(automaton.entityIds.length);
      automaton.entityIds.forEach((id, entity) => {
        if (ids.has(id)) (ignoredMask as Uint8Array)[entity] = 1;
      });
    }
    return ignoredMask;
  };
  return {
    findMentions(text, options) {
      if (text.length === 0) return [];
      found.count = 0;
      found.start.length = 0;
      found.end.length = 0;
      found.entriesFrom.length = 0;
      found.entries.length = 0;
      prefilter ??= createPrefilter(automaton, sources ?? prefilterSources(automaton));
      if (fastPath) scanMixed(automaton, prefilter, text, found);
      else scanInFull(automaton, text, 0, text.length, found);
      if (found.count === 0) return [];
      const ignored = maskOf(options?.ignoredEntityIds);
      const { kept, entityOf } = resolve(automaton, found, options?.confirmedEntityIds, ignored, scratch);
      return kept.map((candidate) => ({
        start: found.start[candidate] as number,
        end: found.end[candidate] as number,
        entityId: automaton.entityIds[entityOf[candidate] as number] as string,
      }));
    },
  };
}

/** Compiles the aliases of `entities` into a matcher (see `Matcher.findMentions` for the rules). */
export function compileMatcher(entities: readonly Entity[], options?: CompileOptions): Matcher {
  return createMatcher(buildAutomaton(entities), options);
}

/**
 * Compiles the aliases of `entities` into plain JSON-safe data, for a build
 * step to precompile; `matcherFromData` turns it into the same matcher as
 * `compileMatcher(entities)` without normalising aliases or building the trie.
 */
export function compileMatcherData(entities: readonly Entity[]): MatcherData {
  const automaton = buildAutomaton(entities);
  return { ...automatonToData(automaton), prefilter: prefilterSources(automaton) };
}

/**
 * A matcher from `compileMatcherData` output; throws when the data's shape is
 * not such output. Links are not checked here (see `checkMatcherData`).
 */
export function matcherFromData(data: MatcherData): Matcher {
  return createMatcher(automatonFromData(data), {}, data.prefilter);
}

/** Every problem in compiled matcher data, links included; empty when it is sound. For tests and build steps. */
export function checkMatcherData(data: MatcherData): string[] {
  try {
    const automaton = automatonFromData(data);
    const problems = checkAutomaton(automaton);
    const expected = prefilterSources(automaton);
    if (data.prefilter.complex !== expected.complex || data.prefilter.starts !== expected.starts) {
      problems.push('the prefilter patterns do not match the automaton and the normalisation tables');
    }
    return problems;
  } catch (error) {
    return [error instanceof Error ? error.message : String(error)];
  }
}
