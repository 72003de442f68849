// @vitest-environment happy-dom
import { beforeEach, describe, expect, it } from 'vitest';
import { bundledDataset } from '../../lib/bundled-dataset';
import { compileMatcher } from '../../lib/matcher';
import { createWrapHighlighter, highlightNameForKind } from '../../page/highlighter';
import { scanForMentions } from '../../page/scanner';

const dataset = bundledDataset();
const matcher = compileMatcher(dataset.entities);
const kindById = new Map(dataset.entities.map((entity) => [entity.id, entity.kind]));
const kindOf = (id: string) => kindById.get(id) ?? 'mention';

function buildArticle(): HTMLElement {
  const article = document.createElement('article');
  // Built node by node, as a page's scripts would: the test itself never parses markup.
  const heading = document.createElement('h1');
  heading.append('Rwanda confirms talks with the US');
  const paragraph = document.createElement('p');
  const link = document.createElement('a');
  link.href = 'https://example.org';
  link.append('Nduhungirehe');
  paragraph.append("Rwanda's minister Olivier ", link, ' said talks with the United States began.');
  const textarea = document.createElement('textarea');
  textarea.value = 'Rwanda';
  textarea.append('Rwanda');
  const code = document.createElement('code');
  code.append('Rwanda');
  const editable = document.createElement('div');
  editable.contentEditable = 'true';
  editable.append('Rwanda');
  article.append(heading, paragraph, textarea, code, editable);
  return article;
}

describe('scanForMentions', () => {
  beforeEach(() => {
    document.body.replaceChildren(buildArticle());
  });

  it('finds mentions in text, including inside links', () => {
    const mentions = scanForMentions(document.body, matcher);
    expect(mentions.map((mention) => [mention.range.toString(), mention.entityId])).toEqual([
      ['Rwanda', 'country:rwanda'],
      ['US', 'country:united-states'],
      ['Rwanda', 'country:rwanda'],
      ['Nduhungirehe', 'person:olivier-nduhungirehe'],
      ['United States', 'country:united-states'],
    ]);
  });

  it('skips form fields, code, editable regions and its own UI', () => {
    const ui = document.createElement('crossread-ui');
    ui.append('Rwanda');
    document.body.append(ui);
    const insideSkipZone = scanForMentions(document.body, matcher).filter((mention) => {
      const parent = mention.range.startContainer.parentElement;
      return parent?.closest('textarea, code, [contenteditable], crossread-ui') !== null;
    });
    expect(insideSkipZone).toEqual([]);
  });
});

describe('wrap highlighter', () => {
  it('wraps each mention in a mark carrying the entity id, then restores the original DOM exactly', () => {
    document.body.replaceChildren(buildArticle());
    const before = document.body.innerHTML;
    const originalTextNodes = [...document.body.querySelectorAll('p, h1')].flatMap((element) => [
      ...element.childNodes,
    ]);

    const highlighter = createWrapHighlighter(document);
    highlighter.show(scanForMentions(document.body, matcher), kindOf);
    const marks = [...document.querySelectorAll('mark.crossread-mention')];
    expect(marks.map((mark) => [mark.textContent, mark.getAttribute('data-crossread-id')])).toEqual([
      ['Rwanda', 'country:rwanda'],
      ['US', 'country:united-states'],
      ['Rwanda', 'country:rwanda'],
      ['Nduhungirehe', 'person:olivier-nduhungirehe'],
      ['United States', 'country:united-states'],
    ]);
    expect(document.body.textContent).toBe(buildArticle().textContent);

    highlighter.clear();
    expect(document.querySelectorAll('mark').length).toBe(0);
    expect(document.body.innerHTML).toBe(before);
    // The very same node objects are back, so references held by the page's scripts stay valid.
    const restored = [...document.body.querySelectorAll('p, h1')].flatMap((element) => [...element.childNodes]);
    expect(restored).toEqual(originalTextNodes);
    for (const [index, node] of restored.entries()) expect(node).toBe(originalTextNodes[index]);
  });
});

describe('highlightNameForKind', () => {
  it('uses the crossread- prefix, with a shared name for kinds without their own style', () => {
    expect(highlightNameForKind('country')).toBe('crossread-country');
    expect(highlightNameForKind('treaty')).toBe('crossread-mention');
  });
});
