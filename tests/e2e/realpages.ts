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
 * A sentence that is a claim mention of the bundled dataset: appended to a saved page, it shows that the
 * page's figures were read (its answer comes with theirs), so none of them being painted as a claim means
 * something.
 */
export const CLAIM_PROBE = `
<p id="crossread-claim-probe" lang="en">Rwanda requested $100,000 from the United States, one outlet reported.</p>`;

/**
 * The saved page made quiet as the benchmark does it (no scripts, iframes —
 * a `srcdoc` iframe runs script in the page's origin — or inline handlers:
 * they would only fail without a network, change the page at random moments,
 * and their errors would hide ours), with the probe section appended, so every
 * page has mentions and skip zones.
 */
export function realPageVariant(file: string, appended = APPENDED): string {
  const html = quietHtml(readFileSync(join(REAL_PAGES_DIR, file), 'utf8'));
  const bodyEnd = html.toLowerCase().lastIndexOf('</body>');
  return bodyEnd === -1 ? html + appended : html.slice(0, bodyEnd) + appended + html.slice(bodyEnd);
}

/** Opens the variant of a saved page in `page`, served from 127.0.0.1 (`appended`: what goes at the end of its body). */
export async function openRealPage(page: Page, file: string, appended = APPENDED): Promise<void> {
  await page.route(`${ORIGIN}/**`, (route) =>
    new URL(route.request().url()).pathname === `/${file}`
      ? route.fulfill({ body: realPageVariant(file, appended), contentType: 'text/html; charset=utf-8' })
      : route.fulfill({ status: 404, body: '' }),
  );
  await page.goto(`${ORIGIN}/${file}`, { waitUntil: 'domcontentloaded' });
}
