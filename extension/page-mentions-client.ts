import { browser } from 'wxt/browser';
import { type PageMentions, type PageMentionsRequest, pageMentionsSchema } from '../lib/messages';

/**
 * The tab the popup describes: the active tab of the popup's window, or the
 * tab named by `?tab=ID`, which lets the popup page be opened in a tab of its
 * own (keyboard users, and the e2e suite) and still describe another tab.
 */
export async function targetTabId(search: string): Promise<number | undefined> {
  const requested = new URLSearchParams(search).get('tab');
  if (requested !== null && /^\d+$/.test(requested)) return Number(requested);
  const [active] = await browser.tabs.query({ active: true, currentWindow: true });
  return active?.id;
}

/**
 * Asks the content script in `tabId` what it highlighted. Resolves undefined
 * when no Crossread content script answers there (a browser page, or a tab
 * opened before the extension was installed) or the answer is malformed.
 */
export async function requestPageMentions(tabId: number): Promise<PageMentions | undefined> {
  const request: PageMentionsRequest = { type: 'crossread:get-page-mentions' };
  try {
    const answer: unknown = await browser.tabs.sendMessage(tabId, request);
    const parsed = pageMentionsSchema().safeParse(answer);
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
