import type { PageClaim } from '../lib/claims/compare';
import type { FoundClaim } from '../lib/claims/page-claims';
import { type ClaimsRequest, MAX_CLAIM_BLOCK_CHARS, MAX_CLAIM_BLOCKS } from '../lib/messages';
import type { PageMention, ScannedRun } from './scanner';

/** Asks which figures of these blocks are claim mentions (the background answers: extension/claim-finder.ts). */
export type FindClaims = (page: Pick<ClaimsRequest, 'blocks' | 'pageEntityIds'>) => Promise<FoundClaim[][]>;

/** The claim mentions found in one block, with the entity mentions they were found beside. */
export interface SpottedClaims {
  block: Element;
  /** The block's entity mentions the request was made for: if the block has others by now, it was rescanned. */
  mentions: readonly PageMention[];
  claims: PageMention[];
}

interface NotedRun {
  block: Element;
  run: ScannedRun;
  mentions: readonly PageMention[];
}

/**
 * Collects the runs of text a scan found names in, and once the scan is
 * done asks the background which of their figures are claim mentions. The
 * page does none of that work itself: figure parsing (chrono-node) and the
 * dataset's claims stay in the background, and the page only maps the
 * offsets it gets back to its text nodes.
 */
export class ClaimSpotter {
  private noted: NotedRun[] = [];

  constructor(
    private readonly findClaims: FindClaims,
    /** The entities the page names now. */
    private readonly pageEntityIds: () => Iterable<string>,
  ) {}

  /** A run of a block's text and the names found in it. */
  note(block: Element, mentions: readonly PageMention[], run: ScannedRun): void {
    // A block that long is a page's whole text in one element, not a sentence about a deal.
    if (run.text.length > MAX_CLAIM_BLOCK_CHARS) return;
    this.noted.push({ block, run, mentions });
  }

  /** Forgets what was noted (the scan it came from was abandoned). */
  discard(): void {
    this.noted = [];
  }

  /** Asks about everything noted since the last call; resolves with each block's claim mentions. */
  async spot(): Promise<SpottedClaims[]> {
    const noted = this.noted;
    this.noted = [];
    const spotted: SpottedClaims[] = [];
    for (let from = 0; from < noted.length; from += MAX_CLAIM_BLOCKS) {
      const batch = noted.slice(from, from + MAX_CLAIM_BLOCKS);
      const answer = await this.findClaims({
        pageEntityIds: [...new Set(this.pageEntityIds())],
        blocks: batch.map(({ block, mentions, run }) => ({
          text: run.text,
          lang: languageOf(block),
          mentions: mentions.map((mention, index) => ({
            start: run.offsets[index]?.start ?? 0,
            end: run.offsets[index]?.end ?? 0,
            entityId: mention.entityId,
          })),
        })),
      });
      batch.forEach((entry, index) => {
        const claims = (answer[index] ?? []).flatMap((found) => toClaimMention(entry.run, found));
        if (claims.length > 0) spotted.push({ block: entry.block, mentions: entry.mentions, claims });
      });
    }
    return spotted;
  }
}

const LANG = /^[a-z]{2,3}(?:-[a-z0-9]{1,8})*$/i;

/** The language a block is written in: the nearest `lang` attribute (a quote in English on a Czech page). */
function languageOf(block: Element): string | undefined {
  const lang = block.closest('[lang]')?.getAttribute('lang')?.trim();
  return lang && LANG.test(lang) ? lang : undefined;
}

function toClaimMention(run: ScannedRun, found: FoundClaim): PageMention[] {
  const [entityId] = found.entityIds;
  // Offsets that do not fit the text sent are from a confused worker: nothing to show.
  if (!entityId || found.start >= found.end || found.end > run.text.length) return [];
  const claim: PageClaim = {
    claimId: found.claimId,
    entityIds: found.entityIds,
    figure: found.figure,
    terms: found.terms,
  };
  try {
    return [{ ...run.mentionAt(found.start, found.end, entityId), claim }];
  } catch {
    return [];
  }
}
