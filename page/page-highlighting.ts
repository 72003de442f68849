import { kindColourRules, kindToken, STATICALLY_STYLED_KINDS } from '../lib/highlight-style';
import type { PageMentions } from '../lib/messages';
import type { PageEntity, PageIndex } from '../lib/page-index';
import { summarisePageMentions } from '../lib/page-mentions';
import { defaultKindSetting, isSiteEnabled, kindSettings, type Settings } from '../lib/settings';
import { type AdoptedSheet, createAdoptedSheet } from './adopted-sheet';
import { ClaimSpotter, type FindClaims } from './claim-spotter';
import { createHighlighter, type Highlighter, rendererMode } from './highlighter';
import { MentionHitTester } from './hit-test';
import { trackHoveredMention } from './hover';
import { LiveHighlighting } from './live-highlighting';
import type { PageMention } from './scanner';

export interface PageHighlightingOptions {
  /** The page's host name, checked against the site lists. */
  hostname: string;
  /**
   * Loads the active dataset's page index. Called only once the page is to
   * be highlighted (never on a site the user turned Crossread off for), and
   * again after reloadIndex().
   */
  loadIndex: () => Promise<PageIndex>;
  /** Called with the number of mentions after each change to them (0 when the site is turned off). */
  onMentionsChanged?: (total: number) => void;
  /** Finds which figures of the page are claim mentions (the background does); without it, none are shown. */
  findClaims?: FindClaims;
}

/** How many claim figures the popup's answer carries (lib/messages.ts pageMentions). */
const MAX_CLAIMS_IN_SUMMARY = 1_000;

/** One renderer at work: its highlighter, the live highlighting that feeds it, and hover tracking over it. */
interface ActiveRenderer {
  highlighter: Highlighter;
  live: LiveHighlighting;
  hitTester: MentionHitTester;
  hover: AbortController;
}

/** Crossread is on (globally) and the site lists allow `hostname`; otherwise the page is left alone. */
function isOn(settings: Settings, hostname: string): boolean {
  return settings.enabled && isSiteEnabled(settings, hostname);
}

/**
 * Highlights the page as the user's settings say, and follows them live:
 * the global switch and the site lists (a turned-off site is left alone:
 * every highlight goes at once and nothing is scanned), the renderer
 * (switching removes everything the old one did, then highlights again with
 * the new one), which kinds are highlighted, and their colours. Colours the
 * user changed go in a style sheet adopted by the document, so the page's DOM
 * is not touched; with the default colours there is no sheet at all, since
 * adding one to a styled page makes the browser restyle every element (see
 * STATICALLY_STYLED_KINDS).
 * The dataset comes as a page index; after a dataset switch, reloadIndex()
 * highlights with the new one.
 *
 * Every change recomputes what should be shown and does only the work the
 * difference needs: changing a colour rewrites the style sheet and rescans
 * nothing (unless a kind without a style of its own gets its first colour).
 */
export class PageHighlighting {
  private settings: Settings | null = null;
  private index: PageIndex | null = null;
  private indexGeneration = 0;
  private indexLoading: Promise<void> | null = null;
  /** The generation whose index failed to load: not retried until the dataset changes again. */
  private failedGeneration = -1;
  private renderer: ActiveRenderer | null = null;
  /** What the renderer currently shows, so an unrelated change does not rescan the page. */
  private shown: { index: PageIndex; key: string; done: Promise<void> } | null = null;
  private readonly colours: AdoptedSheet;
  private readonly kindsOfIndex = new WeakMap<PageIndex, string[]>();
  private stopped = false;

  constructor(
    private readonly doc: Document,
    private readonly options: PageHighlightingOptions,
  ) {
    this.colours = createAdoptedSheet(doc);
  }

  /** Applies `settings`; resolves once the page shows them (the scan they caused, if any, is done). */
  applySettings(settings: Settings): Promise<void> {
    this.settings = settings;
    return this.render();
  }

  /** The active dataset changed: highlights with its index (loaded now, or once the site is turned on again). */
  reloadIndex(): Promise<void> {
    this.indexGeneration++;
    this.index = null;
    return this.render();
  }

  /** Whether the user turned Crossread off on this page's site, or everywhere (false until settings arrive). */
  siteDisabled(): boolean {
    return this.settings !== null && !isOn(this.settings, this.options.hostname);
  }

  /** What the popup shows: the page's host name, and the mentions per entity or that the site is turned off. */
  summary(): PageMentions {
    const hostname = this.options.hostname;
    if (this.siteDisabled()) return { total: 0, entities: [], siteDisabled: true, hostname };
    const ids = this.renderer?.live.mentions().map((mention) => mention.entityId) ?? [];
    // The answer's schema takes 1,000 claim figures: a page with more still gets its story matched from these.
    const claims = (this.renderer?.live.claimMentions() ?? [])
      .flatMap(({ claim }) => (claim ? [{ claimId: claim.claimId, figure: claim.figure }] : []))
      .slice(0, MAX_CLAIMS_IN_SUMMARY);
    return { ...summarisePageMentions(ids, this.shown?.index.entities ?? new Map()), hostname, claims };
  }

  /** The entity and claim mentions on the page now, in document order. */
  mentionsInOrder(): PageMention[] {
    const renderer = this.renderer;
    if (!renderer) return [];
    // Wrapping takes a mention's text node out of the page (marks stand in its place), and a node out of
    // the page has no order with the rest of it: compare where each one shows instead.
    const placeOf = (node: Node) => (node.isConnected ? node : (renderer.highlighter.shownInPlaceOf(node) ?? node));
    return renderer.live.allMentions().sort((a, b) => compareDocumentOrder(a, b, placeOf));
  }

