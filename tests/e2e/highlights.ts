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

/** The highlights of names: not the hovered one, nor figures painted as claims ("crossread-claim"). */
export function isNameHighlight(name: string): boolean {
  return name.startsWith('crossread-') && name !== 'crossread-hover' && name !== 'crossread-claim';
}

/** Reads what Crossread painted in `page` (see readPaintedHighlights). */
export async function paintedHighlights(page: Page): Promise<PaintedHighlight[]> {
  return page.evaluate(readPaintedHighlights);
}

/** The texts of every painted Crossread range, in no particular order. */
export async function paintedTexts(page: Page): Promise<string[]> {
  return (await paintedHighlights(page)).map((highlight) => highlight.text);
}

/**
 * Runs in the page: the Crossread highlights that start inside a skip zone
 * (form fields, code, vector art, editable text, Crossread's own UI), as
 * "name: text"; there must be none.
 */
export function paintedInsideSkipZones(): string[] {
  const skip = 'textarea, input, select, script, style, code, pre, svg, math, [contenteditable], crossread-ui';
  const offending: string[] = [];
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('crossread-')) return;
    for (const range of highlight) {
      const parent = range.startContainer.parentElement;
      if (parent?.closest(skip)) offending.push(`${name}: ${range.startContainer.textContent?.slice(0, 40)}`);
    }
  });
  return offending;
}

/**
 * What is wrong with the painted texts of the demo article
 * us-rwanda-talks.html (both browsers' suites check it); empty when nothing.
 */
export function demoArticleProblems(texts: readonly string[]): string[] {
  const expected = [
    'Rwanda',
    // One mention across the link inside the name: "Olivier <a>Nduhungirehe</a>".
    'Olivier Nduhungirehe',
    'Nduhungirehe',
    'United States',
    'US',
    'U.S.',
    'Omar Abdulsattar Ameen',
    'Kigali',
  ];
  const problems = expected.filter((text) => !texts.includes(text)).map((text) => `"${text}" is not painted`);
  // Longest match wins: the full name is one mention, never "Ameen" inside it.
  const ameen = texts.filter((text) => text === 'Ameen').length;
  if (ameen !== 1) problems.push(`"Ameen" is painted ${ameen} times, not once`);
  // "Washington" is deliberately not an alias, and the pronoun "us" is never the country.
  if (texts.includes('Washington')) problems.push('"Washington" is painted');
  return problems;
}

/**
 * Runs in the page (pass it to `page.evaluate` with `{ selector, word }`, in
 * Playwright or Puppeteer): the viewport centre of the first occurrence of
 * `word` inside `selector`, scrolled into view first when it is off screen.
 */
export function wordCentre({ selector, word }: { selector: string; word: string }): { x: number; y: number } {
  const element = document.querySelector(selector);
  const walker = document.createTreeWalker(element ?? document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const at = node.nodeValue?.indexOf(word) ?? -1;
    if (at === -1) continue;
    const range = document.createRange();
    range.setStart(node, at);
    range.setEnd(node, at + word.length);
    let box = range.getBoundingClientRect();
    if (box.top < 0 || box.bottom > innerHeight) {
      node.parentElement?.scrollIntoView({ block: 'center', behavior: 'instant' });
      box = range.getBoundingClientRect();
    }
    return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
  }
  throw new Error(`"${word}" not found in ${selector}`);
}

/** The viewport centre of the first occurrence of `word` inside `selector` (see wordCentre). */
export function centreOf(page: Page, selector: string, word: string): Promise<{ x: number; y: number }> {
  return page.evaluate(wordCentre, { selector, word });
}
