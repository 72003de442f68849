import type { Matcher } from '../lib/matcher';

/** A mention found in the page: the DOM range it covers and the entity it names. */
export interface PageMention {
  range: Range;
  entityId: string;
}

/** The tag of the element that hosts Crossread's own in-page UI. */
export const UI_HOST_TAG = 'crossread-ui';

// Text inside these is code, form input, vector art or not rendered at all:
// highlighting it would change what the user types or corrupt the markup.
const SKIPPED_TAGS = new Set([
  'SCRIPT',
  'STYLE',
  'NOSCRIPT',
  'TEMPLATE',
  'TEXTAREA',
  'INPUT',
  'SELECT',
  'OPTION',
  'BUTTON',
  'CODE',
  'PRE',
  'KBD',
  'SAMP',
  'IFRAME',
  'OBJECT',
  'CANVAS',
  UI_HOST_TAG.toUpperCase(),
]);

function isSkipZone(element: Element): boolean {
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  // SVG and MathML elements have namespaced, lower-case tag names.
  if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml') return true;
  return element instanceof HTMLElement && element.isContentEditable;
}

/**
 * Walks the text under `root` (the only module that reads the page's text) and
 * returns every mention the matcher finds, skipping code, form fields,
 * editable regions, SVG/MathML and Crossread's own UI.
 *
 * The walking skeleton matches within each text node; the engine issue joins
 * text per block so a name split by inline markup is one mention.
 */
export function scanForMentions(root: Element, matcher: Matcher): PageMention[] {
  const doc = root.ownerDocument;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT, {
    acceptNode(node) {
      if (node.nodeType === Node.ELEMENT_NODE) {
        return isSkipZone(node as Element) ? NodeFilter.FILTER_REJECT : NodeFilter.FILTER_SKIP;
      }
      return NodeFilter.FILTER_ACCEPT;
    },
  });
  const mentions: PageMention[] = [];
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const text = node.nodeValue ?? '';
    if (text.trim().length === 0) continue;
    for (const found of matcher.findMentions(text)) {
      const range = doc.createRange();
      range.setStart(node, found.start);
      range.setEnd(node, found.end);
      mentions.push({ range, entityId: found.entityId });
    }
  }
  return mentions;
}
