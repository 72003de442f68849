import { expect, type Page, type Worker } from '@playwright/test';
import { storeSettings } from './demo-page';

/**
 * Builders for the hostile-page suite (hostile*.spec.ts): each page is served
 * with `page.route` on the demo server's origin, so it is an ordinary http
 * page where the content script runs.
 */

/** The window property every script-injection payload sets when it runs; it must stay unset. */
export const PWNED_FLAG = '__crossreadPwned';

/**
 * Strings that run script if anything turns text into markup or a URL: an
 * event handler attribute, a script element that closes the one around it,
 * an SVG onload, a javascript: URL and an attribute break-out. Each sets
 * window[PWNED_FLAG] to `where`, so a failure says which one ran.
 */
export function injections(where: string): string[] {
  const set = `window.${PWNED_FLAG}='${where}'`;
  return [
    `<img src=x onerror="${set}">`,
    `</script><script>${set}</script>`,
    `<svg onload="${set}"></svg>`,
    `javascript:${set}`,
    `"><b onmouseover="${set}">`,
  ];
}

/** Text as HTML source: the page shows it literally. */
export function escapeHtml(text: string): string {
  return text.replaceAll('&', '&amp;').replaceAll('<', '&lt;').replaceAll('>', '&gt;').replaceAll('"', '&quot;');
}

/** A whole HTML document around `body`. */
export function htmlDocument(body: string, head = ''): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile page</title>${head}</head><body>${body}</body></html>`;
}

/**
 * Serves `html` at `${origin}/hostile/${name}` for this tab (other paths of
 * the origin still reach the demo server) and returns the address.
 */
export async function serveHostilePage(
  page: Page,
  origin: string,
  name: string,
  html: string,
  headers: Record<string, string> = {},
): Promise<string> {
  const url = `${origin}/hostile/${name}`;
  await page.route(url, (route) => route.fulfill({ contentType: 'text/html; charset=utf-8', headers, body: html }));
  return url;
}

/** What a payload set, read in the page's own world: undefined when nothing ran. */
export function pwned(page: Page): Promise<unknown> {
  return page.evaluate((flag) => (window as unknown as Record<string, unknown>)[flag], PWNED_FLAG);
}

/** Runs in the page: how many ranges Crossread has painted (CSS.highlights entries named crossread-*). */
export function countPainted(): number {
  let count = 0;
  CSS.highlights.forEach((highlight, name) => {
    if (name.startsWith('crossread-') && name !== 'crossread-hover') count += highlight.size;
  });
  return count;
}

/** How many ranges Crossread has painted in `page`. */
export function paintedCount(page: Page): Promise<number> {
  return page.evaluate(countPainted);
}

/**
 * Waits until Crossread has painted and stopped adding highlights for
 * `quietMs` (its scan is time-sliced and paints block by block, so "some
 * highlights" is not "done"); returns the count.
 */
export async function waitForPaintingToSettle(page: Page, quietMs = 1_000, timeoutMs = 45_000): Promise<number> {
  const started = Date.now();
  let last = -1;
  let lastChange = Date.now();
  while (Date.now() - started < timeoutMs) {
    const count = await paintedCount(page);
    if (count !== last) {
      last = count;
      lastChange = Date.now();
    } else if (count > 0 && Date.now() - lastChange >= quietMs) {
      return count;
    }
    await page.waitForTimeout(200);
  }
  throw new Error(`highlights did not settle in ${timeoutMs} ms (last count ${last})`);
}

/** Stores the renderer setting as the options page would, before a page is opened. */
export function useRenderer(serviceWorker: Worker, renderer: 'paint' | 'wrap'): Promise<void> {
  return storeSettings(serviceWorker, { renderer });
}

/** Runs in the page: the texts Crossread highlighted, painted or wrapped in <mark>. */
export function highlightedTexts(): string[] {
  const texts: string[] = [];
  CSS.highlights.forEach((highlight, name) => {
    if (!name.startsWith('crossread-') || name === 'crossread-hover') return;
    for (const painted of highlight) {
      const range = document.createRange();
      range.setStart(painted.startContainer, painted.startOffset);
      range.setEnd(painted.endContainer, painted.endOffset);
      texts.push(range.toString());
    }
  });
  for (const mark of document.querySelectorAll('mark.crossread-mention')) texts.push(mark.textContent ?? '');
  return texts;
}

/** Waits until Crossread's UI host is in the page (the card can open). */
export async function waitForUiHost(page: Page): Promise<void> {
  await expect(page.locator('crossread-ui')).toHaveCount(1);
}

/** A paragraph of ordinary news text with known names, for pages that need something to highlight. */
export const NEWS_PARAGRAPH =
  'Rwanda said on Monday that it was in early talks with the United States, and Olivier Nduhungirehe confirmed it in Kigali.';

/** The names NEWS_PARAGRAPH has, as Crossread paints them. */
export const NEWS_NAMES = ['Rwanda', 'United States', 'Olivier Nduhungirehe', 'Kigali'];

/**
 * A page that builds `paragraphs` paragraphs of `textNodesPerParagraph` text
 * nodes each (half bare, half in a <span>), a name in every `nameEvery`th
 * paragraph, with DOM calls as it loads (before the content script starts at
 * document_idle).
 */
export function manyTextNodesPage(paragraphs: number, textNodesPerParagraph: number, nameEvery: number): string {
  return htmlDocument(
    '<main id="many"></main>',
    `<script>
document.addEventListener('DOMContentLoaded', () => {
  const names = ${JSON.stringify(NEWS_NAMES)};
  const main = document.getElementById('many');
  const fragment = document.createDocumentFragment();
  for (let p = 0; p < ${paragraphs}; p++) {
    const paragraph = document.createElement('p');
    for (let n = 0; n < ${textNodesPerParagraph / 2}; n++) {
      const named = n === 3 && p % ${nameEvery} === 0;
      paragraph.append(document.createTextNode(named ? ' talks with ' + names[(p / ${nameEvery}) % names.length] + ' went on ' : ' word ' + n + ' '));
      const span = document.createElement('span');
      span.textContent = 'more ' + n;
      paragraph.append(span);
    }
    fragment.append(paragraph);
  }
  main.append(fragment);
});
</script>`,
  );
}

/**
 * A page whose body holds elements nested `depth` deep, built with DOM calls
 * since the HTML parser stops nesting at 512: <x-level> and <span> in turn,
 * with a sentence naming two entities every `every` levels and one more in a
 * span at the bottom. To Crossread an <x-level> is a block (it is not a tag
 * it knows to be inline) and a <span> inline, so both of its paths up the
 * tree go the whole depth; to the browser both are inline boxes. Chromium's
 * own renderer crashes laying out 5,000 nested blocks (<div>s: it renders
 * 2,000), page without extension included, so a block-displayed chain that
 * deep cannot be a test of Crossread.
 */
export function deepNestingPage(depth: number, every: number): string {
  return htmlDocument(
    '',
    `<script>
document.addEventListener('DOMContentLoaded', () => {
  let parent = document.body;
  for (let level = 0; level < ${depth}; level++) {
    const child = document.createElement(level % 2 === 0 ? 'x-level' : 'span');
    if (level % ${every} === 0) child.append('Level ' + level + ': Rwanda and the United States. ');
    parent.append(child);
    parent = child;
  }
  const bottom = document.createElement('span');
  bottom.id = 'bottom';
  bottom.textContent = 'At the bottom, Olivier Nduhungirehe spoke.';
  parent.append(bottom);
});
</script>`,
  );
}
