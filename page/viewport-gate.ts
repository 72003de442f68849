import type { PageMention } from './scanner';

/**
 * Above this many painted mentions, only those near the viewport are
 * registered with the browser. Each frame that changes a highlight makes
 * Chromium revisit every registered range: on a page of 200,000 text nodes
 * a frame took 38 ms of CPU with 1,000 ranges, 52 ms with 2,000, 96 ms with
 * 5,000 and 170 ms with 10,000 (docs/reliability.md). Ordinary pages stay
 * below this and keep every mention registered, as the public DOM contract
 * describes.
 */
export const GATE_ABOVE = 1_000;

/** How far outside the viewport a block counts as near: a screenful above and below, so scrolling finds names painted. */
const NEAR_MARGIN = '100% 0px';

/**
 * Decides which painted mentions are registered: all of them, until there
 * are more than `threshold`; from then on, those whose block is near the
 * viewport, following the reader's scrolling with an IntersectionObserver
 * (the browser reports blocks coming near and going away; no work per
 * scroll event, no layout reads). Where the observer does not exist, every
 * mention stays registered.
 */
export class ViewportGate {
  private readonly byBlock = new Map<Element, Set<PageMention>>();
  /** Blocks whose mentions are registered while gating. */
  private readonly near = new Set<Element>();
  private observer: IntersectionObserver | null = null;
  private count = 0;

  constructor(
    private readonly doc: Document | null,
    private readonly show: (mention: PageMention) => void,
    private readonly hide: (mention: PageMention) => void,
    private readonly threshold = GATE_ABOVE,
  ) {}

  /** Whether only the mentions near the viewport are registered now. */
  gating(): boolean {
    return this.observer !== null;
  }

  add(mentions: readonly PageMention[]): void {
    for (const mention of mentions) {
      let inBlock = this.byBlock.get(mention.block);
      if (!inBlock) {
        inBlock = new Set();
        this.byBlock.set(mention.block, inBlock);
        this.observer?.observe(mention.block);
      }
      if (inBlock.has(mention)) continue;
      inBlock.add(mention);
      this.count++;
      // A new block is far until the observer says otherwise: its first report comes with the next frame.
      if (!this.observer || this.near.has(mention.block)) this.show(mention);
    }
    if (!this.observer && this.count > this.threshold) this.startGating();
  }

  remove(mentions: readonly PageMention[]): void {
    for (const mention of mentions) {
      const inBlock = this.byBlock.get(mention.block);
      if (!inBlock?.delete(mention)) continue;
      this.count--;
      this.hide(mention);
      if (inBlock.size === 0) {
        this.byBlock.delete(mention.block);
        this.near.delete(mention.block);
        this.observer?.unobserve(mention.block);
      }
    }
  }

  clear(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.byBlock.clear();
    this.near.clear();
    this.count = 0;
  }

  private startGating(): void {
    const Observer = this.doc?.defaultView?.IntersectionObserver;
    if (typeof Observer !== 'function') return;
    // Everything is registered now; the observer's first report, one frame later, takes the far blocks out.
    // Hiding first and showing what is near after would blink the highlights in view.
    for (const block of this.byBlock.keys()) this.near.add(block);
    this.observer = new Observer((entries) => this.update(entries), { rootMargin: NEAR_MARGIN });
    for (const block of this.byBlock.keys()) this.observer.observe(block);
  }

  private update(entries: readonly IntersectionObserverEntry[]): void {
    for (const entry of entries) {
      const block = entry.target;
      const inBlock = this.byBlock.get(block);
      if (!inBlock) continue;
      if (entry.isIntersecting) {
        if (this.near.has(block)) continue;
        this.near.add(block);
        for (const mention of inBlock) this.show(mention);
      } else if (this.near.delete(block)) {
        for (const mention of inBlock) this.hide(mention);
      }
    }
  }
}
