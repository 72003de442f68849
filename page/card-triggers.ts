import type { CardTriggerMode } from '../lib/settings';
import type { FactCardController } from './fact-card';
import type { PageMention } from './scanner';

export interface CardTriggerOptions {
  card: FactCardController;
  /** The mention under a viewport point (hit-testing painted or wrapped highlights). */
  mentionAt(x: number, y: number): PageMention | null;
  /** The card's container inside Crossread's shadow root: the pointer over it keeps a hover card open. */
  container: HTMLElement;
  trigger(): { mode: CardTriggerMode; hoverDelayMs: number };
}

// Clicks on these do something of their own: the page keeps them.
const INTERACTIVE = 'a[href], button, input, textarea, select, label, summary, [contenteditable], [role="button"]';
/** How long the pointer may be off both the mention and the card before a hover card closes. */
const HOVER_CLOSE_DELAY_MS = 300;

/**
 * Opens the card from the pointer: a click on a mention (the default), or
 * resting on one for the set delay (the hover setting). Only the user's own
 * input counts (`isTrusted`), so a page cannot open cards by faking events.
 * A click on a mention inside a link or button is left to the page: the
 * link works as before, and the card is a keyboard shortcut or a hover away.
 * Nothing here calls preventDefault.
 */
export function watchCardTriggers(doc: Document, options: CardTriggerOptions, signal: AbortSignal): void {
  const view = doc.defaultView;
  let hoverTimer = 0;
  let closeTimer = 0;
  let pointer: { x: number; y: number } | null = null;
  let openedByHover = false;

  const clearTimers = () => {
    if (hoverTimer) view?.clearTimeout(hoverTimer);
    if (closeTimer) view?.clearTimeout(closeTimer);
    hoverTimer = 0;
    closeTimer = 0;
  };

  doc.addEventListener(
    'click',
    (event) => {
      if (!event.isTrusted || event.button !== 0 || event.defaultPrevented) return;
      if (event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return;
      if (event.composedPath().includes(options.container)) return;
      const target = event.target instanceof Element ? event.target : null;
      if (target?.closest(INTERACTIVE)) return;
      // The end of a text selection is a click too; the reader was selecting, not asking.
      const selection = doc.getSelection();
      if (selection && !selection.isCollapsed) return;
      const mention = options.mentionAt(event.clientX, event.clientY);
      if (!mention) return;
      openedByHover = false;
      options.card.open(mention);
    },
    { signal },
  );

  doc.addEventListener(
    'pointermove',
    (event) => {
      if (!event.isTrusted || event.pointerType === 'touch') return;
      const { mode, hoverDelayMs } = options.trigger();
      if (mode !== 'hover') return;
      pointer = { x: event.clientX, y: event.clientY };
      const overCard = event.composedPath().includes(options.container);
      if (overCard) {
        if (closeTimer) view?.clearTimeout(closeTimer);
        closeTimer = 0;
        return;
      }
      if (hoverTimer) view?.clearTimeout(hoverTimer);
      hoverTimer = view?.setTimeout(() => {
        hoverTimer = 0;
        const mention = pointer ? options.mentionAt(pointer.x, pointer.y) : null;
        if (mention && mention !== options.card.currentMention()) {
          openedByHover = true;
          options.card.open(mention);
        }
      }, hoverDelayMs) as number;
      // Off the mention and off the card: a card the hover opened goes after a short grace time.
      if (openedByHover && options.card.isOpen() && !closeTimer) {
        closeTimer = view?.setTimeout(() => {
          closeTimer = 0;
          const still = pointer ? options.mentionAt(pointer.x, pointer.y) : null;
          if (openedByHover && still !== options.card.currentMention()) options.card.close(false);
        }, HOVER_CLOSE_DELAY_MS) as number;
      }
    },
    { passive: true, signal },
  );

  signal.addEventListener('abort', clearTimers);
}
