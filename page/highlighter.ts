import {
  CLAIM_HIGHLIGHT,
  HOVER_HIGHLIGHT,
  highlightNameForKind,
  MARK_CLAIM_CLASS,
  MARK_CLASS,
  MARK_HOVER_CLASS,
  markClassName,
} from '../lib/highlight-style';
import type { Renderer } from '../lib/settings';
import { createAdoptedSheet } from './adopted-sheet';
import type { PageMention, TextPart } from './scanner';
import { GATE_ABOVE, ViewportGate } from './viewport-gate';

/**
 * The only module that changes how the page looks. Two renderers share one
 * interface:
 * - paint: registers ranges with the CSS Custom Highlight API; the page's DOM
 *   is never touched, so frameworks that own the DOM cannot break.
 * - wrap: surrounds mentions with <mark> elements, for browsers without the
 *   API and as a user setting; removing them puts the page's original text
 *   nodes back, so the DOM is restored exactly.
 *
 * Mentions are added and removed a block at a time: removing some mentions
 * of a block but not others is not supported in wrap mode.
 */
export interface Highlighter {
  readonly mode: 'paint' | 'wrap';
  /**
   * Highlights `mentions`, and returns the page's text nodes it took out of
   * the page to do so (wrap puts marks in a text node's place and keeps the
   * node to put back; painting takes none out). A page script may still hold
   * such a node and change its text, as frameworks do to update text in
   * place: the caller watches them (see shownInPlaceOf).
   */
  add(mentions: readonly PageMention[], kindOf: (entityId: string) => string): readonly Text[];
  remove(mentions: readonly PageMention[]): void;
  clear(): void;
  /** Shows which mention is under the pointer (null: none), with a stronger style and a pointer cursor. */
  setHovered(mention: PageMention | null): void;
  /** True for nodes the highlighter itself inserted or took out, so observers can ignore its own changes. */
  isOwnNode(node: Node): boolean;
  /**
   * The mention whose highlight element holds `node` (a wrapped mention's
   * <mark> or its text), for hit-testing; always null when painting, since
   * painted highlights are not in the DOM.
   */
  mentionOf(node: Node): PageMention | null;
  /** The boxes a mention's highlight occupies, in viewport coordinates; empty when it is not rendered. */
  boxesOf(mention: PageMention): DOMRect[];
  /**
   * Where the text of a node that `add` took out shows instead: the first
   * node put in its place, while that is in the page; null for any other node.
   */
  shownInPlaceOf(node: Node): Node | null;
}

export { HIGHLIGHT_PREFIX, HOVER_HIGHLIGHT, highlightNameForKind, MARK_CLASS } from '../lib/highlight-style';

/**
 * A selector for `element` alone, by its position under the root element
 * (":root > body:nth-child(2) > div:nth-child(3) > p:nth-child(1)"), so no
 * attribute has to be added to the page; null when it is not in the document.
 */
export function positionSelector(element: Element): string | null {
  const doc = element.ownerDocument;
  const escapeIdentifier = doc.defaultView?.CSS?.escape;
  if (!escapeIdentifier) return null;
  const steps: string[] = [];
  for (let at: Element | null = element; at !== doc.documentElement; at = at.parentElement) {
    if (!at) return null;
    let position = 1;
    for (let sibling = at.previousElementSibling; sibling; sibling = sibling.previousElementSibling) position++;
    steps.push(`${escapeIdentifier(at.localName)}:nth-child(${position})`);
  }
  return `:root > ${steps.reverse().join(' > ')}`;
}

/**
 * The pointer cursor over a hovered mention's block. Cursor is an inherited
 * property: a rule for the root or for every element made Chromium restyle
 * the whole page on every hover in and out (80–190 ms on wikipedia-2); a rule
 * for the one block costs 8–13 ms there and about 1 ms on cnn.
 */
function cursorRule(mention: PageMention): string | null {
  const selector = positionSelector(mention.block);
  return selector ? `${selector} { cursor: pointer !important; }` : null;
}

