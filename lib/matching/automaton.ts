import type { Entity } from '../dataset/schema';
import { createNormalizedBuffer, normalizeInto } from './normalize';

/**
 * An Aho–Corasick automaton over normalised, case-folded text, anchored at
 * word starts.
 *
 * The scanner feeds it one symbol per normalised code unit and, before every
 * unit that starts the text or follows a non-word unit, one extra symbol,
 * BOUNDARY. Aliases are inserted with BOUNDARY at the same places (always
 * first), so a path that spells an alias can only have started at a word
 * start, and failure links only fall back to suffixes that start at a word
 * start. Inside a word that no alias continues the automaton rests at the
 * root until the next word starts, so the work per character does not grow
 * with the number of aliases.
 *
 * Code units map to classes: 0 for units no alias contains (the automaton
 * returns to the root), 1 for BOUNDARY, 2… for the others.
 *
 * States are numbered breadth-first, children in class order, so the edges
 * listed state by state point at states 1, 2, 3, …: edge e leads to state
 * e + 1 and no target array is needed. With S states:
 * - state 0 is the root; its only edge is BOUNDARY to state 1, the word
 *   start. State 1's edges are also kept dense in `wordStart` (class →
 *   state, 0 for none), since most transitions leave from it;
 * - state s's edges are e in [edgeStart[s], edgeStart[s + 1]), classes in
 *   `edgeClass[e]`, ascending;
 * - `fail[s]`: the failure link; `boundaryNext[s]`: the full transition on
 *   BOUNDARY, failure links already followed;
 * - `depth[s]`: normalised units on the path (BOUNDARY not counted), the
 *   length of a match that ends in s;
 * - `report[s]`: the first state on s's suffix chain (s included) that ends
 *   an alias, or -1; `outputLink[s]`: the next one after s, or -1;
 * - the aliases state s ends: `outputEntries[outputStart[s] … outputStart[s + 1])`.
 *
 * An entry is one alias of one entity: the entity's index, flags (1
 * case-sensitive, 2 ambiguous) and, for a case-sensitive alias, where its
 * cased form starts in `casedPool` (its length is the depth of its state;
 * -1 for a case-insensitive alias, which needs none).
 */
export interface Automaton {
  entityIds: readonly string[];
  /** Code unit → class (65,536 entries). */
  classOf: Uint16Array;
  /** Class → code unit, for classes from 2 on (0 and 1 stand for no unit). */
  classUnits: Uint16Array;
  classCount: number;
  stateCount: number;
  wordStart: Int32Array;
  edgeStart: Int32Array;
  edgeClass: Uint16Array;
  fail: Int32Array;
  boundaryNext: Int32Array;
  depth: Int32Array;
  report: Int32Array;
  outputLink: Int32Array;
  outputStart: Int32Array;
  outputEntries: Int32Array;
  entryEntity: Int32Array;
  entryFlags: Uint8Array;
  entryCasedStart: Int32Array;
  casedPool: Uint16Array;
}

export const CLASS_NONE = 0;
export const CLASS_BOUNDARY = 1;
export const ROOT = 0;
export const WORD_START = 1;
export const FLAG_CASE_SENSITIVE = 1;
export const FLAG_AMBIGUOUS = 2;

/**
 * A compiled matcher as JSON-safe values, for a build step to precompile
 * (`compileMatcherData`) and a page to load (`matcherFromData`) without
 * normalising aliases, building the trie or deriving failure links: every
 * array of `Automaton` is here as it is, so loading is JSON.parse and
 * copies into typed arrays, native work that stays cheap in a content
 * script's first, unoptimised run. Only `classOf` (from `classChars`, the
 * code unit of each class from 2 on) and `wordStart` (from state 1's edges)
 * are rebuilt; `casedPool` is a string.
 */
export interface MatcherData {
  format: 'crossread-matcher';
  version: 2;
  entityIds: string[];
  classChars: string;
  edgeStart: number[];
  edgeClass: number[];
  fail: number[];
  boundaryNext: number[];
  depth: number[];
  report: number[];
  outputLink: number[];
  outputStart: number[];
  outputEntries: number[];
  entryEntity: number[];
  entryFlags: number[];
  entryCasedStart: number[];
  casedPool: string;
  /** The RegExp sources of the fast path (prefilter.ts), derived from the automaton and the normalisation tables. */
  prefilter: { complex: string; starts: string };
}

