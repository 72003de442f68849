import { type AnchorableClaim, anchorClaims, containsWord, type EntityMentionAt } from './anchor';
import type { PageFigure } from './compare';
import { findFigures } from './figures';
import type { FindFiguresOptions, FoundFigure } from './types';

export type { PageFigure } from './compare';

/**
 * Claims on a page (issue 7, step 2, the part between the page and the
 * dataset): the content script sends the text of each block that names an
 * entity, with where the names are, and gets back the figures that are
 * claim mentions. It runs in the background, so the page never loads
 * chrono-node or pays for its first call (100–130 ms), and never holds the
 * dataset's claims. Pure: no DOM, no `browser`.
 */

/** One block of page text with the entity names the page's matcher found in it. */
export interface ClaimSearchBlock {
  text: string;
  /** The block's language (BCP 47); default: the options' `lang`. Figures are read only in English. */
  lang?: string;
  mentions: readonly EntityMentionAt[];
}

/** A figure of a block that is a claim mention: offsets into the block's text, and what it is. */
export interface FoundClaim {
  start: number;
  end: number;
  claimId: string;
  /** The entities the claim is about that the sentence names, in text order. */
  entityIds: string[];
  figure: PageFigure;
  /** The claim's key words that the sentence uses ("requested"), lower-cased. */
  terms: string[];
}

/** The page figure of a found one: the fields a card compares, and nothing of chrono's internals. */
export function pageFigure(figure: FoundFigure): PageFigure {
  const shown: PageFigure = { kind: figure.kind, asReported: figure.asReported };
  if (figure.qualifier) shown.qualifier = figure.qualifier;
  if (figure.kind === 'date') {
    shown.date = figure.date;
    return shown;
  }
  if (figure.value !== undefined) shown.value = figure.value;
  if (figure.unit) shown.unit = figure.unit;
  if (figure.kind === 'money' && figure.unrecognised) shown.unrecognised = figure.unrecognised.text;
  return shown;
}

export interface FindPageClaimsOptions extends FindFiguresOptions {
  /** Every entity the page names (default: those the blocks name). */
  pageEntityIds?: ReadonlySet<string>;
}

/**
 * The claim mentions in each block (same order as `blocks`). A block that
 * names no entity any claim is about is not read at all; a figure that
 * starts inside a name is part of the name.
 */
export function findPageClaims(
  blocks: readonly ClaimSearchBlock[],
  claims: readonly AnchorableClaim[],
  options: FindPageClaimsOptions = {},
): FoundClaim[][] {
  const pageEntityIds =
    options.pageEntityIds ?? new Set(blocks.flatMap((block) => block.mentions.map((m) => m.entityId)));
  const claimed = new Set(claims.flatMap((claim) => claim.about));
  const byId = new Map(claims.map((claim) => [claim.id, claim]));
  return blocks.map((block) => {
    const mentions = block.mentions.filter((mention) => claimed.has(mention.entityId));
    if (mentions.length === 0) return [];
    // A number inside a name ("G7") is part of the name; a figure may end in one ("238 Venezuelan men").
    const figures = findFigures(block.text, { ...options, lang: block.lang ?? options.lang }).filter(
      (figure) => !block.mentions.some((mention) => mention.start <= figure.start && figure.start < mention.end),
    );
    return anchorClaims(block.text, mentions, figures, claims, { pageEntityIds }).map((anchored) => {
      const sentence = block.text.slice(anchored.sentence.start, anchored.sentence.end).toLowerCase();
      const terms = (byId.get(anchored.claimId)?.terms ?? []).filter((term) => containsWord(sentence, term));
      return {
        start: anchored.figure.start,
        end: anchored.figure.end,
        claimId: anchored.claimId,
        entityIds: anchored.entityIds,
        figure: pageFigure(anchored.figure),
        terms,
      };
    });
  });
}
