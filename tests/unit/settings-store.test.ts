import { beforeEach, describe, expect, it } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { loadSettings, saveSettings, watchSettings } from '../../extension/settings-store';
import { DEFAULT_SETTINGS, defaultSettings, SETTINGS_KEY, type Settings } from '../../lib/settings';

describe('settings store', () => {
  beforeEach(() => {
    fakeBrowser.reset();
  });

  it('loads the defaults when nothing is stored', async () => {
    expect(await loadSettings()).toEqual(DEFAULT_SETTINGS);
  });

  it('saves normalised settings and loads them back', async () => {
    const settings: Settings = {
      ...defaultSettings(),
      renderer: 'wrap',
      sites: { mode: 'all-except-denied', denied: ['https://News.Example.com/x'], allowed: [] },
    };
    await saveSettings(settings);
    const stored = (await browser.storage.local.get(SETTINGS_KEY))[SETTINGS_KEY];
    expect(stored).toMatchObject({ renderer: 'wrap', sites: { denied: ['news.example.com'] } });
    expect(await loadSettings()).toEqual({
      ...settings,
      sites: { mode: 'all-except-denied', denied: ['news.example.com'], allowed: [] },
    });
  });

  it('refuses to store invalid settings and keeps what was stored', async () => {
    await saveSettings({ ...defaultSettings(), renderer: 'paint' });
    await expect(saveSettings({ ...defaultSettings(), renderer: 'sparkles' as 'paint' })).rejects.toThrow(
      /settings\.notOneOf\(renderer, /,
    );
    expect((await loadSettings()).renderer).toBe('paint');
  });

  it('loads a damaged record field by field', async () => {
    await browser.storage.local.set({ [SETTINGS_KEY]: { version: 1, renderer: 'wrap', sites: 'broken' } });
    expect(await loadSettings()).toEqual({ ...defaultSettings(), renderer: 'wrap' });
  });

  it('loads a record saved before the global switch existed as turned on, and keeps a saved "off"', async () => {
    const { enabled: _, ...before } = { ...defaultSettings(), renderer: 'wrap' as const };
    await browser.storage.local.set({ [SETTINGS_KEY]: before });
    expect(await loadSettings()).toEqual({ ...defaultSettings(), renderer: 'wrap', enabled: true });
    await saveSettings({ ...defaultSettings(), enabled: false });
    expect((await loadSettings()).enabled).toBe(false);
  });

  it('tells watchers about changes to the settings only, until they stop watching', async () => {
    const seen: Settings[] = [];
    const stop = watchSettings((settings) => seen.push(settings));
    await saveSettings({ ...defaultSettings(), renderer: 'wrap' });
    await browser.storage.local.set({ 'datasets.pointer': { active: 'bundled', previous: null, lastError: null } });
    await browser.storage.local.set({ [SETTINGS_KEY]: 'damaged' });
    stop();
    await saveSettings({ ...defaultSettings(), renderer: 'paint' });
    expect(seen.map((settings) => settings.renderer)).toEqual(['wrap', 'auto']);
  });
});
