import { type Browser, browser } from 'wxt/browser';
import { parseStoredSettings, SETTINGS_KEY, type Settings, validateSettings } from '../lib/settings';
import { messageForLog } from '../lib/user-message';

/**
 * The settings on browser.storage.local, readable from every extension
 * context (content scripts included). Only the background writes them, on a
 * checked message from the options page (extension/options-router.ts).
 */

/** The stored settings, or the defaults for whatever is missing or damaged. Rejects only if storage itself fails. */
export async function loadSettings(): Promise<Settings> {
  const stored = await browser.storage.local.get(SETTINGS_KEY);
  return parseStoredSettings(stored[SETTINGS_KEY]);
}

/** Validates and stores `settings`; rejects with the validation errors rather than store a bad record. */
export async function saveSettings(settings: Settings): Promise<void> {
  const checked = validateSettings(settings);
  if (!checked.ok) throw new Error(`Invalid settings: ${checked.errors.map(messageForLog).join('; ')}`);
  await browser.storage.local.set({ [SETTINGS_KEY]: checked.settings });
}

/** Calls `onChange` with the new settings whenever they change; returns the function that stops watching. */
export function watchSettings(onChange: (settings: Settings) => void): () => void {
  const listener = (changes: Record<string, Browser.storage.StorageChange>) => {
    const change = changes[SETTINGS_KEY];
    if (change) onChange(parseStoredSettings(change.newValue));
  };
  browser.storage.local.onChanged.addListener(listener);
  return () => browser.storage.local.onChanged.removeListener(listener);
}
