import type { Page } from '@playwright/test';
import { clickWord, openDemo, pressShortcut, storeSettings } from './demo-page';
import { expect, test } from './fixtures';
import { centreOf } from './highlights';

const ARTICLE = 'us-rwanda-talks.html';

/** Where focus is, looking into Crossread's shadow root: "card" when it is inside the card. */
function focusedPlace(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement;
    if (active?.tagName === 'CROSSREAD-UI') {
      const inner = active.shadowRoot?.activeElement;
      return inner?.closest('[role="dialog"]') ? 'card' : `shadow ${inner?.tagName}`;
    }
    return active ? `${active.tagName} ${active.textContent?.trim().slice(0, 30)}` : 'none';
  });
}

test('clicking a mention opens its card: facts with their outlets, every outlet’s version, disagreements in words', async ({
  context,
  demoOrigin,
  errors,
}) => {
  const page = await context.newPage();
  await openDemo(page, demoOrigin);
  await clickWord(page, 'article > p:nth-of-type(4)', 'Rwanda');

  const card = page.getByRole('dialog', { name: 'Rwanda' });
  await expect(card).toBeVisible();
  await expect(card.getByText('Country', { exact: true }).first()).toBeVisible();
  // Facts: the country's deals, with their status and who reports it.
  const deals = card.locator('[data-fact="deals"]');
  await expect(deals).toContainText('US–Rwanda');
  await expect(deals).toContainText('Reported by');
  // The payment claim: each outlet's word side by side, and the disagreement spelled out.
  const payment = card.locator('[data-claim-id="claim:us-rwanda-payment"]');
  await expect(payment).toContainText('Outlets differ: requested vs appropriated vs received vs likely');
  await expect(payment.locator('.version')).toHaveCount(4);
  await expect(payment).toContainText('The New York Sun');
  await expect(payment).toContainText('$100,000');
  await expect(payment).toContainText('No figure given by: Jojo Uwimana (blog)');
  // Links out are https, in a new tab, without opener or referrer.
  for (const link of await card.locator('a').all()) {
    expect(await link.getAttribute('href')).toMatch(/^https:\/\//);
    expect(await link.getAttribute('target')).toBe('_blank');
    expect(await link.getAttribute('rel')).toBe('noopener noreferrer');
  }
  // Beside the mention, inside the viewport.
  const box = await card.boundingBox();
  const viewport = page.viewportSize();
  expect(box && viewport).toBeTruthy();
  if (box && viewport) {
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.y).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(viewport.width);
    expect(box.y + box.height).toBeLessThanOrEqual(viewport.height);
  }

  // It follows its mention when the page scrolls.
  const before = await card.boundingBox();
  await page.mouse.wheel(0, 80);
  await expect.poll(async () => Math.round((before?.y ?? 0) - ((await card.boundingBox())?.y ?? 0))).toBe(80);

  await page.keyboard.press('Escape');
  await expect(card).toHaveCount(0);
  expect(errors.messages).toEqual([]);
});

test('one card at a time; a related entity opens in place with Back; previous/next walk the entity’s mentions', async ({
  context,
  demoOrigin,
  errors,
}) => {
  const page = await context.newPage();
  await openDemo(page, demoOrigin);
  await clickWord(page, 'article > p:nth-of-type(5)', 'Nduhungirehe');
  const person = page.getByRole('dialog', { name: 'Olivier Nduhungirehe' });
  await expect(person).toBeVisible();
  await expect(person.getByTestId('card-position')).toHaveText(/^Mention 2 of [3-9]/);

  await person.getByRole('button', { name: 'Next' }).click();
  await expect(person.getByTestId('card-position')).toHaveText(/^Mention 3 of /);
  await person.getByRole('button', { name: 'Previous' }).click();
  await expect(person.getByTestId('card-position')).toHaveText(/^Mention 2 of /);

  // The person's country is a link to its card; Back returns.
  await person.locator('[data-fact="country"]').getByRole('button', { name: 'Rwanda' }).click();
  const country = page.getByRole('dialog', { name: 'Rwanda' });
  await expect(country).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await country.getByRole('button', { name: /Back to Olivier Nduhungirehe/ }).click();
  await expect(page.getByRole('dialog', { name: 'Olivier Nduhungirehe' })).toBeVisible();

  // Another mention replaces the card; a click elsewhere closes it.
  await clickWord(page, 'article > p:nth-of-type(4)', 'United States');
  await expect(page.getByRole('dialog', { name: 'United States' })).toBeVisible();
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await clickWord(page, 'article > p:nth-of-type(5)', 'interview');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(errors.messages).toEqual([]);
});

