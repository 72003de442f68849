import { bundledDataset } from '../lib/bundled-dataset';
import { DatasetStore } from '../lib/dataset/store';
import { localStorageArea } from './storage-area';

export { localStorageArea } from './storage-area';

/** The dataset store on browser.storage.local, for the background and the options page (content scripts: page-index-loader.ts). */
export function openDatasetStore(): DatasetStore {
  return new DatasetStore(localStorageArea, bundledDataset);
}