  /** The mention under a point of the viewport, or null. */
  mentionAt(x: number, y: number): PageMention | null {
    return this.renderer?.hitTester.mentionAt(x, y) ?? null;
  }

  /** Where a mention is on screen: its boxes in viewport coordinates (a name broken over two lines has two). */
  boxesOf(mention: PageMention): DOMRect[] {
    return this.renderer?.highlighter.boxesOf(mention) ?? [];
  }

  /** Name and kind of an entity of the dataset the page is highlighted with. */
  entity(entityId: string): PageEntity | undefined {
    return this.shown?.index.entities.get(entityId);
  }

  /** The renderer at work ('paint' or 'wrap'), or null while nothing is highlighted. */
  mode(): Highlighter['mode'] | null {
    return this.renderer?.highlighter.mode ?? null;
  }

  /** Removes every highlight and style and stops following the page; for the end of the content script. */
  stop(): void {
    this.stopped = true;
    this.stopRenderer();
    this.colours.remove();
  }

  private render(): Promise<void> {
    const settings = this.settings;
    if (this.stopped || !settings) return Promise.resolve();
    if (!isOn(settings, this.options.hostname)) {
      this.goIdle();
      return Promise.resolve();
    }
    const index = this.index;
    if (!index) return this.loadIndex();

    const kinds = this.kindsOf(index, settings);
    const hidden = new Set(kinds.filter((kind) => !kindSettings(settings, kind).enabled));
    // Only colours the user changed need a style sheet: highlights.css has the defaults.
    const custom = kinds.filter((kind) => {
      const { enabled, colour } = kindSettings(settings, kind);
      return enabled && kindToken(kind) !== null && colour !== defaultKindSetting(kind).colour;
    });
    const mode = rendererMode(this.doc, settings.renderer);
    this.colours.set(
      kindColourRules(
        custom.map((kind) => [kind, kindSettings(settings, kind).colour] as const),
        mode,
      ),
    );
    if (this.renderer?.highlighter.mode !== mode) {
      this.stopRenderer();
      this.renderer = this.startRenderer(mode);
    }
    const styled = new Set([...STATICALLY_STYLED_KINDS, ...custom]);
    // Which kinds are hidden or have their own highlight name, and whether claims are shown: a change rescans.
    const key = `${[...hidden].sort().join(' ')}|${[...styled].sort().join(' ')}|${settings.claims}`;
    if (this.shown?.index === index && this.shown.key === key) return this.shown.done;
    const done = this.renderer.live.show(index, { hiddenKinds: hidden, styledKinds: styled, claims: settings.claims });
    this.shown = { index, key, done };
    return done;
  }

  private loadIndex(): Promise<void> {
    const generation = this.indexGeneration;
    if (this.failedGeneration === generation) return Promise.resolve();
    if (this.indexLoading) return this.indexLoading.then(() => this.render());
    const loading = this.options
      .loadIndex()
      .then(
        (index) => {
          if (generation === this.indexGeneration) this.index = index;
        },
        () => {
          // Storage failed or the dataset cannot be compiled: the page stays as it is until the dataset changes.
          this.failedGeneration = generation;
        },
      )
      .finally(() => {
        if (this.indexLoading === loading) this.indexLoading = null;
      });
    this.indexLoading = loading;
    return loading.then(() => this.render());
  }

  /** Kinds of the dataset and of the settings: a colour may be set for a kind before a dataset has it. */
  private kindsOf(index: PageIndex, settings: Settings): string[] {
    let kinds = this.kindsOfIndex.get(index);
    if (!kinds) {
      kinds = [...new Set(Array.from(index.entities.values(), (entity) => entity.kind))];
      this.kindsOfIndex.set(index, kinds);
    }
    return [...new Set([...kinds, ...Object.keys(settings.kinds)])];
  }

  private startRenderer(mode: Highlighter['mode']): ActiveRenderer {
    const highlighter = createHighlighter(this.doc, mode);
    const hitTester: MentionHitTester = new MentionHitTester(this.doc, () => live.allMentions(), highlighter);
    const { findClaims } = this.options;
    const live: LiveHighlighting = new LiveHighlighting(
      this.doc,
      highlighter,
      () => {
        hitTester.invalidate();
        this.options.onMentionsChanged?.(live.mentions().length);
      },
      findClaims ? new ClaimSpotter(findClaims, () => live.mentions().map((mention) => mention.entityId)) : null,
    );
    const hover = new AbortController();
    trackHoveredMention(this.doc, hitTester, highlighter, hover.signal);
    return { highlighter, live, hitTester, hover };
  }

  private stopRenderer(): void {
    const renderer = this.renderer;
    if (!renderer) return;
    this.renderer = null;
    this.shown = null;
    // Hover first: it clears its highlight through the highlighter, which stop() then empties.
    renderer.hover.abort();
    renderer.live.stop();
  }

  private goIdle(): void {
    const wasActive = this.renderer !== null;
    this.stopRenderer();
    this.colours.remove();
    if (wasActive) this.options.onMentionsChanged?.(0);
  }
}

function compareDocumentOrder(a: PageMention, b: PageMention, placeOf: (node: Node) => Node): number {
  const first = a.parts[0]?.node;
  const second = b.parts[0]?.node;
  if (!first || !second) return 0;
  if (first === second) return (a.parts[0]?.start ?? 0) - (b.parts[0]?.start ?? 0);
  return placeOf(first).compareDocumentPosition(placeOf(second)) & Node.DOCUMENT_POSITION_FOLLOWING ? -1 : 1;
}
