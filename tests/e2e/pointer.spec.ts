import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { centreOf } from './highlights';

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
