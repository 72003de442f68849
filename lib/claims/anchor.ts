import type { Claim, Entity, Figure, FigureKind } from '../dataset/schema';
import type { FoundCount, FoundFigure, FoundMoney } from './types';

/**
 * Claim anchoring (issue 7, step 2): a figure the page reports is a claim
 * mention when the same sentence names an entity that a dataset claim is
 * about, and the claim's figures are of the figure's kind. "$100,000" next
 * to "Rwanda" anchors the claim about what Rwanda was paid or asked for;
 * "10 more" there anchors the claim about how many more people it takes.
 *
 * Pure: the caller finds the entity mentions (the matcher) and the figures
 * (findFigures) in one block of text, and this pairs them up.
 */

/** What anchoring needs of a claim: small enough to travel with a page's index. */
export interface AnchorableClaim {
  id: string;
  about: readonly string[];
  figureKind: FigureKind;
  /** The key words of its versions, lower-cased ("requested", "paid"). */
  terms: readonly string[];
  /** The figures its versions give. */
  figures: readonly Figure[];
  /**
   * The entities a page about the claim names: those it is about, and the
   * parties of the deals it is about (a page on the US–Rwanda talks names
   * the United States even when the claim is about Rwanda alone).
   */
  context: readonly string[];
  /**
   * Every outlet's figure is a count of more ("at least ten more", "10 more"): the claim is about how many
   * more, so a page's "one man" is not one of its figures, while "10 more" or "a further ten" is.
   */
  additional: boolean;
}

/** What anchoring reads of the page around the text. */
export interface AnchorOptions {
  /** The language of the text, for sentence boundaries (default English). */
  locale?: string;
  /**
   * Every entity the page names. When given, a claim's figure anchors only on a page that names two of
   * the claim's context entities, unless it is the very figure an outlet gave.
   */
  pageEntityIds?: ReadonlySet<string>;
}

export interface EntityMentionAt {
  start: number;
  end: number;
  entityId: string;
}

export interface ClaimMention {
  claimId: string;
  figure: FoundFigure;
  /** The entities named in the figure's sentence that the claim is about, in text order. */
  entityIds: string[];
  /** The sentence, as [start, end) offsets into the text. */
  sentence: { start: number; end: number };
}

/**
 * The claims of a dataset in the form anchoring needs (no "text" claims:
 * they carry no figure to find); `entities` give the deals' parties.
 */
export function anchorableClaims(claims: readonly Claim[], entities: readonly Entity[] = []): AnchorableClaim[] {
  const partiesOf = new Map(entities.map((entity) => [entity.id, entity.deal?.parties ?? []]));
  return claims
    .filter((claim) => claim.figureKind !== 'text')
    .map((claim) => ({
      id: claim.id,
      about: claim.about,
      figureKind: claim.figureKind,
      terms: [...new Set(claim.versions.flatMap((version) => (version.term ? [version.term.toLowerCase()] : [])))],
      figures: claim.versions.flatMap((version) => (version.figure ? [version.figure] : [])),
      context: [...new Set([...claim.about, ...claim.about.flatMap((id) => partiesOf.get(id) ?? [])])],
      additional:
        claim.figureKind === 'count' &&
        claim.versions.some((version) => version.figure) &&
        claim.versions.every((version) => !version.figure || MORE.test(version.figure.asReported)),
    }));
}

/** How a count of more is written: "10 more", "a further ten", "additional". */
const MORE = /\b(?:more|further|additional|another)\b/i;

/** On a page that names fewer of a claim's context entities, only the very figure an outlet gave anchors it. */
const CONTEXT_ON_PAGE = 2;

/** Sentence boundaries of `text`, from the platform's own segmenter. */
export function sentencesOf(text: string, locale = 'en'): Array<{ start: number; end: number }> {
  const segmenter = new Intl.Segmenter(locale, { granularity: 'sentence' });
  return Array.from(segmenter.segment(text), ({ index, segment }) => ({ start: index, end: index + segment.length }));
}

/**
 * The claim mentions in one text: each figure paired with the best claim
 * about an entity of its sentence, or with none. Among several candidate
 * claims the one whose versions give the same figure wins, then the one
 * whose key words the sentence uses, then the one about more of the
 * sentence's entities, then dataset order.
 */
