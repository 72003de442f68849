import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { openDatasetStore } from '../../extension/dataset-store';
import type { Dataset } from '../../lib/dataset';
import { STORE_KEYS } from '../../lib/dataset/store';
import { compileMatcher } from '../../lib/matcher';
import { type MentionCountReport, type PageMentions, pageMentionsRequestSchema } from '../../lib/messages';
import { summarisePageMentions } from '../../lib/page-mentions';
import { createHighlighter } from '../../page/highlighter';
import { scanForMentions } from '../../page/scanner';
import { mountUiHost } from '../../page/ui-host';
import './highlights.css';

export default defineContentScript({
  matches: ['http://*/*', 'https://*/*'],
  runAt: 'document_idle',
  async main(ctx) {
    const store = openDatasetStore();
    const highlighter = createHighlighter(document);
    ctx.onInvalidated(() => highlighter.clear());
    let summary: PageMentions = { total: 0, entities: [] };

    const highlightWith = (dataset: Dataset) => {
      const entitiesById = new Map(dataset.entities.map((entity) => [entity.id, entity]));
      const mentions = document.body ? scanForMentions(document.body, compileMatcher(dataset.entities)) : [];
      highlighter.show(mentions, (entityId) => entitiesById.get(entityId)?.kind ?? 'mention');
      summary = summarisePageMentions(
        mentions.map((mention) => mention.entityId),
        entitiesById,
      );
      const report: MentionCountReport = { type: 'crossread:mention-count', total: summary.total };
      // The background may be restarting; the badge is a convenience, so a lost report is fine.
      browser.runtime.sendMessage(report).catch(() => undefined);
    };

    highlightWith((await store.load()).active.dataset);
    await mountUiHost(ctx);

    const onMessage = (message: unknown) => {
      if (!pageMentionsRequestSchema.safeParse(message).success) return undefined;
      return Promise.resolve(summary);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    // A dataset switch (update, rollback, restore) re-highlights open tabs at once.
    const onStorageChanged = (changes: Record<string, unknown>) => {
      if (!(STORE_KEYS.pointer in changes)) return;
      store.load().then((state) => {
        if (ctx.isValid) highlightWith(state.active.dataset);
      });
    };
    browser.storage.local.onChanged.addListener(onStorageChanged);
    ctx.onInvalidated(() => browser.storage.local.onChanged.removeListener(onStorageChanged));
  },
});
