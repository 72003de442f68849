import {
  COUNT_NOUNS,
  CURRENCY_ADJECTIVES,
  CURRENCY_CODES,
  CURRENCY_WORDS,
  NOT_COUNT_UNITS,
  QUALIFIERS_AFTER,
  QUALIFIERS_BEFORE,
  SCALE_WORDS,
  SINGULAR_COUNT_NOUNS,
  TEEN_WORDS,
  TENS_WORDS,
  UNIT_WORDS,
  WORDS_AFTER_AN_AMOUNT,
} from './lexicon';
import type { FigureQualifier, UnrecognisedWord } from './types';

/**
 * The words around a number: the qualifier before it ("up to"), and after it
 * the currency ("Rwandan francs"), the noun counted ("asylum seekers"), a
 * qualifier ("or more") or a word where a multiplier should be ("$6
 * cardinal"). Each reads a few words from a position with sticky patterns
 * or a short walk back, never the rest of the text.
 */

/** A space or a no-break space: a figure never spans a line or a block break. */
export const SPACE = '[ \\u00a0]';
const NEXT_WORD = new RegExp(`${SPACE}+([A-Za-z][A-Za-z.'-]*)`, 'y');
const DEMONYM_PLURAL = /^[A-Z][a-z]+(?:ans|ese|is)$/;
const QUALIFIER_AFTER = new RegExp(
  `${SPACE}+(${QUALIFIERS_AFTER.map(([q]) => q.replaceAll(' ', `${SPACE}+`)).join('|')})\\b`,
  'iy',
);
const LETTER = /\p{L}/u;