/** Above this many children a state's children are found through a Map while the trie is built. */
const MANY_CHILDREN = 16;

/** A growable list of small integers (the builder's scratch). */
class IntList {
  data: Int32Array;
  length = 0;
  constructor(capacity = 64) {
    this.data = new Int32Array(capacity);
  }
  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }
  get(index: number): number {
    return this.data[index] as number;
  }
  set(index: number, value: number): void {
    this.data[index] = value;
  }
}

/** Builds the automaton for the aliases of `entities`. */
export function buildAutomaton(entities: readonly Entity[]): Automaton {
  // Pass 1: normalise every alias into pools and give each code unit a class,
  // in order of first appearance so the result is deterministic. Classes fit
  // in 16 bits: normalisation never outputs capitals that fold, precomposed
  // accented letters, compatibility characters, marks it drops or
  // whitespace other than " ", so at most ~61,400 distinct units reach here.
  const buffer = createNormalizedBuffer(256);
  const classOf = new Uint16Array(0x10000);
  const classUnitList = new IntList(64);
  classUnitList.push(0);
  classUnitList.push(0);
  let classCount = 2;
  const foldedPool = new IntList(4096); // classes, BOUNDARY included
  const casedPool = new IntList(4096); // case-sensitive aliases only
  const entryLength = new IntList(); // normalised units
  const entrySymbols = new IntList(); // where each entry's symbols start in foldedPool
  const entryEntity = new IntList();
  const entryFlags = new IntList();
  const entryCasedStart = new IntList();
  for (let entity = 0; entity < entities.length; entity++) {
    for (const alias of (entities[entity] as Entity).aliases) {
      normalizeInto(alias.text, buffer);
      const { cased, folded, word } = buffer;
      let start = 0;
      let end = buffer.length;
      while (start < end && cased[start] === 32) start++;
      while (end > start && cased[end - 1] === 32) end--;
      if (start === end) continue;
      entrySymbols.push(foldedPool.length);
      entryEntity.push(entity);
      entryFlags.push((alias.caseSensitive ? FLAG_CASE_SENSITIVE : 0) | (alias.ambiguous ? FLAG_AMBIGUOUS : 0));
      entryCasedStart.push(alias.caseSensitive ? casedPool.length : -1);
      entryLength.push(end - start);
      for (let i = start; i < end; i++) {
        if (i > start && word[i - 1] === 0) foldedPool.push(CLASS_BOUNDARY);
        const unit = folded[i] as number;
        let cls = classOf[unit] as number;
        if (cls === CLASS_NONE) {
          cls = classCount++;
          classOf[unit] = cls;
          classUnitList.push(unit);
        }
        foldedPool.push(cls);
        if (alias.caseSensitive) casedPool.push(cased[i] as number);
      }
    }
  }
  const entries = entryEntity.length;
  entrySymbols.push(foldedPool.length);

  // Pass 2: the trie, states in creation order. The word start finds its
  // children in a dense row; other states in a list of siblings, indexed by
  // a Map once a state has many (a script with thousands of letters).
  const parentOf = new IntList(4096);
  const classAt = new IntList(4096);
  const firstChild = new IntList(4096);
  const nextSibling = new IntList(4096);
  const childCount = new IntList(4096);
  const wordStartChild = new Int32Array(classCount);
  const manyChildren = new Map<number, number>();
  const addState = (parent: number, cls: number): number => {
    const state = parentOf.length;
    parentOf.push(parent);
    classAt.push(cls);
    firstChild.push(-1);
    nextSibling.push(-1);
    childCount.push(0);
    return state;
  };
  addState(-1, CLASS_NONE);
  addState(ROOT, CLASS_BOUNDARY);
  const terminalOf = new Int32Array(entries);
  for (let entry = 0; entry < entries; entry++) {
    let state = WORD_START;
    for (let k = entrySymbols.get(entry); k < entrySymbols.get(entry + 1); k++) {
      const cls = foldedPool.get(k);
      if (state === WORD_START) {
        let child = wordStartChild[cls] as number;
        if (child === 0) {
          child = addState(state, cls);
          wordStartChild[cls] = child;
        }
        state = child;
        continue;
      }
      const count = childCount.get(state);
      let child = -1;
      if (count > MANY_CHILDREN) {
        child = manyChildren.get(state * classCount + cls) ?? -1;
      } else {
        for (child = firstChild.get(state); child >= 0 && classAt.get(child) !== cls; child = nextSibling.get(child));
      }
      if (child < 0) {
        child = addState(state, cls);
        nextSibling.set(child, firstChild.get(state));
        firstChild.set(state, child);
        childCount.set(state, count + 1);
        if (count + 1 > MANY_CHILDREN) {
          for (let sibling = child; sibling >= 0; sibling = nextSibling.get(sibling)) {
            manyChildren.set(state * classCount + classAt.get(sibling), sibling);
          }
        }
      }
      state = child;
    }
    terminalOf[entry] = state;
  }
  const stateCount = parentOf.length;

  // Children by parent (a counting sort), each state's sorted by class.
  const childStart = new Int32Array(stateCount + 1);
  for (let s = 1; s < stateCount; s++) {
    const slot = parentOf.get(s) + 1;
    childStart[slot] = (childStart[slot] as number) + 1;
  }
  for (let s = 0; s < stateCount; s++) childStart[s + 1] = (childStart[s + 1] as number) + (childStart[s] as number);
  const childList = new Int32Array(stateCount - 1);
  const fill = childStart.slice(0, stateCount);
  for (let s = 1; s < stateCount; s++) {
    const parent = parentOf.get(s);
    const slot = fill[parent] as number;
    fill[parent] = slot + 1;
    childList[slot] = s;
  }
  for (let s = 0; s < stateCount; s++) {
    const from = childStart[s] as number;
    const to = childStart[s + 1] as number;
    // Insertion sort: almost every state has one or two children.
    for (let i = from + 1; i < to; i++) {
      const child = childList[i] as number;
      const cls = classAt.get(child);
      let j = i - 1;
      while (j >= from && classAt.get(childList[j] as number) > cls) {
        childList[j + 1] = childList[j] as number;
        j--;
      }
      childList[j + 1] = child;
    }
  }

  // Breadth-first numbering: the edges of the numbered states, in order, lead to states 1, 2, 3, ….
  const newId = new Int32Array(stateCount);
  const byNewId = new Int32Array(stateCount);
  const edgeStart = new Int32Array(stateCount + 1);
  const edgeClass = new Uint16Array(stateCount - 1);
  let next = 1;
  for (let id = 0; id < stateCount; id++) {
    const state = byNewId[id] as number;
    edgeStart[id] = next - 1;
    for (let i = childStart[state] as number; i < (childStart[state + 1] as number); i++) {
      const child = childList[i] as number;
      newId[child] = next;
      byNewId[next] = child;
      edgeClass[next - 1] = classAt.get(child);
      next++;
    }
  }
  edgeStart[stateCount] = stateCount - 1;

  // Entries grouped by terminal state, in entry (dataset) order. An entry that
  // repeats another of its state (same entity, flags and, if case-sensitive,
  // cased form) is dropped.
  const outputStart = new Int32Array(stateCount + 1);
  const outputEntries = new Int32Array(entries);
  const entryState = new Int32Array(entries);
  for (let entry = 0; entry < entries; entry++) {
    const state = newId[terminalOf[entry] as number] as number;
    entryState[entry] = state;
    outputStart[state + 1] = (outputStart[state + 1] as number) + 1;
  }
  for (let s = 0; s < stateCount; s++) outputStart[s + 1] = (outputStart[s + 1] as number) + (outputStart[s] as number);
  const outputFill = outputStart.slice(0, stateCount);
  for (let entry = 0; entry < entries; entry++) {
    const state = entryState[entry] as number;
    const slot = outputFill[state] as number;
    outputFill[state] = slot + 1;
    outputEntries[slot] = entry;
  }
  const keep = new Uint8Array(entries).fill(1);
  for (let state = 0; state < stateCount; state++) {
    const from = outputStart[state] as number;
    const to = outputStart[state + 1] as number;
    for (let i = from + 1; i < to; i++) {
      const entry = outputEntries[i] as number;
      for (let j = from; j < i; j++) {
        const other = outputEntries[j] as number;
        if (keep[other] === 1 && sameEntry(entry, other)) {
          keep[entry] = 0;
          break;
        }
      }
    }
  }
  function sameEntry(a: number, b: number): boolean {
    if (entryEntity.get(a) !== entryEntity.get(b) || entryFlags.get(a) !== entryFlags.get(b)) return false;
    if ((entryFlags.get(a) & FLAG_CASE_SENSITIVE) === 0) return true;
    for (let k = 0; k < entryLength.get(a); k++) {
      if (casedPool.get(entryCasedStart.get(a) + k) !== casedPool.get(entryCasedStart.get(b) + k)) return false;
    }
    return true;
  }
  const keptOutputStart = new Int32Array(stateCount + 1);
  const keptOutputEntries = new Int32Array(entries);
  let kept = 0;
  for (let state = 0; state < stateCount; state++) {
    keptOutputStart[state] = kept;
    for (let i = outputStart[state] as number; i < (outputStart[state + 1] as number); i++) {
      const entry = outputEntries[i] as number;
      if (keep[entry] === 1) keptOutputEntries[kept++] = entry;
    }
  }
  keptOutputStart[stateCount] = kept;

  const pool = new Uint16Array(casedPool.length);
  for (let i = 0; i < casedPool.length; i++) pool[i] = casedPool.get(i);
  return finishAutomaton({
    entityIds: entities.map((entity) => entity.id),
    classOf,
    classUnits: Uint16Array.from(classUnitList.data.subarray(0, classCount)),
    classCount,
    stateCount,
    edgeStart,
    edgeClass,
    outputStart: keptOutputStart,
    outputEntries: keptOutputEntries.slice(0, kept),
    entryEntity: entryEntity.data.slice(0, entries),
    entryFlags: Uint8Array.from(entryFlags.data.subarray(0, entries)),
    entryCasedStart: entryCasedStart.data.slice(0, entries),
    casedPool: pool,
  });
}

