import { browser } from 'wxt/browser';
import { bundledPageIndex } from '../lib/bundled-page-index';
import { readActiveLocation, readActiveStoredDataset, readStoredPageIndexData, STORE_KEYS } from '../lib/dataset/store';
import { type PageIndex, pageIndexFromDataset, pageIndexFromStoredData } from '../lib/page-index';
import { localStorageArea } from './storage-area';

/**
 * The content script's view of the dataset store: the active dataset's page
 * index. The bundled dataset's comes precompiled and is the only thing read
 * of it (the store's pointer says whether it is the active one); a stored
 * dataset's was compiled when it was installed. Only when that is missing or
 * unusable is the dataset itself read, validated and compiled here.
 */
export async function loadActivePageIndex(): Promise<PageIndex> {
  const location = await readActiveLocation(localStorageArea);
  if (location === 'bundled') return bundledPageIndex();
  const precompiled = pageIndexFromStoredData(await readStoredPageIndexData(localStorageArea, location));
  if (precompiled) return precompiled;
  const stored = await readActiveStoredDataset(localStorageArea);
  return stored ? pageIndexFromDataset(stored.dataset) : bundledPageIndex();
}

/** Calls `onChange` when another dataset becomes active (update, rollback, restore); returns the function that stops watching. */
export function watchActiveDataset(onChange: () => void): () => void {
  const listener = (changes: Record<string, unknown>) => {
    if (STORE_KEYS.pointer in changes) onChange();
  };
  browser.storage.local.onChanged.addListener(listener);
  return () => browser.storage.local.onChanged.removeListener(listener);
}
