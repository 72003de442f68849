import { browser } from 'wxt/browser';
import type { KeyValueStorage } from '../lib/dataset/store';

/** browser.storage.local behind the store's port; readable from every extension context, content scripts included. */
export const localStorageArea: KeyValueStorage = {
  get: (keys) => browser.storage.local.get(keys),
  set: (items) => browser.storage.local.set(items),
};
