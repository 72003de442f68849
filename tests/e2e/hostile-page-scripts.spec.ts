import type { CDPSession, Page } from '@playwright/test';
import { clickWord, openDemo } from './demo-page';
import { expect, test } from './fixtures';
import { centreOf } from './highlights';
import { highlightedTexts, htmlDocument, NEWS_NAMES, NEWS_PARAGRAPH, serveHostilePage } from './hostile-pages';

// Pages whose own scripts turn on Crossread (issue 8, item 1): built-ins
// poisoned before it starts, its tag name taken, and events faked on its card
// and on the names it highlights. The policies are in docs/reliability.md.

/**
 * Runs before any other script of the page: replaces built-ins the content
 * script uses with ones that throw or, given a `lie`, return wrong answers,
 * while `window.poisonArmed` is true. Crossread runs in an isolated world
 * with its own built-ins, so none of this may reach it.
 */
const POISON = `<script>
(() => {
  window.poisonArmed = false;
  const apply = Reflect.apply;
  const define = Object.defineProperty;
  const poison = (owner, key, lie) => {
    const original = owner[key];
    define(owner, key, {
      configurable: true,
      writable: true,
      value: function (...args) {
        if (!window.poisonArmed) return apply(original, this, args);
        if (lie) return lie(this, args);
        throw new Error('poisoned ' + String(key));
      },
    });
  };
  for (const key of ['push', 'map', 'filter', 'forEach', 'indexOf', 'slice', 'join', 'some', 'sort', 'flat', Symbol.iterator]) poison(Array.prototype, key);
  poison(Array.prototype, 'includes', () => true);
  poison(Array, 'isArray', () => false);
  poison(Array, 'from');
  for (const key of ['get', 'set']) poison(Map.prototype, key);
  poison(Map.prototype, 'has', () => true);
  poison(Set.prototype, 'add');
  poison(Set.prototype, 'has', () => false);
  poison(WeakMap.prototype, 'get');
  poison(Element.prototype, 'closest', () => null);
  for (const key of ['getAttribute', 'matches', 'querySelector', 'querySelectorAll', 'attachShadow', 'getBoundingClientRect', 'append']) poison(Element.prototype, key);
  poison(Node.prototype, 'contains', () => true);
  for (const key of ['appendChild', 'insertBefore', 'removeChild', 'replaceChild', 'compareDocumentPosition', 'normalize']) poison(Node.prototype, key);
  for (const key of ['createTreeWalker', 'createRange', 'createElement', 'getSelection', 'caretPositionFromPoint', 'elementFromPoint']) poison(Document.prototype, key);
  for (const key of ['addEventListener', 'removeEventListener', 'dispatchEvent']) poison(EventTarget.prototype, key);
  for (const key of ['call', 'apply', 'bind']) poison(Function.prototype, key);
  poison(JSON, 'parse');
  poison(JSON, 'stringify', () => '"poisoned"');
  poison(String.prototype, 'toLowerCase', () => 'poisoned');
  for (const key of ['normalize', 'indexOf', 'replace', 'slice', 'trim', 'startsWith']) poison(String.prototype, key);
  poison(Object, 'keys');
  poison(Object, 'assign');
  poison(Promise.prototype, 'then');
  poison(Promise, 'resolve');
  poison(HighlightRegistry.prototype, 'set');
  poison(HighlightRegistry.prototype, 'has', () => false);
  poison(CSSStyleSheet.prototype, 'replaceSync');
  for (const key of ['setTimeout', 'requestAnimationFrame', 'queueMicrotask']) poison(window, key);
  poison(performance, 'now', () => 0);
  poison(Math, 'max', () => -1);
  for (const name of ['MutationObserver', 'Highlight', 'StaticRange', 'Range', 'AbortController', 'CustomEvent']) {
    define(window, name, { configurable: true, writable: true, value: function () { if (window.poisonArmed) throw new Error('poisoned ' + name); } });
  }
  window.poisonArmed = true;
})();
</script>`;

/**
 * Evaluates `expression` in the page's own world through raw CDP, with the
 * poison disarmed for just that synchronous call: Playwright's own
 * page.evaluate runs helper code in that world, which the poison would break.
 */
async function readUnpoisoned<T>(session: CDPSession, expression: string): Promise<T> {
  const { result, exceptionDetails } = await session.send('Runtime.evaluate', {
    expression: `(() => { window.poisonArmed = false; try { return (${expression}); } finally { window.poisonArmed = true; } })()`,
    returnByValue: true,
  });
  if (exceptionDetails)
    throw new Error(`in the page: ${exceptionDetails.exception?.description ?? exceptionDetails.text}`);
  return result.value as T;
}