/** The child of `state` on class `cls`, or -1. */
export function childOf(edgeStart: Int32Array, edgeClass: Uint16Array, state: number, cls: number): number {
  let lo = edgeStart[state] as number;
  let hi = (edgeStart[state + 1] as number) - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    const at = edgeClass[mid] as number;
    if (at === cls) return mid + 1;
    if (at < cls) lo = mid + 1;
    else hi = mid - 1;
  }
  return -1;
}

type TrieParts = Omit<Automaton, 'fail' | 'depth' | 'boundaryNext' | 'wordStart' | 'report' | 'outputLink'>;

/**
 * Derives depths, failure links, the BOUNDARY transitions, the dense
 * word-start row and the output chains from the numbered trie.
 */
function finishAutomaton(parts: TrieParts): Automaton {
  const { stateCount, edgeStart, edgeClass, outputStart, classCount } = parts;
  const fail = new Int32Array(stateCount);
  const depth = new Int32Array(stateCount);
  const boundaryNext = new Int32Array(stateCount);
  const wordStart = new Int32Array(classCount);
  const report = new Int32Array(stateCount);
  const outputLink = new Int32Array(stateCount);
  for (let e = edgeStart[WORD_START] as number; e < (edgeStart[WORD_START + 1] as number); e++) {
    wordStart[edgeClass[e] as number] = e + 1;
  }
  boundaryNext[ROOT] = WORD_START;
  report[ROOT] = -1;
  outputLink[ROOT] = -1;
  // States are numbered breadth-first, so a state's parent and failure target come before it.
  for (let state = 0; state < stateCount; state++) {
    const stop = edgeStart[state + 1] as number;
    for (let e = edgeStart[state] as number; e < stop; e++) {
      const cls = edgeClass[e] as number;
      const child = e + 1;
      depth[child] = (depth[state] as number) + (cls === CLASS_BOUNDARY ? 0 : 1);
      let target = -1;
      if (state !== ROOT) {
        let back = fail[state] as number;
        target = back === WORD_START ? (wordStart[cls] as number) || -1 : childOf(edgeStart, edgeClass, back, cls);
        while (target < 0 && back !== ROOT) {
          back = fail[back] as number;
          target = back === WORD_START ? (wordStart[cls] as number) || -1 : childOf(edgeStart, edgeClass, back, cls);
        }
      }
      const failTarget = target < 0 ? ROOT : target;
      fail[child] = failTarget;
      // BOUNDARY is the smallest class: if a state has that edge, it is its first.
      const firstEdge = edgeStart[child] as number;
      const ownBoundary =
        firstEdge < (edgeStart[child + 1] as number) && edgeClass[firstEdge] === CLASS_BOUNDARY ? firstEdge + 1 : -1;
      boundaryNext[child] = ownBoundary >= 0 ? ownBoundary : (boundaryNext[failTarget] as number);
      outputLink[child] = report[failTarget] as number;
      const endsAlias = (outputStart[child + 1] as number) > (outputStart[child] as number);
      report[child] = endsAlias ? child : (outputLink[child] as number);
    }
  }
  return { ...parts, fail, depth, boundaryNext, wordStart, report, outputLink };
}

