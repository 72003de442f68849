import { clickWord, openDemo } from './demo-page';
import { expect, test } from './fixtures';

// The browser's UI language picks the extension's: Chromium started in French shows the card in French.
test.use({ extensionSetup: { grantHostPermissions: [], args: ['--lang=fr'] } });

test('in a French browser the card speaks French, dates included', async ({ context, demoOrigin, errors }) => {
  const page = await context.newPage();
  await openDemo(page, demoOrigin);
  await clickWord(page, 'article h1', 'Rwanda');
  const card = page.getByRole('dialog', { name: 'Rwanda' });
  await expect(card).toBeVisible();
  await expect(card.getByText('Pays', { exact: true }).first()).toBeVisible();
  await expect(card.locator('[data-claim-id="claim:us-rwanda-payment"]')).toContainText(
    'Les médias divergent\u00a0: requested / appropriated / received / likely',
  );
  await expect(card).toContainText('À jour au 20 mai 2025');
  await expect(card.getByRole('button', { name: 'Fermer' })).toBeVisible();
  expect(errors.messages).toEqual([]);
});
