import { figureQualifiers } from './dataset/schema';
import { builtOnFirstUse, z } from './zod';

/**
 * Every runtime message Crossread sends, one zod schema each. Receivers parse
 * with these and ignore anything that does not fit: a message may come from a
 * stale content script of an older version, or be forged.
 *
 * The schemas are built on first use, not when the module loads: building a
 * zod object runs zod's set-up code, several milliseconds in a content
 * script's cold start on every page, while a content script needs a schema
 * only when the popup asks it something.
 */
function buildSchemas() {
  /** A figure a page reports, in the dataset's terms (lib/claims/compare.ts PageFigure). */
  const pageFigure = z.strictObject({
    kind: z.enum(['money', 'count', 'date']),
    asReported: z.string().max(300),
    value: z.number().finite().optional(),
    unit: z.string().max(40).optional(),
    qualifier: z.enum(figureQualifiers).optional(),
    date: z.string().max(10).optional(),
    unrecognised: z.string().max(100).optional(),
  });
  /** Popup → content script: what have you highlighted on this page? */
  const pageMentionsRequest = z.object({ type: z.literal('crossread:get-page-mentions') });
  const pageClaims = z.array(z.strictObject({ claimId: z.string().min(1).max(300), figure: pageFigure })).max(1_000);
  const entityCount = z.object({
    entityId: z.string().max(300),
    name: z.string().max(300),
    kind: z.string().max(100),
    count: z.number().int().nonnegative(),
  });
  /** Content script → popup: the answer to a page-mentions request. */
  const pageMentions = z.object({
    total: z.number().int().nonnegative(),
    entities: z.array(entityCount).max(10_000),
    /** True when the user turned Crossread off on this site or everywhere: nothing is highlighted, and the popup says why. */
    siteDisabled: z.boolean().optional(),
    /**
     * The page's host name, for the popup's switch for this site (so the popup needs no tabs permission).
     * Optional only so an answer without it is still read: the popup then shows no site switch.
     */
    hostname: z.string().max(300).optional(),
    /** The figures on the page that are claim mentions, for the popup's story match. */
    claims: pageClaims.optional(),
  });
  /** Content script → background: the mention count changed (drives the toolbar badge). */
  const mentionCountReport = z.object({
    type: z.literal('crossread:mention-count'),
    total: z.number().int().nonnegative(),
  });
  const entityId = z.string().min(1).max(300);
  /** Content script → background: the fact card of one entity of the active dataset. */
  const entityCardRequest = z.strictObject({ type: z.literal('crossread:get-entity-card'), entityId });
  /** Popup → content script: scroll to the first mention of an entity and open its card. */
  const revealEntity = z.strictObject({ type: z.literal('crossread:reveal-entity'), entityId });
  /** Background (keyboard shortcut) → content script: move to the next or previous mention and open its card. */
  const navigateMentions = z.strictObject({
    type: z.literal('crossread:navigate-mentions'),
    direction: z.enum(['next', 'previous']),
  });
  const offset = z.number().int().nonnegative().max(MAX_CLAIM_BLOCK_CHARS);
  /**
   * Content script → background: which figures of these blocks are claim mentions? Each block is page text
   * that names an entity, with where the names are. It goes to Crossread's own background and no further.
   */
  const claimsRequest = z.strictObject({
    type: z.literal('crossread:find-claims'),
    /** The article's publication date (YYYY-MM-DD…), which gives "April 4" its year. */
    published: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}/)
      .max(40)
      .optional(),
    /** Every entity the page names: a claim's figures count only on a page that names two of its entities. */
    pageEntityIds: z.array(entityId).max(10_000),
    blocks: z
      .array(
        z.strictObject({
          text: z.string().max(MAX_CLAIM_BLOCK_CHARS),
          /** The block's language (the nearest `lang` attribute): figures are read only in English. */
          lang: z.string().max(35).optional(),
          mentions: z.array(z.strictObject({ start: offset, end: offset, entityId })).max(1_000),
        }),
      )
      .max(MAX_CLAIM_BLOCKS),
  });
  /** Popup → background: which of the active dataset's stories does a page with these entities and claims cover? */
  const storyMatchRequest = z.strictObject({
    type: z.literal('crossread:match-stories'),
    entityIds: z.array(z.string().min(1).max(300)).max(10_000),
    claims: pageClaims,
  });
  return {
    storyMatchRequest,
    claimsRequest,
    pageMentionsRequest,
    entityCount,
    pageMentions,
    mentionCountReport,
    entityCardRequest,
    revealEntity,
    navigateMentions,
  };
}

/** The most text one block may send for claim finding; a longer block is not searched for claims. */
export const MAX_CLAIM_BLOCK_CHARS = 20_000;
/** The most blocks one claims request carries; a page with more sends several. */
export const MAX_CLAIM_BLOCKS = 500;

type Schemas = ReturnType<typeof buildSchemas>;
const messageSchemas = builtOnFirstUse(buildSchemas);

/** Popup → content script: what have you highlighted on this page? */
export const pageMentionsRequestSchema = (): Schemas['pageMentionsRequest'] => messageSchemas().pageMentionsRequest;
/** Content script → popup: the answer to a page-mentions request. */
export const pageMentionsSchema = (): Schemas['pageMentions'] => messageSchemas().pageMentions;
/** Content script → background: the mention count changed (drives the toolbar badge). */
export const mentionCountReportSchema = (): Schemas['mentionCountReport'] => messageSchemas().mentionCountReport;

/** Content script → background: the fact card of one entity of the active dataset. */
export const entityCardRequestSchema = (): Schemas['entityCardRequest'] => messageSchemas().entityCardRequest;
/** Popup → content script: scroll to the first mention of an entity and open its card. */
export const revealEntitySchema = (): Schemas['revealEntity'] => messageSchemas().revealEntity;
/** Background (keyboard shortcut) → content script: move to the next or previous mention and open its card. */
export const navigateMentionsSchema = (): Schemas['navigateMentions'] => messageSchemas().navigateMentions;

/** Content script → background: which figures of these blocks are claim mentions? */
export const claimsRequestSchema = (): Schemas['claimsRequest'] => messageSchemas().claimsRequest;

/** Popup → background: which stories does a page with these entities and claims cover? */
export const storyMatchRequestSchema = (): Schemas['storyMatchRequest'] => messageSchemas().storyMatchRequest;

export type ClaimsRequest = z.infer<Schemas['claimsRequest']>;
export type StoryMatchRequest = z.infer<Schemas['storyMatchRequest']>;
export type PageMentionsRequest = z.infer<Schemas['pageMentionsRequest']>;
export type PageMentions = z.infer<Schemas['pageMentions']>;
export type EntityCount = z.infer<Schemas['entityCount']>;
export type MentionCountReport = z.infer<Schemas['mentionCountReport']>;
export type EntityCardRequest = z.infer<Schemas['entityCardRequest']>;
export type RevealEntity = z.infer<Schemas['revealEntity']>;
export type NavigateMentions = z.infer<Schemas['navigateMentions']>;

/** Toolbar badge text: empty for none, capped so it fits the badge. */
export function badgeText(total: number): string {
  if (total <= 0) return '';
  return total > 999 ? '999+' : String(total);
}
