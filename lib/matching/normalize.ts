import { COMMON_MULTI, COMMON_RUNS, COMMON_SINGLES } from './common-units.generated';

/**
 * Text normalisation for matching. Page text and alias text go through the
 * same per-character mapping, so a name matches however the page happens to
 * spell its accents, apostrophes, dashes and spaces:
 *
 * - diacritics are removed: the text is decomposed (compatibility
 *   decomposition where it keeps a word character a word character, so "ﬁ"
 *   and full-width letters match but "™" never turns into the letters "TM"),
 *   combining diacritical marks are dropped and the rest recomposed;
 *   letters with a stroke or without a dot that Unicode does not decompose
 *   (ı ø đ ł ħ ŧ) map to their base letter. Marks that are part of a
 *   letter in other scripts (Devanagari vowel signs, Thai, …) are kept;
 * - ’ ‘ ‚ ‛ ʼ ′ ` ´ ＇ become ' and “ ” „ ‟ ″ ＂ become ";
 * - ‐ ‑ ‒ – — ― − ⸺ ⸻ ﹘ ﹣ － become -;
 * - a run of whitespace (spaces, tabs, newlines, NBSP, thin and other
 *   Unicode spaces) becomes one space;
 * - soft hyphens (U+00AD), zero-width space / non-joiner / joiner
 *   (U+200B–U+200D), word joiner (U+2060), invisible operators
 *   (U+2061–U+2064) and U+FEFF are dropped.
 *
 * Every normalised code unit exists twice: `cased` keeps the letter case,
 * `folded` is the same code unit case-folded (so the two are aligned unit by
 * unit). Case-insensitive aliases match on `folded`; case-sensitive ones must
 * also equal the text's `cased` units.
 *
 * `origin[i]` is the offset in the original string of the character that
 * produced normalised unit i, so matches map back to exact original offsets.
 *
 * A word character is a letter, mark, digit or connector punctuation ("_"):
 * \p{L} \p{M} \p{N} \p{Pc}. `word[i]` says whether normalised unit i is one.
 *
 * Per-character results are cached in module-level tables, so normalising a
 * text is one table lookup per code unit. The common ranges (Latin, Greek,
 * Cyrillic, punctuation, CJK, kana, Hangul, full-width forms) are loaded
 * precomputed (common-units.generated.ts, made by
 * scripts/generate-common-units.ts from this module's own rules), so a cold
 * page pays for no Unicode regex or ICU normalisation data; other characters
 * fill the tables on first sight.
 */

// What a UTF-16 code unit becomes. 0 means "not computed yet".
const UNKNOWN = 0;
/** Dropped, not part of any word (soft hyphen, zero-width characters). */
export const KIND_IGNORE = 1;
/** A combining diacritical mark: dropped; belongs to the character before it. */
export const KIND_MARK = 2;
export const KIND_SPACE = 3;
/** One code unit, a word character. */
export const KIND_WORD = 4;
/** One code unit, not a word character. */
export const KIND_OTHER = 5;
/** Several code units (or one from a surrogate pair): see `multiByUnit` / `astral`. */
export const KIND_MULTI = 6;
const KIND_HIGH_SURROGATE = 7;
/** One code unit, a word character, that normalises to itself in both cases (no table lookup). */
export const KIND_WORD_SELF = 8;
/** One code unit, not a word character, that normalises to itself in both cases. */
export const KIND_OTHER_SELF = 9;

const kinds = new Uint8Array(0x10000);
const casedUnits = new Uint16Array(0x10000);
const foldedUnits = new Uint16Array(0x10000);

export interface Expansion {
  kind: number;
  cased: string;
  folded: string;
  /** 1 for each unit of `cased` that belongs to a word character. */
  word: Uint8Array;
}

const multiByUnit = new Map<number, Expansion>();
const astral = new Map<number, Expansion>();

const IGNORABLE = new Set([0xad, 0x200b, 0x200c, 0x200d, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0xfeff]);

/** Combining marks that are diacritics (Latin, Greek, Cyrillic, Hebrew points, Arabic harakat, extended blocks). */
const DIACRITIC_CLASS =
  '\\u0300-\\u036f\\u0483-\\u0489\\u0591-\\u05bd\\u05bf\\u05c1\\u05c2\\u05c4\\u05c5\\u05c7' +
  '\\u0610-\\u061a\\u064b-\\u065f\\u0670\\u06d6-\\u06dc\\u06df-\\u06e4\\u06e7\\u06e8\\u06ea-\\u06ed' +
  '\\u1ab0-\\u1aff\\u1dc0-\\u1dff\\u20d0-\\u20ff\\ufe20-\\ufe2f';
