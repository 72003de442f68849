import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { uiLanguage } from '../../components/i18n';
import { requestClaims } from '../../extension/claims-client';
import { requestEntityCard } from '../../extension/entity-card-client';
import { loadActivePageIndex, watchActiveDataset } from '../../extension/page-index-loader';
import { loadSettings, watchSettings } from '../../extension/settings-store';
import {
  type MentionCountReport,
  navigateMentionsSchema,
  pageMentionsRequestSchema,
  revealEntitySchema,
} from '../../lib/messages';
import { defaultSettings, type Settings } from '../../lib/settings';
import { type ArticleMeta, readArticleMeta } from '../../page/article-meta';
import { watchCardTriggers } from '../../page/card-triggers';
import { FactCardController } from '../../page/fact-card';
import { PageHighlighting } from '../../page/page-highlighting';
import { mountUiHost, restoreUiHost } from '../../page/ui-host';
import './highlights.css';

/** How often an open tab checks that its extension is still there (see main). */
const EXTENSION_CHECK_MS = 2_000;

/**
 * A clean-up that removes a listener from an extension API. Once the extension is reloaded or turned off
 * those APIs throw ("Extension context invalidated") and the listener is gone with the extension: nothing
 * is left to remove, and the error must not reach the page's console.
 */
function unlessExtensionGone(stop: () => void): () => void {
  return () => {
    try {
      stop();
    } catch {
      // The extension is gone, and its listeners with it.
    }
  };
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  // WXT's window.postMessage "script started" signal (the document event it also sends is enough) reaches
  // the page's own message listeners, and costs ~25 ms: Chromium captures the calling stack, re-parsing this
  // whole script twice for source positions.
  noScriptStartedPostMessage: true,
  async main(ctx) {
    let meta: ArticleMeta | undefined;
    const highlighting = new PageHighlighting(document, {
      hostname: location.hostname,
      loadIndex: loadActivePageIndex,
      findClaims: (request) => {
        // Read once, when the first figures are asked about: the page's metadata does not change as it scrolls.
        meta ??= readArticleMeta(document);
        return requestClaims(request, meta);
      },
      onMentionsChanged: (total) => {
        // After an extension reload runtime.sendMessage throws at once, before any promise: the check ends this instead.
        if (!ctx.isValid) return;
        const report: MentionCountReport = { type: 'crossread:mention-count', total };
        // The background may be restarting; the badge is a convenience, so a lost report is fine.
        browser.runtime.sendMessage(report).catch(() => undefined);
      },
    });
    ctx.onInvalidated(() => highlighting.stop());
    // Chrome tells a content script nothing when its extension is reloaded, updated or turned off: the script
    // keeps running in the open tabs with no extension behind it (the new version is not injected into them),
    // and its highlights and open card would stay on the page, dead. WXT's context notices when asked
    // (ctx.isValid reads runtime.id) and then runs every onInvalidated clean-up above and below, the UI
    // host's removal included: ask before the reader's next press reaches the page, and every few seconds.
    ctx.setInterval(() => undefined, EXTENSION_CHECK_MS);
    for (const type of ['pointerdown', 'keydown'] as const) {
      window.addEventListener(type, () => ctx.isValid, { capture: true, signal: ctx.signal });
    }
    let card: FactCardController | null = null;

    // The popup asks what this page has (an answer even on a turned-off site) and can open a card;
    // the background relays the keyboard shortcuts.
    const onMessage = (message: unknown) => {
      if (pageMentionsRequestSchema().safeParse(message).success) return Promise.resolve(highlighting.summary());
      const reveal = revealEntitySchema().safeParse(message);
      if (reveal.success) return Promise.resolve(card?.reveal(reveal.data.entityId) ?? false);
      const navigate = navigateMentionsSchema().safeParse(message);
      if (navigate.success) return Promise.resolve(card?.step(navigate.data.direction) ?? false);
      return undefined;
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(unlessExtensionGone(() => browser.runtime.onMessage.removeListener(onMessage)));

    // Settings and dataset switches apply to open tabs at once, without a reload.
    let settings: Settings | null = null;
    const apply = async (next: Settings) => {
      settings = next;
      await highlighting.applySettings(next);
      if (highlighting.siteDisabled()) card?.close(false);
    };
    const stopWatchingSettings = watchSettings((next) => void apply(next));
    ctx.onInvalidated(unlessExtensionGone(stopWatchingSettings));
    const stopWatchingDataset = watchActiveDataset(() => {
      card?.forgetCards();
      void highlighting.reloadIndex();
    });
    ctx.onInvalidated(unlessExtensionGone(stopWatchingDataset));

    // Storage failing is no reason to leave the page unhighlighted: the defaults apply.
    const loaded = await loadSettings().catch(() => defaultSettings());
    if (!ctx.isValid) return;
    // A change that arrived while they loaded is newer than what was read.
    if (!settings) await apply(loaded);
    if (!ctx.isValid) return;

    const container = await mountUiHost(ctx);
    card = new FactCardController({
      container,
      page: {
        mentions: () => highlighting.mentionsInOrder(),
        boxesOf: (mention) => highlighting.boxesOf(mention),
        entity: (entityId) => highlighting.entity(entityId),
      },
      loadCard: requestEntityCard,
      locale: uiLanguage(),
      ensureAttached: () => restoreUiHost(container),
    });
    const cardListeners = new AbortController();
    watchCardTriggers(
      document,
      {
        card,
        container,
        mentionAt: (x, y) => highlighting.mentionAt(x, y),
        trigger: () => (settings ?? loaded).cardTrigger,
      },
      cardListeners.signal,
    );
    ctx.onInvalidated(() => {
      cardListeners.abort();
      card?.destroy();
    });
  },
});
