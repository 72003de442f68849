import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { Page } from '@playwright/test';

// Real news pages saved from the web (../shared/realpages, read in place, never edited).
export const REALPAGES_DIR = resolve(process.env.CROSSREAD_REALPAGES ?? '../shared/realpages');
export const realPages = readdirSync(REALPAGES_DIR).filter((name) => name.endsWith('.html'));

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
 * The saved page with its scripts and inline handlers removed (they would only
 * fail without a network, change the page at random moments, and their errors
 * would hide ours), with the probe section appended, so every page has
 * mentions and skip zones.
 */
function variant(file: string): string {
  const html = readFileSync(join(REALPAGES_DIR, file), 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/<meta[^>]+http-equiv=["']?refresh[^>]*>/gi, '');
  const bodyEnd = html.toLowerCase().lastIndexOf('</body>');
  return bodyEnd === -1 ? html + APPENDED : html.slice(0, bodyEnd) + APPENDED + html.slice(bodyEnd);
}

/** Opens the variant of a saved page in `page`, served from 127.0.0.1. */
export async function openRealPage(page: Page, file: string): Promise<void> {
  await page.route(`${ORIGIN}/**`, (route) =>
    new URL(route.request().url()).pathname === `/${file}`
      ? route.fulfill({ body: variant(file), contentType: 'text/html; charset=utf-8' })
      : route.fulfill({ status: 404, body: '' }),
  );
  await page.goto(`${ORIGIN}/${file}`, { waitUntil: 'domcontentloaded' });
}