test('the keyboard shortcut walks the mentions and opens cards; focus enters the card and Escape gives it back', async ({
  context,
  demoOrigin,
  serviceWorker,
  errors,
}) => {
  const page = await context.newPage();
  await openDemo(page, demoOrigin);
  // Focus starts on a link of the page; it must come back there.
  await page.locator('article a').first().focus();
  const before = await focusedPlace(page);

  await pressShortcut(serviceWorker, 'next');
  const first = page.getByRole('dialog');
  await expect(first).toBeVisible();
  await expect.poll(() => focusedPlace(page)).toBe('card');
  const firstName = await first.locator('h2').textContent();

  await pressShortcut(serviceWorker, 'next');
  await expect(page.getByRole('dialog').locator('h2')).not.toHaveText(firstName ?? '');
  await pressShortcut(serviceWorker, 'previous');
  await expect(page.getByRole('dialog').locator('h2')).toHaveText(firstName ?? '');

  // Every control of the card is reachable with Tab, starting inside it.
  await page.keyboard.press('Tab');
  await expect.poll(() => focusedPlace(page)).toBe('card');

  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect.poll(() => focusedPlace(page)).toBe(before);
  expect(errors.messages).toEqual([]);
});

const HOSTILE_CSS = '* { all: unset !important; } div { display: none !important; }';
const PARAGRAPH = '<p>Rwanda said on Monday that it was in early talks with the United States.</p>';

const hostilePages: Array<{ name: string; css: string; headers: Record<string, string> }> = [
  { name: 'CSS that attacks it', css: HOSTILE_CSS, headers: {} },
  {
    name: "Content-Security-Policy: default-src 'none'",
    css: '',
    headers: { 'content-security-policy': "default-src 'none'" },
  },
];
for (const hostile of hostilePages) {
  test(`the card is styled and usable on a page with ${hostile.name}`, async ({ context, demoOrigin, errors }) => {
    const page = await context.newPage();
    const url = `${demoOrigin}/hostile-${hostile.css ? 'css' : 'csp'}.html`;
    const style = hostile.css ? `<style>${hostile.css}</style>` : '';
    await page.route(url, (route) =>
      route.fulfill({
        contentType: 'text/html; charset=utf-8',
        headers: hostile.headers,
        body: `<!doctype html><html lang="en"><head><title>Hostile</title>${style}</head><body><main>${PARAGRAPH}</main></body></html>`,
      }),
    );
    await page.goto(url);
    await expect.poll(() => page.evaluate(() => CSS.highlights.has('crossread-country'))).toBe(true);
    await expect(page.locator('crossread-ui')).toHaveCount(1);
    await clickWord(page, 'main', 'Rwanda');
    const card = page.getByRole('dialog', { name: 'Rwanda' });
    await expect(card).toBeVisible();
    const look = await card.evaluate((element) => {
      const style = getComputedStyle(element);
      const box = element.getBoundingClientRect();
      return {
        position: style.position,
        background: style.backgroundColor,
        fontSize: style.fontSize,
        radius: style.borderTopLeftRadius,
        width: Math.round(box.width),
        visibleRows: element.querySelectorAll('.facts__row').length,
      };
    });
    expect(look.position).toBe('fixed');
    expect(look.fontSize).toBe('14px');
    expect(look.radius).toBe('10px');
    expect(look.background).toMatch(/^rgb\(255, 255, 255\)$/);
    expect(look.width).toBeGreaterThan(300);
    expect(look.visibleRows).toBeGreaterThan(0);
    await card.getByRole('button', { name: 'Close' }).click();
    await expect(card).toHaveCount(0);
    expect(errors.messages).toEqual([]);
  });
}

