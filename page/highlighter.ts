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
  /** Shows which mention is under the pointer (null: none), with a stronger style and a pointer cursor. */
  setHovered(mention: PageMention | null): void;
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

export const HOVER_HIGHLIGHT = `${HIGHLIGHT_PREFIX}hover`;

/**
 * Painted text is not an element, so no page CSS can give it a pointer
 * cursor; while a mention is hovered, a constructed style sheet (not subject
 * to the page's Content-Security-Policy, and no change to the page's DOM)
 * shows one.
 */
function createCursorSheet(doc: Document): { show(on: boolean): void } {
  const view = doc.defaultView;
  if (!view || typeof view.CSSStyleSheet !== 'function' || !('adoptedStyleSheets' in doc)) return { show() {} };
  const sheet = new view.CSSStyleSheet();
  sheet.replaceSync(':root, :root * { cursor: pointer !important; }');
  let shown = false;
  return {
    show(on) {
      if (on === shown) return;
      shown = on;
      doc.adoptedStyleSheets = on
        ? [...doc.adoptedStyleSheets, sheet]
        : doc.adoptedStyleSheets.filter((adopted) => adopted !== sheet);
    },
  };
}

export function createPaintHighlighter(
  registry: HighlightRegistry = CSS.highlights,
  doc: Document | null = typeof document === 'undefined' ? null : document,
): Highlighter {
  const highlights = new Map<string, Highlight>();
  const cursor = doc ? createCursorSheet(doc) : { show() {} };
  let hover: Highlight | null = null;
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
      this.setHovered(null);
    },
    setHovered(mention) {
      cursor.show(mention !== null);
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
  let hovered: PageMention | null = null;

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
      for (const mark of (hovered && marksOf.get(hovered)) ?? []) mark.classList.remove(`${MARK_CLASS}--hover`);
      hovered = mention;
      for (const mark of (mention && marksOf.get(mention)) ?? []) mark.classList.add(`${MARK_CLASS}--hover`);
    },
    isOwnNode: (node) => ownNodes.has(node),
  };
}

/** Paint where the Custom Highlight API exists, wrap elsewhere. */
export function createHighlighter(doc: Document): Highlighter {
  const view = doc.defaultView;
  const canPaint = typeof view?.Highlight === 'function' && view.CSS !== undefined && 'highlights' in view.CSS;
  return canPaint ? createPaintHighlighter(view.CSS.highlights, doc) : createWrapHighlighter(doc);
}
