import type { Figure } from '../dataset/schema';
import { sameFigure } from './anchor';
import type { FigureQualifier, FoundFigureKind } from './types';

/**
 * Comparing the figure a page reports with each outlet's version of the
 * claim, for the claim card. Kept apart from figure finding so the card's
 * code does not bring chrono-node into the content script.
 */

/** A figure the page reports, in the dataset's terms, as the card shows it beside each outlet's version. */
export interface PageFigure {
  kind: FoundFigureKind;
  /** The page's own wording ("up to 50", "$6 cardinal"). */
  asReported: string;
  value?: number;
  unit?: string;
  qualifier?: FigureQualifier;
  date?: string;
  /** A word read as part of the figure but not understood ("cardinal" where "million" stands). */
  unrecognised?: string;
}

/** What a claim mention is: which claim of the dataset, and the page's figure and wording. */
export interface PageClaim {
  claimId: string;
  /** The entities the claim is about that the figure's sentence names. */
  entityIds: string[];
  figure: PageFigure;
  /** The claim's key words the sentence uses ("requested"). */
  terms: string[];
}

/**
 * How an outlet's version compares with the page's figure:
 * - same: the same value (and currency), or the same date at the precision both give;
 * - different: the outlet gives another figure;
 * - none: the outlet gave no figure.
 * A page figure with a word that was not understood is never "same": its value is incomplete.
 */
export type FigureComparison = 'same' | 'different' | 'none';

export function compareFigure(page: PageFigure, version: Figure | undefined): FigureComparison {
  if (!version) return 'none';
  return sameFigure(page, version) ? 'same' : 'different';
}