test('with the wrap renderer, clicking a <mark> opens the card beside it', async ({
  context,
  demoOrigin,
  serviceWorker,
  errors,
}) => {
  await storeSettings(serviceWorker, { renderer: 'wrap' });
  const page = await context.newPage();
  await page.goto(`${demoOrigin}/${ARTICLE}`);
  const mark = page.locator('article > p:nth-of-type(4) mark[data-crossread-id="country:rwanda"]').first();
  await expect(mark).toBeVisible();
  await expect(page.locator('crossread-ui')).toHaveCount(1);
  await mark.click();
  const card = page.getByRole('dialog', { name: 'Rwanda' });
  await expect(card).toBeVisible();
  const [markBox, cardBox] = [await mark.boundingBox(), await card.boundingBox()];
  // Beside the mark: just below it (or above it), starting at most a card's width away.
  expect(markBox && cardBox).toBeTruthy();
  if (markBox && cardBox) {
    const gap = Math.min(
      Math.abs(cardBox.y - (markBox.y + markBox.height)),
      Math.abs(markBox.y - (cardBox.y + cardBox.height)),
    );
    expect(gap).toBeLessThan(20);
    expect(Math.abs(cardBox.x - markBox.x)).toBeLessThan(cardBox.width);
  }
  expect(errors.messages).toEqual([]);
});

test('with the hover setting, resting on a mention opens its card and moving away closes it', async ({
  context,
  demoOrigin,
  serviceWorker,
  errors,
}) => {
  await storeSettings(serviceWorker, { cardTrigger: { mode: 'hover', hoverDelayMs: 300 } });
  const page = await context.newPage();
  await openDemo(page, demoOrigin);
  const point = await centreOf(page, 'article > p:nth-of-type(4)', 'Rwanda');
  await page.mouse.move(point.x, point.y);
  const card = page.getByRole('dialog', { name: 'Rwanda' });
  await expect(card).toBeVisible();
  // Onto the card: it stays, so its links can be used.
  const box = await card.boundingBox();
  if (!box) throw new Error('the card has no box');
  await page.mouse.move(point.x, point.y + 20, { steps: 4 });
  await page.mouse.move(box.x + box.width / 2, box.y + 30, { steps: 4 });
  await page.waitForTimeout(600);
  await expect(card).toBeVisible();
  // Away from both: it goes.
  await page.mouse.move(1200, 20);
  await page.mouse.move(1210, 30);
  await expect(card).toHaveCount(0);
  expect(errors.messages).toEqual([]);
});

test('a click the page fakes on a mention opens no card', async ({ context, demoOrigin, errors }) => {
  const page = await context.newPage();
  await openDemo(page, demoOrigin);
  const point = await centreOf(page, 'article > p:nth-of-type(4)', 'Rwanda');
  await page.evaluate(({ x, y }) => {
    const target = document.elementFromPoint(x, y);
    target?.dispatchEvent(new MouseEvent('click', { bubbles: true, clientX: x, clientY: y, button: 0 }));
  }, point);
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  // The same place clicked by the user does open it.
  await page.mouse.click(point.x, point.y);
  await expect(page.getByRole('dialog', { name: 'Rwanda' })).toBeVisible();
  expect(errors.messages).toEqual([]);
});

test('at 200% zoom (a 640×360 CSS-pixel viewport) the card fits the screen and every part of it is reachable', async ({
  context,
  demoOrigin,
  errors,
}) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 640, height: 360 });
  await openDemo(page, demoOrigin);
  await clickWord(page, 'article > p:nth-of-type(4)', 'Rwanda');
  const card = page.getByRole('dialog', { name: 'Rwanda' });
  await expect(card.locator('[data-claim-id]').first()).toBeAttached();
  const box = await card.boundingBox();
  if (!box) throw new Error('the card has no box');
  expect(box.x).toBeGreaterThanOrEqual(0);
  expect(box.y).toBeGreaterThanOrEqual(0);
  expect(box.x + box.width).toBeLessThanOrEqual(640);
  expect(box.y + box.height).toBeLessThanOrEqual(360);
  // Header, footer and close button stay on screen; the body scrolls to the last claim.
  await expect(card.getByRole('button', { name: 'Close' })).toBeInViewport();
  await expect(card.getByTestId('card-position')).toBeInViewport();
  const last = card.locator('[data-claim-id]').last();
  await last.scrollIntoViewIfNeeded();
  await expect(last).toBeInViewport();
  expect(errors.messages).toEqual([]);
});
