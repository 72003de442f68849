/**
 * Names and colour rules of Crossread's highlights, shared by both renderers:
 * painted highlights are registered in CSS.highlights as `crossread-<kind>`
 * and styled with `::highlight(crossread-<kind>)`; wrapped ones are
 * `<mark class="crossread-mention crossread-mention--<kind>">`.
 *
 * Kind names and colours come from datasets and settings, both stored data a
 * hostile update could shape, so nothing reaches CSS text unless it matches a
 * strict pattern; a rule is built from numbers, never from the input string.
 *
 * Pure: no DOM.
 */

export const HIGHLIGHT_PREFIX = 'crossread-';
export const MARK_CLASS = 'crossread-mention';
/** The highlight of the mention under the pointer (and the class its marks get). */
export const HOVER_HIGHLIGHT = `${HIGHLIGHT_PREFIX}hover`;
export const MARK_HOVER_CLASS = `${MARK_CLASS}--hover`;
/** The highlight of figures that are claim mentions ("$100,000" beside "Rwanda"), and the class their marks get. */
export const CLAIM_HIGHLIGHT = `${HIGHLIGHT_PREFIX}claim`;
export const MARK_CLAIM_CLASS = `${MARK_CLASS}--claim`;
/** The shared name of kinds without a style of their own, or whose name cannot be used in CSS. */
export const GENERIC_HIGHLIGHT = `${HIGHLIGHT_PREFIX}mention`;
/** The kind of highlights drawn with the shared style (GENERIC_HIGHLIGHT). */
export const GENERIC_KIND = 'mention';

/**
 * Kinds entrypoints/content/highlights.css styles, in their default colours.
 * Other kinds are drawn with the shared style unless the user gives them a
 * colour: a style sheet added to a page that is already styled makes the
 * browser recompute the style of every element (a ::highlight() rule does,
 * whatever its selector: 150-300 ms on a long Wikipedia article), while the
 * content script's stylesheet comes with the page and costs nothing.
 */
export const STATICALLY_STYLED_KINDS: ReadonlySet<string> = new Set(['country', 'person', 'organization', 'deal']);

// What the dataset schema allows for a kind: a CSS identifier as it stands.
const KIND_TOKEN = /^[a-z][a-z0-9-]{0,30}$/;
// "hover" and "claim" would collide with the hover and claim highlights and their classes.
const RESERVED_KINDS = new Set(['hover', 'claim']);
const COLOUR = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i;

/** Background and underline opacity of a kind's colour: translucent, so the page's text stays readable. */
export const BACKGROUND_ALPHA = 0.22;
export const UNDERLINE_ALPHA = 0.9;

/** The kind as it may appear in a highlight name or class, or null when it must not appear in CSS. */
export function kindToken(kind: string): string | null {
  return KIND_TOKEN.test(kind) && !RESERVED_KINDS.has(kind) ? kind : null;
}

/** The CSS.highlights name a kind's painted mentions are registered under. */
export function highlightNameForKind(kind: string): string {
  const token = kindToken(kind);
  return token === null ? GENERIC_HIGHLIGHT : `${HIGHLIGHT_PREFIX}${token}`;
}

/** The class names of a wrapped mention's <mark>: the shared class, plus one per kind when the kind can have one. */
export function markClassName(kind: string): string {
  const token = kindToken(kind);
  return token === null ? MARK_CLASS : `${MARK_CLASS} ${MARK_CLASS}--${token}`;
}

/** "#rrggbb" as red, green and blue, or null when it is not such a colour. */
export function parseColour(colour: string): [number, number, number] | null {
  const match = COLOUR.exec(colour);
  if (!match) return null;
  return [
    Number.parseInt(match[1] as string, 16),
    Number.parseInt(match[2] as string, 16),
    Number.parseInt(match[3] as string, 16),
  ];
}

/**
 * Style rules giving each kind its colour in one renderer: the background at
 * BACKGROUND_ALPHA and the underline at UNDERLINE_ALPHA. Kinds whose name or
 * colour fails the checks get no rule (they keep the stylesheet's default).
 * Only the rules of the renderer at work: a ::highlight() rule costs the
 * page a full style recalculation when the sheet is added (see
 * STATICALLY_STYLED_KINDS), a class rule for the marks almost nothing.
 * Each selector starts with `html `, one type selector more specific than
 * highlights.css's, because sheet order does not decide between them in
 * every browser: Chromium puts the content script's stylesheet before the
 * document's sheets, but Firefox puts it after them, so there a rule of
 * equal specificity in an adopted sheet (or a <style>) never wins and the
 * user's colour would not show. The hover style,
 * `mark.crossread-mention.crossread-mention--hover`, is more specific still
 * and wins over these in both.
 */
export function kindColourRules(
  colours: Iterable<readonly [kind: string, colour: string]>,
  renderer: 'paint' | 'wrap',
): string {
  const rules: string[] = [];
  const seen = new Set<string>();
  for (const [kind, colour] of colours) {
    const token = kindToken(kind);
    const rgb = parseColour(colour);
    if (token === null || rgb === null || seen.has(token)) continue;
    seen.add(token);
    const [red, green, blue] = rgb;
    const background = `rgb(${red} ${green} ${blue} / ${BACKGROUND_ALPHA})`;
    const underline = `rgb(${red} ${green} ${blue} / ${UNDERLINE_ALPHA})`;
    rules.push(
      renderer === 'paint'
        ? `html ::highlight(${HIGHLIGHT_PREFIX}${token}) { background-color: ${background}; text-decoration: underline 1px ${underline}; }`
        : `html mark.${MARK_CLASS}--${token} { background-color: ${background}; text-decoration-color: ${underline}; }`,
    );
  }
  return rules.join('\n');
}
