import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { expect, test } from './fixtures';
import { paintedTexts } from './highlights';

// Real news pages saved from the web (../shared/realpages, read in place, never edited).
const REALPAGES_DIR = resolve(process.env.CROSSREAD_REALPAGES ?? '../shared/realpages');
const pages = readdirSync(REALPAGES_DIR).filter((name) => name.endsWith('.html'));

// Where the variants are served from; the route below answers every request to it.
const ORIGIN = 'http://127.0.0.1:9';

const APPENDED = `
<section id="crossread-probe">
  <p>Rwanda's foreign minister, Olivier <a href="#">Nduhungirehe</a>, confirmed talks with the United States.</p>
  <textarea id="probe-textarea">Rwanda and El Salvador</textarea>
  <input id="probe-input" value="Keir Starmer">
  <div id="probe-editable" contenteditable="true">Nayib Bukele</div>
  <pre><code>Rwanda = "code"</code></pre>
</section>`;

/**
 * The saved page with its scripts and inline handlers removed (they would only fail without a
 * network, and their errors would hide ours) and a paragraph about the deals
 * plus form fields appended, so every page has mentions and skip zones.
 */
function variant(file: string): string {
  const html = readFileSync(join(REALPAGES_DIR, file), 'utf8')
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/\son[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
    .replace(/<meta[^>]+http-equiv=["']?refresh[^>]*>/gi, '');
  const bodyEnd = html.toLowerCase().lastIndexOf('</body>');
  return bodyEnd === -1 ? html + APPENDED : html.slice(0, bodyEnd) + APPENDED + html.slice(bodyEnd);
}

test.describe('real news pages', () => {
  test('the saved pages are there (a missing folder must fail, not skip)', () => {
    expect(pages.length, `pages in ${REALPAGES_DIR}`).toBeGreaterThanOrEqual(13);
  });

  for (const file of pages) {
    test(`${file}: mentions painted, skip zones and form values untouched, no errors`, async ({ context, errors }) => {
      const page = await context.newPage();
      await page.route(`${ORIGIN}/**`, (route) =>
        new URL(route.request().url()).pathname === `/${file}`
          ? route.fulfill({ body: variant(file), contentType: 'text/html; charset=utf-8' })
          : route.fulfill({ status: 404, body: '' }),
      );
      await page.goto(`${ORIGIN}/${file}`, { waitUntil: 'domcontentloaded' });

      await expect
        .poll(() => paintedTexts(page), { timeout: 15_000 })
        .toEqual(expect.arrayContaining(['Rwanda', 'Olivier Nduhungirehe', 'United States']));

      const insideSkipZones = await page.evaluate(() => {
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
      });
      expect(insideSkipZones).toEqual([]);
      await expect(page.locator('#probe-textarea')).toHaveValue('Rwanda and El Salvador');
      await expect(page.locator('#probe-input')).toHaveValue('Keir Starmer');
      await expect(page.locator('#probe-editable')).toHaveText('Nayib Bukele');

      // Content that arrives after load is highlighted within a second.
      await page.waitForTimeout(1000);
      const addedAt = Date.now();
      await page.evaluate(() => {
        const paragraph = document.createElement('p');
        paragraph.textContent = 'Later that day, Kigali answered the Uzbek delegation.';
        document.getElementById('crossread-probe')?.append(paragraph);
      });
      await expect.poll(() => paintedTexts(page), { timeout: 1000, intervals: [50] }).toContain('Kigali');
      expect(Date.now() - addedAt).toBeLessThan(1000);

      expect(errors.messages).toEqual([]);
    });
  }
});
