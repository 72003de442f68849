import { expect, type Page } from '@playwright/test';
import { centreOf } from './highlights';

/** Opens a demo article and waits until it is painted and Crossread's UI host (where cards open) is mounted. */
export async function openDemo(page: Page, demoOrigin: string, path = 'us-rwanda-talks.html'): Promise<void> {
  await page.goto(`${demoOrigin}/${path}`);
  await expect.poll(() => page.evaluate(() => CSS.highlights.has('crossread-country'))).toBe(true);
  // The card UI mounts once the first scan is done.
  await expect(page.locator('crossread-ui')).toHaveCount(1);
}

/** A real mouse click on the first occurrence of `word` inside `selector`, scrolled into view first. */
export async function clickWord(page: Page, selector: string, word: string): Promise<void> {
  await page.locator(selector).first().scrollIntoViewIfNeeded();
  const point = await centreOf(page, selector, word);
  await page.mouse.click(point.x, point.y);
}
