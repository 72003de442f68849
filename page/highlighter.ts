import type { PageMention } from './scanner';

/**
 * The only module that changes how the page looks. Two renderers share one
 * interface:
 * - paint: registers ranges with the CSS Custom Highlight API; the page's DOM
 *   is never touched, so frameworks that own the DOM cannot break.
 * - wrap: surrounds mentions with <mark> elements, for browsers without the
 *   API; clearing puts the page's original text nodes back.
 */
export interface Highlighter {
  readonly mode: 'paint' | 'wrap';
  show(mentions: readonly PageMention[], kindOf: (entityId: string) => string): void;
  clear(): void;
}

export const HIGHLIGHT_PREFIX = 'crossread-';
export const MARK_CLASS = 'crossread-mention';

// ::highlight() rules cannot use wildcards, so each styled kind has its own
// name in content.css; kinds a dataset adds later share the generic style.
const PAINTED_KINDS = new Set(['country', 'person', 'organization', 'deal']);

export function highlightNameForKind(kind: string): string {
  return `${HIGHLIGHT_PREFIX}${PAINTED_KINDS.has(kind) ? kind : 'mention'}`;
}

export function createPaintHighlighter(): Highlighter {
  const registered = new Set<string>();
  return {
    mode: 'paint',
    show(mentions, kindOf) {
      this.clear();
      const rangesByName = new Map<string, Range[]>();
      for (const mention of mentions) {
        const name = highlightNameForKind(kindOf(mention.entityId));
        const ranges = rangesByName.get(name) ?? [];
        ranges.push(mention.range);
        rangesByName.set(name, ranges);
      }
      for (const [name, ranges] of rangesByName) {
        CSS.highlights.set(name, new Highlight(...ranges));
        registered.add(name);
      }
    },
    clear() {
      for (const name of registered) CSS.highlights.delete(name);
      registered.clear();
    },
  };
}

interface Wrapped {
  original: Text;
  replacement: Node[];
}

export function createWrapHighlighter(doc: Document): Highlighter {
  let wrapped: Wrapped[] = [];
  return {
    mode: 'wrap',
    show(mentions, kindOf) {
      this.clear();
      const byNode = new Map<Text, PageMention[]>();
      for (const mention of mentions) {
        const { startContainer, endContainer } = mention.range;
        // The skeleton scanner only yields mentions inside one text node.
        if (startContainer !== endContainer || !(startContainer instanceof Text)) continue;
        const list = byNode.get(startContainer) ?? [];
        list.push(mention);
        byNode.set(startContainer, list);
      }
      for (const [original, nodeMentions] of byNode) {
        const text = original.data;
        const replacement: Node[] = [];
        let cursor = 0;
        for (const mention of nodeMentions) {
          const { startOffset, endOffset } = mention.range;
          if (startOffset > cursor) replacement.push(doc.createTextNode(text.slice(cursor, startOffset)));
          const mark = doc.createElement('mark');
          mark.className = `${MARK_CLASS} ${MARK_CLASS}--${kindOf(mention.entityId)}`;
          mark.dataset.crossreadId = mention.entityId;
          mark.textContent = text.slice(startOffset, endOffset);
          replacement.push(mark);
          cursor = endOffset;
        }
        if (cursor < text.length) replacement.push(doc.createTextNode(text.slice(cursor)));
        original.replaceWith(...replacement);
        wrapped.push({ original, replacement });
      }
    },
    clear() {
      // Putting the original node objects back (not copies) restores the DOM
      // exactly, including references the page's scripts hold to them.
      for (const { original, replacement } of wrapped.reverse()) {
        const first = replacement[0];
        if (!first?.parentNode) continue;
        first.parentNode.insertBefore(original, first);
        for (const node of replacement) node.parentNode?.removeChild(node);
      }
      wrapped = [];
    },
  };
}

/** Paint where the Custom Highlight API exists, wrap elsewhere. */
export function createHighlighter(doc: Document): Highlighter {
  const view = doc.defaultView;
  const canPaint = typeof view?.Highlight === 'function' && 'highlights' in (view?.CSS ?? {});
  return canPaint ? createPaintHighlighter() : createWrapHighlighter(doc);
}
