import { autoUpdate, computePosition, flip, hide, offset, shift, size, type VirtualElement } from '@floating-ui/dom';
import { h, render } from 'preact';
import { type CardState, FactCard } from '../components/card/FactCard';
import type { EntityCard } from '../lib/card/entity-card';
import type { PageClaim } from '../lib/claims/compare';
import type { PageMention } from './scanner';

/** The least height the card shrinks to beside a mention near the viewport's edge. */
const MIN_CARD_HEIGHT = 180;

/** What the card needs from the page's highlighting. */
export interface CardPage {
  /** The page's current mentions, in document order. */
  mentions(): readonly PageMention[];
  /** The boxes a mention occupies on screen (viewport coordinates); empty when it is not rendered. */
  boxesOf(mention: PageMention): DOMRect[];
  /** Name and kind of an entity of the active dataset, shown while its card loads. */
  entity(entityId: string): { name: string; kind: string } | undefined;
}

export interface FactCardOptions {
  /** The element inside Crossread's shadow root that the card renders into. */
  container: HTMLElement;
  page: CardPage;
  /** Fetches an entity's card (from the background); null when the active dataset has no such entity. */
  loadCard(entityId: string): Promise<EntityCard | null>;
  locale: string;
  /** Called before the card shows, to put `container` back in the page if the page took it out. */
  ensureAttached?(): void;
}

interface Shown {
  entityId: string;
  /** The mention the card stands beside; null for an entity reached through a link that the page does not mention. */
  mention: PageMention | null;
  /** Set for the card of a figure that is a claim mention: the claim's card, not the entity's. */
  claim?: PageClaim;
}

/**
 * The one fact card on the page: opens beside a mention, follows it on
 * scroll (floating-ui), flips to stay on screen, moves to related entities
 * with a Back history, steps through the entity's mentions, and closes on
 * Escape, a click outside, or its close button. Opened from the keyboard it
 * takes focus, and gives it back where it was when it closes. Only the
 * user's own input acts on it (`isTrusted`): events the page fakes do nothing.
 */
export class FactCardController {
  private shown: Shown | null = null;
  private history: Shown[] = [];
  private state: CardState | null = null;
  private returnFocusTo: HTMLElement | null = null;
  private stopFollowing: (() => void) | null = null;
  private readonly cards = new Map<string, Promise<EntityCard | null>>();
  private readonly listeners = new AbortController();
  private request = 0;

  constructor(private readonly options: FactCardOptions) {
    const doc = options.container.ownerDocument;
    const signal = this.listeners.signal;
    doc.addEventListener(
      'keydown',
      (event) => {
        if (event.key === 'Escape' && this.isOpen() && event.isTrusted) {
          event.stopPropagation();
          this.close();
        }
      },
      { capture: true, signal },
    );
    // A press anywhere outside the card closes it; the card's own events come from inside the shadow root.
    doc.addEventListener(
      'pointerdown',
      (event) => {
        if (this.isOpen() && event.isTrusted && !event.composedPath().includes(options.container)) this.close(false);
      },
      { capture: true, signal },
    );
    // The card's shadow root is open, so the page can reach its buttons and links and click them itself
    // (`button.click()`, a dispatched click). Only the user's own clicks act: a faked one stops here, in the
    // capture phase, before it reaches the card's handlers, and follows no link.
    options.container.addEventListener(
      'click',
      (event) => {
        if (event.isTrusted) return;
        event.stopImmediatePropagation();
        event.preventDefault();
      },
      { capture: true, signal },
    );
  }

  isOpen(): boolean {
    return this.shown !== null;
  }

  /** The mention the card stands beside, if any. */
  currentMention(): PageMention | null {
    return this.shown?.mention ?? null;
  }

  /** Opens the card for `mention`; `viaKeyboard` moves focus into it. */
  open(mention: PageMention, viaKeyboard = false): void {
    this.history = [];
    this.show({ entityId: mention.entityId, mention, claim: mention.claim }, viaKeyboard);
  }

  /** Scrolls to the first mention of `entityId` and opens its card (from the popup). */
  reveal(entityId: string): boolean {
    const { page } = this.options;
    const mentions = page.mentions().filter((mention) => mention.entityId === entityId && !mention.claim);
    // The first one the reader can see: a name in a collapsed menu has no box to scroll to or open beside.
    const first = mentions.find((mention) => page.boxesOf(mention).length > 0) ?? mentions[0];
    if (!first) return false;
    scrollIntoView(page, first);
    this.open(first, true);
    return true;
  }

  /** Moves to the next or previous mention on the page (any entity), scrolls to it and opens its card. */
  step(direction: 'next' | 'previous'): boolean {
    const mentions = this.options.page.mentions();
    if (mentions.length === 0) return false;
    const current = this.currentMention();
    const rendered = (mention: PageMention) => this.options.page.boxesOf(mention).length > 0;
    const target = current
      ? neighbour(mentions, current, direction, rendered)
      : firstFromViewport(this.options.page, mentions, direction);
    if (!target) return false;
    scrollIntoView(this.options.page, target);
    this.open(target, true);
    return true;
  }

