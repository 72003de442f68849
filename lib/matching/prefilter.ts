import { type Automaton, CLASS_BOUNDARY, WORD_START } from './automaton';
import { addCandidate, type Candidates } from './candidates';
import { getSimpleUnits, KIND_OTHER, KIND_SPACE, KIND_WORD, KIND_WORD_SELF, kindOf, unitTables } from './normalize';

/**
 * A fast path for the common case, where most of a page's text names
 * nothing. Normalising every character and feeding it to the automaton costs
 * JavaScript work per character, and a content script runs cold: its code
 * is not optimised yet on a fresh page (a bare loop over a page's characters
 * ran at 25–40 ns a character there). The browser's regular expression engine
 * is native code, so the text is searched with RegExps, and the JavaScript
 * walk runs only where an alias could start.
 *
 * An alias starts with its first word: the word characters up to its first
 * other character (or its end). In text that names it, that word stands
 * alone, between word boundaries, spelled in any case and, where the text
 * has accents, with them.
 *
 * - `complex` finds units whose normalisation is not one unit (soft hyphens,
 *   combining marks, ligatures, "…", surrogates, characters outside the
 *   precomputed tables). The piece of text holding one (between
 *   TEXT_SEPARATORs, see matcher.ts) takes the full path, so the fast path
 *   only ever meets text where one code unit is one normalised unit, or part
 *   of a whitespace run that becomes one space.
 * - `starts` (flags `gi`) has three branches:
 *   1. every first word spelled in ASCII, as a trie, between `\b`s: a
 *      match is a word that is some alias's first word, in any letter case;
 *   2. any non-ASCII word character that folds to a unit some first word
 *      contains ("é", "Ü"): the word around it may spell a first word with
 *      accents, so the walk starts at that word's start;
 *   3. any character that folds to the first unit of an alias that starts
 *      with no word character (an apostrophe, "#").
 *   Together they are a superset: every alias occurrence starts at a match
 *   of branch 1 or 3, or at the start of the word holding a match of branch
 *   2. Matching whole first words, not their first letters, is what keeps
 *   the JavaScript work small: on wikipedia-2 a 3-letter prefix RegExp
 *   matched 6,959 times and took 15 ms, first words match 2,351 times in
 *   4 ms. Neither the `u` flag (its `\b` and classes are slower) nor
 *   accented variants inside branch 1 are used, for the same reason.
 * - `walkFrom` then follows the trie from that position, without failure
 *   links, and records the names that start exactly there; a name that starts
 *   later has a match of its own.
 */
export interface Prefilter {
  complex: RegExp;
  starts: RegExp;
  /** Normalised cased units of the walk so far, for case-sensitive aliases: one per trie level. */
  cased: Uint16Array;
}

function isWordUnit(unit: number): boolean {
  const kind = kindOf(unit);
  return kind === KIND_WORD || kind === KIND_WORD_SELF;
}

function hasOutput(automaton: Automaton, state: number): boolean {
  return (automaton.outputStart[state + 1] as number) > (automaton.outputStart[state] as number);
}

/**
 * Branch 1 is a trie of at most this many units. A dataset with more first
 * words gets them cut to a shorter prefix (see `asciiDepthLimit`): the
 * RegExp's compile time and its time per character grow with its size, and
 * they must not grow with the number of aliases (with all 30,000 aliases'
 * first words the scan took 2.3 times as long as with 300).
 */
const MAX_PATTERN_UNITS = 2000;

/** The deepest level of the ASCII first-word trie to spell out, so that it has at most MAX_PATTERN_UNITS units. */
function asciiDepthLimit(automaton: Automaton): number {
  const { edgeStart, edgeClass, classUnits } = automaton;
  let level = [WORD_START];
  let units = 0;
  for (let depth = 0; level.length > 0; depth++) {
    const next: number[] = [];
    for (const state of level) {
      for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
        const cls = edgeClass[e] as number;
        const unit = classUnits[cls] as number;
        if (cls !== CLASS_BOUNDARY && unit < 0x80 && isWordUnit(unit)) next.push(e + 1);
      }
    }
    units += next.length;
    if (units > MAX_PATTERN_UNITS) return Math.max(depth, 1);
    level = next;
  }
  return Number.POSITIVE_INFINITY;
}

