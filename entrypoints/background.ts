import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { badgeText, mentionCountReportSchema } from '../lib/messages';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener((message: unknown, sender) => {
    // Only our own content scripts, running in a tab, may set a tab's badge.
    const tabId = sender.tab?.id;
    if (sender.id !== browser.runtime.id || tabId === undefined) return undefined;
    const report = mentionCountReportSchema.safeParse(message);
    if (!report.success) return undefined;
    const text = badgeText(report.data.total);
    return Promise.all([
      browser.action.setBadgeText({ tabId, text }),
      browser.action.setBadgeBackgroundColor({ tabId, color: '#1f4fbf' }),
    ]).then(() => undefined);
  });
});
