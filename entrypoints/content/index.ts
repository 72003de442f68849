import { browser } from 'wxt/browser';
import { defineContentScript } from 'wxt/utils/define-content-script';
import { bundledDataset } from '../../lib/bundled-dataset';
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
    const dataset = bundledDataset();
    const entitiesById = new Map(dataset.entities.map((entity) => [entity.id, entity]));
    const kindOf = (entityId: string) => entitiesById.get(entityId)?.kind ?? 'mention';

    const mentions = document.body ? scanForMentions(document.body, compileMatcher(dataset.entities)) : [];
    const highlighter = createHighlighter(document);
    highlighter.show(mentions, kindOf);
    ctx.onInvalidated(() => highlighter.clear());

    await mountUiHost(ctx);

    const summary: PageMentions = summarisePageMentions(
      mentions.map((mention) => mention.entityId),
      entitiesById,
    );
    const onMessage = (message: unknown) => {
      if (!pageMentionsRequestSchema.safeParse(message).success) return undefined;
      return Promise.resolve(summary);
    };
    browser.runtime.onMessage.addListener(onMessage);
    ctx.onInvalidated(() => browser.runtime.onMessage.removeListener(onMessage));

    const report: MentionCountReport = { type: 'crossread:mention-count', total: summary.total };
    // The background may be restarting; the badge is a convenience, so a lost report is fine.
    browser.runtime.sendMessage(report).catch(() => undefined);
  },
});
