import { type Highlighter, rangeBoxes } from './highlighter';
import type { PageMention } from './scanner';

/**
 * Finds the mention under a point. Painted highlights are not elements, so
 * the browser cannot tell us what was hovered or clicked: we ask for the text
 * position under the pointer (caretPositionFromPoint, or WebKit's
 * caretRangeFromPoint) and look it up in an index of the mentions' text nodes,
 * then confirm the point is really inside the mention's boxes (a caret
 * position exists even for a point far right of a line's end). Wrapped
 * mentions are found through their <mark> (the highlighter knows which
 * mention each mark shows): their original text nodes are out of the page.
 */
export class MentionHitTester {
  private index: Map<Text, PageMention[]> | null = null;

  constructor(
    private readonly doc: Document,
    private readonly mentions: () => readonly PageMention[],
    private readonly highlighter?: Highlighter,
  ) {}

  /** Call when the set of mentions changed. */
  invalidate(): void {
    this.index = null;
  }

  mentionAt(x: number, y: number): PageMention | null {
    const caret = this.caretAt(x, y);
    if (!caret) return null;
    const wrapped = this.highlighter?.mentionOf(caret.node);
    if (wrapped) {
      const mark = caret.node.nodeType === Node.ELEMENT_NODE ? (caret.node as Element) : caret.node.parentElement;
      return mark && boxesContain(mark.getClientRects(), x, y) ? wrapped : null;
    }
    const candidates = this.indexed().get(caret.node as Text);
    if (!candidates) return null;
    for (const mention of candidates) {
      const covers = mention.parts.some(
        (part) => part.node === caret.node && caret.offset >= part.start && caret.offset <= part.end,
      );
      if (covers && this.contains(mention, x, y)) return mention;
    }
    return null;
  }

  private indexed(): Map<Text, PageMention[]> {
    if (this.index) return this.index;
    const index = new Map<Text, PageMention[]>();
    for (const mention of this.mentions()) {
      for (const part of mention.parts) {
        const list = index.get(part.node);
        if (list) list.push(mention);
        else index.set(part.node, [mention]);
      }
    }
    this.index = index;
    return index;
  }

  private caretAt(x: number, y: number): { node: Node; offset: number } | null {
    const doc = this.doc as Document & {
      caretPositionFromPoint?: (x: number, y: number) => { offsetNode: Node; offset: number } | null;
      caretRangeFromPoint?: (x: number, y: number) => Range | null;
    };
    if (typeof doc.caretPositionFromPoint === 'function') {
      const position = doc.caretPositionFromPoint(x, y);
      return position ? { node: position.offsetNode, offset: position.offset } : null;
    }
    const range = doc.caretRangeFromPoint?.(x, y);
    return range ? { node: range.startContainer, offset: range.startOffset } : null;
  }

  private contains(mention: PageMention, x: number, y: number): boolean {
    return boxesContain(rangeBoxes(mention), x, y);
  }
}

function boxesContain(boxes: Iterable<DOMRect>, x: number, y: number): boolean {
  for (const box of boxes) {
    if (x >= box.left && x <= box.right && y >= box.top && y <= box.bottom) return true;
  }
  return false;
}