/** The automaton as JSON-safe data (see `MatcherData`). */
export function automatonToData(automaton: Automaton): Omit<MatcherData, 'prefilter'> {
  const classChars = automaton.classUnits.subarray(2);
  return {
    format: 'crossread-matcher',
    version: 2,
    entityIds: [...automaton.entityIds],
    classChars: stringFromUnits(classChars),
    edgeStart: Array.from(automaton.edgeStart),
    edgeClass: Array.from(automaton.edgeClass),
    fail: Array.from(automaton.fail),
    boundaryNext: Array.from(automaton.boundaryNext),
    depth: Array.from(automaton.depth),
    report: Array.from(automaton.report),
    outputLink: Array.from(automaton.outputLink),
    outputStart: Array.from(automaton.outputStart),
    outputEntries: Array.from(automaton.outputEntries),
    entryEntity: Array.from(automaton.entryEntity),
    entryFlags: Array.from(automaton.entryFlags),
    entryCasedStart: Array.from(automaton.entryCasedStart),
    casedPool: stringFromUnits(automaton.casedPool),
  };
}

function stringFromUnits(units: Uint16Array): string {
  let text = '';
  for (let i = 0; i < units.length; i += 4096) {
    text += String.fromCharCode.apply(null, units.subarray(i, i + 4096) as unknown as number[]);
  }
  return text;
}

