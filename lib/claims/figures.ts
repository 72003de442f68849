import { findAmounts } from './amounts';
import { findDates } from './dates';
import type { FigureFields, FindFiguresOptions, FoundFigure, FoundFigureKind } from './types';

export type {
  FigureFields,
  FigureQualifier,
  FindFiguresOptions,
  FoundCount,
  FoundDate,
  FoundFigure,
  FoundFigureKind,
  FoundMoney,
  UnrecognisedWord,
} from './types';

/**
 * Figure detection in page text (issue 7, step 1): money, counts and dates,
 * each with its offsets in the text, its normalised reading in the dataset's
 * terms (lib/dataset/schema.ts `Figure`) and its wording. Pure: strings in,
 * objects out, no DOM.
 *
 * - Money: "$100,000", "US$6m", "£120m", "€5bn", "100,000 dollars",
 *   "6 million dollars", "USD 5 million", "Rwandan francs"; `unit` is ISO 4217.
 * - Counts: "131 people", "up to 50", "at least ten more", "dozens",
 *   "hundreds of migrants", "a dozen", number words to "ninety-nine
 *   thousand…"; `unit` is the dataset's count unit for a known noun ("person").
 * - Dates (chrono-node): "April 4", "4 April 2025", "late January", "in
 *   March", "2025"; `date` is a partial date at the precision written.
 *
 * Not figures, and never read as one: percentages ("40%", "40 per cent" —
 * skipped, so their number is not a count either), times ("10:30", "5 pm"),
 * phone numbers, ordinals ("the 3rd group"), measures and durations ("10 km",
 * "five years"), labels ("Page 2", "Article 3"), numbers inside names ("G7",
 * "COVID-19"), compound adjectives ("10-year"), "one" on its own.
 */

/** Which kind wins when two figures of the same length overlap. */
const PRIORITY: Record<FoundFigureKind, number> = { date: 0, money: 1, count: 2 };

function isEnglish(lang: string | undefined): boolean {
  return lang === undefined || lang === '' || /^en(?:-|$)/i.test(lang);
}

/** English outside the US writes the day first: 4/5/2025 is 4 May. */
function isDayFirst(lang: string | undefined): boolean {
  return lang !== undefined && /^en-/i.test(lang) && !/^en-(?:US|PH|CA)\b/i.test(lang);
}

/**
 * Keeps the longest of overlapping figures (the most specific: "4 April 2025"
 * over the count "4" and the year "2025", "131 people" over "131"); at equal
 * length a date beats money, which beats a count. Input in any order; output
 * sorted by start.
 */
function withoutOverlaps(figures: FoundFigure[]): FoundFigure[] {
  const byStart = [...figures].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: FoundFigure[] = [];
  let cluster: FoundFigure[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const ranked = [...cluster].sort(
      (a, b) => b.end - b.start - (a.end - a.start) || PRIORITY[a.kind] - PRIORITY[b.kind] || a.start - b.start,
    );
    const chosen: FoundFigure[] = [];
    for (const figure of ranked) {
      if (chosen.every((other) => figure.end <= other.start || figure.start >= other.end)) chosen.push(figure);
    }
    kept.push(...chosen.sort((a, b) => a.start - b.start));
  };
  for (const figure of byStart) {
    if (figure.start >= clusterEnd && cluster.length > 0) {
      flush();
      cluster = [];
    }
    cluster.push(figure);
    clusterEnd = Math.max(clusterEnd, figure.end);
  }
  if (cluster.length > 0) flush();
  return kept;
}

/**
 * Every money figure, count and date in `text`, in text order, none
 * overlapping another; offsets are UTF-16 indices into `text`, and
 * `text.slice(start, end) === asReported`.
 *
 * `referenceDate` (the article's date) gives the year of "April 4" and the
 * meaning of "last month"; relative dates are reported only when it is
 * given. `lang` other than English returns [] (see FindFiguresOptions).
 */
export function findFigures(text: string, options: FindFiguresOptions = {}): FoundFigure[] {
  if (!isEnglish(options.lang) || text === '') return [];
  const reference = options.referenceDate ?? new Date();
  const dates = findDates(text, reference, {
    british: isDayFirst(options.lang),
    relative: options.referenceDate !== undefined,
  });
  return withoutOverlaps([...dates, ...findAmounts(text)]);
}

/**
 * The dataset's fields of a found figure (`asReported`, `value`, `unit`,
 * `qualifier`, `date`), to compare with an outlet's version of a claim. An
 * unrecognised word is not in them: check `figure.unrecognised` first.
 */
export function figureFields(figure: FoundFigure): FigureFields {
  const fields: FigureFields = { asReported: figure.asReported };
  if (figure.qualifier) fields.qualifier = figure.qualifier;
  if (figure.kind === 'date') {
    fields.date = figure.date;
    return fields;
  }
  if (figure.value !== undefined) fields.value = figure.value;
  if (figure.unit) fields.unit = figure.unit;
  return fields;
}
