import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { REAL_PAGES_DIR } from '../../bench/pages';
import { paintedInsideSkipZones } from '../e2e/highlights';
import { realPages, realPageVariant } from '../e2e/realpages';
import {
  type ErrorLog,
  type Firefox,
  launchFirefox,
  openPage,
  paintedHighlights,
  serveRoutes,
  waitFor,
} from './firefox';

// The saved news pages in ../shared/realpages, in Firefox: the same quiet
// variants (scripts, iframes and inline handlers removed, a probe section
// appended) and the same checks as the Chromium suite's realpages.spec.ts.

let firefox: Firefox;
let server: { origin: string; close(): Promise<void> };

beforeAll(async () => {
  firefox = await launchFirefox();
  server = await serveRoutes((path) => {
    const file = path.slice(1);
    return realPages.includes(file) ? { body: realPageVariant(file) } : undefined;
  });
});

afterAll(async () => {
  await firefox?.close();
  await server?.close();
});

describe('real news pages in Firefox', () => {
  test('the saved pages are there (a missing folder must fail, not skip)', () => {
    expect(realPages.length, `pages in ${REAL_PAGES_DIR}`).toBeGreaterThanOrEqual(13);
  });

  for (const file of realPages) {
    test(`${file}: mentions painted, skip zones and form values untouched, no errors`, async () => {
      const errors: ErrorLog = { messages: [] };
      const page = await openPage(firefox, `${server.origin}/${file}`, errors);
      const texts = async () => (await paintedHighlights(page)).map((highlight) => highlight.text);

      await waitFor(
        texts,
        (found) => ['Rwanda', 'Olivier Nduhungirehe', 'United States'].every((name) => found.includes(name)),
        'the probe paragraph to be highlighted',
        15_000,
      );

      expect(await page.evaluate(paintedInsideSkipZones)).toEqual([]);
      expect(
        await page.evaluate(() => ({
          textarea: document.querySelector<HTMLTextAreaElement>('#probe-textarea')?.value,
          input: document.querySelector<HTMLInputElement>('#probe-input')?.value,
          editable: document.querySelector('#probe-editable')?.textContent,
        })),
      ).toEqual({ textarea: 'Rwanda and El Salvador', input: 'Keir Starmer', editable: 'Nayib Bukele' });

      // Content that arrives after load is highlighted within a second.
      await new Promise((settle) => setTimeout(settle, 1000));
      const addedAt = Date.now();
      await page.evaluate(() => {
        const paragraph = document.createElement('p');
        paragraph.textContent = 'Later that day, Kigali answered the Uzbek delegation.';
        document.getElementById('crossread-probe')?.append(paragraph);
      });
      await waitFor(texts, (found) => found.includes('Kigali'), 'Kigali, added after load', 1000);
      expect(Date.now() - addedAt).toBeLessThan(1000);

      expect(errors.messages).toEqual([]);
      await page.close();
    });
  }
});
