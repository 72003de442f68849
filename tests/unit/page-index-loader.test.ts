import { beforeEach, describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openDatasetStore } from '../../extension/dataset-store';
import { loadActivePageIndex, watchActiveDataset } from '../../extension/page-index-loader';
import { bundledPageIndex } from '../../lib/bundled-page-index';
import { minimalDataset } from './dataset-fixture';

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
});
