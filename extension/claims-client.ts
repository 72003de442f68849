import { browser } from 'wxt/browser';
import type { FoundClaim } from '../lib/claims/page-claims';
import { type ClaimsRequest, claimsAnswerSchema } from '../lib/messages';

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
  // Our own background answers; the check guards against a stale worker of another version.
  const parsed = claimsAnswerSchema().safeParse(answer);
  if (!parsed.success || parsed.data.length !== page.blocks.length)
    throw new Error('the background sent no usable claims');
  return parsed.data;
}
