import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { loadActivePageIndex, watchActiveDataset } from '../../extension/page-index-loader';
import { loadSettings, watchSettings } from '../../extension/settings-store';
import { type MentionCountReport, pageMentionsRequestSchema } from '../../lib/messages';
import { defaultSettings } from '../../lib/settings';
import { PageHighlighting } from '../../page/page-highlighting';
import { mountUiHost } from '../../page/ui-host';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT's window.postMessage "script started" signal (the document event it also sends is enough) reaches
  // the page's own message listeners, and costs ~25 ms: Chromium captures the calling stack, re-parsing this
  // whole script twice for source positions.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    const highlighting = new PageHighlighting(document, {
      hostname: location.hostname,
      loadIndex: loadActivePageIndex,
      onMentionsChanged: (total) => {
        const report: MentionCountReport = { type: 'crossread:mention-count', total };
        // The background may be restarting; the badge is a convenience, so a lost report is fine.
        browser.runtime.sendMessage(report).catch(() => undefined);
      },
    });
    ctx.onInvalidated(() => highlighting.stop());

    // The popup asks what this page has; it gets an answer (0 mentions) even on a turned-off site.
    const onMessage = (message: unknown) => {
      if (!pageMentionsRequestSchema().safeParse(message).success) return undefined;
      return Promise.resolve(highlighting.summary());
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // Settings and dataset switches apply to open tabs at once, without a reload.
    let settingsChanged = false;
    const stopWatchingSettings = watchSettings((settings) => {
      settingsChanged = true;
      void highlighting.applySettings(settings);
    });
    ctx.onInvalidated(stopWatchingSettings);
    const stopWatchingDataset = watchActiveDataset(() => void highlighting.reloadIndex());
    ctx.onInvalidated(stopWatchingDataset);

    // Storage failing is no reason to leave the page unhighlighted: the defaults apply.
    const settings = await loadSettings().catch(() => defaultSettings());
    if (!ctx.isValid) return;
    // A change that arrived while they loaded is newer than what was read.
    if (!settingsChanged) await highlighting.applySettings(settings);
    if (!ctx.isValid) return;
    await mountUiHost(ctx);
  },
});
