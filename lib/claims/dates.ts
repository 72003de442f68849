import { Chrono, casual, GB, type ParsedResult, type Parser } from 'chrono-node/en';
import type { FoundDate } from './types';

/**
 * Dates in text, read by chrono-node at the precision written.
 *
 * chrono's casual parser runs some forty patterns over whatever it is given,
 * which costs 50–120 ms on 75 KB of news text: too slow for a content
 * script. So it only reads windows of about 64 characters around the words a
 * date needs (a month name, a numeric date such as 2025-04-04 or 4/5/2025,
 * and, when a reference date is given, "yesterday", "last month"…). A date
 * without one of them ("on Tuesday", "10:30", "now") is not a figure
 * anyway. Bare years ("in 2025") are not chrono's: the number scanner
 * (amounts.ts) finds them and builds them with `yearFigure`.
 *
 * chrono's parsers for spans of time ("3 days ago", "within 2 weeks",
 * "3 days later", "+2 days") are left out: they read durations, not dates,
 * and their patterns repeat a large group up to ten times ("){0,10}"),
 * which V8 takes 150–350 ms to compile to native code on a page's second
 * parse. They are recognised by that repetition in their pattern, not by
 * class name, which a minified build does not keep.
 */

const MONTHS: ReadonlyMap<string, number> = new Map([
  ['january', 1],
  ['jan', 1],
  ['february', 2],
  ['feb', 2],
  ['march', 3],
  ['mar', 3],
  ['april', 4],
  ['apr', 4],
  ['may', 5],
  ['june', 6],
  ['jun', 6],
  ['july', 7],
  ['jul', 7],
  ['august', 8],
  ['aug', 8],
  ['september', 9],
  ['sep', 9],
  ['sept', 9],
  ['october', 10],
  ['oct', 10],
  ['november', 11],
  ['nov', 11],
  ['december', 12],
  ['dec', 12],
]);

/** Capitalised words that may be a month (checked against MONTHS), and numeric dates. */
const DATE_HINT =
  /\b(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|NOV|DEC)[A-Za-z]*|\d{4}-\d{2}-\d{2}|\d{1,2}\/\d{1,2}\/\d{2,4})\b/g;
/** Relative dates, read only when the caller gives the date the text was written. */
const RELATIVE_HINT = /\b(?:[Yy]esterday|[Tt]oday|[Tt]omorrow|(?:[Ll]ast|[Nn]ext|[Tt]his)[ \u00a0]+(?:month|year))\b/g;
/** How far a window reaches either side of a hint, before it is widened to a word boundary. */
const REACH = 32;
/**
 * Windows that touch are merged up to this length, then a new one starts
 * (overlapping the last, so no date is cut): chrono's cost grows faster than
 * the length of what it reads when that is full of dates.
 */
const MAX_WINDOW = 256;
/** Words before a bare month name that make it a date ("in March"), not a name ("April Ryan") or a verb ("May God…"). */
const BEFORE_BARE_MONTH =
  /(?:^|[^\p{L}])(?:in|since|until|till|by|from|to|through|of|during|last|next|this|early|mid|late|before|after|between|and|or|end|beginning|start|middle)[ \u00a0-]+$/iu;
const PART_BEFORE =
  /(?:(?:^|[^\p{L}])(early|mid|late)(?:[ \u00a0]+|-)|(?:^|[^\p{L}])((?:the[ \u00a0]+)?(?:beginning|start|middle|end)[ \u00a0]+of[ \u00a0]+(?:the[ \u00a0]+)?))$/iu;
const LEADING_WORDS = /^(?:(?:on|in|at|since|by|from|of|the)[ \u00a0]+)+/i;
const TRAILING_PUNCTUATION = /[\s,;:.]+$/;
const WORDS = /\p{L}+/gu;

type Part = NonNullable<FoundDate['part']>;
type ParsedComponents = ParsedResult['start'];

