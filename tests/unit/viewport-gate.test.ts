// @vitest-environment happy-dom
import { describe, expect, it } from 'vitest';
import type { PageMention } from '../../page/scanner';
import { ViewportGate } from '../../page/viewport-gate';

/** An IntersectionObserver the test drives: it reports what the test says is near. */
class FakeObserver {
  static last: FakeObserver | null = null;
  readonly observed = new Set<Element>();
  disconnected = false;
  constructor(
    readonly report: (entries: IntersectionObserverEntry[]) => void,
    readonly options: IntersectionObserverInit,
  ) {
    FakeObserver.last = this;
  }
  observe(target: Element) {
    this.observed.add(target);
  }
  unobserve(target: Element) {
    this.observed.delete(target);
  }
  disconnect() {
    this.disconnected = true;
    this.observed.clear();
  }
  /** The browser's report: `near` blocks intersect the margin around the viewport, the other observed ones not. */
  tell(near: readonly Element[]) {
    this.report(
      [...this.observed].map(
        (target) => ({ target, isIntersecting: near.includes(target) }) as IntersectionObserverEntry,
      ),
    );
  }
}

const fakeDoc = { defaultView: { IntersectionObserver: FakeObserver } } as unknown as Document;

function mentionsIn(block: Element, count: number): PageMention[] {
  return Array.from(
    { length: count },
    () => ({ block, entityId: 'country:rwanda', parts: [], range: {} }) as unknown as PageMention,
  );
}

function gateWith(threshold: number, doc: Document | null = fakeDoc) {
  const shown = new Set<PageMention>();
  const gate = new ViewportGate(
    doc,
    (mention) => shown.add(mention),
    (mention) => shown.delete(mention),
    threshold,
  );
  return { gate, shown };
}

describe('ViewportGate', () => {
  const top = document.createElement('p');
  const middle = document.createElement('p');
  const bottom = document.createElement('p');

  it('registers every mention while there are few, with no observer', () => {
    FakeObserver.last = null;
    const { gate, shown } = gateWith(10);
    gate.add([...mentionsIn(top, 5), ...mentionsIn(bottom, 5)]);
    expect(shown.size).toBe(10);
    expect(gate.gating()).toBe(false);
    expect(FakeObserver.last).toBeNull();
  });

  it('above the threshold keeps only the mentions of blocks near the viewport, and follows the scrolling', () => {
    const { gate, shown } = gateWith(10);
    const topMentions = mentionsIn(top, 4);
    const bottomMentions = mentionsIn(bottom, 4);
    gate.add([...topMentions, ...mentionsIn(middle, 4)]);
    gate.add(bottomMentions);
    expect(gate.gating()).toBe(true);
    const observer = FakeObserver.last as FakeObserver;
    expect(observer.options.rootMargin).toBe('100% 0px');
    // Until the first report everything stays registered: nothing in view blinks.
    expect(shown.size).toBe(12);
    observer.tell([top]);
    expect([...shown]).toEqual(topMentions);
    // The reader scrolls to the bottom.
    observer.tell([bottom]);
    expect([...shown]).toEqual(bottomMentions);
    // A block added while gating waits for its report; one near at once is shown at once.
    const later = mentionsIn(document.createElement('p'), 2);
    gate.add(later);
    expect(shown.size).toBe(4);
    const moreAtBottom = mentionsIn(bottom, 1);
    gate.add(moreAtBottom);
    expect(shown.has(moreAtBottom[0] as PageMention)).toBe(true);
  });

  it('removing a block’s mentions stops observing it; clearing disconnects', () => {
    const { gate, shown } = gateWith(3);
    const topMentions = mentionsIn(top, 2);
    gate.add([...topMentions, ...mentionsIn(bottom, 2)]);
    const observer = FakeObserver.last as FakeObserver;
    observer.tell([top, bottom]);
    gate.remove(topMentions);
    expect(observer.observed.has(top)).toBe(false);
    expect(shown.size).toBe(2);
    gate.clear();
    expect(observer.disconnected).toBe(true);
    expect(gate.gating()).toBe(false);
  });

  it('without IntersectionObserver keeps every mention registered, however many', () => {
    const { gate, shown } = gateWith(3, { defaultView: {} } as unknown as Document);
    gate.add(mentionsIn(top, 10));
    expect(shown.size).toBe(10);
    expect(gate.gating()).toBe(false);
  });
});
