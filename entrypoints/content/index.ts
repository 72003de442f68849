import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { openDatasetStore } from '../../extension/dataset-store';
import { bundledMatcher } from '../../lib/bundled-dataset';
import type { Entity } from '../../lib/dataset';
import { STORE_KEYS, type StoredDataset } from '../../lib/dataset/store';
import { compileMatcher } from '../../lib/matcher';
import { type MentionCountReport, pageMentionsRequestSchema } from '../../lib/messages';
import { summarisePageMentions } from '../../lib/page-mentions';
import { createHighlighter } from '../../page/highlighter';
import { MentionHitTester } from '../../page/hit-test';
import { trackHoveredMention } from '../../page/hover';
import { LiveHighlighting } from '../../page/live-highlighting';
import { mountUiHost } from '../../page/ui-host';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const store = openDatasetStore();
    let entitiesById = new Map<string, Entity>();
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
    const show = (stored: StoredDataset) => {
      entitiesById = new Map(stored.dataset.entities.map((entity) => [entity.id, entity]));
      // The bundled dataset comes with a matcher compiled at build time; others are compiled here.
      const matcher = stored.location === 'bundled' ? bundledMatcher() : compileMatcher(stored.dataset.entities);
      return live.show(stored.dataset, matcher);
    };
    await show((await store.load()).active);
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
        if (ctx.isValid) void show(state.active);
      });
    };
    browser.storage.local.onChanged.addListener(onStorageChanged);
    ctx.onInvalidated(() => browser.storage.local.onChanged.removeListener(onStorageChanged));
  },
});
