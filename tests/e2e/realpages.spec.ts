import { REAL_PAGES_DIR } from '../../bench/pages';
import { clickWord } from './demo-page';
import { expect, test } from './fixtures';
import { paintedInsideSkipZones, paintedTexts } from './highlights';
import { openRealPage, realPages } from './realpages';

test.describe('real news pages', () => {
  test('the saved pages are there (a missing folder must fail, not skip)', () => {
    expect(realPages.length, `pages in ${REAL_PAGES_DIR}`).toBeGreaterThanOrEqual(13);
  });

  for (const file of realPages) {
    test(`${file}: mentions painted, skip zones and form values untouched, the card opens, no errors`, async ({
      context,
      errors,
    }) => {
      const page = await context.newPage();
      await openRealPage(page, file);

      await expect
        .poll(() => paintedTexts(page), { timeout: 15_000 })
        .toEqual(expect.arrayContaining(['Rwanda', 'Olivier Nduhungirehe', 'United States']));

      expect(await page.evaluate(paintedInsideSkipZones)).toEqual([]);
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

      // The card opens on the page's own styles, beside the name and on screen, and closes.
      await clickWord(page, '#crossread-probe p', 'Rwanda');
      const card = page.getByRole('dialog', { name: 'Rwanda' });
      await expect(card).toBeVisible();
      await expect(card).toBeInViewport({ ratio: 0.95 });
      expect(await card.evaluate((element) => getComputedStyle(element).fontSize)).toBe('14px');
      await page.keyboard.press('Escape');
      await expect(card).toHaveCount(0);

      expect(errors.messages).toEqual([]);
    });
  }
});