export function createPaintHighlighter(
  registry: HighlightRegistry = CSS.highlights,
  doc: Document | null = typeof document === 'undefined' ? null : document,
  /** How many mentions may be registered at once before only those near the viewport are (see ViewportGate). */
  gateAbove = GATE_ABOVE,
): Highlighter {
  const highlights = new Map<string, Highlight>();
  // Painted text is not an element, so no page CSS can give it a pointer
  // cursor; while a mention is hovered, a sheet of our own shows one.
  const cursor = doc ? createAdoptedSheet(doc) : { set() {}, empty() {}, remove() {} };
  let hover: Highlight | null = null;
  // Our own index of which highlight holds each mention: Firefox content
  // scripts cannot iterate a Highlight ("Xray wrapping of iterators not supported").
  const nameOf = new Map<PageMention, string>();
  // On a page with thousands of mentions, only those near the viewport are registered (frames stay short).
  const gate = new ViewportGate(
    doc,
    (mention) => {
      const name = nameOf.get(mention);
      if (name !== undefined) highlightNamed(name).add(mention.range);
    },
    (mention) => {
      const name = nameOf.get(mention);
      if (name !== undefined) highlights.get(name)?.delete(mention.range);
    },
    gateAbove,
  );
  const highlightNamed = (name: string) => {
    let highlight = highlights.get(name);
    if (!highlight) {
      highlight = new Highlight();
      highlights.set(name, highlight);
      registry.set(name, highlight);
    }
    return highlight;
  };
  return {
    mode: 'paint',
    add(mentions, kindOf) {
      for (const mention of mentions) {
        nameOf.set(mention, mention.claim ? CLAIM_HIGHLIGHT : highlightNameForKind(kindOf(mention.entityId)));
      }
      gate.add(mentions);
      return [];
    },
    remove(mentions) {
      gate.remove(mentions);
      for (const mention of mentions) nameOf.delete(mention);
    },
    clear() {
      gate.clear();
      for (const name of highlights.keys()) registry.delete(name);
      highlights.clear();
      nameOf.clear();
      this.setHovered(null);
      cursor.remove();
    },
    setHovered(mention) {
      const rule = mention && cursorRule(mention);
      if (rule) cursor.set(rule);
      else cursor.empty();
      if (!mention) {
        if (hover) registry.delete(HOVER_HIGHLIGHT);
        hover = null;
        return;
      }
      hover = new Highlight(mention.range);
      // Above the kind highlights, so the hovered mention stands out.
      hover.priority = 1;
      registry.set(HOVER_HIGHLIGHT, hover);
    },
    isOwnNode: () => false,
    mentionOf: () => null,
    boxesOf: (mention) => rangeBoxes(mention),
    shownInPlaceOf: () => null,
  };
}

interface WrappedNode {
  original: Text;
  replacement: Node[];
}

