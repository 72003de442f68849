import { type Automaton, FLAG_CASE_SENSITIVE } from './automaton';

/**
 * Candidate names found by a scan, in flat reusable arrays: candidate c
 * covers [start[c], end[c]) and may be the aliases
 * entries[entriesFrom[c] … entriesFrom[c + 1]).
 */
export interface Candidates {
  count: number;
  start: number[];
  end: number[];
  entriesFrom: number[];
  entries: number[];
}

/**
 * Adds the aliases that automaton state `state` ends as one candidate
 * [start, end), keeping a case-sensitive alias only when the text's cased
 * units (`length` of them in `cased` from `casedFrom`) spell it. Adds
 * nothing when no alias is left.
 */
export function addCandidate(
  automaton: Automaton,
  state: number,
  length: number,
  cased: Uint16Array,
  casedFrom: number,
  start: number,
  end: number,
  found: Candidates,
): void {
  const { outputStart, outputEntries, entryFlags, entryCasedStart, casedPool } = automaton;
  const from = found.entries.length;
  const stop = outputStart[state + 1] as number;
  for (let k = outputStart[state] as number; k < stop; k++) {
    const entry = outputEntries[k] as number;
    if (((entryFlags[entry] as number) & FLAG_CASE_SENSITIVE) !== 0) {
      const pool = entryCasedStart[entry] as number;
      let same = true;
      for (let j = 0; j < length; j++) {
        if (cased[casedFrom + j] !== casedPool[pool + j]) {
          same = false;
          break;
        }
      }
      if (!same) continue;
    }
    found.entries.push(entry);
  }
  if (found.entries.length === from) return;
  found.start.push(start);
  found.end.push(end);
  found.entriesFrom.push(from);
  found.count++;
}
