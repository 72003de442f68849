import { buildEngineBundle } from '../../bench/build-engine';
import { expect, test } from './fixtures';
import { openRealPage, realPages } from './realpages';

// The wrap renderer must give back the page exactly. The extension paints by
// default, so this test runs the engine's wrap renderer directly in real pages
// (the benchmark's bundle of page/ and lib/), on every saved news page.

let engine: Promise<string> | undefined;

test.describe('wrap renderer on real pages', () => {
  for (const file of realPages) {
    test(`${file}: wrap adds marks with entity ids, clearing restores the HTML exactly`, async ({ context }) => {
      engine ??= buildEngineBundle();
      const page = await context.newPage();
      await openRealPage(page, file);
      // Let the extension finish its own start (it mounts <crossread-ui> into the body) before the snapshot.
      await page.waitForSelector('crossread-ui', { state: 'attached' });
      await page.addScriptTag({ content: await engine });

      const result = await page.evaluate(async () => {
        const bench = window.crossreadBench;
        if (!bench) throw new Error('engine bundle not installed');
        const before = document.body.innerHTML;
        await bench.wrap();
        const marks = [...document.querySelectorAll('mark.crossread-mention')];
        const wrapped = {
          count: marks.length,
          withIds: marks.filter((mark) => /^[a-z-]+:[a-z0-9-]+$/.test(mark.getAttribute('data-crossread-id') ?? ''))
            .length,
          nduhungirehe: marks
            .filter((mark) => mark.getAttribute('data-crossread-id') === 'person:olivier-nduhungirehe')
            .map((mark) => mark.textContent),
        };
        bench.clear();
        const after = document.body.innerHTML;
        let firstDifference = 0;
        while (firstDifference < before.length && before[firstDifference] === after[firstDifference]) firstDifference++;
        return {
          wrapped,
          // Where the HTML first differs, so a failure shows what changed.
          difference:
            before === after
              ? null
              : {
                  before: before.slice(firstDifference - 80, firstDifference + 200),
                  after: after.slice(firstDifference - 80, firstDifference + 200),
                },
          marksLeft: document.querySelectorAll('mark.crossread-mention').length,
        };
      });
      expect(result.wrapped.count).toBeGreaterThan(0);
      expect(result.wrapped.withIds).toBe(result.wrapped.count);
      // A name split by a link is wrapped in both halves, under one entity id.
      expect(result.wrapped.nduhungirehe).toEqual(['Olivier ', 'Nduhungirehe']);
      expect(result.marksLeft).toBe(0);
      expect(result.difference).toBeNull();
    });
  }
});
