import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatasetStore } from '../../extension/dataset-store';
import { loadActivePageIndex, watchActiveDataset } from '../../extension/page-index-loader';
import { bundledPageIndex } from '../../lib/bundled-page-index';
import { STORE_KEYS } from '../../lib/dataset/store';
import { minimalDataset } from './dataset-fixture';

/** minimalDataset with one more country, so two installed datasets tell apart. */
function datasetWithPeru() {
  const dataset = minimalDataset();
  dataset.version = '1.3.0';
  dataset.entities.push({
    id: 'country:peru',
    kind: 'country',
    name: 'Peru',
    summary: 'A country.',
    asOf: '2025-05-20',
    aliases: [{ text: 'Peru', lang: 'en', caseSensitive: true }],
  });
  return dataset;
}

const found = async (text: string) =>
  (await loadActivePageIndex()).matcher.findMentions(text).map((mention) => mention.entityId);

describe('the content script’s page index', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('is the bundled one, precompiled, while the bundled dataset is active', async () => {
    expect(await loadActivePageIndex()).toBe(bundledPageIndex());
  });

  it('is compiled from a stored dataset while one is active, and follows a switch', async () => {
    const store = openDatasetStore();
    let switches = 0;
    const stop = watchActiveDataset(() => switches++);
    await store.activate(minimalDataset(), { type: 'file', fileName: 'small.json' });
    const index = await loadActivePageIndex();
    expect([...index.entities.keys()]).toEqual(minimalDataset().entities.map((entity) => entity.id));
    expect(index.matcher.findMentions('Rwanda').map((mention) => mention.entityId)).toEqual(['country:rwanda']);
    expect(switches).toBe(1);

    await store.restoreBundled();
    expect(await loadActivePageIndex()).toBe(bundledPageIndex());
    expect(switches).toBe(2);
    stop();
    await store.rollback();
    expect(switches).toBe(2);
  });

  it('uses the page index compiled when the dataset was installed, without reading the dataset', async () => {
    const store = openDatasetStore();
    await store.activate(datasetWithPeru(), { type: 'file', fileName: 'peru.json' });
    const stored = await fakeBrowser.storage.local.get([STORE_KEYS.slotA, STORE_KEYS.pageIndexA]);
    expect(stored[STORE_KEYS.pageIndexA]).toMatchObject({ matcher: { format: 'crossread-matcher' } });
    // A page that had to read the dataset would now fall back to the bundled one, which has no "A Minister".
    await fakeBrowser.storage.local.set({ [STORE_KEYS.slotA]: { damaged: true } });
    expect(await found('Peru, Rwanda and A Minister')).toEqual(['country:peru', 'country:rwanda', 'person:minister']);
    expect((await loadActivePageIndex()).entities.size).toBe(datasetWithPeru().entities.length);
  });

  it('keeps each slot’s own page index through a rollback', async () => {
    const store = openDatasetStore();
    await store.activate(minimalDataset(), { type: 'file', fileName: 'small.json' });
    await store.activate(datasetWithPeru(), { type: 'file', fileName: 'peru.json' });
    expect(await found('Peru and Rwanda')).toEqual(['country:peru', 'country:rwanda']);
    await store.rollback();
    expect(await found('Peru and Rwanda')).toEqual(['country:rwanda']);
  });

  it('compiles the dataset itself when the stored page index is missing, damaged or from another engine version', async () => {
    const store = openDatasetStore();
    await store.activate(datasetWithPeru(), { type: 'file', fileName: 'peru.json' });
    const stored = (await fakeBrowser.storage.local.get(STORE_KEYS.pageIndexA))[STORE_KEYS.pageIndexA] as {
      matcher: Record<string, unknown>;
    };
    for (const pageIndex of [
      undefined,
      null,
      'garbage',
      { ...stored, matcher: { ...stored.matcher, version: 2 } },
      { ...stored, entities: { kinds: [] } },
    ]) {
      await fakeBrowser.storage.local.set({ [STORE_KEYS.pageIndexA]: pageIndex });
      expect(await found('Peru, Rwanda and A Minister')).toEqual(['country:peru', 'country:rwanda', 'person:minister']);
    }
  });
});
