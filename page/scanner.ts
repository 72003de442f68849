import { type Matcher, TEXT_SEPARATOR } from '../lib/matcher';

/** The tag of the element that hosts Crossread's own in-page UI. */
export const UI_HOST_TAG = 'crossread-ui';

/** A piece of one text node that a mention covers. A name split by markup has several. */
export interface TextPart {
  node: Text;
  start: number;
  end: number;
}

/** A mention found in the page: the DOM range it covers, its parts, the entity and the block it sits in. */
export interface PageMention {
  range: AbstractRange;
  parts: TextPart[];
  entityId: string;
  block: Element;
}

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
  'HEAD',
  'TITLE',
  UI_HOST_TAG.toUpperCase(),
]);

// Elements that flow inside a line of text. A name split across them ("Olivier
// <a>Nduhungirehe</a>") is still one name; any other element ends a block.
// Decided by tag, not getComputedStyle, which would force a style recalc per element.
const INLINE_TAGS = new Set([
  'A',
  'ABBR',
  'B',
  'BDI',
  'BDO',
  'CITE',
  'DATA',
  'DEL',
  'DFN',
  'EM',
  'FONT',
  'I',
  'INS',
  'LABEL',
  'MARK',
  'Q',
  'S',
  'SMALL',
  'SPAN',
  'STRONG',
  'SUB',
  'SUP',
  'TIME',
  'U',
  'VAR',
  'WBR',
  'BR',
]);

const HTML_NAMESPACE = 'http://www.w3.org/1999/xhtml';

/** True for elements whose text Crossread must never read or touch. */
export function isSkipZone(element: Element): boolean {
  // The attribute, not isContentEditable: that getter consults computed style,
  // which can force a style recalculation in the middle of the walk.
  return isSkipZoneBesidesEditing(element, element.tagName) || isEditable(element);
}

/** The skip-zone tests but `contenteditable`, given the element's tag name. */
function isSkipZoneBesidesEditing(element: Element, tagName: string): boolean {
  if (SKIPPED_TAGS.has(tagName)) return true;
  // SVG and MathML content is vector art and formulas, not prose. In an HTML
  // document only their tag names are lower case, so the namespace is read
  // only then (in XHTML every tag name is, and the check stays right).
  const first = tagName.charCodeAt(0);
  return first >= 0x61 && first <= 0x7a && element.namespaceURI !== HTML_NAMESPACE;
}

function isEditable(element: Element): boolean {
  const editable = element.getAttribute('contenteditable');
  return editable !== null && editable.toLowerCase() !== 'false';
}

/** True when `node` lies inside a skip zone, looking up to `root`. */
export function isInSkipZone(node: Node, root: Node): boolean {
  for (let element = node.parentElement; element; element = element.parentElement) {
    if (isSkipZone(element)) return true;
    if (element === root) return false;
  }
  return false;
}

export function isInline(element: Element): boolean {
  return INLINE_TAGS.has(element.tagName);
}

/** The nearest ancestor that is not inline: the element whose text is matched as one string. */
export function blockOf(node: Node, root: Element): Element {
  let element = node.nodeType === Node.ELEMENT_NODE ? (node as Element) : node.parentElement;
  while (element && element !== root && isInline(element)) element = element.parentElement;
  return element ?? root;
}

export interface ScanOptions {
  /** Stops the scan between slices; the promise then resolves with what was found so far. */
  signal?: AbortSignal;
  /** Longest stretch of work before giving the main thread back. */
  sliceMs?: number;
  /** Entities already found elsewhere on the page: context for their ambiguous aliases. */
  confirmedEntityIds?: Set<string>;
  /** Entities not to find (see FindMentionsOptions.ignoredEntityIds). */
  ignoredEntityIds?: ReadonlySet<string>;
  /** Receives each block's mentions as soon as they are found, so highlights appear progressively. */
  onMentions?: (mentions: PageMention[]) => void;
}

const DEFAULT_SLICE_MS = 8;
/** A batch is matched once this much text is waiting, even within a slice, so one call never runs long. */
const BATCH_CHARS = 32_768;
const NODES_BETWEEN_CLOCK_CHECKS = 64;