export function createWrapHighlighter(doc: Document): Highlighter {
  const wrappedByOriginal = new Map<Text, WrappedNode>();
  const ownNodes = new WeakSet<Node>();
  const marksOf = new Map<PageMention, HTMLElement[]>();
  const mentionOfMark = new WeakMap<Node, PageMention>();
  let hovered: PageMention | null = null;

  function wrapNode(original: Text, parts: ReadonlyArray<{ part: TextPart; mention: PageMention; kind: string }>) {
    const text = original.data;
    const replacement: Node[] = [];
    let cursor = 0;
    for (const { part, mention, kind } of parts) {
      if (part.start < cursor) continue;
      if (part.start > cursor) replacement.push(doc.createTextNode(text.slice(cursor, part.start)));
      const mark = doc.createElement('mark');
      mark.setAttribute('data-crossread-id', mention.entityId);
      if (mention.claim) {
        mark.className = `${MARK_CLASS} ${MARK_CLAIM_CLASS}`;
        mark.setAttribute('data-crossread-claim', mention.claim.claimId);
      } else {
        mark.className = markClassName(kind);
      }
      mark.textContent = text.slice(part.start, part.end);
      mentionOfMark.set(mark, mention);
      replacement.push(mark);
      const marks = marksOf.get(mention);
      if (marks) marks.push(mark);
      else marksOf.set(mention, [mark]);
      cursor = part.end;
    }
    if (cursor < text.length) replacement.push(doc.createTextNode(text.slice(cursor)));
    for (const node of replacement) {
      ownNodes.add(node);
      if (node.firstChild) ownNodes.add(node.firstChild);
    }
    ownNodes.add(original);
    original.replaceWith(...replacement);
    wrappedByOriginal.set(original, { original, replacement });
  }

  function unwrapNode(wrapped: WrappedNode) {
    const first = wrapped.replacement[0];
    wrappedByOriginal.delete(wrapped.original);
    // The page may have removed our marks meanwhile; then there is nothing to restore.
    if (!first?.parentNode) return;
    first.parentNode.insertBefore(wrapped.original, first);
    for (const node of wrapped.replacement) node.parentNode?.removeChild(node);
  }

  return {
    mode: 'wrap',
    add(mentions, kindOf) {
      const partsByNode = new Map<Text, Array<{ part: TextPart; mention: PageMention; kind: string }>>();
      for (const mention of mentions) {
        const kind = kindOf(mention.entityId);
        for (const part of mention.parts) {
          if (wrappedByOriginal.has(part.node) || !part.node.isConnected) continue;
          const list = partsByNode.get(part.node) ?? [];
          list.push({ part, mention, kind });
          partsByNode.set(part.node, list);
        }
      }
      for (const [node, parts] of partsByNode) {
        wrapNode(
          node,
          parts.sort((a, b) => a.part.start - b.part.start),
        );
      }
      return [...partsByNode.keys()];
    },
    remove(mentions) {
      for (const mention of mentions) {
        if (mention === hovered) this.setHovered(null);
        marksOf.delete(mention);
        for (const part of mention.parts) {
          const wrapped = wrappedByOriginal.get(part.node);
          if (wrapped) unwrapNode(wrapped);
        }
      }
    },
    clear() {
      // Putting the original node objects back (not copies) restores the DOM
      // exactly, including references the page's scripts hold to them.
      for (const wrapped of [...wrappedByOriginal.values()].reverse()) unwrapNode(wrapped);
      marksOf.clear();
      hovered = null;
    },
    setHovered(mention) {
      // A name split by markup has several marks; all of them light up together.
      for (const mark of (hovered && marksOf.get(hovered)) ?? []) mark.classList.remove(MARK_HOVER_CLASS);
      hovered = mention;
      for (const mark of (mention && marksOf.get(mention)) ?? []) mark.classList.add(MARK_HOVER_CLASS);
    },
    isOwnNode: (node) => ownNodes.has(node),
    mentionOf(node) {
      const mark = node.nodeType === Node.ELEMENT_NODE ? node : node.parentNode;
      const mention = mark ? mentionOfMark.get(mark) : undefined;
      // A mark the page took out, or one of a mention removed since, is not a live highlight.
      return mention && marksOf.has(mention) && mark?.isConnected ? mention : null;
    },
    boxesOf(mention) {
      const marks = marksOf.get(mention);
      // A mention the page re-rendered before it was wrapped is painted nowhere yet; its text still is somewhere.
      if (!marks) return rangeBoxes(mention);
      return marks.flatMap((mark) => Array.from(mark.getClientRects()));
    },
    shownInPlaceOf(node) {
      const first = wrappedByOriginal.get(node as Text)?.replacement[0];
      return first?.isConnected ? first : null;
    },
  };
}

/** The boxes of a mention's text, through a live Range (a StaticRange has no geometry). */
export function rangeBoxes(mention: PageMention): DOMRect[] {
  const { startContainer, startOffset, endContainer, endOffset } = mention.range;
  if (!startContainer.isConnected || !endContainer.isConnected) return [];
  const range = (startContainer.ownerDocument ?? document).createRange();
  try {
    range.setStart(startContainer, startOffset);
    range.setEnd(endContainer, endOffset);
  } catch {
    // The page shortened the text since it was scanned; the rescan will replace this mention.
    return [];
  }
  return Array.from(range.getClientRects()).filter((box) => box.width > 0 || box.height > 0);
}

/** Whether `doc`'s window has the CSS Custom Highlight API, which painting needs. */
export function canPaint(doc: Document): boolean {
  const view = doc.defaultView;
  return typeof view?.Highlight === 'function' && view.CSS !== undefined && 'highlights' in view.CSS;
}

/** The renderer a setting gives in `doc`: auto and paint paint where the API exists; everything else wraps. */
export function rendererMode(doc: Document, renderer: Renderer = 'auto'): Highlighter['mode'] {
  return renderer !== 'wrap' && canPaint(doc) ? 'paint' : 'wrap';
}

/** A highlighter for `doc` as the renderer setting asks (default: paint where the Custom Highlight API exists, wrap elsewhere). */
export function createHighlighter(doc: Document, renderer: Renderer = 'auto'): Highlighter {
  const view = doc.defaultView;
  return rendererMode(doc, renderer) === 'paint' && view
    ? createPaintHighlighter(view.CSS.highlights, doc)
    : createWrapHighlighter(doc);
}