const DIACRITIC = new RegExp(`^[${DIACRITIC_CLASS}]$`, 'u');
const DIACRITICS = new RegExp(`[${DIACRITIC_CLASS}]`, 'gu');
const WORD_CHAR = /^[\p{L}\p{M}\p{N}\p{Pc}]$/u;
const WHITESPACE = /^\s$/u;
const HAS_WHITESPACE = /\s/u;

const EXPLICIT = new Map<string, string>();
for (const ch of "'\u2018\u2019\u201a\u201b\u02bc\u2032`\u00b4\uff07") EXPLICIT.set(ch, "'");
for (const ch of '"\u201c\u201d\u201e\u201f\u2033\uff02') EXPLICIT.set(ch, '"');
for (const ch of '-\u2010\u2011\u2012\u2013\u2014\u2015\u2212\u2e3a\u2e3b\ufe58\ufe63\uff0d') EXPLICIT.set(ch, '-');
for (const [from, to] of [
  ['ı', 'i'],
  ['ø', 'o'],
  ['Ø', 'O'],
  ['đ', 'd'],
  ['Đ', 'D'],
  ['ł', 'l'],
  ['Ł', 'L'],
  ['ħ', 'h'],
  ['Ħ', 'H'],
  ['ŧ', 't'],
  ['Ŧ', 'T'],
] as const) {
  EXPLICIT.set(from, to);
}

/** Whether one character (a whole code point) is a word character. */
export function isWordChar(ch: string): boolean {
  return WORD_CHAR.test(ch);
}

function stripDiacritics(text: string): string {
  return text.replace(DIACRITICS, '').normalize('NFC');
}

function sameWordness(text: string, word: boolean): boolean {
  if (text.length === 0 || HAS_WHITESPACE.test(text)) return false;
  for (const ch of text) if (isWordChar(ch) !== word) return false;
  return true;
}

/** The case-folded form of one code point, or the code point itself when folding would change its length. */
function foldChar(ch: string): string {
  let folded = ch.toLowerCase();
  const viaUpper = ch.toUpperCase().toLowerCase();
  if (viaUpper.length === ch.length) folded = viaUpper; // ς → σ, ſ → s
  folded = stripDiacritics(folded); // İ → i̇ → i
  return folded.length === ch.length ? folded : ch;
}

/** Computes what one code point becomes. */
function expand(ch: string): Expansion {
  const code = ch.codePointAt(0) ?? 0;
  const empty = new Uint8Array(0);
  if (IGNORABLE.has(code)) return { kind: KIND_IGNORE, cased: '', folded: '', word: empty };
  if (DIACRITIC.test(ch)) return { kind: KIND_MARK, cased: '', folded: '', word: empty };
  let cased = EXPLICIT.get(ch);
  if (cased === undefined) {
    if (WHITESPACE.test(ch)) return { kind: KIND_SPACE, cased: ' ', folded: ' ', word: new Uint8Array([0]) };
    const word = isWordChar(ch);
    const compatible = stripDiacritics(ch.normalize('NFKD'));
    cased = sameWordness(compatible, word) ? compatible : stripDiacritics(ch.normalize('NFD'));
    if (cased.length === 0) return { kind: KIND_IGNORE, cased: '', folded: '', word: empty };
  }
  let folded = '';
  const wordFlags: number[] = [];
  for (const part of cased) {
    folded += foldChar(part);
    const flag = isWordChar(part) ? 1 : 0;
    for (let unit = 0; unit < part.length; unit++) wordFlags.push(flag);
  }
  const kind = cased.length > 1 ? KIND_MULTI : wordFlags[0] === 1 ? KIND_WORD : KIND_OTHER;
  return { kind, cased, folded, word: Uint8Array.from(wordFlags) };
}

/**
 * What one BMP code unit that is not a surrogate becomes, computed from
 * scratch (no table): its kind, with `KIND_WORD_SELF` / `KIND_OTHER_SELF`
 * for a single unit that maps to itself in both cases, and the expansion.
 * The tables hold exactly this, whether filled lazily or precomputed
 * (common-units.generated.ts).
 */
