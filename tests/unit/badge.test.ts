import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { handleMentionCountReport } from '../../extension/badge';

describe('handleMentionCountReport', () => {
  let setBadgeText: ReturnType<typeof vi.fn>;

  beforeEach(() => {
    fakeBrowser.reset();
    setBadgeText = vi.fn(async () => undefined);
    browser.action.setBadgeText = setBadgeText as unknown as typeof browser.action.setBadgeText;
    browser.action.setBadgeBackgroundColor = vi.fn(
      async () => undefined,
    ) as unknown as typeof browser.action.setBadgeBackgroundColor;
  });

  const ownTab = { id: browser.runtime.id, tab: { id: 7 } as never };

  it('shows the reported count on the tab that reported it', async () => {
    await handleMentionCountReport({ type: 'crossread:mention-count', total: 12 }, ownTab);
    expect(setBadgeText).toHaveBeenCalledWith({ tabId: 7, text: '12' });
  });

  it('ignores reports from other extensions, from pages outside a tab, and malformed reports', async () => {
    const answers = [
      handleMentionCountReport(
        { type: 'crossread:mention-count', total: 3 },
        { id: 'another-extension', tab: { id: 7 } as never },
      ),
      handleMentionCountReport({ type: 'crossread:mention-count', total: 3 }, { id: browser.runtime.id }),
      handleMentionCountReport({ type: 'crossread:mention-count', total: '3' }, ownTab),
      handleMentionCountReport({ type: 'crossread:mention-count', total: -3 }, ownTab),
      handleMentionCountReport({ type: 'something-else' }, ownTab),
    ];
    expect(answers).toEqual([undefined, undefined, undefined, undefined, undefined]);
    expect(setBadgeText).not.toHaveBeenCalled();
  });
});