/** Gives the main thread back, using the Prioritized Task Scheduling API where it exists. */
export function yieldToMain(): Promise<void> {
  const scheduler = (globalThis as { scheduler?: { yield?: () => Promise<void> } }).scheduler;
  if (typeof scheduler?.yield === 'function') return scheduler.yield();
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Text waiting to be matched, as parallel arrays with one entry per text
 * node (plus one per block boundary and line break): building a string per
 * block and joining those cost the page more than the matching itself.
 */
interface Batch {
  /** What each entry adds to the joined text: a node's text, TEXT_SEPARATOR between blocks, "\n" at a line break. */
  texts: string[];
  /** The text node of each entry; null for a separator or line break. */
  nodes: Array<Text | null>;
  /** Where each entry starts in the joined text. */
  starts: number[];
  /** The block each entry belongs to. */
  blocks: Element[];
  length: number;
}

function emptyBatch(): Batch {
  return { texts: [], nodes: [], starts: [], blocks: [], length: 0 };
}

function pushEntry(batch: Batch, text: string, node: Text | null, block: Element): void {
  batch.texts.push(text);
  batch.nodes.push(node);
  batch.starts.push(batch.length);
  batch.blocks.push(block);
  batch.length += text.length;
}

/** The entries of `batch` from `from` on, as a batch of their own (offsets from 0). */
function batchFrom(batch: Batch, from: number): Batch {
  const rest = emptyBatch();
  for (let i = from; i < batch.texts.length; i++) {
    pushEntry(rest, batch.texts[i] as string, batch.nodes[i] as Text | null, batch.blocks[i] as Element);
  }
  return rest;
}

/**
 * Walks the text under `roots` (the only code that reads the page's text),
 * joins it per block, and returns every mention the matcher finds. Skips code,
 * form fields, editable regions, SVG/MathML and Crossread's own UI. Works in
 * slices of `sliceMs` so that no task blocks the page, however big it is.
 */
export async function scanForMentions(
  roots: Element | readonly Element[],
  matcher: Matcher,
  options: ScanOptions = {},
): Promise<PageMention[]> {
  const sliceMs = options.sliceMs ?? DEFAULT_SLICE_MS;
  const confirmed = options.confirmedEntityIds ?? new Set<string>();
  const found: PageMention[] = [];
  let sliceStart = performance.now();
  let nodesSinceCheck = 0;

  // Blocks are matched in batches: one matcher call has a fixed cost that,
  // in a content script's cold code, outweighed the matching itself when
  // made per block. The separator is neither a word character nor a space
  // and no alias contains it, so no name spans two blocks; a batch is one
  // text for the ambiguity rule, so an anchor in one block gives context to
  // an ambiguous name in a nearby one.
  let batch = emptyBatch();
  /** Matches the entries before `end` (a block boundary) and keeps the rest for the next batch. */
  const flush = (end: number) => {
    if (end === 0) return;
    const whole = end === batch.texts.length;
    const text = (whole ? batch.texts : batch.texts.slice(0, end)).join('');
    const mentions = matcher.findMentions(text, {
      confirmedEntityIds: confirmed,
      ignoredEntityIds: options.ignoredEntityIds,
    });
    let group: PageMention[] = [];
    for (const mention of mentions) {
      const pageMention = toPageMention(batch, mention.start, mention.end, mention.entityId);
      if (group.length > 0 && (group[0] as PageMention).block !== pageMention.block) {
        found.push(...group);
        options.onMentions?.(group);
        group = [];
      }
      group.push(pageMention);
      confirmed.add(mention.entityId);
    }
    if (group.length > 0) {
      found.push(...group);
      options.onMentions?.(group);
    }
    batch = whole ? emptyBatch() : batchFrom(batch, end);
  };

  const rootList = (Array.isArray(roots) ? roots : [roots]) as readonly Element[];
  for (const root of rootList) {
    // A root that is, or sits in, a skip zone (a textarea the page just added) has nothing to read.
    if (isSkipZone(root) || isInSkipZone(root, root.ownerDocument.documentElement)) continue;
    // Text nodes only, as the floor walks: visiting every element as well
    // cost more than the rest of the scan on small pages. Skip zones and
    // blocks are found from each text node's parent instead, once per parent.
    const places = new Map<Node, Place>([[root, { skip: false, block: root }]]);
    const editable = editableElements(root);
    const breaks = textAfterLineBreaks(root, places, editable);
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let block: Element | null = null;
    /** Where the current block's entries start in the batch. */
    let blockEntry = 0;
    let lastParent: Node | null = null;
    let place: Place = { skip: false, block: root };
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (++nodesSinceCheck >= NODES_BETWEEN_CLOCK_CHECKS) {
        nodesSinceCheck = 0;
        if (performance.now() - sliceStart > sliceMs) {
          // The current block may go on after the pause: it waits for the next batch.
          flush(blockEntry);
          blockEntry = 0;
          await yieldToMain();
          sliceStart = performance.now();
        }
        if (options.signal?.aborted) return found;
      }
      // Sibling text nodes share a parent, and so a place: look it up once.
      if (node.parentNode !== lastParent) {
        lastParent = node.parentNode;
        place = lastParent ? placeOf(lastParent, places, editable) : { skip: true, block: root };
      }
      if (place.skip) continue;
      if (place.block !== block) {
        block = place.block;
        if (batch.length >= BATCH_CHARS) flush(batch.texts.length);
        if (batch.length > 0) pushEntry(batch, TEXT_SEPARATOR, null, block);
        blockEntry = batch.texts.length;
      } else if (breaks.size > 0 && breaks.has(node)) {
        // A line break separates words: "Olivier<br>Nduhungirehe" reads as two words of one name.
        pushEntry(batch, '\n', null, block);
      }
      pushEntry(batch, node.data, node, block);
    }
    flush(batch.texts.length);
  }
  return found;
}

