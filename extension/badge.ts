import { type Browser, browser } from 'wxt/browser';
import { badgeText, mentionCountReportSchema } from '../lib/messages';

const BADGE_COLOUR = '#1f4fbf';

/**
 * Background side of the toolbar badge: content scripts report how many
 * mentions their tab has, and the badge of that tab shows it.
 * Returns undefined for any message that is not a valid report from our own
 * content script in a tab, so other listeners can answer it.
 */
export function handleMentionCountReport(message: unknown, sender: Browser.runtime.MessageSender) {
  const tabId = sender.tab?.id;
  if (sender.id !== browser.runtime.id || tabId === undefined) return undefined;
  const report = mentionCountReportSchema().safeParse(message);
  if (!report.success) return undefined;
  return Promise.all([
    browser.action.setBadgeText({ tabId, text: badgeText(report.data.total) }),
    browser.action.setBadgeBackgroundColor({ tabId, color: BADGE_COLOUR }),
  ]).then(() => undefined);
}
