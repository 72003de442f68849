import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** The viewport centre of the first occurrence of `word` inside `selector`. */
async function centreOf(page: Page, selector: string, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate(
    ({ selector, word }) => {
      const element = document.querySelector(selector);
      const walker = document.createTreeWalker(element ?? document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const at = node.nodeValue?.indexOf(word) ?? -1;
        if (at === -1) continue;
        const range = document.createRange();
        range.setStart(node, at);
        range.setEnd(node, at + word.length);
        const box = range.getBoundingClientRect();
        return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
      }
      throw new Error(`"${word}" not found in ${selector}`);
    },
    { selector, word },
  );
}

async function hovered(page: Page, point: { x: number; y: number }) {
  return page.evaluate(({ x, y }) => {
    const highlight = CSS.highlights.get('crossread-hover');
    const texts: string[] = [];
    for (const painted of highlight ?? []) {
      const range = document.createRange();
      range.setStart(painted.startContainer, painted.startOffset);
      range.setEnd(painted.endContainer, painted.endOffset);
      texts.push(range.toString());
    }
    const under = document.elementFromPoint(x, y);
    return { texts, cursor: under ? getComputedStyle(under).cursor : null };
  }, point);
}

test('hovering painted text finds the mention: hover style and pointer cursor, gone when the mouse leaves', async ({
  context,
  demoOrigin,
  errors,
}) => {
  const page = await context.newPage();
  await page.goto(`${demoOrigin}/us-rwanda-talks.html`);
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('crossread-person'))).toBe(true);

  // A name split by a link is one mention: hovering either half lights up the whole name.
  const onLinkedHalf = await centreOf(page, 'article p:nth-of-type(4)', 'Nduhungirehe');
  await page.mouse.move(onLinkedHalf.x, onLinkedHalf.y);
  await expect.poll(() => hovered(page, onLinkedHalf)).toEqual({ texts: ['Olivier Nduhungirehe'], cursor: 'pointer' });

  // The half outside the link: the pointer cursor is Crossread's, not the link's.
  const onPlainHalf = await centreOf(page, 'article p:nth-of-type(4)', 'Olivier');
  await page.mouse.move(onPlainHalf.x, onPlainHalf.y);
  await expect.poll(() => hovered(page, onPlainHalf)).toEqual({ texts: ['Olivier Nduhungirehe'], cursor: 'pointer' });

  const onPlainText = await centreOf(page, 'article p:nth-of-type(4)', 'foreign minister');
  await page.mouse.move(onPlainText.x, onPlainText.y);
  await expect.poll(() => hovered(page, onPlainText)).toEqual({ texts: [], cursor: 'auto' });

  expect(errors.messages).toEqual([]);
});
