import type { PageMention, TextPart } from './scanner';

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
  add(mentions: readonly PageMention[], kindOf: (entityId: string) => string): void;
  remove(mentions: readonly PageMention[]): void;
  clear(): void;
  /** True for nodes the highlighter itself inserted or took out, so observers can ignore its own changes. */
  isOwnNode(node: Node): boolean;
}

export const HIGHLIGHT_PREFIX = 'crossread-';
export const MARK_CLASS = 'crossread-mention';

// ::highlight() rules cannot use wildcards, so each styled kind has its own
// name in highlights.css; kinds a dataset adds share the generic style.
const PAINTED_KINDS = new Set(['country', 'person', 'organization', 'deal']);

export function highlightNameForKind(kind: string): string {
  return `${HIGHLIGHT_PREFIX}${PAINTED_KINDS.has(kind) ? kind : 'mention'}`;
}

export function createPaintHighlighter(registry: HighlightRegistry = CSS.highlights): Highlighter {
  const highlights = new Map<string, Highlight>();
  // Our own index of which highlight holds each mention: Firefox content
  // scripts cannot iterate a Highlight ("Xray wrapping of iterators not supported").
  const nameOf = new Map<PageMention, string>();
  return {
    mode: 'paint',
    add(mentions, kindOf) {
      for (const mention of mentions) {
        const name = highlightNameForKind(kindOf(mention.entityId));
        let highlight = highlights.get(name);
        if (!highlight) {
          highlight = new Highlight();
          highlights.set(name, highlight);
          registry.set(name, highlight);
        }
        highlight.add(mention.range);
        nameOf.set(mention, name);
      }
    },
    remove(mentions) {
      for (const mention of mentions) {
        const name = nameOf.get(mention);
        if (name === undefined) continue;
        highlights.get(name)?.delete(mention.range);
        nameOf.delete(mention);
      }
    },
    clear() {
      for (const name of highlights.keys()) registry.delete(name);
      highlights.clear();
      nameOf.clear();
    },
    isOwnNode: () => false,
  };
}

interface WrappedNode {
  original: Text;
  replacement: Node[];
}

export function createWrapHighlighter(doc: Document): Highlighter {
  const wrappedByOriginal = new Map<Text, WrappedNode>();
  const ownNodes = new WeakSet<Node>();

  function wrapNode(original: Text, parts: ReadonlyArray<{ part: TextPart; mention: PageMention; kind: string }>) {
    const text = original.data;
    const replacement: Node[] = [];
    let cursor = 0;
    for (const { part, mention, kind } of parts) {
      if (part.start < cursor) continue;
      if (part.start > cursor) replacement.push(doc.createTextNode(text.slice(cursor, part.start)));
      const mark = doc.createElement('mark');
      mark.className = `${MARK_CLASS} ${MARK_CLASS}--${kind}`;
      mark.setAttribute('data-crossread-id', mention.entityId);
      mark.textContent = text.slice(part.start, part.end);
      replacement.push(mark);
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
    },
    remove(mentions) {
      for (const mention of mentions) {
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
    },
    isOwnNode: (node) => ownNodes.has(node),
  };
}

/** Paint where the Custom Highlight API exists, wrap elsewhere. */
export function createHighlighter(doc: Document): Highlighter {
  const view = doc.defaultView;
  const canPaint = typeof view?.Highlight === 'function' && view.CSS !== undefined && 'highlights' in view.CSS;
  return canPaint ? createPaintHighlighter(view.CSS.highlights) : createWrapHighlighter(doc);
}
