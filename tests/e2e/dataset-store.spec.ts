import type { WxtBrowser } from 'wxt/browser';
import { minimalDataset } from '../unit/dataset-fixture';
import { expect, test } from './fixtures';
import { paintedTexts } from './highlights';

declare const chrome: WxtBrowser;

/** A dataset whose only mention on the demo page is a name the bundled dataset does not know. */
function importedDataset() {
  const dataset = minimalDataset();
  dataset.id = 'imported-test';
  dataset.title = 'Imported test dataset';
  const person = dataset.entities.find((entity) => entity.id === 'person:minister');
  if (!person) throw new Error('fixture changed');
  person.name = 'Amara Okafor';
  person.aliases = [{ text: 'Amara Okafor', lang: 'en', caseSensitive: true }];
  return dataset;
}

test('a dataset switched in storage is used by open tabs and shown on the options page', async ({
  context,
  serviceWorker,
  extensionId,
  demoOrigin,
  errors,
}) => {
  const page = await context.newPage();
  await page.goto(`${demoOrigin}/us-rwanda-talks.html`);
  await expect.poll(() => paintedTexts(page)).toContain('Nduhungirehe');
  expect(await paintedTexts(page)).not.toContain('Amara Okafor');

  // Store the dataset the way the store does: slot first, then the pointer in one write.
  await serviceWorker.evaluate(async (dataset) => {
    await chrome.storage.local.set({
      'datasets.slot.a': {
        dataset,
        source: { type: 'file', fileName: 'imported.json' },
        installedAt: '2025-06-01T10:00:00.000Z',
      },
    });
    await chrome.storage.local.set({ 'datasets.pointer': { active: 'a', previous: 'bundled', lastError: null } });
  }, importedDataset());

  // The open tab re-highlights with the new dataset without a reload: the byline names the imported person.
  await expect.poll(() => paintedTexts(page)).toContain('Amara Okafor');
  expect(await paintedTexts(page)).not.toContain('Nduhungirehe');

  const options = await context.newPage();
  await options.goto(`chrome-extension://${extensionId}/options.html`);
  await expect(options.getByTestId('active-dataset')).toContainText('Imported from the file imported.json');
  await expect(options.getByTestId('previous-dataset')).toContainText('Bundled with Crossread');

  // A corrupt stored copy never leaves the user without a dataset: the bundled one takes over.
  await serviceWorker.evaluate(async () => {
    await chrome.storage.local.set({
      'datasets.slot.a': { dataset: 'garbage', source: { type: 'file', fileName: 'x' }, installedAt: 'x' },
    });
  });
  await options.reload();
  await expect(options.getByTestId('active-dataset')).toContainText('Bundled with Crossread');
  await expect(options.getByTestId('dataset-error')).toContainText('no longer passes validation');

  expect(errors.messages).toEqual([]);
});
