import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { TextMention } from '../../lib/matcher';
import { compileMatcher, compileMatcherData, matcherFromData, TEXT_SEPARATOR } from '../../lib/matcher';
import { normalizeName, normalizeText } from '../../lib/matching';
import { TEST_ENTITIES } from './matcher-fixture';

const matcher = compileMatcher(TEST_ENTITIES);
const entityIds = TEST_ENTITIES.map((entity) => entity.id);
const aliases = TEST_ENTITIES.flatMap((entity) =>
  entity.aliases.map((alias) => ({ entityId: entity.id, ...alias, normalized: normalizeName(alias.text) })),
);

const IGNORABLES = ['\u00ad', '\u200b', '\u200c', '\u200d', '\u2060', '\ufeff'];
const SPACES = [' ', '\u00a0', '\u2009', '\u202f', '\n', '\t', ' \n  '];
const APOSTROPHES = ["'", '’', 'ʼ'];
const DASHES = ['-', '‐', '‑', '‒', '–', '—', '―', '−'];

/** Splits text into code points, so edits never fall inside a surrogate pair. */
const codePoints = (text: string) => Array.from(text);

/** A spelling of an alias the matcher must accept as that alias. */
const aliasSpelling = fc
  .tuple(
    fc.constantFrom(...aliases),
    fc.constantFrom('as is', 'upper', 'lower', 'decomposed', 'no accents'),
    fc.constantFrom(...SPACES),
    fc.constantFrom(...APOSTROPHES),
    fc.constantFrom(...DASHES),
  )
  .map(([alias, change, space, apostrophe, dash]) => {
    let text = alias.text;
    if (!alias.caseSensitive && change === 'upper') text = text.toUpperCase();
    if (!alias.caseSensitive && change === 'lower') text = text.toLowerCase();
    if (change === 'decomposed') text = text.normalize('NFD');
    if (change === 'no accents') text = text.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    return text.replace(/ /g, space).replace(/['’ʼ]/g, apostrophe).replace(/-/g, dash);
  });

const filler = fc.constantFrom(
  'the',
  'said',
  'Perugia',
  'Peruvian',
  'USA',
  'us',
  'ice',
  'Rwandas',
  'South',
  'People',
  'Tbilisi',
  'Atlanta',
  'Ameen',
  'café',
  '2025',
  '𝐀𝐁',
  '🇷🇼',
  '在',
  'e\u0301',
  'ﬁ',
);

/** Anything between words, including nothing at all (glued words test the boundaries). */
const separator = fc.constantFrom(
  ' ',
  ', ',
  '. ',
  "'s ",
  '’s ',
  '-',
  ' (',
  ') ',
  '\n',
  '\u00a0',
  '',
  '\u00ad',
  '\u200b',
  '_',
  '.',
  '"',
);

const fragment = fc.oneof(
  { weight: 4, arbitrary: aliasSpelling },
  { weight: 3, arbitrary: filler },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 4 }) },
);

/** Prose-like text made of alias spellings, near misses, random Unicode and separators. */
const text = fc
  .array(fc.tuple(fragment, separator), { maxLength: 14 })
  .map((parts) => parts.map(([part, between]) => part + between).join(''));

/**
 * Text the fast path takes: no soft hyphens, combining marks, ligatures or
 * characters outside the basic planes (see lib/matching/prefilter.ts), but
 * every case, accent, space, dash and apostrophe variant, glued words and
 * near misses.
 */
const simpleSpelling = fc
  .tuple(aliasSpelling, fc.constantFrom('as is', 'upper', 'lower', 'no accents', 'glued'))
  .map(([spelling, change]) => {
    const precomposed = spelling.normalize('NFC');
    if (change === 'upper') return precomposed.toUpperCase();
    if (change === 'lower') return precomposed.toLowerCase();
    if (change === 'no accents') return precomposed.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
    if (change === 'glued') return `x${precomposed}`;
    return precomposed;
  });
const simpleText = fc
  .array(
    fc.tuple(
      fc.oneof(
        { weight: 4, arbitrary: simpleSpelling },
        { weight: 3, arbitrary: filler.filter((word) => !/[\ud800-\udfff]|\u0301|\ufb01/.test(word)) },
        {
          weight: 1,
          arbitrary: fc.string({ unit: fc.constantFrom(..."aAbeéÉiıİlnNrRsStTuUwWyY .,'’-–\u00a0"), maxLength: 5 }),
        },
      ),
      separator.filter((between) => !/[\u00ad\u200b]/.test(between)),
    ),
    { maxLength: 14 },
  )
  .map((parts) => parts.map(([part, between]) => part + between).join(''));

const confirmed = fc.subarray(entityIds, { maxLength: 3 }).map((ids) => new Set(ids));

function isWordAt(normalized: { word: boolean[] }, index: number): boolean {
  return normalized.word[index] ?? false;
}

/** The aliases of `entityId` whose normalised form is the normalised `slice`. */
function aliasesSpelled(entityId: string, slice: string) {
  const name = normalizeName(slice);
  return aliases.filter(
    (alias) =>
      alias.entityId === entityId &&
      alias.normalized.folded === name.folded &&
      (!alias.caseSensitive || alias.normalized.cased === name.cased),
  );
}

const RUNS = { numRuns: 400 };

