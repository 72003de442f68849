// @vitest-environment happy-dom
/**
 * Issue 8, item 2: property-based tests of the page side over generated DOM
 * trees (tests/unit/page-dom-arbitraries.ts): scanning and both renderers
 * never throw, never touch a skip zone, never overlap, highlight only real
 * matches, and wrap then unwrap gives back the very same DOM.
 */
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/bundled-dataset';
import { compileMatcher } from '../../lib/matcher';
import { normalizeName } from '../../lib/matching';
import { createPaintHighlighter, createWrapHighlighter } from '../../page/highlighter';
import { type PageMention, scanForMentions } from '../../page/scanner';
import { build, SKIP_SELECTOR, textNodesOf, tree } from './page-dom-arbitraries';

const dataset = bundledDataset();
const matcher = compileMatcher(dataset.entities);
const kindById = new Map(dataset.entities.map((entity) => [entity.id, entity.kind]));
const kindOf = (id: string) => kindById.get(id) ?? 'mention';
const RUNS = { numRuns: 250 };
/** Each entity's aliases, normalised and case-folded. */
const aliasesOf = new Map(
  dataset.entities.map((entity) => [
    entity.id,
    new Set(entity.aliases.map((alias) => normalizeName(alias.text).folded)),
  ]),
);

/** Mounts a generated tree as the page's body content; returns the container. */
function mount(specs: Parameters<typeof build>[1]): HTMLElement {
  const container = document.createElement('main');
  build(container, specs);
  document.body.replaceChildren(container);
  return container;
}

const insideSkipZone = (node: Node) => node.parentElement?.closest(SKIP_SELECTOR) != null;

/** The text a mention covers, its parts joined as they read (an inline split joins directly; a line break with a space). */
function readings(mention: PageMention): string[] {
  const parts = mention.parts.map((part) => part.node.data.slice(part.start, part.end));
  return [parts.join(''), parts.join(' ')];
}

beforeAll(() => {
  // happy-dom has no Custom Highlight API; a Highlight is a set of ranges, which is all painting needs here.
  if (!('Highlight' in globalThis)) Object.assign(globalThis, { Highlight: class extends Set<AbstractRange> {} });
});

describe('the page side over generated DOM trees', () => {
  it('finds mentions only outside skip zones, never overlapping, each a real match of its entity', async () => {
    await fc.assert(
      fc.asyncProperty(tree, async (specs) => {
        mount(specs);
        const mentions = await scanForMentions(document.body, matcher);
        const covered = new Map<Text, Array<[number, number]>>();
        for (const mention of mentions) {
          for (const part of mention.parts) {
            expect(insideSkipZone(part.node)).toBe(false);
            expect(part.start).toBeLessThan(part.end);
            const spans = covered.get(part.node) ?? [];
            spans.push([part.start, part.end]);
            covered.set(part.node, spans);
          }
          // The covered text is one of the entity's aliases, up to case folding and the normalisation's equivalences.
          const aliases = aliasesOf.get(mention.entityId) ?? new Set<string>();
          const found = readings(mention).some((text) => aliases.has(normalizeName(text).folded));
          expect(found, `${mention.entityId} in ${JSON.stringify(readings(mention))}`).toBe(true);
        }
        for (const spans of covered.values()) {
          spans.sort((a, b) => a[0] - b[0]);
          for (let index = 1; index < spans.length; index++) {
            expect((spans[index] as [number, number])[0]).toBeGreaterThanOrEqual(
              (spans[index - 1] as [number, number])[1],
            );
          }
        }
      }),
      RUNS,
    );
  });

  it('wrapping marks only text outside skip zones, and unwrapping gives back the same nodes and markup', async () => {
    await fc.assert(
      fc.asyncProperty(tree, async (specs) => {
        const container = mount(specs);
        const html = container.innerHTML;
        const nodes = textNodesOf(container);
        const values = [...container.querySelectorAll('textarea, input')].map(
          (field) => (field as HTMLInputElement).value,
        );
        const highlighter = createWrapHighlighter(document);
        const mentions = await scanForMentions(document.body, matcher);
        highlighter.add(mentions, kindOf);
        const marks = [...container.querySelectorAll('mark.crossread-mention')];
        expect(marks.length).toBeGreaterThanOrEqual(mentions.length > 0 ? 1 : 0);
        for (const mark of marks) expect(mark.closest(SKIP_SELECTOR)).toBeNull();
        // Every mention's text is still on the page, in its marks, in order.
        const marked = marks.map((mark) => mark.textContent).join('');
        const expected = mentions.flatMap((mention) =>
          mention.parts.map((part) => part.node.data.slice(part.start, part.end)),
        );
        expect(marked).toBe(expected.join(''));
        highlighter.clear();
        expect(container.innerHTML).toBe(html);
        // The very text nodes the page had, not equal copies: a page script holding one still holds the page's.
        const after = textNodesOf(container);
        expect(after.length).toBe(nodes.length);
        for (const [index, node] of after.entries()) expect(node).toBe(nodes[index]);
        expect(
          [...container.querySelectorAll('textarea, input')].map((field) => (field as HTMLInputElement).value),
        ).toEqual(values);
      }),
      RUNS,
    );
  });

  it('painting registers exactly the mentions’ ranges, none in a skip zone, and clearing leaves nothing', async () => {
    await fc.assert(
      fc.asyncProperty(tree, async (specs) => {
        const container = mount(specs);
        const html = container.innerHTML;
        const registry = new Map<string, Highlight>();
        const highlighter = createPaintHighlighter(registry as unknown as HighlightRegistry, document);
        const mentions = await scanForMentions(document.body, matcher);
        highlighter.add(mentions, kindOf);
        const ranges = [...registry.values()].flatMap((highlight) => [...(highlight as unknown as Set<AbstractRange>)]);
        expect(ranges.length).toBe(mentions.length);
        for (const range of ranges) {
          expect(insideSkipZone(range.startContainer)).toBe(false);
          expect(insideSkipZone(range.endContainer)).toBe(false);
        }
        expect(container.innerHTML).toBe(html);
        highlighter.clear();
        expect(registry.size).toBe(0);
      }),
      RUNS,
    );
  });
});
