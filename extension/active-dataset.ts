import { browser } from 'wxt/browser';
import { bundledDataset } from '../lib/bundled-dataset';
import type { Dataset } from '../lib/dataset/schema';
import { readActiveStoredDataset, STORE_KEYS } from '../lib/dataset/store';
import { localStorageArea } from './storage-area';

/**
 * Something the background derives from the active dataset (a card
 * builder, the claims in the form anchoring needs), made on first use and
 * made again after another dataset becomes active. A failed read is not
 * kept: the next use tries again.
 */
export function fromActiveDataset<T>(derive: (dataset: Dataset) => T): () => Promise<T> {
  let derived: Promise<T> | null = null;
  browser.storage.local.onChanged.addListener((changes) => {
    if (STORE_KEYS.pointer in changes) derived = null;
  });
  return () => {
    if (!derived) {
      const made = activeDataset().then(derive);
      made.catch(() => {
        if (derived === made) derived = null;
      });
      derived = made;
    }
    return derived;
  };
}

async function activeDataset(): Promise<Dataset> {
  const stored = await readActiveStoredDataset(localStorageArea);
  return stored?.dataset ?? bundledDataset();
}
