import { browser } from 'wxt/browser';
import { originPattern } from '../lib/dataset/download';
import { STORE_KEYS, type StoreState } from '../lib/dataset/store';
import { parseUpdateState, UPDATES_KEY, type UpdateState } from '../lib/dataset/updates';
import type { OptionsRequest, OptionsResponses } from '../lib/options-messages';
import { parseStoredSettings, SETTINGS_KEY, type Settings } from '../lib/settings';
import { localStorageArea, openDatasetStore } from './dataset-store';

/** Everything the options page shows, read straight from storage. */
export interface OptionsSnapshot {
  store: StoreState;
  updates: UpdateState;
  settings: Settings;
}

/**
 * What the options page needs from the extension. The page reads storage
 * itself but changes nothing directly: every change is a request the
 * background checks and carries out. Components get this as a prop, so they
 * can be rendered with a fake.
 */
export interface OptionsApi {
  load(): Promise<OptionsSnapshot>;
  /** Calls `onChange` when anything the page shows changes in storage; returns the unsubscribe. */
  watch(onChange: () => void): () => void;
  /**
   * Asks the user for access to `url`'s origin. Must be called straight from
   * a click or submit handler, before any await, or the browser refuses.
   */
  requestHostPermission(url: URL): Promise<boolean>;
  send<T extends OptionsRequest>(request: T): Promise<OptionsResponses[T['type']]>;
}

const WATCHED_KEYS = new Set<string>([
  STORE_KEYS.pointer,
  STORE_KEYS.slotA,
  STORE_KEYS.slotB,
  UPDATES_KEY,
  SETTINGS_KEY,
]);

export function createOptionsApi(): OptionsApi {
  const store = openDatasetStore();
  return {
    async load() {
      const [state, stored] = await Promise.all([store.load(), localStorageArea.get([UPDATES_KEY, SETTINGS_KEY])]);
      return {
        store: state,
        updates: parseUpdateState(stored[UPDATES_KEY]),
        settings: parseStoredSettings(stored[SETTINGS_KEY]),
      };
    },
    watch(onChange) {
      const listener = (changes: Record<string, unknown>) => {
        if (Object.keys(changes).some((key) => WATCHED_KEYS.has(key))) onChange();
      };
      browser.storage.local.onChanged.addListener(listener);
      return () => browser.storage.local.onChanged.removeListener(listener);
    },
    requestHostPermission(url) {
      return browser.permissions.request({ origins: [originPattern(url)] });
    },
    async send(request) {
      const answer = await browser.runtime.sendMessage(request);
      if (answer === undefined || answer === null) {
        throw new Error('Crossread’s background did not answer. Reload this page and try again.');
      }
      return answer;
    },
  };
}