export function describeUnit(unit: number): { kind: number; expansion: Expansion } {
  const expansion = expand(String.fromCharCode(unit));
  let kind = expansion.kind;
  if (
    (kind === KIND_WORD || kind === KIND_OTHER) &&
    expansion.cased.charCodeAt(0) === unit &&
    expansion.folded.charCodeAt(0) === unit
  ) {
    kind = kind === KIND_WORD ? KIND_WORD_SELF : KIND_OTHER_SELF;
  }
  return { kind, expansion };
}

/** Fills the tables for one BMP code unit; returns its kind. */
function learnUnit(unit: number): number {
  if (unit >= 0xd800 && unit <= 0xdbff) {
    kinds[unit] = KIND_HIGH_SURROGATE;
    return KIND_HIGH_SURROGATE;
  }
  if (unit >= 0xdc00 && unit <= 0xdfff) {
    // A lone low surrogate: kept as itself, not a word character.
    kinds[unit] = KIND_OTHER_SELF;
    return KIND_OTHER_SELF;
  }
  const { kind, expansion } = describeUnit(unit);
  if (kind === KIND_WORD || kind === KIND_OTHER) {
    casedUnits[unit] = expansion.cased.charCodeAt(0);
    foldedUnits[unit] = expansion.folded.charCodeAt(0);
  } else if (kind === KIND_MULTI) {
    multiByUnit.set(unit, expansion);
  }
  kinds[unit] = kind;
  return kind;
}

/**
 * The tables' entry for one BMP code unit as it stands (after the
 * precomputed ranges were loaded, before any lazy filling): for tests.
 */
export function tableEntry(unit: number): { kind: number; cased: number; folded: number; multi?: Expansion } {
  const kind = kinds[unit] as number;
  return {
    kind,
    cased: kind === KIND_WORD || kind === KIND_OTHER ? (casedUnits[unit] as number) : 0,
    folded: kind === KIND_WORD || kind === KIND_OTHER ? (foldedUnits[unit] as number) : 0,
    ...(kind === KIND_MULTI ? { multi: multiByUnit.get(unit) } : {}),
  };
}

/**
 * Loads the precomputed tables of common-units.generated.ts: runs of units
 * of one kind that need no mapping (`kinds.fill`), then the units that map
 * to another unit, then those that become several.
 */
function loadCommonUnits(): void {
  const runs = COMMON_RUNS;
  for (let i = 0; i < runs.length; i += 3)
    kinds.fill(runs.charCodeAt(i + 2) - 48, runs.charCodeAt(i), runs.charCodeAt(i + 1));
  const singles = COMMON_SINGLES;
  for (let i = 0; i < singles.length; i += 4) {
    const unit = singles.charCodeAt(i);
    kinds[unit] = singles.charCodeAt(i + 1) - 48;
    casedUnits[unit] = singles.charCodeAt(i + 2);
    foldedUnits[unit] = singles.charCodeAt(i + 3);
  }
  const multi = COMMON_MULTI;
  for (let i = 0; i < multi.length; ) {
    const unit = multi.charCodeAt(i);
    const length = multi.charCodeAt(i + 1) - 48;
    const from = i + 2;
    const word = new Uint8Array(length);
    for (let k = 0; k < length; k++) word[k] = multi.charCodeAt(from + 2 * length + k) - 48;
    const cased = multi.slice(from, from + length);
    const folded = multi.slice(from + length, from + 2 * length);
    multiByUnit.set(unit, { kind: KIND_MULTI, cased, folded, word });
    kinds[unit] = KIND_MULTI;
    i = from + 3 * length;
  }
}
loadCommonUnits();

function astralExpansion(codePoint: number): Expansion {
  let expansion = astral.get(codePoint);
  if (!expansion) {
    expansion = expand(String.fromCodePoint(codePoint));
    astral.set(codePoint, expansion);
  }
  return expansion;
}

/** The kind of a code unit (filling the tables on first sight). */
export function kindOf(unit: number): number {
  const kind = kinds[unit] as number;
  return kind === UNKNOWN ? learnUnit(unit) : kind;
}

/**
 * Normalised text in reusable typed arrays: units [0, length) are valid.
 * The arrays grow as needed and are overwritten by the next `normalizeInto`.
 */
export interface NormalizedBuffer {
  length: number;
  cased: Uint16Array;
  folded: Uint16Array;
  word: Uint8Array;
  origin: Int32Array;
}

export function createNormalizedBuffer(capacity = 256): NormalizedBuffer {
  return {
    length: 0,
    cased: new Uint16Array(capacity),
    folded: new Uint16Array(capacity),
    word: new Uint8Array(capacity),
    origin: new Int32Array(capacity),
  };
}