/**
 * Branch 1 below `state` (`depth` units into a first word): the ASCII
 * spellings of the first words' remaining units as a trie; '' at `limit`,
 * where the word is only known to start this way; null when no first word
 * continues in ASCII. With no limit the caller puts one `\b` after the
 * whole trie; with one, each word's end gets its own.
 */
function asciiFirstWords(automaton: Automaton, state: number, depth: number, limit: number): string | null {
  const { edgeStart, edgeClass, classUnits } = automaton;
  const branches: string[] = [];
  // The first word may end here if an alias does, or a non-word unit or inner word start follows.
  let canEnd = depth > 0 && hasOutput(automaton, state);
  let continues = false;
  for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
    const cls = edgeClass[e] as number;
    const unit = classUnits[cls] as number;
    if (cls === CLASS_BOUNDARY || !isWordUnit(unit)) {
      canEnd ||= depth > 0;
      continue;
    }
    // A word with a non-ASCII unit is found by branch 2.
    if (unit >= 0x80) continue;
    continues = true;
    if (depth >= limit) break;
    const rest = asciiFirstWords(automaton, e + 1, depth + 1, limit);
    if (rest !== null) branches.push(String.fromCharCode(unit) + rest);
  }
  // Cut here: any word that starts this way is a candidate.
  if (continues && depth >= limit) return '';
  const cut = limit !== Number.POSITIVE_INFINITY;
  if (branches.length === 0) return canEnd ? (cut ? '\\b' : '') : null;
  if (cut) {
    // Each word that ends ends in its own \b: a cut branch must not get one.
    if (canEnd) branches.push('\\b');
    return branches.length === 1 ? (branches[0] as string) : `(?:${branches.join('|')})`;
  }
  // Uncut, every branch ends where its word does, and the caller adds one \b after the whole trie.
  const only = branches.length === 1 ? (branches[0] as string) : null;
  if (only !== null && !canEnd) return only;
  const group = only !== null && only.length === 1 ? only : `(?:${branches.join('|')})`;
  return canEnd ? `${group}?` : group;
}

/** The units of every first word (word units from the word start) and the non-word units aliases start with. */
function firstWordUnits(automaton: Automaton): { wordUnits: Set<number>; nonWordStarts: Set<number> } {
  const { edgeStart, edgeClass, classUnits } = automaton;
  const wordUnits = new Set<number>();
  const nonWordStarts = new Set<number>();
  const pending = [WORD_START];
  while (pending.length > 0) {
    const state = pending.pop() as number;
    for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
      const cls = edgeClass[e] as number;
      if (cls === CLASS_BOUNDARY) continue;
      const unit = classUnits[cls] as number;
      if (isWordUnit(unit)) {
        wordUnits.add(unit);
        pending.push(e + 1);
      } else if (state === WORD_START) {
        nonWordStarts.add(unit);
      }
    }
  }
  return { wordUnits, nonWordStarts };
}

/**
 * The prefilter's two patterns as RegExp sources: built when a matcher is
 * compiled and stored with precompiled matchers, since building them (a walk
 * over the normalisation tables and the trie) costs a page several
 * milliseconds.
 */
export interface PrefilterSources {
  complex: string;
  starts: string;
}

/** Sources of `Prefilter` (see the module comment); `starts` is compiled with the flags `gi`. */
export function prefilterSources(automaton: Automaton): PrefilterSources {
  const simple = getSimpleUnits();
  const { wordUnits, nonWordStarts } = firstWordUnits(automaton);
  const branches: string[] = [];
  const limit = asciiDepthLimit(automaton);
  const ascii = asciiFirstWords(automaton, WORD_START, 0, limit);
  if (ascii) branches.push(limit === Number.POSITIVE_INFINITY ? `\\b${ascii}\\b` : `\\b${ascii}`);
  const accented = simple.unitsWhere(0x80, (folded, isWord) => isWord && wordUnits.has(folded));
  if (accented) branches.push(`[${accented}]`);
  const nonWord = simple.unitsWhere(0, (folded, isWord) => !isWord && nonWordStarts.has(folded));
  if (nonWord) branches.push(`[${nonWord}]`);
  return { complex: simple.complexClass, starts: branches.length > 0 ? branches.join('|') : '(?!)' };
}

