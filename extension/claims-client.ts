import { browser } from 'wxt/browser';
import type { FoundClaim } from '../lib/claims/page-claims';
import type { ClaimsRequest } from '../lib/messages';

/**
 * Asks the background which figures of these blocks are claim mentions.
 * The blocks are page text that names entities; they go to Crossread's own
 * background worker and no further.
 */
export async function requestClaims(
  page: Pick<ClaimsRequest, 'blocks' | 'pageEntityIds'>,
  meta: { published?: string },
): Promise<FoundClaim[][]> {
  const request: ClaimsRequest = { type: 'crossread:find-claims', ...page, ...meta };
  const answer: unknown = await browser.runtime.sendMessage(request);
  if (!isClaimsAnswer(answer, page.blocks.length)) throw new Error('the background sent no usable claims');
  return answer;
}

const FIGURE_KINDS = new Set(['money', 'count', 'date']);

/**
 * The answer's shape, checked by hand: our own background answers, and the check guards against a stale
 * worker of another version. Not with zod: the first answer would build every message schema in the page,
 * 20-30 ms of zod's set-up in one task of a content script's cold code.
 */
function isClaimsAnswer(answer: unknown, blocks: number): answer is FoundClaim[][] {
  return (
    Array.isArray(answer) &&
    answer.length === blocks &&
    answer.every((found) => Array.isArray(found) && found.every(isFoundClaim))
  );
}

function isFoundClaim(value: unknown): value is FoundClaim {
  const claim = value as FoundClaim;
  return (
    typeof claim === 'object' &&
    claim !== null &&
    Number.isInteger(claim.start) &&
    Number.isInteger(claim.end) &&
    typeof claim.claimId === 'string' &&
    Array.isArray(claim.entityIds) &&
    claim.entityIds.length > 0 &&
    claim.entityIds.every((id) => typeof id === 'string') &&
    Array.isArray(claim.terms) &&
    claim.terms.every((term) => typeof term === 'string') &&
    typeof claim.figure === 'object' &&
    claim.figure !== null &&
    FIGURE_KINDS.has(claim.figure.kind) &&
    typeof claim.figure.asReported === 'string'
  );
}
