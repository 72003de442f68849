import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { describeUnit, KIND_MULTI, KIND_OTHER, KIND_WORD, tableEntry } from '../../lib/matching/normalize';
import { COMMON_RANGES, commonUnitsSource } from '../../scripts/common-units';

describe('precomputed normalisation tables (lib/matching/common-units.generated.ts)', () => {
  it('is fresh (run npx jiti scripts/generate-common-units.ts)', () => {
    const committed = readFileSync(new URL('../../lib/matching/common-units.generated.ts', import.meta.url), 'utf8');
    expect(committed === commonUnitsSource(), 'common-units.generated.ts is out of date').toBe(true);
  });

  it('holds, for every code unit of the precomputed ranges, what the rules compute', () => {
    const wrong: string[] = [];
    for (const [first, last] of COMMON_RANGES) {
      for (let unit = first; unit <= last; unit++) {
        // Read the table before computing, so nothing is filled lazily in between.
        const entry = tableEntry(unit);
        const { kind, expansion } = describeUnit(unit);
        const single = kind === KIND_WORD || kind === KIND_OTHER;
        const same =
          entry.kind === kind &&
          (!single ||
            (entry.cased === expansion.cased.charCodeAt(0) && entry.folded === expansion.folded.charCodeAt(0))) &&
          (kind !== KIND_MULTI ||
            (entry.multi?.cased === expansion.cased &&
              entry.multi.folded === expansion.folded &&
              entry.multi.word.join() === expansion.word.join()));
        if (!same) wrong.push(`U+${unit.toString(16)}`);
      }
    }
    expect(wrong).toEqual([]);
  });

  it('covers the ranges the loader relies on', () => {
    for (const [first, last] of COMMON_RANGES) {
      expect(first).toBeLessThanOrEqual(last);
      expect(last < 0xd800 || first > 0xdfff).toBe(true);
      for (const unit of [first, last]) expect(tableEntry(unit).kind).not.toBe(0);
    }
  });
});
