import { GENERIC_KIND, STATICALLY_STYLED_KINDS } from '../lib/highlight-style';
import type { Matcher } from '../lib/matcher';
import type { PageIndex } from '../lib/page-index';
import type { ClaimSpotter, SpottedClaims } from './claim-spotter';
import type { Highlighter } from './highlighter';
import { blockOf, isInline, isInSkipZone, type PageMention, scanForMentions, UI_HOST_TAG } from './scanner';

// Wait for a burst of DOM changes to settle, but never longer than MAX_DELAY
// after the first one, so content added by infinite scroll is highlighted
// within a second.
const SETTLE_MS = 120;
const MAX_DELAY_MS = 500;

export interface ShowOptions {
  /** Kinds not to highlight: their mentions are neither highlighted nor listed in mentions(). */
  hiddenKinds?: ReadonlySet<string>;
  /** Kinds with a style of their own (default: those highlights.css styles); others get the shared style. */
  styledKinds?: ReadonlySet<string>;
  /** Whether to find and highlight the figures that are claim mentions (default: yes, when a spotter is given). */
  claims?: boolean;
}

/**
 * Keeps a page highlighted: a first scan of the whole body, then a
 * MutationObserver that re-scans only the blocks that changed. Mentions are
 * indexed by block so a re-scan replaces exactly what it covers.
 */
