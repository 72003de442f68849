import { expect, test } from './fixtures';

// The README's screenshot is made by this test from the real build, so it
// always shows what the extension does today. `npm run screenshot` refreshes
// docs/screenshot.png; other runs keep theirs in test-results/.
test('README screenshot: a demo article with its mentions highlighted', async ({
  context,
  demoOrigin,
  errors,
}, testInfo) => {
  const page = await context.newPage();
  await page.setViewportSize({ width: 1100, height: 760 });
  await page.goto(`${demoOrigin}/us-rwanda-talks.html`);
  await expect
    .poll(() => page.evaluate(() => [...CSS.highlights.keys()].filter((name) => name.startsWith('crossread-')).length))
    .toBeGreaterThan(0);

  const path = process.env.CROSSREAD_UPDATE_DOCS ? 'docs/screenshot.png' : testInfo.outputPath('screenshot.png');
  await page.screenshot({ path });
  await testInfo.attach('screenshot', { path, contentType: 'image/png' });
  expect(errors.messages).toEqual([]);
});