function grow(buffer: NormalizedBuffer, needed: number): void {
  const capacity = Math.max(needed, buffer.cased.length * 2);
  const cased = new Uint16Array(capacity);
  const folded = new Uint16Array(capacity);
  const word = new Uint8Array(capacity);
  const origin = new Int32Array(capacity);
  cased.set(buffer.cased);
  folded.set(buffer.folded);
  word.set(buffer.word);
  origin.set(buffer.origin);
  buffer.cased = cased;
  buffer.folded = folded;
  buffer.word = word;
  buffer.origin = origin;
}

/**
 * Normalises `text` into `buffer` (see the module comment). Whitespace runs
 * collapse to one space, including runs broken only by ignored characters;
 * leading and trailing whitespace is kept as one space.
 */
export function normalizeInto(text: string, buffer: NormalizedBuffer): NormalizedBuffer {
  const n = text.length;
  if (buffer.cased.length < n) grow(buffer, n);
  let { cased, folded, word, origin } = buffer;
  let m = 0;
  let afterSpace = false;
  for (let i = 0; i < n; i++) {
    const unit = text.charCodeAt(i);
    let kind = kinds[unit] as number;
    if (kind === UNKNOWN) kind = learnUnit(unit);
    if (kind >= KIND_WORD_SELF) {
      cased[m] = unit;
      folded[m] = unit;
      word[m] = kind === KIND_WORD_SELF ? 1 : 0;
      origin[m] = i;
      m++;
      afterSpace = false;
      continue;
    }
    if (kind === KIND_WORD || kind === KIND_OTHER) {
      cased[m] = casedUnits[unit] as number;
      folded[m] = foldedUnits[unit] as number;
      word[m] = kind === KIND_WORD ? 1 : 0;
      origin[m] = i;
      m++;
      afterSpace = false;
      continue;
    }
    if (kind === KIND_SPACE) {
      if (afterSpace) continue;
      cased[m] = 32;
      folded[m] = 32;
      word[m] = 0;
      origin[m] = i;
      m++;
      afterSpace = true;
      continue;
    }
    if (kind === KIND_IGNORE || kind === KIND_MARK) continue;
    let expansion: Expansion | undefined;
    const start = i;
    if (kind === KIND_HIGH_SURROGATE) {
      const low = i + 1 < n ? text.charCodeAt(i + 1) : 0;
      if (low >= 0xdc00 && low <= 0xdfff) {
        expansion = astralExpansion(((unit - 0xd800) << 10) + (low - 0xdc00) + 0x10000);
        i++;
      } else {
        // A lone high surrogate: kept as itself, not a word character.
        cased[m] = unit;
        folded[m] = unit;
        word[m] = 0;
        origin[m] = i;
        m++;
        afterSpace = false;
        continue;
      }
    } else {
      expansion = multiByUnit.get(unit);
    }
    if (!expansion) continue;
    if (expansion.kind === KIND_SPACE) {
      if (afterSpace) continue;
      afterSpace = true;
    } else if (expansion.kind === KIND_IGNORE || expansion.kind === KIND_MARK) {
      continue;
    } else {
      afterSpace = false;
    }
    const units = expansion.cased.length;
    // Room for this expansion and one unit for each code unit still to come.
    const needed = m + units + (n - i);
    if (cased.length < needed) {
      buffer.length = m;
      grow(buffer, needed);
      ({ cased, folded, word, origin } = buffer);
    }
    for (let k = 0; k < units; k++) {
      cased[m] = expansion.cased.charCodeAt(k);
      folded[m] = expansion.folded.charCodeAt(k);
      word[m] = expansion.word[k] as number;
      origin[m] = start;
      m++;
    }
  }
  buffer.length = m;
  return buffer;
}

/**
 * Where, in the original text, the character that starts at `offset` ends:
 * after its second surrogate, and after the combining diacritical marks
 * that follow it (they were dropped from the normalised text but belong to
 * the character), even when ignored characters stand between them. Ignored
 * characters with no mark after them are not part of it.
 */
export function originalCharEnd(text: string, offset: number): number {
  let end = offset + 1;
  const unit = text.charCodeAt(offset);
  if (unit >= 0xd800 && unit <= 0xdbff && end < text.length) {
    const low = text.charCodeAt(end);
    if (low >= 0xdc00 && low <= 0xdfff) end++;
  }
  // (No diacritic lies outside the BMP, so checking code units is enough.)
  for (let next = end; next < text.length; next++) {
    const kind = kindOf(text.charCodeAt(next));
    if (kind === KIND_MARK) end = next + 1;
    else if (kind !== KIND_IGNORE) break;
  }
  return end;
}