/** Where a text node's parent sits: inside a skip zone, or in which block. */
interface Place {
  skip: boolean;
  block: Element;
}

/**
 * The place of `parent`, from its own parent's (cached in `places`, which
 * starts with the scan's root): a skip zone or anything in one is skipped;
 * an inline element belongs to its parent's block, any other element is a
 * block of its own.
 */
function placeOf(parent: Node, places: Map<Node, Place>, editable: ReadonlySet<Element>): Place {
  const known = places.get(parent);
  if (known) return known;
  // Iterative, not recursive: a hostile page can nest elements deeper than the call stack.
  const unknown: Element[] = [];
  let up: Place | undefined;
  for (let node: Node | null = parent; node; node = node.parentNode) {
    up = places.get(node);
    if (up) break;
    unknown.push(node as Element);
  }
  // Outside the scan's root (a node moved meanwhile): nothing to read.
  let place: Place = up ?? { skip: true, block: unknown[unknown.length - 1] as Element };
  for (let index = unknown.length - 1; index >= 0; index--) {
    const element = unknown[index] as Element;
    if (!place.skip) {
      const tagName = element.tagName;
      if (isSkipZoneBesidesEditing(element, tagName) || (editable.size > 0 && editable.has(element))) {
        place = { skip: true, block: place.block };
      } else if (!INLINE_TAGS.has(tagName)) {
        place = { skip: false, block: element };
      }
    }
    places.set(element, place);
  }
  return place;
}

/**
 * The elements under `root` that make their content editable: found once
 * per scan by the browser's selector engine, since reading the attribute of
 * every element cost the walk more than anything else in placeOf.
 */
function editableElements(root: Element): Set<Element> {
  const editable = new Set<Element>();
  for (const element of root.querySelectorAll('[contenteditable]')) if (isEditable(element)) editable.add(element);
  return editable;
}

/** The first text node after each `<br>` under `root` that is not in a skip zone. */
function textAfterLineBreaks(root: Element, places: Map<Node, Place>, editable: ReadonlySet<Element>): Set<Node> {
  const after = new Set<Node>();
  const breaks = root.getElementsByTagName('br');
  if (breaks.length === 0) return after;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let i = 0; i < breaks.length; i++) {
    const lineBreak = breaks[i] as Element;
    if (lineBreak.parentNode && placeOf(lineBreak.parentNode, places, editable).skip) continue;
    walker.currentNode = lineBreak;
    const next = walker.nextNode();
    if (next) after.add(next);
  }
  return after;
}

/** Maps a [start, end) match in the batch's joined text back to DOM positions. */
function toPageMention(batch: Batch, start: number, end: number, entityId: string): PageMention {
  const parts: TextPart[] = [];
  const { nodes, starts, texts } = batch;
  let index = lastStartAtOrBefore(starts, start);
  const block = batch.blocks[index] as Element;
  for (; index < nodes.length; index++) {
    const node = nodes[index];
    const nodeStart = starts[index] ?? 0;
    if (nodeStart >= end) break;
    if (!node) continue;
    const partStart = Math.max(start - nodeStart, 0);
    const partEnd = Math.min(end - nodeStart, (texts[index] as string).length);
    if (partEnd > partStart) parts.push({ node, start: partStart, end: partEnd });
  }
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!first || !last) throw new Error('a mention must cover text');
  return { range: createRange(first, last), parts, entityId, block };
}

/**
 * A StaticRange where the browser has one: unlike a live Range it costs the
 * page nothing when the DOM changes, and the live highlighter replaces the
 * ranges of any block that changes anyway.
 */
function createRange(first: TextPart, last: TextPart): AbstractRange {
  const doc = first.node.ownerDocument;
  const StaticRangeConstructor = doc.defaultView?.StaticRange;
  if (typeof StaticRangeConstructor === 'function') {
    return new StaticRangeConstructor({
      startContainer: first.node,
      startOffset: first.start,
      endContainer: last.node,
      endOffset: last.end,
    });
  }
  const range = doc.createRange();
  range.setStart(first.node, first.start);
  range.setEnd(last.node, last.end);
  return range;
}

function lastStartAtOrBefore(starts: readonly number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >> 1;
    if ((starts[middle] ?? 0) <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}
