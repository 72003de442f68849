import type { Page } from '@playwright/test';

export interface PaintedHighlight {
  name: string;
  text: string;
}

/**
 * Runs in the page (pass it to `page.evaluate`, in Playwright or Puppeteer):
 * what Crossread painted, read from the page's own world as outside tools
 * would, the CSS.highlights entries whose names start with "crossread-".
 */
export function readPaintedHighlights(): PaintedHighlight[] {
  const found: PaintedHighlight[] = [];
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
}

/** Reads what Crossread painted in `page` (see readPaintedHighlights). */
export async function paintedHighlights(page: Page): Promise<PaintedHighlight[]> {
  return page.evaluate(readPaintedHighlights);
}

/** The texts of every painted Crossread range, in no particular order. */
export async function paintedTexts(page: Page): Promise<string[]> {
  return (await paintedHighlights(page)).map((highlight) => highlight.text);
}
