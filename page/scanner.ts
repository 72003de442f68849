import type { PageClaim } from '../lib/claims/compare';
import { type Matcher, TEXT_SEPARATOR } from '../lib/matcher';

/** The tag of the element that hosts Crossread's own in-page UI. */
export const UI_HOST_TAG = 'crossread-ui';

/** A piece of one text node that a mention covers. A name split by markup has several. */
export interface TextPart {
  node: Text;
  start: number;
  end: number;
}

/**
 * A mention found in the page: the DOM range it covers, its parts, the
 * entity and the block it sits in. A claim mention is a figure the page
 * reports about an entity ("$100,000" beside "Rwanda"): it has `claim`, and
 * `entityId` is the first entity of the claim that its sentence names.
 */
export interface PageMention {
  range: AbstractRange;
  parts: TextPart[];
  entityId: string;
  block: Element;
  claim?: PageClaim;
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
  if (SKIPPED_TAGS.has(element.tagName)) return true;
  // SVG and MathML content is vector art and formulas, not prose.
  if (element.namespaceURI !== HTML_NAMESPACE) return true;
  // The attribute, not isContentEditable: that getter consults computed style,
  // which can force a style recalculation in the middle of the walk.
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
  onMentions?: (mentions: PageMention[], run: ScannedRun) => void;
}

/**
 * The text a block's mentions were found in (a block interrupted by a nested
 * block has several runs), for work that reads more of it than the names:
 * finding the figures that are claim mentions.
 */
export interface ScannedRun {
  text: string;
  /** Where each mention is in `text`, in the order of the mentions. */
  offsets: ReadonlyArray<{ start: number; end: number }>;
  /** A mention over [start, end) of `text`, mapped back to the page's text nodes. */
  mentionAt(start: number, end: number, entityId: string): PageMention;
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

interface BlockText {
  block: Element;
  /** Text nodes of the block, in order, with where each starts in `text`; null marks a line break. */
  nodes: Array<Text | null>;
  starts: number[];
  text: string;
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
  const pending: BlockText[] = [];
  let pendingChars = 0;
  const flush = () => {
    if (pending.length === 0) return;
    const text =
      pending.length === 1 ? (pending[0] as BlockText).text : pending.map((block) => block.text).join(TEXT_SEPARATOR);
    const mentions = matcher.findMentions(text, {
      confirmedEntityIds: confirmed,
      ignoredEntityIds: options.ignoredEntityIds,
    });
    let blockIndex = 0;
    let blockStart = 0;
    let group: PageMention[] = [];
    let offsets: Array<{ start: number; end: number }> = [];
    const emit = () => {
      if (group.length === 0) return;
      found.push(...group);
      const block = pending[blockIndex] as BlockText;
      options.onMentions?.(group, {
        text: block.text,
        offsets,
        mentionAt: (start, end, entityId) => toPageMention(block, start, end, entityId),
      });
      group = [];
      offsets = [];
    };
    for (const mention of mentions) {
      // Mentions come in order; move on to the block this one starts in.
      while (mention.start >= blockStart + (pending[blockIndex] as BlockText).text.length) {
        emit();
        blockStart += (pending[blockIndex] as BlockText).text.length + TEXT_SEPARATOR.length;
        blockIndex++;
      }
      const block = pending[blockIndex] as BlockText;
      const start = mention.start - blockStart;
      const end = mention.end - blockStart;
      group.push(toPageMention(block, start, end, mention.entityId));
      offsets.push({ start, end });
      confirmed.add(mention.entityId);
    }
    emit();
    pending.length = 0;
    pendingChars = 0;
  };
  const matchBlock = (block: BlockText) => {
    if (block.text.trim() === '') return;
    pending.push(block);
    pendingChars += block.text.length;
    if (pendingChars >= BATCH_CHARS) flush();
  };

  const rootList = (Array.isArray(roots) ? roots : [roots]) as readonly Element[];
  for (const root of rootList) {
    // A root that is, or sits in, a skip zone (a textarea the page just added) has nothing to read.
    if (isSkipZone(root) || isInSkipZone(root, root.ownerDocument.documentElement)) continue;
    // Text nodes only, as the floor walks: visiting every element as well
    // cost more than the rest of the scan on small pages. Skip zones and
    // blocks are found from each text node's parent instead, once per parent.
    const places = new Map<Node, Place>([[root, { skip: false, block: root }]]);
    const breaks = textAfterLineBreaks(root, places);
    const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    let current = null as BlockText | null;
    let lastParent: Node | null = null;
    let place: Place = { skip: false, block: root };
    for (let node = walker.nextNode() as Text | null; node; node = walker.nextNode() as Text | null) {
      if (++nodesSinceCheck >= NODES_BETWEEN_CLOCK_CHECKS) {
        nodesSinceCheck = 0;
        if (performance.now() - sliceStart > sliceMs) {
          flush();
          await yieldToMain();
          sliceStart = performance.now();
        }
        if (options.signal?.aborted) return found;
      }
      // Sibling text nodes share a parent, and so a place: look it up once.
      if (node.parentNode !== lastParent) {
        lastParent = node.parentNode;
        place = lastParent ? placeOf(lastParent, places) : { skip: true, block: root };
      }
      if (place.skip) continue;
      if (current?.block !== place.block) {
        if (current) matchBlock(current);
        current = { block: place.block, nodes: [], starts: [], text: '' };
      } else if (breaks.has(node)) {
        // A line break separates words: "Olivier<br>Nduhungirehe" reads as two words of one name.
        current.nodes.push(null);
        current.starts.push(current.text.length);
        current.text += '\n';
      }
      current.nodes.push(node);
      current.starts.push(current.text.length);
      current.text += node.data;
    }
    if (current) matchBlock(current);
    flush();
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
function placeOf(parent: Node, places: Map<Node, Place>): Place {
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
    if (!place.skip && isSkipZone(element)) place = { skip: true, block: place.block };
    else if (!place.skip && !isInline(element)) place = { skip: false, block: element };
    places.set(element, place);
  }
  return place;
}

/** The first text node after each `<br>` under `root` that is not in a skip zone. */
function textAfterLineBreaks(root: Element, places: Map<Node, Place>): Set<Node> {
  const after = new Set<Node>();
  const breaks = root.getElementsByTagName('br');
  if (breaks.length === 0) return after;
  const walker = root.ownerDocument.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let i = 0; i < breaks.length; i++) {
    const lineBreak = breaks[i] as Element;
    if (lineBreak.parentNode && placeOf(lineBreak.parentNode, places).skip) continue;
    walker.currentNode = lineBreak;
    const next = walker.nextNode();
    if (next) after.add(next);
  }
  return after;
}

/** Maps a [start, end) match in the block's joined text back to DOM positions. */
function toPageMention(block: BlockText, start: number, end: number, entityId: string): PageMention {
  const parts: TextPart[] = [];
  let index = lastStartAtOrBefore(block.starts, start);
  for (; index < block.nodes.length; index++) {
    const node = block.nodes[index];
    const nodeStart = block.starts[index] ?? 0;
    if (nodeStart >= end) break;
    if (!node) continue;
    const partStart = Math.max(start - nodeStart, 0);
    const partEnd = Math.min(end - nodeStart, node.data.length);
    if (partEnd > partStart) parts.push({ node, start: partStart, end: partEnd });
  }
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (!first || !last) throw new Error('a mention must cover text');
  return { range: createRange(first, last), parts, entityId, block: block.block };
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
