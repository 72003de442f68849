import type { Claim, Figure, FigureKind } from '../dataset/schema';
import type { FoundFigure } from './types';

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

/** The claims of a dataset in the form anchoring needs (no "text" claims: they carry no figure to find). */
export function anchorableClaims(claims: readonly Claim[]): AnchorableClaim[] {
  return claims
    .filter((claim) => claim.figureKind !== 'text')
    .map((claim) => ({
      id: claim.id,
      about: claim.about,
      figureKind: claim.figureKind,
      terms: [...new Set(claim.versions.flatMap((version) => (version.term ? [version.term.toLowerCase()] : [])))],
      figures: claim.versions.flatMap((version) => (version.figure ? [version.figure] : [])),
    }));
}

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
  locale = 'en',
): ClaimMention[] {
  if (figures.length === 0 || entityMentions.length === 0 || claims.length === 0) return [];
  const sentences = sentencesOf(text, locale);
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
      if (claim.figureKind !== figure.kind) continue;
      const about = [...new Set(named.filter((id) => claim.about.includes(id)))];
      if (about.length === 0) continue;
      const score = [
        claim.figures.some((given) => sameFigure(figure, given)) ? 1 : 0,
        claim.terms.filter((term) => containsWord(words, term)).length,
        about.length,
      ];
      if (!best || isBetter(score, best.score)) best = { claim, score, about };
    }
    if (best) found.push({ claimId: best.claim.id, figure, entityIds: best.about, sentence });
  }
  return found;
}

function isBetter(score: readonly number[], than: readonly number[]): boolean {
  for (let index = 0; index < score.length; index++) {
    const difference = (score[index] as number) - (than[index] as number);
    if (difference !== 0) return difference > 0;
  }
  return false;
}

/** `word` as a whole word (or phrase) of `text`, both lower-cased. */
function containsWord(text: string, word: string): boolean {
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
 * give. A figure with an unrecognised word is never the same: its value is
 * known to be incomplete.
 */
export function sameFigure(found: FoundFigure, given: Figure): boolean {
  if (found.kind === 'date') {
    if (!given.date) return false;
    const shorter = Math.min(found.date.length, given.date.length);
    return found.date.slice(0, shorter) === given.date.slice(0, shorter) && shorter >= 7;
  }
  if (found.kind === 'money' && found.unrecognised) return false;
  if (found.value === undefined || given.value === undefined || found.value !== given.value) return false;
  return found.kind !== 'money' || found.unit === undefined || given.unit === undefined || found.unit === given.unit;
}
