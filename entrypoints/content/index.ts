import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { openDatasetStore } from '../../extension/dataset-store';
import { bundledMatcher } from '../../lib/bundled-dataset';
import { STORE_KEYS, type StoredDataset } from '../../lib/dataset/store';
import { compileMatcher, type Matcher } from '../../lib/matcher';
import { type MentionCountReport, pageMentionsRequestSchema } from '../../lib/messages';
import { summarisePageMentions } from '../../lib/page-mentions';
import { createHighlighter } from '../../page/highlighter';
import { MentionHitTester } from '../../page/hit-test';
import { trackHoveredMention } from '../../page/hover';
import { LiveHighlighting } from '../../page/live-highlighting';
import { mountUiHost } from '../../page/ui-host';
import './highlights.css';

/** The bundled dataset comes with a matcher compiled at build time; others are compiled here. */
function matcherFor(stored: StoredDataset): Matcher {
  return stored.location === 'bundled' ? bundledMatcher() : compileMatcher(stored.dataset.entities);
}

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const store = openDatasetStore();
    const initial = (await store.load()).active;
    let dataset = initial.dataset;
    let entitiesById = new Map(dataset.entities.map((entity) => [entity.id, entity]));
    const summary = () =>
      summarisePageMentions(
        live.mentions().map((mention) => mention.entityId),
        entitiesById,
      );

    const highlighter = createHighlighter(document);
    const hitTester = new MentionHitTester(document, () => live.mentions());
    const live = new LiveHighlighting(document, highlighter, () => {
      hitTester.invalidate();
      const report: MentionCountReport = { type: 'crossread:mention-count', total: live.mentions().length };
      // The background may be restarting; the badge is a convenience, so a lost report is fine.
      browser.runtime.sendMessage(report).catch(() => undefined);
    });
    ctx.onInvalidated(() => live.stop());
    await live.show(dataset, matcherFor(initial));
    if (!ctx.isValid) return;
    await mountUiHost(ctx);
    trackHoveredMention(document, hitTester, highlighter, ctx.signal);

    const onMessage = (message: unknown) => {
      if (!pageMentionsRequestSchema.safeParse(message).success) return undefined;
      return Promise.resolve(summary());
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // A dataset switch (update, rollback, restore) re-highlights open tabs at once.
    const onStorageChanged = (changes: Record<string, unknown>) => {
      if (!(STORE_KEYS.pointer in changes)) return;
      store.load().then((state) => {
        if (!ctx.isValid) return;
        dataset = state.active.dataset;
        entitiesById = new Map(dataset.entities.map((entity) => [entity.id, entity]));
        void live.show(dataset, matcherFor(state.active));
      });
    };
    browser.storage.local.onChanged.addListener(onStorageChanged);
    ctx.onInvalidated(() => browser.storage.local.onChanged.removeListener(onStorageChanged));
  },
});