export function anchorClaims(
  text: string,
  entityMentions: readonly EntityMentionAt[],
  figures: readonly FoundFigure[],
  claims: readonly AnchorableClaim[],
  options: AnchorOptions = {},
): ClaimMention[] {
  if (figures.length === 0 || entityMentions.length === 0 || claims.length === 0) return [];
  const sentences = sentencesOf(text, options.locale);
  const { pageEntityIds } = options;
  const found: ClaimMention[] = [];
  for (const figure of figures) {
    const sentence = sentences.find((candidate) => figure.start >= candidate.start && figure.start < candidate.end);
    if (!sentence) continue;
    const named = entityMentions
      .filter((mention) => mention.start >= sentence.start && mention.end <= sentence.end)
      .map((mention) => mention.entityId);
    if (named.length === 0) continue;
    const words = text.slice(sentence.start, sentence.end).toLowerCase();
    let best: { claim: AnchorableClaim; score: number[]; about: string[] } | null = null;
    for (const claim of claims) {
      if (claim.figureKind !== figure.kind || !fitsClaim(figure, claim)) continue;
      const about = [...new Set(named.filter((id) => claim.about.includes(id)))];
      if (about.length === 0) continue;
      const sameAsAVersion = claim.figures.some((given) => sameFigure(figure, given));
      const spunVersion = claim.figures.some((given) => sameUpToMultiplier(figure, given));
      // A page about something else names the United States beside many sums, none of them the claim's.
      if (pageEntityIds && !sameAsAVersion && !spunVersion && countIn(claim.context, pageEntityIds) < CONTEXT_ON_PAGE) {
        continue;
      }
      const termsUsed = claim.terms.filter((term) => containsWord(words, term)).length;
      // One entity in the sentence is thin evidence on its own ("the United States ($17.6b)" in a page about
      // trade): the figure must also be near one an outlet gave, or the sentence use the claim's words, or
      // the paragraph name a second entity of the claim. A date must be an outlet's, or come with its words:
      // "since late January" beside two of the claim's entities is not the day a cable was sent. So must a
      // count that says nothing of what it counts ("4 more" in "word 4 more 4").
      const vague = figure.kind === 'date' || (figure.kind === 'count' && !figure.unit && !figure.noun);
      const evidence =
        sameAsAVersion ||
        termsUsed > 0 ||
        (!vague && (nearAVersion(figure, claim) || aboutInText(entityMentions, claim) >= 2));
      if (!evidence) continue;
      const score = [sameAsAVersion ? 1 : 0, termsUsed, about.length];
      if (!best || isBetter(score, best.score)) best = { claim, score, about };
    }
    if (best) found.push({ claimId: best.claim.id, figure, entityIds: best.about, sentence });
  }
  return found;
}

function countIn(ids: readonly string[], set: ReadonlySet<string>): number {
  return ids.filter((id) => set.has(id)).length;
}

/** How many distinct entities of the claim the whole text names. */
function aboutInText(mentions: readonly EntityMentionAt[], claim: AnchorableClaim): number {
  return new Set(mentions.filter((mention) => claim.about.includes(mention.entityId)).map((m) => m.entityId)).size;
}

/** How many times larger or smaller than an outlet's a sum or count may be and still be near it. */
const NEAR_FACTOR = 100;

/**
 * Whether a sum or count is of the size outlets gave: within NEAR_FACTOR of
 * a version's, or a sum whose multiplier was not understood ("$6 cardinal": spun text keeps
 * the number, not the word).
 */
function nearAVersion(figure: FoundMoney | FoundCount, claim: AnchorableClaim): boolean {
  if (figure.kind === 'money' && figure.unrecognised?.role === 'multiplier') return true;
  const value = figure.value ?? figure.magnitude;
  if (value === undefined || value <= 0) return false;
  return claim.figures.some(
    (given) =>
      given.value !== undefined && given.value > 0 && Math.max(value / given.value, given.value / value) <= NEAR_FACTOR,
  );
}

/**
 * "$6 cardinal" for an outlet's "$6 million": a sum whose multiplier word
 * was not understood, and whose number is the outlet's but for a power of a
 * thousand. Machine-spun copies keep the number and mangle the word.
 */
