import { outletRef } from '../card/build-entity-card';
import type { OutletRef } from '../card/entity-card';
import { compareFigure, type FigureComparison, type PageFigure } from '../claims/compare';
import type { Dataset } from '../dataset/schema';

/**
 * Story match (issue 7, step 4): which of the dataset's stories a page
 * covers, from the entities it names and the claims its figures anchor; for
 * the popup's "This page covers: …", with the other outlets' versions of the
 * story and the claims where this page's figure differs from theirs. Pure.
 */

/** What the page found: its entities and its claim mentions. */
export interface PageFindings {
  entityIds: readonly string[];
  claims: ReadonlyArray<{ claimId: string; figure: PageFigure }>;
}

export interface StoryVersionView {
  outlet: OutletRef;
  datePublished: string;
  angle: string;
  headline?: string;
  url?: string;
}

/** A claim of the story whose figure on this page differs from at least one outlet's. */
export interface StoryDifference {
  claimId: string;
  statement: string;
  /** The page's figure (a page that gives the claim two ways has a difference for each way that differs). */
  page: PageFigure;
  versions: Array<{ outlet: OutletRef; figure?: string; term?: string; comparison: FigureComparison }>;
}

export interface StoryMatch {
  id: string;
  title: string;
  date: string;
  /** How many of the story's entities and claims the page has. */
  entities: number;
  claims: number;
  versions: StoryVersionView[];
  differences: StoryDifference[];
}

/** Stories covered by fewer of their entities than this, and none of their claims, are not offered. */
const MIN_ENTITIES = 3;
/** The popup shows this many stories at most: the page's main story, and one more it also covers. */
const MAX_STORIES = 2;

/**
 * The stories the page covers, best first: a story counts when the page
 * gives one of its claims, or names three of its entities (all of them, for
 * a story about fewer). A claim weighs as much as three entities: a figure
 * beside the story's names is the surest sign a page reports that story.
 */
export function matchStories(dataset: Dataset, page: PageFindings): StoryMatch[] {
  const entityIds = new Set(page.entityIds);
  // Each claim with the distinct figures the page gives it ("$100,000" twice is one).
  const claimsOnPage = new Map<string, Map<string, PageFigure>>();
  for (const { claimId, figure } of page.claims) {
    const figures = claimsOnPage.get(claimId) ?? new Map<string, PageFigure>();
    if (!figures.has(figure.asReported)) figures.set(figure.asReported, figure);
    claimsOnPage.set(claimId, figures);
  }
  const outlets = new Map(dataset.outlets.map((outlet) => [outlet.id, outlet]));
  const claimsById = new Map(dataset.claims.map((claim) => [claim.id, claim]));

  const scored = dataset.stories.flatMap((story) => {
    const entities = story.about.filter((id) => entityIds.has(id)).length;
    const claims = story.claims.filter((id) => claimsOnPage.has(id));
    if (claims.length === 0 && entities < Math.min(MIN_ENTITIES, story.about.length)) return [];
    const differences = claims.flatMap((claimId): StoryDifference[] => {
      const claim = claimsById.get(claimId);
      if (!claim) return [];
      return [...(claimsOnPage.get(claimId)?.values() ?? [])].flatMap((figure) => {
        const versions = claim.versions.map((version) => ({
          outlet: outletRef(version.outlet, outlets),
          ...(version.figure ? { figure: version.figure.asReported } : {}),
          ...(version.term ? { term: version.term } : {}),
          comparison: compareFigure(figure, version.figure),
        }));
        if (!versions.some((version) => version.comparison === 'different')) return [];
        return [{ claimId, statement: claim.statement, page: figure, versions }];
      });
    });
    const match: StoryMatch = {
      id: story.id,
      title: story.title,
      date: story.date,
      entities,
      claims: claims.length,
      versions: story.versions.map((version) => ({
        outlet: outletRef(version.outlet, outlets),
        datePublished: version.datePublished,
        angle: version.angle,
        ...(version.headline ? { headline: version.headline } : {}),
        ...(version.url ? { url: version.url } : {}),
      })),
      differences,
    };
    return [{ match, score: claims.length * 3 + entities }];
  });
  return scored
    .sort((a, b) => b.score - a.score)
    .slice(0, MAX_STORIES)
    .map(({ match }) => match);
}