export class LiveHighlighting {
  private readonly mentionsByBlock = new Map<Element, PageMention[]>();
  /** Figures that are claim mentions, by block; kept apart so counts and lists of names leave them out. */
  private readonly claimsByBlock = new Map<Element, PageMention[]>();
  private matcher: Matcher | null = null;
  private entities: PageIndex['entities'] = new Map();
  /** The entities of hidden kinds: the matcher leaves them out, so names inside theirs are still found. */
  private hiddenEntityIds: ReadonlySet<string> = new Set();
  private styledKinds: ReadonlySet<string> = STATICALLY_STYLED_KINDS;
  private claimsShown = true;
  private scan: AbortController | null = null;
  private scanning: Promise<void> | null = null;
  private readonly observer: MutationObserver;
  private readonly pendingRoots = new Set<Element>();
  private pruneNeeded = false;
  private settleTimer: ReturnType<typeof setTimeout> | undefined;
  private maxDelayTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly doc: Document,
    private readonly highlighter: Highlighter,
    /** Called after each change to the set of mentions. */
    private readonly onChange: () => void = () => undefined,
    /** Finds the claim mentions among the figures of the blocks that name entities; none without it. */
    private readonly claims: ClaimSpotter | null = null,
  ) {
    this.observer = new MutationObserver((records) => this.queue(records));
  }

  /**
   * Highlights the page with a dataset's page index, replacing whatever was
   * highlighted before (another dataset, other kinds).
   */
  async show(index: PageIndex, options: ShowOptions = {}): Promise<void> {
    this.matcher = index.matcher;
    this.entities = index.entities;
    const hiddenKinds = options.hiddenKinds ?? new Set<string>();
    this.hiddenEntityIds = new Set(
      [...index.entities].filter(([, entity]) => hiddenKinds.has(entity.kind)).map(([entityId]) => entityId),
    );
    this.styledKinds = options.styledKinds ?? STATICALLY_STYLED_KINDS;
    this.claimsShown = options.claims ?? true;
    this.removeAll();
    const body = this.doc.body;
    if (!body) return;
    this.observer.observe(body, { childList: true, subtree: true, characterData: true });
    await this.rescan([body]);
  }

  /** Every entity mention currently highlighted. */
  mentions(): PageMention[] {
    return [...this.mentionsByBlock.values()].flat();
  }

  /** Every claim mention currently highlighted. */
  claimMentions(): PageMention[] {
    return [...this.claimsByBlock.values()].flat();
  }

  /** Entity and claim mentions: everything the reader can point at or step through. */
  allMentions(): PageMention[] {
    return [...this.mentions(), ...this.claimMentions()];
  }

  /** Stops observing and removes every highlight. */
  stop(): void {
    this.observer.disconnect();
    this.scan?.abort();
    clearTimeout(this.settleTimer);
    clearTimeout(this.maxDelayTimer);
    this.pendingRoots.clear();
    this.removeAll();
  }

  private readonly kindOf = (entityId: string) => this.entities.get(entityId)?.kind ?? GENERIC_KIND;

  /** The kind a mention is drawn as: its own, or the shared style's when its kind has no style of its own. */
  private readonly styleKindOf = (entityId: string) => {
    const kind = this.kindOf(entityId);
    return this.styledKinds.has(kind) ? kind : GENERIC_KIND;
  };

  private removeAll(): void {
    this.highlighter.clear();
    this.mentionsByBlock.clear();
    this.claimsByBlock.clear();
    this.claims?.discard();
  }

  private queue(records: MutationRecord[]): void {
    const body = this.doc.body;
    if (!body) return;
    for (const record of records) {
      // The page changed the text of a node that marks stand in for (a framework updating text in place,
      // unaware of them): rescan the block it shows in, which puts the node back with its new text and
      // wraps it again. Otherwise the page would go on showing the old text.
      const shownAt = this.highlighter.shownInPlaceOf(record.target);
      if (shownAt) {
        this.pendingRoots.add(blockOf(shownAt, body));
        continue;
      }
      if (this.isOwnChange(record)) continue;
      const target = record.target;
      if (!target.isConnected || isInSkipZone(target, body)) continue;
      for (const root of this.rootsToRescan(record, body)) this.pendingRoots.add(root);
      // Removed blocks leave nothing to scan, but their mentions must go.
      if (record.removedNodes.length > 0) this.pruneNeeded = true;
    }
    if (this.pendingRoots.size === 0 && !this.pruneNeeded) return;
    clearTimeout(this.settleTimer);
    this.settleTimer = setTimeout(() => this.flush(), SETTLE_MS);
    this.maxDelayTimer ??= setTimeout(() => this.flush(), MAX_DELAY_MS);
  }

  /**
   * The smallest subtrees whose text a change can affect: a block that was
   * added is scanned on its own (infinite scroll must not re-scan the whole
   * feed), while changed text, or inline content added to or removed from a
   * block, re-scans that block.
   */
  private rootsToRescan(record: MutationRecord, body: Element): Element[] {
    if (record.type !== 'childList') return [blockOf(record.target, body)];
    const roots: Element[] = [];
    let textOfTargetChanged = false;
    for (const node of record.addedNodes) {
      if (node.nodeType === Node.ELEMENT_NODE && blockOf(node, body) === node) roots.push(node as Element);
      else textOfTargetChanged = true;
    }
    for (const node of record.removedNodes) {
      if (node.nodeType !== Node.ELEMENT_NODE || isInline(node as Element)) textOfTargetChanged = true;
    }
    if (textOfTargetChanged) roots.push(blockOf(record.target, body));
    return roots;
  }

  private isOwnChange(record: MutationRecord): boolean {
    const target = record.target;
    const element = target.nodeType === Node.ELEMENT_NODE ? (target as Element) : target.parentElement;
    if (element?.closest(UI_HOST_TAG)) return true;
    if (record.type !== 'childList') return this.highlighter.isOwnNode(target);
    const changed = [...record.addedNodes, ...record.removedNodes];
    return changed.length > 0 && changed.every((node) => this.highlighter.isOwnNode(node));
  }

  private flush(): void {
    // One scan at a time: changes that arrive during a scan wait for it, so a
    // page that never stops changing cannot starve the first full scan.
    if (this.scanning) {
      void this.scanning.then(() => this.flush());
      return;
    }
    clearTimeout(this.settleTimer);
    clearTimeout(this.maxDelayTimer);
    this.settleTimer = undefined;
    this.maxDelayTimer = undefined;
    // Scan each changed subtree once: drop roots inside another root.
    const roots = [...this.pendingRoots].filter(
      (root) => root.isConnected && ![...this.pendingRoots].some((other) => other !== root && other.contains(root)),
    );
    this.pendingRoots.clear();
    this.pruneNeeded = false;
    void this.rescan(roots);
  }

  private rescan(roots: Element[]): Promise<void> {
    const scanning = this.scanBlocks(roots).finally(() => {
      if (this.scanning === scanning) this.scanning = null;
    });
    this.scanning = scanning;
    return scanning;
  }

  private async scanBlocks(roots: Element[]): Promise<void> {
    const matcher = this.matcher;
    if (!matcher) return;
    this.scan?.abort();
    const scan = new AbortController();
    this.scan = scan;
    const stale = [...this.mentionsByBlock].filter(
      ([block]) => !block.isConnected || roots.some((root) => root.contains(block)),
    );
    for (const [block, mentions] of stale) {
      this.highlighter.remove([...mentions, ...(this.claimsByBlock.get(block) ?? [])]);
      this.mentionsByBlock.delete(block);
      this.claimsByBlock.delete(block);
    }
    const confirmedEntityIds = new Set(this.mentions().map((mention) => mention.entityId));
    await scanForMentions(roots, matcher, {
      signal: scan.signal,
      confirmedEntityIds,
      ignoredEntityIds: this.hiddenEntityIds,
      onMentions: (mentions, run) => {
        const block = mentions[0]?.block;
        if (!block) return;
        if (this.claimsShown) this.claims?.note(block, mentions, run);
        // The same block can come in several runs when a nested block interrupts it.
        const existing = this.mentionsByBlock.get(block);
        this.mentionsByBlock.set(block, existing ? [...existing, ...mentions] : mentions);
        // Nodes taken out of the page are no longer under the body the observer watches: watch each one.
        for (const node of this.highlighter.add(mentions, this.styleKindOf)) {
          this.observer.observe(node, { characterData: true });
        }
      },
    });
    if (scan.signal.aborted) return;
    this.onChange();
    if (this.claims && this.claimsShown) void this.showClaims(this.claims);
  }

  /** Asks which figures of the blocks just scanned are claim mentions, and highlights them. */
  private async showClaims(spotter: ClaimSpotter): Promise<void> {
    let spotted: SpottedClaims[];
    try {
      spotted = await spotter.spot();
    } catch {
      // The background is restarting or the extension is gone: the names stay highlighted, without claims.
      return;
    }
    let changed = false;
    for (const { block, mentions, claims } of spotted) {
      const current = this.mentionsByBlock.get(block);
      // Rescanned or gone since it was sent: the rescan asks again.
      if (!current || !block.isConnected || !mentions.every((mention) => current.includes(mention))) continue;
      const shown = [...(this.claimsByBlock.get(block) ?? []), ...claims];
      // Wrapping works a block at a time (a text node with a name and a figure is one node to split): redo the block.
      this.highlighter.remove([...current, ...(this.claimsByBlock.get(block) ?? [])]);
      this.claimsByBlock.set(block, shown);
      for (const node of this.highlighter.add([...current, ...shown], this.styleKindOf)) {
        this.observer.observe(node, { characterData: true });
      }
      changed = true;
    }
    if (changed) this.onChange();
  }
}
