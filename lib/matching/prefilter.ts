import { type Automaton, CLASS_BOUNDARY, WORD_START } from './automaton';
import { addCandidate, type Candidates } from './candidates';
import {
  getSimpleUnits,
  KIND_OTHER,
  KIND_SPACE,
  KIND_WORD,
  KIND_WORD_SELF,
  type SimpleUnits,
  unitTables,
} from './normalize';

/**
 * A fast path for the common case, where most of a page's text names
 * nothing. Normalising every character and feeding it to the automaton costs
 * JavaScript work per character, and a content script runs cold: its code
 * is not optimised yet on a fresh page. The browser's regular expression
 * engine is native code, so the text is searched with a RegExp first, and
 * the JavaScript walk runs only where an alias could start.
 *
 * - `complex` finds units whose normalisation is not one unit (soft hyphens,
 *   combining marks, ligatures, "…", surrogates, characters outside the
 *   precomputed tables). The piece of text holding one (between
 *   TEXT_SEPARATORs, see matcher.ts) takes the full path, so the fast path
 *   only ever meets text where one code unit is one normalised unit, or part
 *   of a whitespace run that becomes one space.
 * - `starts` matches wherever an alias could start: at a word start, the
 *   first units of an alias (up to PREFIX_UNITS, never past its first space
 *   or inner word start) spelled in ASCII, where any non-ASCII character
 *   stands for any unit; and any non-ASCII character after no ASCII letter,
 *   digit or "_". It is a superset: every alias occurrence starts at one of
 *   its matches. Spelling out the non-ASCII variants (é for e, Ａ for a)
 *   instead made the RegExp several times slower (its quick checks work on
 *   ASCII), and neither the `i` nor the `u` flag is used, for the same reason.
 * - `walkFrom` then follows the trie from that position, without failure
 *   links, and records the names that start exactly there; a name that starts
 *   later has a match of its own.
 */
const PREFIX_UNITS = 3;

export interface Prefilter {
  complex: RegExp;
  starts: RegExp;
  /** Normalised cased units of the walk so far, for case-sensitive aliases: one per trie level. */
  cased: Uint16Array;
}

const NON_ASCII = '\\u0080-\\uffff';

function hex(unit: number): string {
  return `\\u${unit.toString(16).padStart(4, '0')}`;
}

/**
 * The pattern for the prefixes below `state` (at `depth` units from the
 * word start), or null when none can match: ASCII units only at depth 0
 * (the caller adds one branch for every non-ASCII start), ASCII variants or
 * any non-ASCII character after that.
 */
function prefixPattern(automaton: Automaton, simple: SimpleUnits, state: number, depth: number): string | null {
  const { edgeStart, edgeClass, classUnits, outputStart } = automaton;
  const branches: string[] = [];
  // A prefix may end here if an alias does, or a space or inner word start follows.
  let canEnd = depth > 0 && (outputStart[state + 1] as number) > (outputStart[state] as number);
  for (let e = edgeStart[state] as number; e < (edgeStart[state + 1] as number); e++) {
    const cls = edgeClass[e] as number;
    const unit = classUnits[cls] as number;
    if (cls === CLASS_BOUNDARY || unit === 32) {
      canEnd ||= depth > 0;
      continue;
    }
    const ascii = simple.asciiVariantsOf(unit).map(hex).join('');
    let unitClass: string;
    if (depth === 0) {
      // Non-ASCII spellings of a first unit are found by the non-ASCII start branch.
      if (ascii === '') continue;
      unitClass = `[${ascii}]`;
    } else {
      unitClass = `[${ascii}${NON_ASCII}]`;
    }
    if (depth + 1 >= PREFIX_UNITS) {
      branches.push(unitClass);
      continue;
    }
    const rest = prefixPattern(automaton, simple, e + 1, depth + 1);
    if (rest !== null) branches.push(unitClass + rest);
  }
  if (branches.length === 0) return canEnd ? '' : null;
  const group = `(?:${branches.join('|')})`;
  return canEnd ? `${group}?` : group;
}

/** The ASCII units an alias can start with that are not word characters ("'", "#"): `\b` does not apply before them. */
function nonWordAsciiStarts(automaton: Automaton, simple: SimpleUnits): string {
  const { edgeStart, edgeClass, classUnits } = automaton;
  let units = '';
  for (let e = edgeStart[WORD_START] as number; e < (edgeStart[WORD_START + 1] as number); e++) {
    for (const variant of simple.asciiVariantsOf(classUnits[edgeClass[e] as number] as number)) {
      if (!/[A-Za-z0-9_]/.test(String.fromCharCode(variant))) units += hex(variant);
    }
  }
  return units;
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

/** Sources of `Prefilter`: `starts` matches empty strings, so the caller moves `lastIndex` on itself. */
export function prefilterSources(automaton: Automaton): PrefilterSources {
  const simple = getSimpleUnits();
  const asciiStarts = prefixPattern(automaton, simple, WORD_START, 0);
  // `\b` is cheap where a lookbehind at every position is not; the lookbehind
  // runs only after a non-ASCII (or non-word ASCII) first character.
  const otherStarts = `(?=[${NON_ASCII}${nonWordAsciiStarts(automaton, simple)}])(?<![A-Za-z0-9_])`;
  // Lookaheads: a match is only a position, so it never swallows the start of
  // the next name (a wildcard for non-ASCII units also matches a no-break
  // space: "s\u00a0U" would hide the U of "U.S.").
  return { complex: simple.complexClass, starts: asciiStarts ? `\\b(?=${asciiStarts})|${otherStarts}` : otherStarts };
}

/** Throws a SyntaxError when a source is not a valid pattern (damaged precompiled data). */
export function createPrefilter(automaton: Automaton, sources: PrefilterSources): Prefilter {
  let maxDepth = 0;
  for (let state = 0; state < automaton.stateCount; state++)
    maxDepth = Math.max(maxDepth, automaton.depth[state] as number);
  return {
    complex: new RegExp(sources.complex, 'g'),
    starts: new RegExp(sources.starts, 'g'),
    cased: new Uint16Array(maxDepth + 1),
  };
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
