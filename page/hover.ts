import type { Highlighter } from './highlighter';
import type { MentionHitTester } from './hit-test';
import type { PageMention } from './scanner';

/**
 * Shows which mention is under the mouse: a stronger highlight and a pointer
 * cursor, so readers can tell a painted name is interactive. Hit-testing runs
 * at most once per animation frame, and again on scroll (the text moves under
 * a still pointer). Only the user's own pointer counts (`isTrusted`): a page
 * faking pointer events cannot light up names or make Crossread hit-test.
 * Everything is removed when `signal` aborts.
 */
export function trackHoveredMention(
  doc: Document,
  hitTester: MentionHitTester,
  highlighter: Highlighter,
  signal: AbortSignal,
): { current(): PageMention | null } {
  const view = doc.defaultView;
  let pointer: { x: number; y: number } | null = null;
  let frame = 0;
  let hovered: PageMention | null = null;

  const update = () => {
    frame = 0;
    const mention = pointer ? hitTester.mentionAt(pointer.x, pointer.y) : null;
    if (mention === hovered) return;
    hovered = mention;
    highlighter.setHovered(mention);
  };
  const schedule = () => {
    if (!frame && view) frame = view.requestAnimationFrame(update);
  };
  const options = { capture: true, passive: true, signal } as const;

  doc.addEventListener(
    'pointermove',
    (event) => {
      if (!event.isTrusted || event.pointerType === 'touch') return;
      pointer = { x: event.clientX, y: event.clientY };
      schedule();
    },
    options,
  );
  doc.addEventListener('scroll', schedule, options);
  doc.documentElement.addEventListener(
    'pointerleave',
    (event) => {
      if (!event.isTrusted) return;
      pointer = null;
      schedule();
    },
    options,
  );
  signal.addEventListener('abort', () => {
    if (frame) view?.cancelAnimationFrame(frame);
    highlighter.setHovered(null);
  });
  return { current: () => hovered };
}
