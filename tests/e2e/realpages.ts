import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { quietHtml, REAL_PAGES_DIR } from '../../bench/pages';

export const realPages = readdirSync(REAL_PAGES_DIR).filter((name) => name.endsWith('.html'));

// Where the variants are served from; the route below answers every request to it.
const ORIGIN = 'http://127.0.0.1:9';

/** A paragraph about the deals (a name split by a link included) and form fields holding names. */
const APPENDED = `
<section id="crossread-probe">
  <p>Rwanda's foreign minister, Olivier <a href="#">Nduhungirehe</a>, confirmed talks with the United States.</p>
  <textarea id="probe-textarea">Rwanda and El Salvador</textarea>
  <input id="probe-input" value="Keir Starmer">
  <div id="probe-editable" contenteditable="true">Nayib Bukele</div>
  <pre><code>Rwanda = "code"</code></pre>
</section>`;

/**
 * The saved page made quiet as the benchmark does it (no scripts, iframes —
 * a `srcdoc` iframe runs script in the page's origin — or inline handlers:
 * they would only fail without a network, change the page at random moments,
 * and their errors would hide ours), with the probe section appended, so every
 * page has mentions and skip zones.
 */
export function realPageVariant(file: string): string {
  const html = quietHtml(readFileSync(join(REAL_PAGES_DIR, file), 'utf8'));
  const bodyEnd = html.toLowerCase().lastIndexOf('</body>');
  return bodyEnd === -1 ? html + APPENDED : html.slice(0, bodyEnd) + APPENDED + html.slice(bodyEnd);
}

/** Opens the variant of a saved page in `page`, served from 127.0.0.1. */
export async function openRealPage(page: Page, file: string): Promise<void> {
  await page.route(`${ORIGIN}/**`, (route) =>
    new URL(route.request().url()).pathname === `/${file}`
      ? route.fulfill({ body: realPageVariant(file), contentType: 'text/html; charset=utf-8' })
      : route.fulfill({ status: 404, body: '' }),
  );
  await page.goto(`${ORIGIN}/${file}`, { waitUntil: 'domcontentloaded' });
}