function partOf(word: string): Part {
  const w = word.toLowerCase();
  if (w.startsWith('mid')) return 'mid';
  if (w === 'late' || w.includes('end')) return 'late';
  if (w === 'early' || w.includes('beginning') || w.includes('start')) return 'early';
  return 'mid';
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

type Precision = 'year' | 'month' | 'day';

function partialDate(c: ParsedComponents, precision: Precision): string | null {
  const year = c.get('year');
  const month = c.get('month');
  const day = c.get('day');
  if (year === null || year < 1000 || year > 9999) return null;
  if (precision === 'year') return String(year);
  if (month === null) return null;
  if (precision === 'month') return `${year}-${pad(month)}`;
  if (day === null) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

function precisionOf(c: ParsedComponents): Precision | null {
  if (c.isCertain('day') && c.isCertain('month')) return 'day';
  if (c.isCertain('month')) return 'month';
  if (c.isCertain('year')) return 'year';
  return null;
}

/** Looks for "early", "mid-", "late", "the end of" just before `start`; returns the part and where its wording starts. */
function partBefore(text: string, start: number): { part: Part; start: number } | null {
  const from = Math.max(0, start - 28);
  const match = PART_BEFORE.exec(text.slice(from, start));
  const word = match?.[1] ?? match?.[2];
  if (!match || !word) return null;
  return { part: partOf(word), start: start - match[0].length + match[0].indexOf(word) };
}

/**
 * A bare year found by the number scanner ("2025", "in early 2024",
 * "mid-2024"): the partial date "YYYY", with the part of the year written
 * before it.
 */
export function yearFigure(text: string, start: number, end: number, year: number): FoundDate {
  const part = partBefore(text, start);
  const from = part ? part.start : start;
  return {
    kind: 'date',
    start: from,
    end,
    asReported: text.slice(from, end),
    date: String(year),
    ...(part ? { part: part.part } : {}),
  };
}

interface Window {
  start: number;
  end: number;
}

function isBoundary(ch: string | undefined): boolean {
  return ch === undefined || ch === '\u0000' || /\s/.test(ch);
}

/**
 * Whether a month name can start or end a date chrono would read and
 * fromChrono keep: a number near it ("April 4", "4 April", "April 2025"), or
 * the preposition a month alone needs ("in May", "end of April"). Skipping
 * the others ("Theresa May", "April Ryan", a column of month names) saves
 * chrono's time.
 */
function mayBeDate(text: string, start: number, end: number): boolean {
  if (/\d/.test(text.slice(Math.max(0, start - REACH), Math.min(text.length, end + REACH)))) return true;
  return BEFORE_BARE_MONTH.test(text.slice(Math.max(0, start - 16), start));
}

/** Windows around every date hint, widened to whitespace and merged where they touch. */
function dateWindows(text: string, relative: boolean): Window[] {
  const hints: Window[] = [];
  DATE_HINT.lastIndex = 0;
  for (let m = DATE_HINT.exec(text); m; m = DATE_HINT.exec(text)) {
    const token = m[0];
    const start = m.index;
    const end = start + token.length;
    if (/^\d/.test(token)) hints.push({ start, end });
    else if (MONTHS.has(token.toLowerCase()) && mayBeDate(text, start, end)) hints.push({ start, end });
  }
  if (relative) {
    RELATIVE_HINT.lastIndex = 0;
    for (let m = RELATIVE_HINT.exec(text); m; m = RELATIVE_HINT.exec(text)) {
      hints.push({ start: m.index, end: m.index + m[0].length });
    }
    hints.sort((a, b) => a.start - b.start);
  }
  const windows: Window[] = [];
  for (const hint of hints) {
    let start = Math.max(0, hint.start - REACH);
    let end = Math.min(text.length, hint.end + REACH);
    for (let i = 0; i < 16 && start > 0 && !isBoundary(text[start - 1]); i++) start--;
    for (let i = 0; i < 16 && end < text.length && !isBoundary(text[end]); i++) end++;
    const last = windows.at(-1);
    if (last && start <= last.end && end - last.start <= MAX_WINDOW) last.end = Math.max(last.end, end);
    else windows.push({ start, end });
  }
  return windows;
}

/** Whether every month name chrono read is capitalised: "in march" (the verb, lower case) is not a date. */
function monthNames(written: string): { any: boolean; capitalised: boolean } {
  let any = false;
  let capitalised = true;
  for (const word of written.match(WORDS) ?? []) {
    if (!MONTHS.has(word.toLowerCase())) continue;
    any = true;
    if (word[0] !== word[0]?.toUpperCase()) capitalised = false;
  }
  return { any, capitalised };
}

function fromChrono(text: string, result: ParsedResult, offset: number, relativeAllowed: boolean): FoundDate | null {
  let start = offset + result.index;
  let written = result.text;
  const lead = LEADING_WORDS.exec(written);
  if (lead) {
    start += lead[0].length;
    written = written.slice(lead[0].length);
  }
  written = written.replace(TRAILING_PUNCTUATION, '');
  if (written === '') return null;
  const end = start + written.length;

  const c = result.start;
  const months = monthNames(written);
  if (!months.capitalised) return null;
  const relative = !months.any && !/\d/.test(written);
  if (relative && (!relativeAllowed || c.isCertain('hour'))) return null;

  let precision = precisionOf(c);
  if (!precision) return null;
  const tags = result.tags();
  let part: Part | undefined;
  // "the end of April": chrono sets the last day, which was not written.
  if (tags.has('refiner/ENEndOfPeriodRefiner')) {
    precision = 'month';
    part = 'late';
  }
  // A month alone must follow a preposition: "April Ryan", "May God…" are not dates.
  if (precision === 'month' && !c.isCertain('year') && !relative && !part) {
    if (!BEFORE_BARE_MONTH.test(text.slice(Math.max(0, start - 16), start))) return null;
  }
  const date = partialDate(c, precision);
  if (!date) return null;

  let from = start;
  if (!part && precision !== 'day') {
    const before = partBefore(text, start);
    if (before) {
      part = before.part;
      from = before.start;
    }
  }
  const endDate = result.end && precisionOf(result.end) ? partialDate(result.end, precision) : null;
  return {
    kind: 'date',
    start: from,
    end,
    asReported: text.slice(from, end),
    date,
    ...(endDate && endDate !== date ? { endDate } : {}),
    ...(precision === 'day' ? { qualifier: 'exactly' as const } : {}),
    ...(!c.isCertain('year') ? { yearImplied: true } : {}),
    ...(part ? { part } : {}),
    ...(relative ? { relative: true } : {}),
  };
}

/** What makes a chrono pattern slow to compile: a large group repeated up to ten times. */
const SLOW_REPETITION = '){0,10}';

/** chrono's parser without its time-span parsers (see above), built on first use. */
function withoutTimeSpanParsers(chrono: Chrono): Chrono {
  // pattern() only reads the context's options; the patterns of these parsers do not depend on them.
  const probe = { option: {}, text: '', refDate: new Date(0) } as unknown as Parameters<Parser['pattern']>[0];
  const parsers = chrono.parsers.filter((parser) => !parser.pattern(probe).source.includes(SLOW_REPETITION));
  return new Chrono({ parsers, refiners: chrono.refiners });
}

const parsers: { us?: Chrono; dayFirst?: Chrono } = {};

/** The date parser findDates uses (exported for its test). */
export function dateParser(british: boolean): Chrono {
  if (british) {
    parsers.dayFirst ??= withoutTimeSpanParsers(GB);
    return parsers.dayFirst;
  }
  parsers.us ??= withoutTimeSpanParsers(casual);
  return parsers.us;
}

/**
 * Every date chrono reads in the text's date windows. `british` reads
 * 4/5/2025 as 4 May; `relative` also reads "yesterday", "last month"… from
 * the reference date.
 */
export function findDates(
  text: string,
  reference: Date,
  options: { british: boolean; relative: boolean },
): FoundDate[] {
  const parser = dateParser(options.british);
  const found: FoundDate[] = [];
  for (const window of dateWindows(text, options.relative)) {
    const slice = text.slice(window.start, window.end);
    for (const result of parser.parse(slice, reference)) {
      const date = fromChrono(text, result, window.start, options.relative);
      if (date) found.push(date);
    }
  }
  return found;
}