function sameUpToMultiplier(figure: FoundFigure, given: Figure): boolean {
  if (figure.kind !== 'money' || figure.unrecognised?.role !== 'multiplier') return false;
  if (!figure.value || !given.value || (figure.unit && given.unit && figure.unit !== given.unit)) return false;
  const ratio = given.value / figure.value;
  return [1e3, 1e6, 1e9, 1e12].some((power) => Math.abs(ratio - power) < power * 1e-9);
}

/** The calendar year of a partial date ("2025-04" → 2025). */
const yearOf = (date: string) => Number(date.slice(0, 4));

/**
 * Whether a figure could be one of the claim's at all, whatever the words
 * around it: a count of people for a claim counting people, a sum in the
 * claim's currency, a date near the claim's.
 */
function fitsClaim(figure: FoundFigure, claim: AnchorableClaim): boolean {
  const units = new Set(claim.figures.flatMap((given) => (given.unit ? [given.unit] : [])));
  if (figure.kind === 'date') {
    // A year alone is everywhere (bylines, copyright lines, "since 2025"): it anchors only a claim an outlet dated to that year alone.
    if (figure.date.length < 7 && !claim.figures.some((given) => given.date === figure.date)) return false;
    // A date years away from every version's is another event ("on 21 May 1840").
    const years = claim.figures.flatMap((given) => (given.date ? [yearOf(given.date)] : []));
    return years.length === 0 || years.some((year) => Math.abs(year - yearOf(figure.date)) <= MAX_YEARS_APART);
  }
  if (figure.kind === 'count') {
    if (claim.additional && !figure.additional) return false;
    // A bare number ("[14]", "in 1788", a list's "8.") says nothing of what it counts, unless it is the
    // very number outlets gave ("238 Venezuelan males" in spun text, where the noun is not one we know).
    const bare = !figure.unit && !figure.noun && !figure.additional && !figure.qualifierText;
    if (bare && figure.magnitude === undefined && !claim.figures.some((given) => sameFigure(figure, given))) {
      return false;
    }
  }
  // A known unit must be the claim's: "1,100 jobs" is not a count of people, NZ$ not US dollars.
  return figure.unit === undefined || units.size === 0 || units.has(figure.unit);
}

/** How far from the dates outlets gave a page's date may be and still be the same event, told differently. */
const MAX_YEARS_APART = 2;

function isBetter(score: readonly number[], than: readonly number[]): boolean {
  for (let index = 0; index < score.length; index++) {
    const difference = (score[index] as number) - (than[index] as number);
    if (difference !== 0) return difference > 0;
  }
  return false;
}

/** `word` as a whole word (or phrase) of `text`, both lower-cased. */
export function containsWord(text: string, word: string): boolean {
  let at = text.indexOf(word);
  while (at >= 0) {
    const before = text.charAt(at - 1);
    const after = text.charAt(at + word.length);
    if (!/[\p{L}\p{N}]/u.test(before) && !/[\p{L}\p{N}]/u.test(after)) return true;
    at = text.indexOf(word, at + 1);
  }
  return false;
}

/**
 * Whether a figure found on the page is the one an outlet gave: the same
 * value (and currency, for money), or the same date at the precision both
 * give (at least the month, unless both give a year alone). A figure with an unrecognised word is never the same: its value is
 * known to be incomplete.
 */
export function sameFigure(found: ComparableFigure, given: Figure): boolean {
  if (found.kind === 'date') {
    if (!given.date || !found.date) return false;
    const shorter = Math.min(found.date.length, given.date.length);
    // Two bare years are the same figure; otherwise a shared year says too little.
    const precise = shorter >= 7 || found.date.length === given.date.length;
    return found.date.slice(0, shorter) === given.date.slice(0, shorter) && precise;
  }
  if (found.kind === 'money' && found.unrecognised) return false;
  if (found.value === undefined || given.value === undefined || found.value !== given.value) return false;
  return found.kind !== 'money' || found.unit === undefined || given.unit === undefined || found.unit === given.unit;
}

/** What sameFigure reads of a figure: a FoundFigure, or the page figure a card was sent. */
export interface ComparableFigure {
  kind: FoundFigure['kind'];
  value?: number;
  unit?: string;
  date?: string;
  /** Set when a word of the figure was not understood. */
  unrecognised?: unknown;
}