function invalid(why: string): never {
  throw new Error(`not a Crossread matcher (format crossread-matcher, version 2), or damaged: ${why}`);
}

/**
 * Rebuilds the automaton from `automatonToData` output. Checks the shape
 * (format, version, array lengths), which is enough to catch a stale or
 * truncated file; `checkAutomaton` checks every link, for tests and build
 * steps, since a page loads only the file built and tested with the
 * extension and a walk over every array would cost each page its time.
 */
export function automatonFromData(data: MatcherData): Automaton {
  if (data.format !== 'crossread-matcher' || data.version !== 2)
    invalid(`format ${data.format} version ${data.version}`);
  const stateCount = data.fail.length;
  const classCount = data.classChars.length + 2;
  const entries = data.entryEntity.length;
  const perState = [data.boundaryNext, data.depth, data.report, data.outputLink];
  if (
    stateCount < 2 ||
    data.edgeStart.length !== stateCount + 1 ||
    data.edgeClass.length !== stateCount - 1 ||
    data.outputStart.length !== stateCount + 1 ||
    perState.some((array) => array.length !== stateCount) ||
    data.entryFlags.length !== entries ||
    data.entryCasedStart.length !== entries ||
    data.outputEntries.length > entries ||
    typeof data.prefilter?.complex !== 'string' ||
    typeof data.prefilter.starts !== 'string'
  ) {
    invalid('array lengths do not fit together');
  }
  const classOf = new Uint16Array(0x10000);
  const classUnits = new Uint16Array(classCount);
  for (let i = 0; i < data.classChars.length; i++) {
    const unit = data.classChars.charCodeAt(i);
    classOf[unit] = i + 2;
    classUnits[i + 2] = unit;
  }
  const casedPool = new Uint16Array(data.casedPool.length);
  for (let i = 0; i < casedPool.length; i++) casedPool[i] = data.casedPool.charCodeAt(i);
  const edgeStart = Int32Array.from(data.edgeStart);
  const edgeClass = Uint16Array.from(data.edgeClass);
  const wordStart = new Int32Array(classCount);
  for (let e = edgeStart[WORD_START] as number; e < (edgeStart[WORD_START + 1] as number); e++) {
    wordStart[edgeClass[e] as number] = e + 1;
  }
  return {
    entityIds: [...data.entityIds],
    classOf,
    classUnits,
    classCount,
    stateCount,
    wordStart,
    edgeStart,
    edgeClass,
    fail: Int32Array.from(data.fail),
    boundaryNext: Int32Array.from(data.boundaryNext),
    depth: Int32Array.from(data.depth),
    report: Int32Array.from(data.report),
    outputLink: Int32Array.from(data.outputLink),
    outputStart: Int32Array.from(data.outputStart),
    outputEntries: Int32Array.from(data.outputEntries),
    entryEntity: Int32Array.from(data.entryEntity),
    entryFlags: Uint8Array.from(data.entryFlags),
    entryCasedStart: Int32Array.from(data.entryCasedStart),
    casedPool,
  };
}

