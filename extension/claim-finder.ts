import { type Browser, browser } from 'wxt/browser';
import { anchorableClaims } from '../lib/claims/anchor';
import { type FoundClaim, findPageClaims } from '../lib/claims/page-claims';
import { claimsRequestSchema } from '../lib/messages';
import { fromActiveDataset } from './active-dataset';

/**
 * Background side of claims on the page: a content script sends the blocks
 * of its page that name entities, and gets back which of their figures are
 * claim mentions of the active dataset (lib/claims/page-claims.ts). The text
 * stays inside the browser: it goes from the tab to this worker and no
 * further, and nothing of it is kept once answered.
 */
export function createClaimResponder(): (
  message: unknown,
  sender: Browser.runtime.MessageSender,
) => Promise<FoundClaim[][]> | undefined {
  const activeClaims = fromActiveDataset((dataset) => anchorableClaims(dataset.claims, dataset.entities));
  return (message, sender) => {
    // Only our own content scripts, running in a tab, send page text.
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined) return undefined;
    const request = claimsRequestSchema().safeParse(message);
    if (!request.success) return undefined;
    const { blocks, published, pageEntityIds } = request.data;
    const referenceDate = published ? new Date(published) : undefined;
    return activeClaims().then((claims) =>
      findPageClaims(blocks, claims, {
        pageEntityIds: new Set(pageEntityIds),
        // An unreadable date is no date: years left out are then read from today.
        referenceDate: referenceDate && !Number.isNaN(referenceDate.getTime()) ? referenceDate : undefined,
      }),
    );
  };
}
