import { browser } from 'wxt/browser';
import { originPattern } from '../lib/dataset/download';
import type { DatasetStore } from '../lib/dataset/store';
import { DatasetUpdater } from '../lib/dataset/updates';
import { localStorageArea, openDatasetStore } from './dataset-store';

/** The background's updater: browser.storage.local, the real fetch, and the optional host permission of the URL's origin. */
export function openDatasetUpdater(store: DatasetStore = openDatasetStore()): DatasetUpdater {
  return new DatasetUpdater(localStorageArea, store, {
    fetch: (url, init) => fetch(url, init),
    hasPermission: (url) => browser.permissions.contains({ origins: [originPattern(url)] }),
  });
}