/**
 * Every problem that would make the automaton read outside its arrays or
 * match wrongly: links to states that do not exist, edges out of
 * breadth-first order, entries naming no entity, cased forms outside the
 * pool, and derived arrays that differ from what the trie implies. Empty
 * when the automaton is sound.
 */
export function checkAutomaton(automaton: Automaton): string[] {
  const problems: string[] = [];
  const { stateCount, edgeStart, edgeClass, outputStart, outputEntries, classCount } = automaton;
  const entries = automaton.entryEntity.length;
  const isIndex = (value: number, below: number) => Number.isInteger(value) && value >= 0 && value < below;
  if (edgeStart[0] !== 0 || edgeStart[1] !== 1 || edgeClass[0] !== CLASS_BOUNDARY)
    problems.push('the root must lead only to the word start');
  for (let s = 0; s < stateCount; s++) {
    const from = edgeStart[s] as number;
    const to = edgeStart[s + 1] as number;
    if (to < from || (to > from && from < s)) problems.push(`state ${s}: edges out of breadth-first order`);
    for (let e = from + 1; e < to; e++) {
      if ((edgeClass[e] as number) <= (edgeClass[e - 1] as number))
        problems.push(`state ${s}: edges not sorted by class`);
    }
    if ((outputStart[s + 1] as number) < (outputStart[s] as number)) problems.push(`state ${s}: outputs out of order`);
  }
  if (edgeStart[stateCount] !== stateCount - 1) problems.push('the edges do not make a tree');
  if (outputStart[stateCount] !== outputEntries.length) problems.push('the outputs do not cover the entries');
  if (!edgeClass.every((cls) => isIndex(cls, classCount) && cls !== CLASS_NONE)) problems.push('an edge has no class');
  if (!outputEntries.every((entry) => isIndex(entry, entries))) problems.push('an output names no entry');
  if (!automaton.entryEntity.every((entity) => isIndex(entity, automaton.entityIds.length))) {
    problems.push('an entry names no entity');
  }
  for (let state = 0; state < stateCount && problems.length === 0; state++) {
    for (let k = outputStart[state] as number; k < (outputStart[state + 1] as number); k++) {
      const entry = outputEntries[k] as number;
      if (((automaton.entryFlags[entry] as number) & FLAG_CASE_SENSITIVE) === 0) continue;
      const start = automaton.entryCasedStart[entry] as number;
      if (
        !isIndex(start, automaton.casedPool.length + 1) ||
        start + (automaton.depth[state] as number) > automaton.casedPool.length
      ) {
        problems.push(`entry ${entry}: its cased form is outside the pool`);
      }
    }
  }
  if (problems.length > 0) return problems;
  // The derived arrays must be exactly what the trie implies.
  const derived = finishAutomaton(automaton);
  for (const name of ['fail', 'boundaryNext', 'depth', 'report', 'outputLink', 'wordStart'] as const) {
    const expected = derived[name];
    const actual = automaton[name];
    if (actual.length !== expected.length || actual.some((value, index) => value !== expected[index])) {
      problems.push(`${name} does not match the trie`);
    }
  }
  return problems;
}
