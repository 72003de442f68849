// @vitest-environment happy-dom
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset, bundledPageIndex } from '../../lib/bundled-dataset';
import { compileMatcher } from '../../lib/matcher';
import { createPaintHighlighter, createWrapHighlighter, highlightNameForKind } from '../../page/highlighter';
import { MentionHitTester } from '../../page/hit-test';
import { LiveHighlighting } from '../../page/live-highlighting';
import { scanForMentions } from '../../page/scanner';

const dataset = bundledDataset();
const matcher = compileMatcher(dataset.entities);
const index = bundledPageIndex();
const kindById = new Map(dataset.entities.map((entity) => [entity.id, entity.kind]));
const kindOf = (id: string) => kindById.get(id) ?? 'mention';

function element<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  ...children: Array<Node | string>
): HTMLElementTagNameMap[K] {
  const created = document.createElement(tag);
  created.append(...children);
  return created;
}

/** Built node by node, as a page's scripts would: the test never parses markup. */
function buildArticle(): HTMLElement {
  const link = element('a', 'Nduhungirehe');
  link.href = 'https://example.org';
  const textarea = element('textarea', 'Rwanda');
  const editable = element('div', 'Rwanda');
  editable.contentEditable = 'true';
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.append(document.createElementNS('http://www.w3.org/2000/svg', 'text'));
  svg.lastChild?.appendChild(document.createTextNode('Rwanda'));
  return element(
    'article',
    element('h1', 'Rwanda confirms talks with the US'),
    element('p', "Rwanda's minister Olivier ", link, ' said talks with the United States began.'),
    element(
      'p',
      'Keir',
      element('br'),
      'Starmer spoke; so did ',
      element('em', 'Rishi '),
      element('strong', 'Sunak'),
      '.',
    ),
    textarea,
    element('code', 'Rwanda'),
    editable,
    svg,
  );
}

function text(mention: { parts: Array<{ node: Text; start: number; end: number }> }): string {
  return mention.parts.map((part) => part.node.data.slice(part.start, part.end)).join('|');
}

describe('scanForMentions', () => {
  beforeEach(() => {
    document.body.replaceChildren(buildArticle());
  });

  it('joins text per block, so a name split by a link, a line break or inline markup is one mention', async () => {
    const mentions = await scanForMentions(document.body, matcher);
    expect(mentions.map((mention) => [text(mention), mention.entityId])).toEqual([
      ['Rwanda', 'country:rwanda'],
      ['US', 'country:united-states'],
      ['Rwanda', 'country:rwanda'],
      ['Olivier |Nduhungirehe', 'person:olivier-nduhungirehe'],
      ['United States', 'country:united-states'],
      ['Keir|Starmer', 'person:keir-starmer'],
      ['Rishi |Sunak', 'person:rishi-sunak'],
    ]);
  });

  it('skips form fields, code, editable regions, SVG and its own UI', async () => {
    document.body.append(element('crossread-ui' as 'div', 'Rwanda'));
    const insideSkipZone = (await scanForMentions(document.body, matcher)).filter((mention) =>
      mention.parts.some((part) =>
        part.node.parentElement?.closest('textarea, code, [contenteditable], svg, crossread-ui'),
      ),
    );
    expect(insideSkipZone).toEqual([]);
  });

  it('reads nothing when the root itself is or sits in a skip zone', async () => {
    const editable = element('div', element('p', 'Rwanda'));
    editable.setAttribute('contenteditable', '');
    const textarea = element('textarea', 'Rwanda');
    document.body.replaceChildren(editable, textarea);
    const inner = editable.firstElementChild as Element;
    expect(await scanForMentions([textarea, inner, editable], matcher)).toEqual([]);
  });

  it('gives the main thread back between slices and stops when aborted', async () => {
    const big = element('div');
    for (let index = 0; index < 3000; index++) big.append(element('p', `Paragraph ${index} about Rwanda.`));
    document.body.replaceChildren(big);
    const controller = new AbortController();
    let slices = 0;
    const scanning = scanForMentions(document.body, matcher, {
      signal: controller.signal,
      sliceMs: 0,
      onMentions: () => {
        slices++;
        if (slices === 10) controller.abort();
      },
    });
    const found = await scanning;
    expect(found.length).toBeGreaterThanOrEqual(10);
    expect(found.length).toBeLessThan(3000);
  });
});

