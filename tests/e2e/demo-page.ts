import { expect, type Page, type Worker } from '@playwright/test';
import type { WxtBrowser } from 'wxt/browser';
import { centreOf } from './highlights';

// Callbacks passed to serviceWorker.evaluate() run inside the extension, where `chrome` exists.
declare const chrome: WxtBrowser;

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

/** Stores settings as the options page would (storage key "settings"), before a page is opened. */
export async function storeSettings(
  serviceWorker: Worker,
  changes: {
    enabled?: boolean;
    renderer?: 'paint' | 'wrap';
    claims?: boolean;
    cardTrigger?: { mode: 'click' | 'hover'; hoverDelayMs: number };
  },
): Promise<void> {
  await serviceWorker.evaluate(async (changes) => {
    await chrome.storage.local.set({
      settings: {
        version: 1,
        enabled: changes.enabled ?? true,
        renderer: changes.renderer ?? 'auto',
        kinds: {},
        claims: changes.claims ?? true,
        sites: { mode: 'all-except-denied', denied: [], allowed: [] },
        cardTrigger: changes.cardTrigger ?? { mode: 'click', hoverDelayMs: 400 },
      },
    });
  }, changes);
}

/** Sends what the keyboard shortcut sends (the background relays the command to the active tab). */
export async function pressShortcut(serviceWorker: Worker, direction: 'next' | 'previous'): Promise<void> {
  await serviceWorker.evaluate(async (direction) => {
    const [tab] = await chrome.tabs.query({ active: true, lastFocusedWindow: true });
    if (tab?.id === undefined) throw new Error('no active tab');
    await chrome.tabs.sendMessage(tab.id, { type: 'crossread:navigate-mentions', direction });
  }, direction);
}