test('a page that poisons built-in prototypes before Crossread runs: highlights and the card still work, with no errors', async ({
  context,
  demoOrigin,
  errors,
}) => {
  const page: Page = await context.newPage();
  const html = htmlDocument(`<main><p id="news">${NEWS_PARAGRAPH}</p><p>More from Kigali.</p></main>`, POISON);
  await page.goto(await serveHostilePage(page, demoOrigin, 'poisoned.html', html));
  const session = await context.newCDPSession(page);
  const armed = async () =>
    (await session.send('Runtime.evaluate', { expression: 'window.poisonArmed', returnByValue: true })).result.value;
  expect(await armed()).toBe(true);
  // Armed, the poison throws in the page's own world.
  const { exceptionDetails } = await session.send('Runtime.evaluate', { expression: '[1].map((x) => x)' });
  expect(exceptionDetails?.exception?.description).toContain('poisoned map');

  await expect(page.locator('crossread-ui')).toHaveCount(1);
  await expect
    .poll(() => readUnpoisoned<string[]>(session, `(${highlightedTexts.toString()})()`))
    .toEqual(expect.arrayContaining([...NEWS_NAMES, 'Kigali']));
  const point = await readUnpoisoned<{ x: number; y: number }>(
    session,
    `(() => {
      const node = document.getElementById('news').firstChild;
      const range = document.createRange();
      range.setStart(node, 0);
      range.setEnd(node, 'Rwanda'.length);
      const box = range.getBoundingClientRect();
      return { x: box.left + box.width / 2, y: box.top + box.height / 2 };
    })()`,
  );
  await page.mouse.click(point.x, point.y);
  const card = page.getByRole('dialog', { name: 'Rwanda' });
  await expect(card).toBeVisible();
  await expect(card.locator('[data-claim-id]').first()).toBeVisible();
  await card.getByRole('button', { name: 'Close' }).click();
  await expect(card).toHaveCount(0);
  expect(await armed()).toBe(true);
  expect(errors.messages).toEqual([]);
});

test('clicks, keys and pointer moves the page fakes on the card and on mentions are ignored', async ({
  context,
  demoOrigin,
  errors,
}) => {
  const page = await context.newPage();
  await openDemo(page, demoOrigin);
  await clickWord(page, 'article > p:nth-of-type(5)', 'Nduhungirehe');
  const card = page.getByRole('dialog', { name: 'Olivier Nduhungirehe' });
  await expect(card).toBeVisible();
  const position = card.getByTestId('card-position');
  await expect(position).toHaveText(/^Mention 2 of /);
  const url = page.url();
  const tabs = context.pages().length;

  // The shadow root is open: the page clicks every button and link of the card, presses keys on them and
  // on the document, and "presses" outside the card.
  const faked = await page.evaluate(() => {
    const root = document.querySelector('crossread-ui')?.shadowRoot;
    const controls = [...(root?.querySelectorAll('button, a') ?? [])] as HTMLElement[];
    for (const control of controls) {
      control.click();
      control.dispatchEvent(new MouseEvent('click', { bubbles: true, composed: true, cancelable: true }));
      for (const key of ['Enter', ' ', 'Escape']) {
        control.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true, composed: true, cancelable: true }));
      }
    }
    document.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, composed: true }));
    document.body.click();
    return controls.length;
  });
  expect(faked).toBeGreaterThan(5);
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toHaveCount(1);
  await expect(card).toBeVisible();
  await expect(position).toHaveText(/^Mention 2 of /);
  expect(page.url()).toBe(url);
  expect(context.pages()).toHaveLength(tabs);

  // The user's own clicks still work.
  await card.getByRole('button', { name: 'Next' }).click();
  await expect(position).toHaveText(/^Mention 3 of /);
  await card.getByRole('button', { name: 'Close' }).click();
  await expect(page.getByRole('dialog')).toHaveCount(0);

  // On a mention: a faked pointer move shows no hover highlight, a faked click opens no card.
  const point = await centreOf(page, 'article > p:nth-of-type(4)', 'Rwanda');
  await page.evaluate(({ x, y }) => {
    const target = document.elementFromPoint(x, y);
    const init = { bubbles: true, composed: true, clientX: x, clientY: y };
    target?.dispatchEvent(new PointerEvent('pointermove', { ...init, pointerType: 'mouse' }));
    target?.dispatchEvent(new PointerEvent('pointerdown', { ...init, pointerType: 'mouse' }));
    target?.dispatchEvent(new MouseEvent('click', { ...init, button: 0 }));
  }, point);
  await page.waitForTimeout(300);
  await expect(page.getByRole('dialog')).toHaveCount(0);
  expect(await page.evaluate(() => CSS.highlights.get('crossread-hover')?.size ?? 0)).toBe(0);
  expect(errors.messages).toEqual([]);
});

test('a page that defined its own custom element crossread-ui, whose constructor takes the shadow root: Crossread mounts under another name and the card works', async ({
  context,
  demoOrigin,
  errors,
}) => {
  const page = await context.newPage();
  const html = htmlDocument(
    `<p id="news">${NEWS_PARAGRAPH}</p>`,
    `<script>
customElements.define('crossread-ui', class extends HTMLElement {
  constructor() {
    super();
    window.constructed = (window.constructed ?? 0) + 1;
    this.attachShadow({ mode: 'closed' });
  }
});
</script>`,
  );
  await page.goto(await serveHostilePage(page, demoOrigin, 'tag-taken.html', html));
  await expect.poll(() => page.evaluate(highlightedTexts)).toEqual(expect.arrayContaining(NEWS_NAMES));
  await expect
    .poll(() =>
      page.evaluate(() =>
        [...document.body.children]
          .filter((element) => element.localName.startsWith('crossread-ui'))
          .map((element) => element.localName),
      ),
    )
    .toEqual([expect.stringMatching(/^crossread-ui-[a-z0-9]+$/)]);
  await clickWord(page, '#news', 'Rwanda');
  await expect(page.getByRole('dialog', { name: 'Rwanda' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { constructed: number }).constructed)).toBe(1);
  expect(errors.messages).toEqual([]);
});
