import { yearFigure } from './dates';
import {
  COUNT_NOUNS,
  CURRENCY_ADJECTIVES,
  CURRENCY_CODES,
  CURRENCY_PREFIXES,
  CURRENCY_WORDS,
  LABEL_WORDS,
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
import { type Quantity, readNumberWords, readNumeral, readVague } from './numbers';
import type { FigureQualifier, FoundCount, FoundFigure, FoundMoney, UnrecognisedWord } from './types';

/**
 * Money and counts (and bare years, which are numbers too) in text: one pass
 * of ANCHOR over the text finds where a figure may start (a digit, a
 * currency sign or code, a number word); everything else is read with
 * sticky patterns from that position, or with patterns over the few
 * characters before it, so the cost stays linear in the text.
 */

const SPACE = '[ \\u00a0]';
const NUMBER_WORDS = [
  ...UNIT_WORDS.keys(),
  ...TEEN_WORDS.keys(),
  ...TENS_WORDS.keys(),
  'tens',
  'dozens',
  'scores',
  'hundreds',
  'thousands',
  'millions',
  'billions',
];
const escapeRegExp = (s: string) => s.replace(/[$()*+.?[\\\]^{|}]/g, '\\$&');

/**
 * Number words grouped by first letter, lower case or capitalised:
 * "[tT](?:wo|hree|en…)". Grouping makes the anchor scan about a third faster
 * than one alternative per word.
 */
function wordsPattern(words: readonly string[]): string {
  const byFirst = new Map<string, string[]>();
  for (const word of words) {
    const first = word.slice(0, 1);
    byFirst.set(first, [...(byFirst.get(first) ?? []), word.slice(1)]);
  }
  return [...byFirst].map(([first, rests]) => `[${first}${first.toUpperCase()}](?:${rests.join('|')})`).join('|');
}

/** Where a money figure or a count can start. Case-sensitive: currency codes are upper case, words lower or capitalised. */
const ANCHOR = new RegExp(
  [
    '\\d',
    [...CURRENCY_PREFIXES.keys()]
      .filter((p) => !/^[A-Z]/.test(p))
      .map(escapeRegExp)
      .join('|'),
    `\\b(?:${[...CURRENCY_PREFIXES.keys()]
      .filter((p) => /^[A-Z]/.test(p))
      .map(escapeRegExp)
      .join(
        '|',
      )}|(?:${[...CURRENCY_CODES].join('|')})(?=${SPACE}?\\d)|(?:[Hh]alf${SPACE}+)?[Aa]n?${SPACE}+(?=(?:hundred|thousand|million|billion|trillion|dozen)\\b)|(?:${wordsPattern(NUMBER_WORDS)})\\b)`,
  ].join('|'),
  'g',
);

const CODE_PREFIX = new RegExp(`(${[...CURRENCY_CODES].join('|')})${SPACE}?`, 'y');
const NEXT_WORD = new RegExp(`${SPACE}+([A-Za-z][A-Za-z.'-]*)`, 'y');
const PERCENT = new RegExp(`${SPACE}?(?:%|per${SPACE}?cent\\b|percent\\b)`, 'iy');
const TIME = /(?::\d\d)+/y;
const ORDINAL = /(?:st|nd|rd|th)\b/iy;
const JOINED_DIGITS = /(?:[-–/.,:]\d+)+/y;
const PHONE_INTL = /\+\d[\d \u00a0().-]{6,18}\d/y;
const PHONE_GROUPS = /\(?\d{2,4}\)?(?:[-. \u00a0]\d{2,4}){2,4}\b/y;
const MORE = new RegExp(`${SPACE}+more\\b(?!${SPACE}+than\\b)`, 'iy');
const OF = new RegExp(`${SPACE}+of(?=${SPACE})`, 'iy');
const DEMONYM_PLURAL = /^[A-Z][a-z]+(?:ans|ese|is)$/;
const QUALIFIER_AFTER = new RegExp(
  `${SPACE}+(${QUALIFIERS_AFTER.map(([q]) => q.replaceAll(' ', `${SPACE}+`)).join('|')})\\b`,
  'iy',
);
const LETTER = /\p{L}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

function sticky(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

function isLetter(ch: string | undefined): boolean {
  return ch !== undefined && LETTER.test(ch);
}

interface Word {
  text: string;
  start: number;
  end: number;
}

function nextWord(text: string, at: number): Word | null {
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
function wordsBefore(text: string, at: number, count: number): Word[] {
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
function qualifierBefore(
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

/** Numbers that are not figures: labels ("Page 2"), parts of names ("G7", "COVID-19"), phone numbers. */
function rejectedBefore(text: string, at: number): boolean {
  const prev = text[at - 1];
  if (prev !== undefined && LETTER_OR_DIGIT.test(prev)) return true;
  if ((prev === '-' || prev === '–') && LETTER_OR_DIGIT.test(text[at - 2] ?? '')) {
    // "mid-2024" is a year.
    return !/(?:^|[^\p{L}])mid$/iu.test(text.slice(Math.max(0, at - 5), at - 1));
  }
  if (prev === '+' || prev === '#' || prev === '/' || prev === ':' || prev === '.') return true;
  // "’17": a year with its century left out, not a count.
  if (prev === '’' && /^\d\d(?!\d)/.test(text.slice(at, at + 3))) return true;
  const label = wordsBefore(text, at, 1)[0];
  return label !== undefined && LABEL_WORDS.has(label.text.toLowerCase());
}

/** How far to skip when the digits at `at` are a phone number, or -1. */
function phoneEnd(text: string, at: number): number {
  const start = text[at - 1] === '(' ? at - 1 : at;
  const intl = text[at - 1] === '+' ? sticky(PHONE_INTL, text, at - 1) : null;
  if (intl) return at - 1 + intl[0].length;
  const groups = sticky(PHONE_GROUPS, text, start);
  if (groups && groups[0].replace(/\D/g, '').length >= 7) {
    return start + groups[0].length;
  }
  return -1;
}

/** Where a numeral that is not a figure ends ("40%", "10:30", "4th", "2024-25", "100km"), or -1 when it may be one. */
function rejectedAfter(text: string, q: Quantity): number {
  const end = q.end;
  const percent = sticky(PERCENT, text, end);
  if (percent) return end + percent[0].length;
  if (q.words) return -1;
  for (const pattern of [TIME, ORDINAL, JOINED_DIGITS]) {
    const match = sticky(pattern, text, end);
    if (match) return end + match[0].length;
  }
  if (isLetter(text[end])) return end + 1;
  return -1;
}

interface Currency {
  unit?: string;
  unrecognised?: UnrecognisedWord;
  end: number;
}

/** A currency word after an amount: "dollars", "US dollars", "Rwandan francs", "pounds sterling", "EUR". */
function currencyAfter(text: string, at: number): Currency | null {
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
function unknownMultiplier(text: string, at: number): Word | null {
  const word = nextWord(text, at);
  if (!word || !/^[a-z]{3,20}$/.test(word.text)) return null;
  const w = word.text;
  if (SCALE_WORDS.has(w) || WORDS_AFTER_AN_AMOUNT.has(w) || COUNT_NOUNS.has(w) || CURRENCY_WORDS.has(w)) return null;
  if (NOT_COUNT_UNITS.has(w) || UNIT_WORDS.has(w) || TEEN_WORDS.has(w) || TENS_WORDS.has(w)) return null;
  if (/(?:s|ly|ing|ed)$/.test(w)) return null;
  return word;
}

/** The noun a count counts: "people", "asylum seekers", "Venezuelan men", "Iraqis". */
function nounAfter(
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

function qualifierAfter(text: string, at: number): { qualifier: FigureQualifier; text: string; end: number } | null {
  const match = sticky(QUALIFIER_AFTER, text, at);
  if (!match?.[1]) return null;
  const written = normalise(match[1]);
  const qualifier = QUALIFIERS_AFTER.find(([q]) => q === written)?.[1];
  return qualifier ? { qualifier, text: written, end: at + match[0].length } : null;
}

function readQuantity(text: string, at: number): Quantity | null {
  if (/\d/.test(text[at] ?? '')) return readNumeral(text, at);
  return readVague(text, at) ?? readNumberWords(text, at);
}

/** Reads the figure that may start at an anchor; returns it (or null) and where scanning resumes. */
function readAt(text: string, anchor: string, at: number): { figure: FoundFigure | null; resume: number } {
  let numberAt = at;
  let prefix: Currency | null = null;
  const sign = CURRENCY_PREFIXES.get(anchor);
  if (sign !== undefined) {
    numberAt = at + anchor.length;
    prefix = sign
      ? { unit: sign, end: numberAt }
      : { end: numberAt, unrecognised: { role: 'currency', text: anchor, start: at, end: numberAt } };
  } else if (/^[A-Z]{3}$/.test(anchor)) {
    const code = sticky(CODE_PREFIX, text, at);
    numberAt = at + (code?.[0].length ?? anchor.length);
    prefix = { unit: anchor, end: numberAt };
  }
  const isDigit = /\d/.test(text[numberAt] ?? '');
  if (isDigit) {
    const phone = phoneEnd(text, numberAt);
    if (phone >= 0) return { figure: null, resume: phone };
  }
  const q = readQuantity(text, numberAt);
  if (!q) return { figure: null, resume: numberAt + 1 };
  if (q.tooLong) return { figure: null, resume: q.end };
  if (rejectedBefore(text, prefix ? at : numberAt)) {
    return { figure: null, resume: q.end };
  }
  const rejected = rejectedAfter(text, q);
  if (rejected >= 0) return { figure: null, resume: rejected };
  if (/^-\p{L}/u.test(text.slice(q.end, q.end + 2))) return { figure: null, resume: q.end }; // "10-year", "one-off"

  // "1)" numbers a list item.
  if (!prefix && text[q.end] === ')' && text[numberAt - 1] !== '(') return { figure: null, resume: q.end + 1 };
  // "99¢"
  if (!prefix && text[q.end] === '¢' && q.value !== undefined) {
    prefix = { unit: 'USD', end: q.end + 1 };
    q.value = Number((q.value / 100).toPrecision(15));
    q.small = false;
    q.end += 1;
  }

  const before = qualifierBefore(text, at);
  let end = q.end;
  let currency = prefix;
  let unrecognised: UnrecognisedWord | undefined = prefix?.unrecognised;
  const scaledOrWords = !q.small;
  if (!currency) {
    const ofCurrency = q.magnitude !== undefined ? sticky(OF, text, end) : null;
    const after = currencyAfter(text, ofCurrency ? end + ofCurrency[0].length : end);
    if (after) {
      currency = after;
      unrecognised = after.unrecognised;
      end = after.end;
    } else if (q.small) {
      // "6 cardinal dollars": a spun multiplier before the currency word.
      const word = unknownMultiplier(text, end);
      const then = word ? currencyAfter(text, word.end) : null;
      if (word && then) {
        currency = then;
        unrecognised = { role: 'multiplier', ...word };
        end = then.end;
      }
    }
  } else if (q.small && !unrecognised) {
    const word = unknownMultiplier(text, end);
    if (word) {
      unrecognised = { role: 'multiplier', ...word };
      end = word.end;
    }
  } else if (q.magnitude === undefined && scaledOrWords) {
    // "$6 million dollars"
    const after = currencyAfter(text, end);
    if (after?.unit && after.unit === currency.unit) end = after.end;
  }

  if (currency) {
    const tail = qualifierAfter(text, end);
    const qualifier = before?.qualifier ?? tail?.qualifier ?? (q.value !== undefined ? 'exactly' : undefined);
    const qualifierText = before?.text ?? tail?.text;
    const start = before?.start ?? at;
    const stop = tail?.end ?? end;
    const money: FoundMoney = {
      kind: 'money',
      start,
      end: stop,
      asReported: text.slice(start, stop),
      ...(q.value !== undefined ? { value: q.value } : {}),
      ...(currency.unit ? { unit: currency.unit } : {}),
      ...(q.magnitude !== undefined ? { magnitude: q.magnitude } : {}),
      ...(qualifier ? { qualifier } : {}),
      ...(qualifierText ? { qualifierText } : {}),
      ...(unrecognised ? { unrecognised } : {}),
    };
    return { figure: money, resume: stop };
  }

  // Not money: a count, a year, or nothing.
  const unitWord = nextWord(text, end);
  if (unitWord && NOT_COUNT_UNITS.has(unitWord.text.toLowerCase())) return { figure: null, resume: unitWord.end };
  const more = sticky(MORE, text, end);
  if (more) end += more[0].length;
  const of = q.magnitude !== undefined ? sticky(OF, text, end) : null;
  const noun = nounAfter(text, of ? end + of[0].length : end, q.value);
  if (noun) end = noun.end;
  const tail = qualifierAfter(text, end);
  const bounded = before ?? tail;

  // A plain four-digit number in range is a year, qualifier or not ("up to 2025", "by 2030"): news
  // style writes counts that large with a comma ("2,000 people"). A count noun or "or more" makes it a count.
  if (q.fourDigits && !tail && !more && !noun && q.value !== undefined && q.value >= 1800 && q.value < 2200) {
    return { figure: yearFigure(text, numberAt, q.end, q.value), resume: q.end };
  }
  // A number word alone is a figure from two up ("one of the men" is not a count).
  if (q.words && q.value === 1 && !bounded && !more && !noun) return { figure: null, resume: q.end };

  const start = before?.start ?? numberAt;
  const stop = tail?.end ?? end;
  const qualifier = bounded?.qualifier ?? (q.value !== undefined ? 'exactly' : undefined);
  const count: FoundCount = {
    kind: 'count',
    start,
    end: stop,
    asReported: text.slice(start, stop),
    ...(q.value !== undefined ? { value: q.value } : {}),
    ...(q.magnitude !== undefined ? { magnitude: q.magnitude } : {}),
    ...(noun ? { unit: noun.unit, noun: noun.noun } : {}),
    ...(qualifier ? { qualifier } : {}),
    ...(bounded ? { qualifierText: bounded.text } : {}),
    ...(more ? { additional: true } : {}),
  };
  return { figure: count, resume: stop };
}

/** Every money figure, count and bare year in the text, in order; they never overlap one another. */
export function findAmounts(text: string): FoundFigure[] {
  const found: FoundFigure[] = [];
  ANCHOR.lastIndex = 0;
  for (let m = ANCHOR.exec(text); m; m = ANCHOR.exec(text)) {
    const { figure, resume } = readAt(text, m[0], m.index);
    if (figure) found.push(figure);
    ANCHOR.lastIndex = Math.max(resume, m.index + 1);
  }
  return found;
}