/** The normalised form of a name: both cases, whitespace trimmed, with word flags per unit. */
export interface NormalizedName {
  cased: string;
  folded: string;
  word: Uint8Array;
}

const nameBuffer = createNormalizedBuffer();

/** Normalises a short string (an alias) and trims the space at either end. */
export function normalizeName(text: string): NormalizedName {
  const buffer = normalizeInto(text, nameBuffer);
  let start = 0;
  let end = buffer.length;
  while (start < end && buffer.cased[start] === 32) start++;
  while (end > start && buffer.cased[end - 1] === 32) end--;
  return {
    cased: String.fromCharCode(...buffer.cased.subarray(start, end)),
    folded: String.fromCharCode(...buffer.folded.subarray(start, end)),
    word: buffer.word.slice(start, end),
  };
}

/** The normalised text of `text` as strings, without trimming: for tests and tools. */
export function normalizeText(text: string): { cased: string; folded: string; origin: number[]; word: boolean[] } {
  const buffer = normalizeInto(text, createNormalizedBuffer(text.length));
  const cased: string[] = [];
  const folded: string[] = [];
  for (let i = 0; i < buffer.length; i++) {
    cased.push(String.fromCharCode(buffer.cased[i] as number));
    folded.push(String.fromCharCode(buffer.folded[i] as number));
  }
  return {
    cased: cased.join(''),
    folded: folded.join(''),
    origin: Array.from(buffer.origin.subarray(0, buffer.length)),
    word: Array.from(buffer.word.subarray(0, buffer.length), (flag) => flag === 1),
  };
}

/**
 * What the prefilter (prefilter.ts) needs to know of the tables: which code
 * units are "simple" — each becomes exactly one normalised unit, or a space
 * — and which ASCII units become a given unit.
 */
export interface SimpleUnits {
  /** A RegExp character class (brackets included) of every unit that is not simple. */
  complexClass: string;
  /** Normalised (folded) unit → the ASCII units that become it. */
  asciiVariantsOf(folded: number): readonly number[];
}

let simpleUnits: SimpleUnits | undefined;

function isSimpleKind(kind: number): boolean {
  return (
    kind === KIND_WORD_SELF ||
    kind === KIND_OTHER_SELF ||
    kind === KIND_WORD ||
    kind === KIND_OTHER ||
    kind === KIND_SPACE
  );
}

/**
 * Read from the tables as loaded from common-units.generated.ts: a unit not
 * computed yet counts as complex, which only ever sends more text down the
 * full path, never less.
 */
export function getSimpleUnits(): SimpleUnits {
  if (simpleUnits) return simpleUnits;
  const hex = (unit: number) => `\\u${unit.toString(16).padStart(4, '0')}`;
  const complexRanges: string[] = [];
  for (let unit = 0; unit < 0x10000; ) {
    if (isSimpleKind(kinds[unit] as number)) {
      unit++;
      continue;
    }
    const from = unit;
    while (unit < 0x10000 && !isSimpleKind(kinds[unit] as number)) unit++;
    complexRanges.push(from === unit - 1 ? hex(from) : `${hex(from)}-${hex(unit - 1)}`);
  }
  const asciiVariants = new Map<number, number[]>();
  for (let unit = 0; unit < 0x80; unit++) {
    const kind = kinds[unit] as number;
    if (!isSimpleKind(kind)) continue;
    const folded =
      kind === KIND_WORD || kind === KIND_OTHER ? (foldedUnits[unit] as number) : kind === KIND_SPACE ? 32 : unit;
    asciiVariants.set(folded, [...(asciiVariants.get(folded) ?? []), unit]);
  }
  simpleUnits = {
    complexClass: `[${complexRanges.join('')}]`,
    asciiVariantsOf: (folded) => asciiVariants.get(folded) ?? [],
  };
  return simpleUnits;
}

/**
 * The tables themselves, read-only, for the prefilter's walk (prefilter.ts),
 * which handles only simple units and so needs no buffer: `kinds[unit]` is
 * one of the KIND_ constants (0 for not computed yet), `cased` and `folded`
 * hold the unit a KIND_WORD or KIND_OTHER unit becomes.
 */
export const unitTables: { readonly kinds: Uint8Array; readonly cased: Uint16Array; readonly folded: Uint16Array } = {
  kinds,
  cased: casedUnits,
  folded: foldedUnits,
};