/** Throws a SyntaxError when a source is not a valid pattern (damaged precompiled data). */
export function createPrefilter(automaton: Automaton, sources: PrefilterSources): Prefilter {
  let maxDepth = 0;
  for (let state = 0; state < automaton.stateCount; state++)
    maxDepth = Math.max(maxDepth, automaton.depth[state] as number);
  return {
    complex: new RegExp(sources.complex, 'g'),
    starts: new RegExp(sources.starts, 'gi'),
    cased: new Uint16Array(maxDepth + 1),
  };
}

/**
 * Where the names found by `starts` on [from, to) can start, in order, each
 * once: a branch 2 match stands for the start of the word around it.
 * `visit` is called with each such offset.
 */
export function forEachStart(
  prefilter: Prefilter,
  text: string,
  from: number,
  to: number,
  visit: (start: number) => void,
): void {
  const { kinds } = unitTables;
  const starts = prefilter.starts;
  let lastVisited = -1;
  starts.lastIndex = from;
  for (let match = starts.exec(text); match && match.index < to; match = starts.exec(text)) {
    let start = match.index;
    const unit = text.charCodeAt(start);
    if (unit >= 0x80) {
      const kind = kinds[unit] as number;
      if (kind === KIND_WORD || kind === KIND_WORD_SELF) {
        // Branch 2: back to the start of this word (a separator or any non-word unit stops it).
        while (start > from) {
          const before = kinds[text.charCodeAt(start - 1)] as number;
          if (before !== KIND_WORD && before !== KIND_WORD_SELF) break;
          start--;
        }
      }
    }
    if (start === lastVisited) continue;
    lastVisited = start;
    visit(start);
  }
}

/**
 * Records the names that start at `start` in `text`, which has no complex
 * unit. `start` must be where `starts` matched.
 */
export function walkFrom(
  automaton: Automaton,
  prefilter: Prefilter,
  text: string,
  start: number,
  found: Candidates,
): void {
  const { kinds, cased: casedTable, folded: foldedTable } = unitTables;
  const { classOf, wordStart, edgeStart, edgeClass, outputStart } = automaton;
  // An alias starts only at a word start: after a unit that is not a word character.
  if (start > 0) {
    const before = kinds[text.charCodeAt(start - 1)] as number;
    if (before === KIND_WORD || before === KIND_WORD_SELF) return;
  }
  const cased = prefilter.cased;
  let state = WORD_START;
  let depth = 0;
  let previousWord = 0;
  let afterSpace = false;
  let end = start;
  for (let i = start; i < text.length; i++) {
    const unit = text.charCodeAt(i);
    const kind = kinds[unit] as number;
    let casedUnit = unit;
    let foldedUnit = unit;
    let isWord = 0;
    if (kind === KIND_SPACE) {
      if (afterSpace) continue;
      afterSpace = true;
      casedUnit = 32;
      foldedUnit = 32;
    } else {
      afterSpace = false;
      if (kind === KIND_WORD || kind === KIND_OTHER) {
        casedUnit = casedTable[unit] as number;
        foldedUnit = foldedTable[unit] as number;
      }
      isWord = kind === KIND_WORD || kind === KIND_WORD_SELF ? 1 : 0;
    }
    // A name can end only before a unit that is not a word character.
    if (isWord === 0 && depth > 0) addCandidate(automaton, state, depth, prefilter.cased, 0, start, end, found);
    if (previousWord === 0 && depth > 0) {
      const first = edgeStart[state] as number;
      if (first >= (edgeStart[state + 1] as number) || edgeClass[first] !== CLASS_BOUNDARY) return;
      state = first + 1;
    }
    previousWord = isWord;
    const cls = classOf[foldedUnit] as number;
    if (cls === 0) return;
    if (state === WORD_START) {
      state = wordStart[cls] as number;
      if (state === 0) return;
    } else {
      let next = -1;
      for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
        const at = edgeClass[e] as number;
        if (at >= cls) {
          if (at === cls) next = e + 1;
          break;
        }
      }
      if (next < 0) return;
      state = next;
    }
    cased[depth++] = casedUnit;
    end = i + 1;
  }
  if (depth > 0 && (outputStart[state + 1] as number) > (outputStart[state] as number)) {
    addCandidate(automaton, state, depth, prefilter.cased, 0, start, end, found);
  }
}
