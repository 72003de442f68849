import { SCALE_SUFFIXES, SCALE_WORDS, TEEN_WORDS, TENS_WORDS, UNIT_WORDS, VAGUE_WORDS } from './lexicon';

/**
 * Reading one number at a position: numerals ("100,000", "6.5", "$100K"'s
 * "100K", "6 million") and English number words ("two hundred and fifty",
 * "ten thousand", "a dozen"), or a vague magnitude ("dozens", "hundreds of
 * thousands"). Every pattern is sticky (`y`) and anchored at the position, so
 * the cost is proportional to the number's length, never to the text's.
 */

export interface Quantity {
  start: number;
  end: number;
  /** Absent for a vague magnitude. */
  value?: number;
  /** For a vague magnitude: "dozens" → 12, "tens of thousands" → 10,000. */
  magnitude?: number;
  /** Written with digits, without grouping commas, a multiplier or a decimal part, and under 1,000 ("6", not "6m" or "100,000"). */
  small: boolean;
  /** Written with digits only, four of them, no multiplier: a candidate year. */
  fourDigits: boolean;
  /** Written in words ("ten", "a dozen"), not digits. */
  words: boolean;
  /** Too many digits, or too large, to be a figure: an identifier, a serial number. */
  tooLong?: boolean;
}

const NUMERAL = /\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?/y;
const SCALE_SUFFIX = /(?:k|m|mn|mln|bn|b|tn|trn)(?![\p{L}\p{N}])/iuy;
const SPACED_SCALE = /[ \u00a0](?:thousand|million|billion|trillion)\b/iy;
const WORD = /[A-Za-z]+/y;
const GAP = /[ \u00a0]+(?:and[ \u00a0]+)?/y;
const VAGUE_OF = /[ \u00a0]+of[ \u00a0]+(thousands|millions|billions)\b/iy;
const VAGUE = /(tens|dozens|scores|hundreds|thousands|millions|billions)\b/iy;
/** "a"/"an" only before a multiplier word ("a hundred", "a dozen"), and "half a" ("half a million"). */
const ARTICLE = /(half[ \u00a0]+)?an?[ \u00a0]+(?=(?:hundred|thousand|million|billion|trillion|dozen)\b)/iy;
const HYPHENATED = /-([A-Za-z]+)/y;
/** Longer numerals are identifiers, not figures. */
const MAX_DIGITS = 18;

function stickyMatch(pattern: RegExp, text: string, at: number): RegExpExecArray | null {
  pattern.lastIndex = at;
  return pattern.exec(text);
}

/** n × scale without floating-point noise (1.2 × 1e6 is 1,200,000, not 1,199,999.9999). */
function scaled(n: number, scale: number): number {
  return scale === 1 ? n : Number((n * scale).toPrecision(15));
}

/** Reads a numeral at `at`, with a multiplier written against it ("100K", "6bn") or after it ("6 million"). */
export function readNumeral(text: string, at: number): Quantity | null {
  const numeral = stickyMatch(NUMERAL, text, at);
  if (!numeral) return null;
  const written = numeral[0];
  const n = Number(written.includes(',') ? written.replaceAll(',', '') : written);
  let end = at + written.length;
  let scale = 1;
  const suffix = stickyMatch(SCALE_SUFFIX, text, end);
  if (suffix) {
    scale = SCALE_SUFFIXES.get(suffix[0].toLowerCase()) ?? 1;
    end += suffix[0].length;
  } else {
    const word = stickyMatch(SPACED_SCALE, text, end);
    if (word) {
      scale = SCALE_WORDS.get(word[0].slice(1).toLowerCase()) ?? 1;
      end += word[0].length;
    }
  }
  const plain = scale === 1 && !written.includes(',') && !written.includes('.');
  const value = scaled(n, scale);
  return {
    start: at,
    end,
    value,
    tooLong: written.length > MAX_DIGITS || !Number.isSafeInteger(Math.round(value)),
    small: plain && n < 1000,
    fourDigits: plain && written.length === 4,
    words: false,
  };
}

type Step = 'start' | 'unit' | 'teen' | 'tens' | 'hundred' | 'scale';

/**
 * Reads English number words at `at`: "seven", "twenty-five", "two hundred
 * and fifty", "ten thousand", "a million", "half a dozen", "two dozen".
 * Stops before a word that does not continue the number ("five five" is
 * five), and never ends on a dangling "and".
 */
export function readNumberWords(text: string, at: number): Quantity | null {
  let pos = at;
  let total = 0;
  let current = 0;
  let step: Step = 'start';
  let lastScale = Number.POSITIVE_INFINITY;
  let end = -1;
  let half = false;

  const lead = stickyMatch(ARTICLE, text, pos);
  if (lead) {
    half = lead[1] !== undefined;
    current = 1;
    step = 'unit';
    pos += lead[0].length;
  }

  for (;;) {
    const match = stickyMatch(WORD, text, pos);
    if (!match) break;
    const word = match[0].toLowerCase();
    let next = pos + match[0].length;
    const unit = UNIT_WORDS.get(word);
    const teen = TEEN_WORDS.get(word);
    const tens = TENS_WORDS.get(word);
    const scale = SCALE_WORDS.get(word);
    if (unit !== undefined && (step === 'start' || step === 'tens' || step === 'hundred' || step === 'scale')) {
      current += unit;
      step = 'unit';
    } else if (teen !== undefined && (step === 'start' || step === 'hundred' || step === 'scale')) {
      current += teen;
      step = 'teen';
    } else if (tens !== undefined && (step === 'start' || step === 'hundred' || step === 'scale')) {
      current += tens;
      step = 'tens';
      // "twenty-five"
      const hyphenated = stickyMatch(HYPHENATED, text, next);
      const after = hyphenated?.[1] ? UNIT_WORDS.get(hyphenated[1].toLowerCase()) : undefined;
      if (hyphenated && after !== undefined) {
        current += after;
        step = 'unit';
        next += hyphenated[0].length;
      }
    } else if (word === 'hundred' && (step === 'unit' || step === 'teen') && current < 100) {
      current *= 100;
      step = 'hundred';
    } else if (scale !== undefined && step !== 'start' && step !== 'scale' && scale < lastScale && current > 0) {
      total += current * scale;
      current = 0;
      lastScale = scale;
      step = 'scale';
    } else if (word === 'dozen' && (step === 'unit' || step === 'teen') && total === 0) {
      current *= 12;
      end = next;
      break;
    } else {
      break;
    }
    end = next;
    const gap = stickyMatch(GAP, text, end);
    if (!gap) break;
    pos = end + gap[0].length;
  }
  if (end < 0 || step === 'start') return null;
  const value = (total + current) * (half ? 0.5 : 1);
  if (value === 0) return null;
  return { start: at, end, value, small: false, fourDigits: false, words: true };
}

/** Reads a vague magnitude at `at`: "dozens", "hundreds", "tens of thousands", "hundreds of millions". */
export function readVague(text: string, at: number): Quantity | null {
  const match = stickyMatch(VAGUE, text, at);
  if (!match?.[1]) return null;
  const word = match[1].toLowerCase();
  let magnitude = word === 'tens' ? 10 : (VAGUE_WORDS.get(word) ?? 1);
  let end = at + match[0].length;
  const of = stickyMatch(VAGUE_OF, text, end);
  if (of?.[1]) {
    magnitude *= VAGUE_WORDS.get(of[1].toLowerCase()) ?? 1;
    end += of[0].length;
  } else if (word === 'tens') {
    return null;
  }
  return { start: at, end, magnitude, small: false, fourDigits: false, words: true };
}