  close(restoreFocus = true): void {
    if (!this.shown) return;
    this.shown = null;
    this.history = [];
    this.state = null;
    this.stopFollowing?.();
    this.stopFollowing = null;
    render(null, this.options.container);
    const target = this.returnFocusTo;
    this.returnFocusTo = null;
    if (restoreFocus && target?.isConnected) target.focus({ preventScroll: true });
  }

  /** Removes the card and every listener; for the end of the content script. */
  destroy(): void {
    this.close(false);
    this.listeners.abort();
  }

  private show(next: Shown, takeFocus: boolean): void {
    this.options.ensureAttached?.();
    const wasOpen = this.shown !== null;
    if (!wasOpen) {
      const active = this.options.container.ownerDocument.activeElement;
      this.returnFocusTo = takeFocus && active instanceof HTMLElement ? active : null;
    }
    this.shown = next;
    const known = this.options.page.entity(next.entityId);
    this.state = { status: 'loading', name: known?.name ?? '', kind: known?.kind ?? '' };
    this.paint();
    this.follow();
    if (takeFocus) this.focusCard();
    const request = ++this.request;
    this.cardOf(next.entityId).then(
      (card) => this.arrived(request, card, known),
      () => this.arrived(request, null, known),
    );
  }

  private arrived(request: number, card: EntityCard | null, known: { name: string; kind: string } | undefined): void {
    if (request !== this.request || !this.shown) return;
    this.state = card
      ? { status: 'ready', card }
      : { status: 'unavailable', name: known?.name ?? '', kind: known?.kind ?? '' };
    this.paint();
  }

  private cardOf(entityId: string): Promise<EntityCard | null> {
    let card = this.cards.get(entityId);
    if (!card) {
      card = this.options.loadCard(entityId);
      // A failed load is not remembered: the next open asks again.
      card.catch(() => this.cards.delete(entityId));
      this.cards.set(entityId, card);
    }
    return card;
  }

  /** Forgets the cards loaded so far (the active dataset changed). */
  forgetCards(): void {
    this.cards.clear();
    if (this.shown) this.close(false);
  }

  private paint(): void {
    const shown = this.shown;
    const state = this.state;
    if (!shown || !state) return;
    const { page } = this.options;
    const siblings = page.mentions().filter((mention) => isSibling(shown, mention));
    const index = shown.mention ? siblings.indexOf(shown.mention) : -1;
    const previous = this.history[this.history.length - 1];
    render(
      h(FactCard, {
        state,
        locale: this.options.locale,
        claim: shown.claim ?? null,
        claimAbout: shown.claim?.entityIds.flatMap((entityId) => {
          const entity = page.entity(entityId);
          return entity ? [{ id: entityId, name: entity.name, kind: entity.kind }] : [];
        }),
        onPage: index >= 0 ? { index, total: siblings.length } : null,
        backTo: previous ? backLabel(page, previous) : null,
        onBack: () => this.back(),
        onClose: () => this.close(),
        onPrevious: () => this.stepWithinEntity('previous'),
        onNext: () => this.stepWithinEntity('next'),
        onOpenEntity: (entityId: string) => this.openRelated(entityId),
      }),
      this.options.container,
    );
  }

  private openRelated(entityId: string): void {
    // From a claim card, even the entity the claim is anchored to opens its own card.
    if (!this.shown || (entityId === this.shown.entityId && !this.shown.claim)) return;
    this.history.push(this.shown);
    // The card stays where it is: it moves to the entity, not to another place on the page.
    this.show({ entityId, mention: this.shown.mention }, false);
    this.focusCard();
  }

  private back(): void {
    const previous = this.history.pop();
    if (!previous) return;
    this.show(previous, false);
    this.focusCard();
  }

  /** Steps through the mentions of the card's entity, or the figures of the card's claim. */
  private stepWithinEntity(direction: 'next' | 'previous'): void {
    const shown = this.shown;
    if (!shown) return;
    const target = neighbour(
      this.options.page.mentions(),
      shown.mention,
      direction,
      (mention) => isSibling(shown, mention) && this.options.page.boxesOf(mention).length > 0,
    );
    if (!target || target === shown.mention) return;
    scrollIntoView(this.options.page, target);
    this.shown = { entityId: shown.entityId, mention: target, claim: target.claim };
    this.paint();
    this.follow();
  }

  private focusCard(): void {
    const card = this.options.container.querySelector<HTMLElement>('[role="dialog"]');
    card?.focus({ preventScroll: true });
  }