describe('wrap highlighter', () => {
  it('wraps each part in a mark carrying the entity id, then restores the original DOM exactly', async () => {
    document.body.replaceChildren(buildArticle());
    const before = document.body.innerHTML;
    const originalNodes = [...document.body.querySelectorAll('p, h1, a, em, strong')].flatMap((el) => [
      ...el.childNodes,
    ]);

    const highlighter = createWrapHighlighter(document);
    highlighter.add(await scanForMentions(document.body, matcher), kindOf);
    const marks = [...document.querySelectorAll('mark.crossread-mention')];
    expect(marks.map((mark) => [mark.textContent, mark.getAttribute('data-crossread-id')])).toEqual([
      ['Rwanda', 'country:rwanda'],
      ['US', 'country:united-states'],
      ['Rwanda', 'country:rwanda'],
      ['Olivier ', 'person:olivier-nduhungirehe'],
      ['Nduhungirehe', 'person:olivier-nduhungirehe'],
      ['United States', 'country:united-states'],
      ['Keir', 'person:keir-starmer'],
      ['Starmer', 'person:keir-starmer'],
      ['Rishi ', 'person:rishi-sunak'],
      ['Sunak', 'person:rishi-sunak'],
    ]);
    expect(marks.every((mark) => highlighter.isOwnNode(mark))).toBe(true);
    expect(document.body.textContent).toBe(buildArticle().textContent);

    highlighter.clear();
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.body.innerHTML).toBe(before);
    // The very same node objects are back, so references held by the page's scripts stay valid.
    const restored = [...document.body.querySelectorAll('p, h1, a, em, strong')].flatMap((el) => [...el.childNodes]);
    expect(restored.length).toBe(originalNodes.length);
    for (const [index, node] of restored.entries()) expect(node).toBe(originalNodes[index]);
  });
});

describe('hover in wrap mode', () => {
  it('marks every part of the hovered mention, and only it', async () => {
    document.body.replaceChildren(buildArticle());
    const highlighter = createWrapHighlighter(document);
    const mentions = await scanForMentions(document.body, matcher);
    highlighter.add(mentions, kindOf);
    const olivier = mentions.find((mention) => mention.entityId === 'person:olivier-nduhungirehe') ?? null;
    highlighter.setHovered(olivier);
    const lit = () => [...document.querySelectorAll('.crossread-mention--hover')].map((mark) => mark.textContent);
    expect(lit()).toEqual(['Olivier ', 'Nduhungirehe']);
    highlighter.setHovered(mentions[0] ?? null);
    expect(lit()).toEqual(['Rwanda']);
    highlighter.setHovered(null);
    expect(lit()).toEqual([]);
  });
});

describe('hit-testing in wrap mode', () => {
  it('finds the mention under the pointer through its mark, whose text replaced the original node', async () => {
    document.body.replaceChildren(buildArticle());
    const highlighter = createWrapHighlighter(document);
    const mentions = await scanForMentions(document.body, matcher);
    highlighter.add(mentions, kindOf);
    const olivier = mentions.find((mention) => mention.entityId === 'person:olivier-nduhungirehe');
    const mark = [...document.querySelectorAll('mark')].find((each) => each.textContent === 'Nduhungirehe');
    if (!olivier || !mark?.firstChild) throw new Error('fixture lacks the split name');
    expect(highlighter.mentionOf(mark.firstChild)).toBe(olivier);
    expect(highlighter.mentionOf(mark)).toBe(olivier);
    expect(highlighter.mentionOf(document.body)).toBeNull();

    // happy-dom does no layout: the caret and the mark's box are given.
    const caretTarget = mark.firstChild;
    Object.assign(document, { caretPositionFromPoint: () => ({ offsetNode: caretTarget, offset: 3 }) });
    mark.getClientRects = () => [new DOMRect(0, 0, 100, 20)] as unknown as DOMRectList;
    const hitTester = new MentionHitTester(document, () => mentions, highlighter);
    expect(hitTester.mentionAt(10, 10)).toBe(olivier);
    // A caret exists far right of a line's end; the box says the pointer is not on the name.
    expect(hitTester.mentionAt(300, 10)).toBeNull();

    highlighter.remove([olivier]);
    expect(highlighter.mentionOf(caretTarget)).toBeNull();
    delete (document as { caretPositionFromPoint?: unknown }).caretPositionFromPoint;
  });
});

