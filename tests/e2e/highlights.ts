import type { Page } from '@playwright/test';

/**
 * Reads what Crossread painted, from the page's own world, as outside tools
 * would: the CSS.highlights entries whose names start with "crossread-".
 */
export async function paintedHighlights(page: Page): Promise<Array<{ name: string; text: string }>> {
  return page.evaluate(() => {
    const found: Array<{ name: string; text: string }> = [];
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('crossread-')) return;
      for (const painted of highlight) {
        // Highlights may hold StaticRanges, which have no toString().
        const range = document.createRange();
        range.setStart(painted.startContainer, painted.startOffset);
        range.setEnd(painted.endContainer, painted.endOffset);
        found.push({ name, text: range.toString() });
      }
    });
    return found;
  });
}

/** The texts of every painted Crossread range, in no particular order. */
export async function paintedTexts(page: Page): Promise<string[]> {
  return (await paintedHighlights(page)).map((highlight) => highlight.text);
}
