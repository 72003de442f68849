import type { Figure, figureQualifiers } from '../dataset/schema';

/** How a figure is bounded: the dataset's `figureQualifiers`. */
export type FigureQualifier = (typeof figureQualifiers)[number];

/** A figure kind that can be found in page text (the dataset's `text` kind is wording only). */
export type FoundFigureKind = 'money' | 'count' | 'date';

/**
 * A word read as part of a figure but not understood, kept rather than
 * dropped: issue 7 wants an unknown unit shown as "unrecognised unit". Its
 * offsets are in the original text, inside the figure's [start, end).
 *
 * - `multiplier`: a word where a multiplier stands ("$6 cardinal", "6 cardinal
 *   dollars": a machine-spun "million"). The figure's `value` is the number
 *   as written without it (6), so it is known to be incomplete.
 * - `currency`: a currency word or sign that does not say which currency
 *   ("francs", "¥"); the money figure then has no `unit`.
 */
export interface UnrecognisedWord {
  role: 'multiplier' | 'currency';
  text: string;
  start: number;
  end: number;
}

interface FoundFigureBase {
  kind: FoundFigureKind;
  /** Offset of the first UTF-16 code unit of the figure in the text. */
  start: number;
  /** Offset just past the figure: `text.slice(start, end) === asReported`. */
  end: number;
  /**
   * The page's wording, qualifier included ("up to 50", "late January 2025"),
   * as the dataset's `Figure.asReported`.
   */
  asReported: string;
  /**
   * The dataset's qualifier: from the words written ("about", "as many as",
   * "or more"), else `exactly` when the figure is one precise number or a
   * day; absent for a vague figure ("dozens") and for a month or a year.
   */
  qualifier?: FigureQualifier;
  /** The qualifier as written, lower-cased ("nearly", "as many as"). */
  qualifierText?: string;
}

export interface FoundMoney extends FoundFigureBase {
  kind: 'money';
  /** The amount with every recognised multiplier applied ("$6 million" → 6000000); absent for "millions of dollars". */
  value?: number;
  /** ISO 4217 code; absent when the currency is not recognised (see `unrecognised`). */
  unit?: string;
  /** For an amount given as a magnitude only ("millions of dollars" → 1e6). */
  magnitude?: number;
  unrecognised?: UnrecognisedWord;
}

export interface FoundCount extends FoundFigureBase {
  kind: 'count';
  /** Absent for a vague count ("dozens", "hundreds of migrants"). */
  value?: number;
  /**
   * For a vague count, the magnitude it is a multiple of: 12 for "dozens",
   * 100 for "hundreds", 10,000 for "tens of thousands".
   */
  magnitude?: number;
  /** The dataset's count unit when the noun is known ("migrants" → "person", "countries" → "country"). */
  unit?: string;
  /** The noun as written ("Venezuelan men", "asylum seekers"), when one is known. */
  noun?: string;
  /** "10 more", "at least ten more": the count is in addition to others. */
  additional?: boolean;
}

export interface FoundDate extends FoundFigureBase {
  kind: 'date';
  /**
   * The dataset's partial date at the precision written: "2025", "2025-01",
   * "2025-04-04". A day is never invented ("the end of April" is "2025-04").
   */
  date: string;
  /** The end of a range ("12 to 13 March 2025" → date "2025-03-12", endDate "2025-03-13"). */
  endDate?: string;
  /** The year was not written ("April 4"): it is the one nearest the reference date. */
  yearImplied?: boolean;
  /** "early 2024", "mid-March", "late January", "the end of April". */
  part?: 'early' | 'mid' | 'late';
  /** "yesterday", "last month": read from the reference date. */
  relative?: boolean;
}

/** A figure found in text, with its offsets, kind, normalised value and wording. */
export type FoundFigure = FoundMoney | FoundCount | FoundDate;

/** The dataset's fields, for comparing a page's figure with an outlet's version. */
export type FigureFields = Pick<Figure, 'asReported' | 'value' | 'unit' | 'qualifier' | 'date'>;

export interface FindFiguresOptions {
  /**
   * The date the text was written (the article's publication date): years
   * left out ("April 4") and relative dates ("last month") are read from it.
   * Default: now. Relative dates are reported only when it is given.
   */
  referenceDate?: Date;
  /**
   * The text's language (BCP 47, e.g. the page's `lang`). Only English is
   * read; `en-GB` (and other non-US English) reads 4/5/2025 as 4 May. For
   * another language nothing is returned, since reading "6,5" or "100.000"
   * the English way would give a wrong figure. Default: English.
   */
  lang?: string;
}