/** Matches a sticky (`y`) pattern exactly at `at`. */
export function sticky(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

export function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

export interface Word {
  text: string;
  start: number;
  end: number;
}

/** The word after the spaces at `at` (letters, inner dots, apostrophes and hyphens: "U.S.", "asylum-seekers"). */
export function nextWord(text: string, at: number): Word | null {
  const match = sticky(NEXT_WORD, text, at);
  if (!match?.[1]) return null;
  const word = match[1].replace(/[.'-]+$/, '');
  const start = at + match[0].length - match[1].length;
  return { text: word, start, end: start + word.length };
}

function normalise(words: string): string {
  return words.toLowerCase().replace(/[ \u00a0]+/g, ' ');
}

const QUALIFIER_PHRASES: ReadonlyMap<string, FigureQualifier> = new Map(QUALIFIERS_BEFORE);
/** The longest qualifier, in words. */
const QUALIFIER_WORDS = Math.max(...QUALIFIERS_BEFORE.map(([q]) => q.split(' ').length));

/** Up to `count` words just before `at`, nearest first, each a run of ASCII letters (with a full stop kept: "No."). */
export function wordsBefore(text: string, at: number, count: number): Word[] {
  const words: Word[] = [];
  let pos = at;
  while (words.length < count) {
    let end = pos;
    while (end > 0 && (text[end - 1] === ' ' || text[end - 1] === '\u00a0')) end--;
    if (end === pos) break;
    let start = end;
    if (text[start - 1] === '.') start--;
    while (start > 0 && start > end - 20 && /[A-Za-z]/.test(text[start - 1] ?? '')) start--;
    if (start === end || (text[start] === '.' && start === end - 1) || isLetter(text[start - 1])) break;
    words.push({ text: text.slice(start, end), start, end });
    pos = start;
  }
  return words;
}

/** A qualifier written just before `start` ("up to", "as many as"), whole words only, the longest that fits. */
export function qualifierBefore(
  text: string,
  start: number,
): { qualifier: FigureQualifier; text: string; start: number } | null {
  const words = wordsBefore(text, start, QUALIFIER_WORDS);
  for (let n = words.length; n > 0; n--) {
    const first = words[n - 1];
    if (!first) continue;
    const written = words
      .slice(0, n)
      .reverse()
      .map((w) => w.text.toLowerCase())
      .join(' ');
    const qualifier = QUALIFIER_PHRASES.get(written);
    if (qualifier) return { qualifier, text: written, start: first.start };
  }
  return null;
}

export interface Currency {
  unit?: string;
  unrecognised?: UnrecognisedWord;
  end: number;
}

/** A currency word after an amount: "dollars", "US dollars", "Rwandan francs", "pounds sterling", "EUR". */
export function currencyAfter(text: string, at: number): Currency | null {
  const first = nextWord(text, at);
  if (!first) return null;
  if (CURRENCY_CODES.has(first.text)) return { unit: first.text, end: first.end };
  const lower = first.text.toLowerCase();
  if (CURRENCY_WORDS.has(lower) && first.text === lower) return currencyWord(text, first, null);
  // An adjective before it: "US dollars", "Rwandan francs", "New Zealand dollars".
  let adjective = first;
  let second = nextWord(text, first.end);
  if (second && /^[A-Z]/.test(second.text) && !CURRENCY_WORDS.has(second.text.toLowerCase())) {
    adjective = { text: `${first.text} ${second.text}`, start: first.start, end: second.end };
    second = nextWord(text, second.end);
  }
  if (!/^[A-Z]/.test(adjective.text) || !second) return null;
  const word = second.text.toLowerCase();
  if (!CURRENCY_WORDS.has(word) || second.text !== word) return null;
  return currencyWord(text, second, adjective);
}

function currencyWord(text: string, word: Word, adjective: Word | null): Currency {
  const lower = word.text.toLowerCase();
  const singular = lower.replace(/s$/, '');
  let end = word.end;
  if (singular === 'pound') {
    const sterling = nextWord(text, end);
    if (sterling?.text === 'sterling') end = sterling.end;
  }
  const byAdjective = CURRENCY_ADJECTIVES.get(singular);
  const named = adjective ? byAdjective?.get(normalise(adjective.text)) : undefined;
  const plain = CURRENCY_WORDS.get(lower) ?? null;
  const unit = adjective ? named : (plain ?? undefined);
  if (unit) return { unit, end };
  const from = adjective ? adjective.start : word.start;
  return { end, unrecognised: { role: 'currency', text: text.slice(from, end), start: from, end } };
}

/**
 * A lower-case word after a small amount, where a multiplier would stand, that
 * is no word we know: a spun "million" ("$6 cardinal"). Plural words, adverbs
 * and verb forms are not taken: "$6 tickets", "$6 raised".
 */
export function unknownMultiplier(text: string, at: number): Word | null {
  const word = nextWord(text, at);
  if (!word || !/^[a-z]{3,20}$/.test(word.text)) return null;
  const w = word.text;
  if (SCALE_WORDS.has(w) || WORDS_AFTER_AN_AMOUNT.has(w) || COUNT_NOUNS.has(w) || CURRENCY_WORDS.has(w)) return null;
  if (NOT_COUNT_UNITS.has(w) || UNIT_WORDS.has(w) || TEEN_WORDS.has(w) || TENS_WORDS.has(w)) return null;
  if (/(?:s|ly|ing|ed)$/.test(w)) return null;
  return word;
}

/** The noun a count counts: "people", "asylum seekers", "Venezuelan men", "Iraqis". */
export function nounAfter(
  text: string,
  at: number,
  value: number | undefined,
): { noun: string; unit: string; end: number } | null {
  const found = anyNounAfter(text, at);
  if (!found || (value !== 1 && SINGULAR_COUNT_NOUNS.has(found.key))) return null;
  return found;
}

function anyNounAfter(text: string, at: number): { noun: string; unit: string; end: number; key: string } | null {
  const first = nextWord(text, at);
  if (!first) return null;
  const second = nextWord(text, first.end);
  const one = first.text.toLowerCase();
  const two = second ? `${one} ${second.text.toLowerCase()}` : '';
  const pair = COUNT_NOUNS.get(two);
  if (pair && second) return { noun: text.slice(first.start, second.end), unit: pair, end: second.end, key: two };
  const single = COUNT_NOUNS.get(one);
  if (single && first.text === one) return { noun: first.text, unit: single, end: first.end, key: one };
  if (/^[A-Z]/.test(first.text)) {
    if (second) {
      const third = nextWord(text, second.end);
      const key = third ? `${second.text} ${third.text}`.toLowerCase() : '';
      const afterAdjective = COUNT_NOUNS.get(key);
      if (afterAdjective && third) {
        return { noun: text.slice(first.start, third.end), unit: afterAdjective, end: third.end, key };
      }
      const noun = COUNT_NOUNS.get(second.text);
      if (noun) return { noun: text.slice(first.start, second.end), unit: noun, end: second.end, key: second.text };
    }
    if (DEMONYM_PLURAL.test(first.text)) return { noun: first.text, unit: 'person', end: first.end, key: '' };
  }
  return null;
}

export function qualifierAfter(
  text: string,
  at: number,
): { qualifier: FigureQualifier; text: string; end: number } | null {
  const match = sticky(QUALIFIER_AFTER, text, at);
  if (!match?.[1]) return null;
  const written = normalise(match[1]);
  const qualifier = QUALIFIERS_AFTER.find(([q]) => q === written)?.[1];
  return qualifier ? { qualifier, text: written, end: at + match[0].length } : null;
}