describe('paint highlighter', () => {
  // happy-dom has no Custom Highlight API; a Highlight is a set of ranges, which is all this test needs.
  // The real API is exercised by the e2e suite in Chromium.
  beforeAll(() => {
    if (!('Highlight' in globalThis)) Object.assign(globalThis, { Highlight: class extends Set<AbstractRange> {} });
  });

  it('registers one highlight per kind under crossread- names and removes exactly what it added', async () => {
    document.body.replaceChildren(buildArticle());
    const registry = new Map<string, Highlight>() as unknown as HighlightRegistry;
    const highlighter = createPaintHighlighter(registry);
    const mentions = await scanForMentions(document.body, matcher);
    highlighter.add(mentions, kindOf);
    const sizes = () =>
      Object.fromEntries([...(registry as unknown as Map<string, Highlight>)].map(([name, h]) => [name, h.size]));
    expect(sizes()).toEqual({ 'crossread-country': 4, 'crossread-person': 3 });
    highlighter.remove(mentions.filter((mention) => mention.entityId.startsWith('person:')));
    expect(sizes()).toEqual({ 'crossread-country': 4, 'crossread-person': 0 });
    highlighter.clear();
    expect(sizes()).toEqual({});
  });

  it('names each kind crossread-<kind>, and kinds that cannot be CSS names crossread-mention', () => {
    expect(highlightNameForKind('country')).toBe('crossread-country');
    expect(highlightNameForKind('law')).toBe('crossread-law');
    expect(highlightNameForKind('hover')).toBe('crossread-mention');
    expect(highlightNameForKind('x) { } body { color: red')).toBe('crossread-mention');
    expect(highlightNameForKind('')).toBe('crossread-mention');
  });
});

describe('LiveHighlighting', () => {
  it('highlights text added after load, and forgets text that was removed', async () => {
    document.body.replaceChildren(element('p', 'Nothing yet.'));
    const highlighter = createWrapHighlighter(document);
    let changes = 0;
    const live = new LiveHighlighting(document, highlighter, () => changes++);
    await live.show(index);
    expect(live.mentions()).toEqual([]);

    const added = element('p', 'Later, Kigali answered.');
    document.body.append(added);
    await expect
      .poll(() => live.mentions().map((mention) => mention.entityId), { timeout: 2000 })
      .toEqual(['country:rwanda']);
    expect(document.querySelector('mark')?.textContent).toBe('Kigali');

    added.remove();
    document.body.append(element('p', 'Starmer too.'));
    await expect
      .poll(() => live.mentions().map((mention) => mention.entityId), { timeout: 2000 })
      .toEqual(['person:keir-starmer']);
    expect(changes).toBeGreaterThanOrEqual(3);
    live.stop();
    expect(document.querySelectorAll('mark').length).toBe(0);
  });

  it('scans an appended block on its own, leaving the rest of the feed alone (infinite scroll)', async () => {
    const feed = element('div');
    for (let index = 0; index < 50; index++) feed.append(element('p', `Story ${index} from Kigali.`));
    document.body.replaceChildren(feed);
    const inner = createWrapHighlighter(document);
    const calls = { added: 0, removed: 0 };
    const spy = {
      ...inner,
      add: (mentions: Parameters<typeof inner.add>[0], kinds: Parameters<typeof inner.add>[1]) => {
        calls.added += mentions.length;
        return inner.add(mentions, kinds);
      },
      remove: (mentions: Parameters<typeof inner.remove>[0]) => {
        calls.removed += mentions.length;
        inner.remove(mentions);
      },
    };
    const live = new LiveHighlighting(document, spy);
    await live.show(index);
    expect(calls).toEqual({ added: 50, removed: 0 });

    feed.append(element('p', 'Story 50 from Kigali.'));
    await expect.poll(() => live.mentions().length, { timeout: 2000 }).toBe(51);
    expect(calls).toEqual({ added: 51, removed: 0 });

    feed.firstElementChild?.remove();
    await expect.poll(() => live.mentions().length, { timeout: 2000 }).toBe(50);
    expect(calls).toEqual({ added: 51, removed: 1 });
    live.stop();
  });
});
