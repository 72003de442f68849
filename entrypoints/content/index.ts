import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { openDatasetStore } from '../../extension/dataset-store';
import { STORE_KEYS } from '../../lib/dataset/store';
import { type MentionCountReport, pageMentionsRequestSchema } from '../../lib/messages';
import { summarisePageMentions } from '../../lib/page-mentions';
import { createHighlighter } from '../../page/highlighter';
import { LiveHighlighting } from '../../page/live-highlighting';
import { mountUiHost } from '../../page/ui-host';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const store = openDatasetStore();
    let dataset = (await store.load()).active.dataset;
    let entitiesById = new Map(dataset.entities.map((entity) => [entity.id, entity]));
    const summary = () =>
      summarisePageMentions(
        live.mentions().map((mention) => mention.entityId),
        entitiesById,
      );

    const live = new LiveHighlighting(document, createHighlighter(document), () => {
      const report: MentionCountReport = { type: 'crossread:mention-count', total: summary().total };
      // The background may be restarting; the badge is a convenience, so a lost report is fine.
      browser.runtime.sendMessage(report).catch(() => undefined);
    });
    ctx.onInvalidated(() => live.stop());
    await live.show(dataset);
    if (!ctx.isValid) return;
    await mountUiHost(ctx);

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
        void live.show(dataset);
      });
    };
    browser.storage.local.onChanged.addListener(onStorageChanged);
    ctx.onInvalidated(() => browser.storage.local.onChanged.removeListener(onStorageChanged));
  },
});
