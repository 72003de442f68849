// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { Highlighter } from '../../page/highlighter';
import type { MentionHitTester } from '../../page/hit-test';
import { trackHoveredMention } from '../../page/hover';
import type { PageMention } from '../../page/scanner';

/** A pointer move as the user makes it: happy-dom has no isTrusted, so the test gives the event the browser's flag. */
function pointerMove(x: number, y: number, trusted: boolean): PointerEvent {
  const event = new PointerEvent('pointermove', { bubbles: true, clientX: x, clientY: y, pointerType: 'mouse' });
  if (trusted) Object.defineProperty(event, 'isTrusted', { value: true });
  return event;
}

const nextFrame = () => new Promise((resolve) => requestAnimationFrame(resolve));

describe('trackHoveredMention', () => {
  it('lights up the mention under the user’s pointer, and ignores pointer moves the page fakes', async () => {
    const mention = { entityId: 'country:rwanda' } as PageMention;
    const mentionAt = vi.fn(() => mention);
    const setHovered = vi.fn();
    const listening = new AbortController();
    trackHoveredMention(
      document,
      { mentionAt } as unknown as MentionHitTester,
      { setHovered } as unknown as Highlighter,
      listening.signal,
    );

    document.body.dispatchEvent(pointerMove(10, 10, false));
    await nextFrame();
    expect(mentionAt).not.toHaveBeenCalled();
    expect(setHovered).not.toHaveBeenCalled();

    document.body.dispatchEvent(pointerMove(10, 10, true));
    await nextFrame();
    expect(setHovered).toHaveBeenCalledWith(mention);
    listening.abort();
  });
});