describe('matcher properties', () => {
  it('returns mentions in order, never overlapping, inside the text and whole code points', () => {
    fc.assert(
      fc.property(text, confirmed, (input, confirmedEntityIds) => {
        const mentions = matcher.findMentions(input, { confirmedEntityIds });
        let covered = 0;
        for (const { start, end } of mentions) {
          expect(start).toBeGreaterThanOrEqual(covered);
          expect(end).toBeGreaterThan(start);
          expect(end).toBeLessThanOrEqual(input.length);
          // Never between the two halves of a surrogate pair.
          expect(/^[\udc00-\udfff]/.test(input.slice(start))).toBe(false);
          expect(/^[\udc00-\udfff]/.test(input.slice(end))).toBe(false);
          covered = end;
        }
      }),
      RUNS,
    );
  });

  it('starts and ends every mention at a word boundary', () => {
    fc.assert(
      fc.property(text, confirmed, (input, confirmedEntityIds) => {
        for (const { start, end } of matcher.findMentions(input, { confirmedEntityIds })) {
          const before = normalizeText(input.slice(0, start));
          const after = normalizeText(input.slice(end));
          expect(isWordAt(before, before.word.length - 1)).toBe(false);
          expect(isWordAt(after, 0)).toBe(false);
        }
      }),
      RUNS,
    );
  });

  it('maps every mention back to text that normalises to an alias of its entity, without spaces around it', () => {
    fc.assert(
      fc.property(text, confirmed, (input, confirmedEntityIds) => {
        const mentions = matcher.findMentions(input, { confirmedEntityIds });
        const spelled = mentions.map((mention) =>
          aliasesSpelled(mention.entityId, input.slice(mention.start, mention.end)),
        );
        mentions.forEach((mention, index) => {
          const slice = input.slice(mention.start, mention.end);
          expect(spelled[index]?.length).toBeGreaterThan(0);
          expect(/^[\s\u00ad\u200b-\u200d\u2060\ufeff]|[\s\u00ad\u200b-\u200d\u2060\ufeff]$/u.test(slice)).toBe(false);
          // An ambiguous-only mention has context: the page confirmed its entity, or the
          // same text names it by an unambiguous alias.
          if (spelled[index]?.every((alias) => alias.ambiguous)) {
            const anchored = mentions.some(
              (other, otherIndex) =>
                other.entityId === mention.entityId && spelled[otherIndex]?.some((alias) => !alias.ambiguous),
            );
            expect(anchored || confirmedEntityIds.has(mention.entityId)).toBe(true);
          }
        });
      }),
      RUNS,
    );
  });

  it('still finds a name with a soft hyphen (or zero-width character) inserted inside it', () => {
    const candidates = aliases.filter((alias) => alias.entityId !== 'party:b' && codePoints(alias.text).length > 1);
    fc.assert(
      fc.property(fc.constantFrom(...candidates), fc.nat(), fc.constantFrom(...IGNORABLES), (alias, at, ignorable) => {
        const points = codePoints(alias.text);
        const cut = 1 + (at % (points.length - 1));
        const name = points.slice(0, cut).join('') + ignorable + points.slice(cut).join('');
        const input = `Reports on ${name} today.`;
        const mentions = matcher.findMentions(input, { confirmedEntityIds: new Set([alias.entityId]) });
        expect(mentions).toContainEqual({ start: 11, end: 11 + name.length, entityId: alias.entityId });
      }),
      RUNS,
    );
  });

  it('finds the same entities whatever invisible characters and whitespace, dash or apostrophe variants the text uses', () => {
    const edit = fc.tuple(fc.nat(), fc.constantFrom(...IGNORABLES));
    fc.assert(
      fc.property(
        text,
        fc.array(edit, { maxLength: 6 }),
        fc.constantFrom(...SPACES),
        fc.constantFrom(...DASHES),
        fc.constantFrom(...APOSTROPHES),
        confirmed,
        (input, edits, space, dash, apostrophe, confirmedEntityIds) => {
          const points = codePoints(input);
          for (const [at, ignorable] of edits) points.splice(at % (points.length + 1), 0, ignorable);
          const respelled = points
            .join('')
            .replace(/ +/g, space)
            .replace(/[-‐‑‒–—―−]/g, dash)
            .replace(/['’ʼ]/g, apostrophe);
          const entitiesOf = (mentions: TextMention[]) => mentions.map((mention) => mention.entityId);
          expect(entitiesOf(matcher.findMentions(respelled, { confirmedEntityIds }))).toEqual(
            entitiesOf(matcher.findMentions(input, { confirmedEntityIds })),
          );
        },
      ),
      RUNS,
    );
  });

  it('finds exactly the same mentions on the fast path (RegExp prefilter) as on the full path', () => {
    // Texts joined as the scanner joins blocks: the pieces with a complex character take the full path, the rest the fast one.
    const piecesJoined = fc
      .array(fc.oneof(simpleText, text), { minLength: 1, maxLength: 4 })
      .map((pieces) => pieces.join(TEXT_SEPARATOR));
    const fullPathOnly = compileMatcher(TEST_ENTITIES, { fastPath: false });
    fc.assert(
      fc.property(piecesJoined, confirmed, (input, confirmedEntityIds) => {
        expect(matcher.findMentions(input, { confirmedEntityIds })).toEqual(
          fullPathOnly.findMentions(input, { confirmedEntityIds }),
        );
      }),
      { numRuns: 5000 },
    );
    // 5,000 runs take about 2 s alone; on two busy cores (the CI machine runs the suite in parallel workers) over 5 s.
  }, 30_000);

  it('matches exactly alike when loaded from precompiled data', () => {
    const loaded = matcherFromData(JSON.parse(JSON.stringify(compileMatcherData(TEST_ENTITIES))));
    fc.assert(
      fc.property(text, confirmed, (input, confirmedEntityIds) => {
        expect(loaded.findMentions(input, { confirmedEntityIds })).toEqual(
          matcher.findMentions(input, { confirmedEntityIds }),
        );
      }),
      RUNS,
    );
  });
});
