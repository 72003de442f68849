import { clickWord } from './demo-page';
import { expect, test } from './fixtures';
import {
  countPainted,
  htmlDocument,
  NEWS_PARAGRAPH,
  serveHostilePage,
  waitForPaintingToSettle,
  waitForUiHost,
} from './hostile-pages';

// A page that rewrites itself ten times a second (issue 8, item 1): Crossread
// must not throw, fall behind or hold on to what the page threw away, and its
// card must still open although the rewrite takes Crossread's UI host with it.

/**
 * A page that replaces document.body.innerHTML every 100 ms once
 * window.startChurn() is called, for `updates` times, with five paragraphs
 * naming entities; it samples on every frame how many painted ranges point
 * into the current body and how many into replaced (detached) content.
 */
function churnPage(updates: number): string {
  return htmlDocument(
    `<p>${NEWS_PARAGRAPH}</p>`,
    `<script>
window.churn = { updates: 0, frames: 0, framesWithLiveHighlights: 0, mostPainted: 0, done: false };
window.startChurn = () => {
  const timer = setInterval(() => {
    churn.updates++;
    const paragraphs = Array.from({ length: 5 }, (_, i) => '<p>Update ' + churn.updates + '.' + i + ': ' + ${JSON.stringify(NEWS_PARAGRAPH)} + '</p>');
    document.body.innerHTML = '<main><h1>Update ' + churn.updates + '</h1>' + paragraphs.join('') + '</main>';
    if (churn.updates >= ${updates}) {
      clearInterval(timer);
      churn.done = true;
    }
  }, 100);
  (function sample() {
    if (churn.done) return;
    let live = 0;
    let all = 0;
    CSS.highlights.forEach((highlight, name) => {
      if (!name.startsWith('crossread-')) return;
      for (const range of highlight) {
        all++;
        if (range.startContainer.isConnected) live++;
      }
    });
    churn.frames++;
    if (live > 0) churn.framesWithLiveHighlights++;
    churn.mostPainted = Math.max(churn.mostPainted, all);
    requestAnimationFrame(sample);
  })();
};
</script>`,
  );
}

interface Churn {
  updates: number;
  frames: number;
  framesWithLiveHighlights: number;
  mostPainted: number;
  done: boolean;
}

test('body.innerHTML replaced every 100 ms for 10 s: no errors, highlights keep up, memory flat, the card still opens', async ({
  context,
  demoOrigin,
  errors,
}, testInfo) => {
  const page = await context.newPage();
  await page.goto(await serveHostilePage(page, demoOrigin, 'churn.html', churnPage(102)));
  await waitForUiHost(page);
  await waitForPaintingToSettle(page, 300);
  const session = await context.newCDPSession(page);
  /** The page's JS heap (every world: the content script's too) and its DOM node count, after a full GC. */
  const memory = async () => {
    await session.send('HeapProfiler.collectGarbage');
    const heap = await session.send('Runtime.getHeapUsage');
    const counters = await session.send('Memory.getDOMCounters');
    return { heapMB: heap.usedSize / 2 ** 20, nodes: counters.nodes };
  };

  const started = Date.now();
  await page.evaluate(() => (window as unknown as { startChurn(): void }).startChurn());
  await page.waitForTimeout(2_000 - (Date.now() - started));
  const atTwo = await memory();
  await page.waitForTimeout(10_000 - (Date.now() - started));
  const atTen = await memory();
  const churn = await page.evaluate(() => (window as unknown as { churn: Churn }).churn);
  const line =
    `heap after GC ${atTwo.heapMB.toFixed(2)} MB at 2 s, ${atTen.heapMB.toFixed(2)} MB at 10 s; ` +
    `DOM nodes ${atTwo.nodes} → ${atTen.nodes}; ${churn.updates} updates; highlights on the live body in ` +
    `${churn.framesWithLiveHighlights} of ${churn.frames} frames, at most ${churn.mostPainted} ranges painted at once`;
  testInfo.annotations.push({ type: 'memory', description: line });
  console.log(`innerHTML churn: ${line}`);
  expect(churn.updates).toBeGreaterThanOrEqual(90);
  // Flat: what grows over eight more seconds of churn is within noise (half a megabyte or a tenth).
  expect(atTen.heapMB).toBeLessThan(atTwo.heapMB + Math.max(0.5, atTwo.heapMB * 0.1));
  expect(atTen.nodes).toBeLessThan(atTwo.nodes * 1.1 + 200);
  // Keeping up: each body is highlighted before long, and replaced ones are let go (five paragraphs
  // have 20 mentions; the ranges of the bodies replaced since the last rescan may wait for it).
  expect(churn.framesWithLiveHighlights).toBeGreaterThan(0);
  expect(churn.mostPainted).toBeLessThan(20 * 8);

  // Once it stops, the last body is highlighted within a second, with nothing left of the replaced ones.
  await expect.poll(() => page.evaluate(() => (window as unknown as { churn: Churn }).churn.done)).toBe(true);
  const stoppedAt = Date.now();
  await expect
    .poll(
      () =>
        page.evaluate(() => {
          let live = 0;
          let detached = 0;
          CSS.highlights.forEach((highlight, name) => {
            if (!name.startsWith('crossread-')) return;
            for (const range of highlight) {
              if (range.startContainer.isConnected) live++;
              else detached++;
            }
          });
          return { live, detached };
        }),
      { timeout: 1_000, intervals: [50] },
    )
    .toEqual({ live: 20, detached: 0 });
  expect(Date.now() - stoppedAt).toBeLessThan(1_000);
  expect(await page.evaluate(countPainted)).toBe(20);

  // The card still opens, although the page's rewrite took Crossread's UI host out of the body with the rest.
  await clickWord(page, 'main p', 'Kigali');
  await expect(page.getByRole('dialog', { name: 'Rwanda' })).toBeVisible();
  expect(errors.messages).toEqual([]);
});
