import { yearFigure } from './dates';
import {
  CURRENCY_CODES,
  CURRENCY_PREFIXES,
  LABEL_WORDS,
  NOT_COUNT_UNITS,
  TEEN_WORDS,
  TENS_WORDS,
  UNIT_WORDS,
} from './lexicon';
import { type Quantity, readNumberWords, readNumeral, readVague } from './numbers';
import type { FoundCount, FoundFigure, FoundMoney, UnrecognisedWord } from './types';
import {
  type Currency,
  currencyAfter,
  isLetter,
  nextWord,
  nounAfter,
  qualifierAfter,
  qualifierBefore,
  SPACE,
  sticky,
  unknownMultiplier,
  wordsBefore,
} from './words';

/**
 * Money and counts (and bare years, which are numbers too) in text: one pass
 * of ANCHOR over the text finds where a figure may start (a digit, a
 * currency sign or code, a number word); everything else is read with
 * sticky patterns from that position, or with patterns over the few
 * characters before it, so the cost stays linear in the text.
 */

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
const PERCENT = new RegExp(`${SPACE}?(?:%|per${SPACE}?cent\\b|percent\\b)`, 'iy');
const TIME = /(?::\d\d)+/y;
const ORDINAL = /(?:st|nd|rd|th)\b/iy;
const JOINED_DIGITS = /(?:[-–/.,:]\d+)+/y;
const PHONE_INTL = /\+\d[\d \u00a0().-]{6,18}\d/y;
const PHONE_GROUPS = /\(?\d{2,4}\)?(?:[-. \u00a0]\d{2,4}){2,4}\b/y;
const MORE = new RegExp(`${SPACE}+more\\b(?!${SPACE}+than\\b)`, 'iy');
const OF = new RegExp(`${SPACE}+of(?=${SPACE})`, 'iy');
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

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