  /** Places the card beside its mention now and whenever the page scrolls or resizes. */
  private follow(): void {
    this.stopFollowing?.();
    this.stopFollowing = null;
    const card = this.options.container.querySelector<HTMLElement>('[role="dialog"]');
    const mention = this.shown?.mention;
    if (!card) return;
    if (!mention) {
      placeCentred(card);
      return;
    }
    const reference = mentionReference(this.options.page, mention);
    const update = () => {
      computePosition(reference, card, {
        strategy: 'fixed',
        placement: 'bottom-start',
        middleware: [
          offset(6),
          // The side with more room when neither fits, then the card shrinks to that room (its body scrolls).
          flip({ padding: 8, fallbackStrategy: 'bestFit' }),
          size({
            padding: 8,
            apply({ availableHeight, elements }) {
              elements.floating.style.maxHeight = `min(36rem, ${Math.max(MIN_CARD_HEIGHT, Math.floor(availableHeight))}px)`;
            },
          }),
          // A mention at the very edge leaves less than MIN_CARD_HEIGHT: the card then overlaps it rather than leave the screen.
          shift({ padding: 8, crossAxis: true }),
          hide(),
        ],
      }).then(({ x, y, middlewareData }) => {
        card.style.left = `${Math.round(x)}px`;
        card.style.top = `${Math.round(y)}px`;
        card.style.visibility = middlewareData.hide?.referenceHidden ? 'hidden' : 'visible';
      });
    };
    this.stopFollowing = autoUpdate(reference, card, update);
  }
}

/** Whether `mention` is one the card's previous/next steps through: the same claim's figures, or the entity's names. */
function isSibling(shown: Shown, mention: PageMention): boolean {
  if (shown.claim) return mention.claim?.claimId === shown.claim.claimId;
  return mention.entityId === shown.entityId && !mention.claim;
}

/** What the Back button names: the entity, or the figure whose claim card it returns to. */
function backLabel(page: CardPage, previous: Shown): string {
  if (previous.claim) return previous.claim.figure.asReported;
  return page.entity(previous.entityId)?.name ?? previous.entityId;
}

/** A floating-ui reference for a mention: its first box (a name broken over two lines opens beside its start). */
function mentionReference(page: CardPage, mention: PageMention): VirtualElement {
  const contextElement = mention.parts[0]?.node.parentElement ?? undefined;
  return {
    contextElement,
    getBoundingClientRect: () => page.boxesOf(mention)[0] ?? new DOMRect(),
    getClientRects: () => page.boxesOf(mention),
  };
}

function placeCentred(card: HTMLElement): void {
  const view = card.ownerDocument.defaultView;
  const width = view?.innerWidth ?? 0;
  card.style.left = `${Math.max(8, Math.round((width - card.offsetWidth) / 2))}px`;
  card.style.top = '48px';
  card.style.visibility = 'visible';
}

/** Scrolls the page so `mention` is in the middle of the viewport, unless it is already well inside it. */
function scrollIntoView(page: CardPage, mention: PageMention): void {
  const box = page.boxesOf(mention)[0];
  const element = mention.parts[0]?.node.parentElement;
  const view = element?.ownerDocument.defaultView;
  if (!box || !element || !view) return;
  const margin = view.innerHeight * 0.2;
  if (box.top >= margin && box.bottom <= view.innerHeight - margin) return;
  const reduced = view.matchMedia('(prefers-reduced-motion: reduce)').matches;
  element.scrollIntoView({ block: 'center', inline: 'nearest', behavior: reduced ? 'auto' : 'instant' });
}

/**
 * The mention after (or before) `from` that `accept`s, wrapping around; from
 * the start (or end) when `from` is not among them. Candidates are tested one
 * by one from there, so a costly test (is it on screen?) runs only as far as needed.
 */
function neighbour(
  mentions: readonly PageMention[],
  from: PageMention | null,
  direction: 'next' | 'previous',
  accept: (mention: PageMention) => boolean,
): PageMention | null {
  const count = mentions.length;
  const step = direction === 'next' ? 1 : -1;
  const at = from ? mentions.indexOf(from) : -1;
  const first = at >= 0 ? at + step : direction === 'next' ? 0 : count - 1;
  for (let tried = 0; tried < count; tried++) {
    const candidate = mentions[(((first + tried * step) % count) + count) % count] as PageMention;
    if (candidate !== from && accept(candidate)) return candidate;
  }
  return null;
}

/**
 * With no card open, the shortcut starts from what the reader is looking at:
 * the first mention at or below the top of the viewport (next), or the last
 * one above its bottom (previous); wrapping to the other end of the page.
 */
function firstFromViewport(
  page: CardPage,
  mentions: readonly PageMention[],
  direction: 'next' | 'previous',
): PageMention | null {
  const view = mentions[0]?.parts[0]?.node.ownerDocument.defaultView;
  const height = view?.innerHeight ?? 0;
  const top = (mention: PageMention) => page.boxesOf(mention)[0]?.top;
  if (direction === 'next') {
    return mentions.find((mention) => (top(mention) ?? -1) >= 0) ?? mentions[0] ?? null;
  }
  for (let index = mentions.length - 1; index >= 0; index--) {
    const at = top(mentions[index] as PageMention);
    if (at !== undefined && at < height) return mentions[index] as PageMention;
  }
  return mentions[mentions.length - 1] ?? null;
}
