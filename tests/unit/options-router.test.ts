import { beforeEach, describe, expect, it } from 'vitest';
import { type Browser, browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { localStorageArea } from '../../extension/dataset-store';
import { createOptionsRouter, isExtensionPageSender } from '../../extension/options-router';
import { REFRESH_ALARM, refreshOnAlarm, syncRefreshAlarm } from '../../extension/refresh-alarm';
import { loadSettings } from '../../extension/settings-store';
import { DatasetStore } from '../../lib/dataset/store';
import { DatasetUpdater } from '../../lib/dataset/updates';
import { defaultSettings, withSiteEnabled } from '../../lib/settings';
import { minimalDataset } from './dataset-fixture';
import { inWords } from './message-words';

const URL_A = 'https://data.example/crossread.json';
const ownPage = (): Browser.runtime.MessageSender => ({
  id: browser.runtime.id,
  url: browser.runtime.getURL('/options.html'),
  tab: { id: 3, url: browser.runtime.getURL('/options.html') } as Browser.tabs.Tab,
});
const contentScript = (): Browser.runtime.MessageSender => ({
  id: browser.runtime.id,
  url: 'https://news.example/article',
  tab: { id: 4, url: 'https://news.example/article' } as Browser.tabs.Tab,
});

describe('isExtensionPageSender', () => {
  beforeEach(() => fakeBrowser.reset());

  it('accepts Crossread’s own pages, in a tab or not', () => {
    expect(isExtensionPageSender(ownPage())).toBe(true);
    expect(isExtensionPageSender({ id: browser.runtime.id, url: browser.runtime.getURL('/popup.html') })).toBe(true);
  });

  it('refuses content scripts, other extensions and senders without a URL', () => {
    expect(isExtensionPageSender(contentScript())).toBe(false);
    expect(isExtensionPageSender({ ...ownPage(), id: 'another-extension' })).toBe(false);
    expect(isExtensionPageSender({ id: browser.runtime.id })).toBe(false);
    expect(
      isExtensionPageSender({ id: browser.runtime.id, url: 'chrome-extension://another-extension/options.html' }),
    ).toBe(false);
    // Our page's URL inside a web page's tab (a frame) is not trusted either.
    expect(isExtensionPageSender({ ...ownPage(), tab: contentScript().tab })).toBe(false);
    expect(isExtensionPageSender({ ...ownPage(), origin: 'https://news.example' })).toBe(false);
  });
});

describe('options router and refresh alarm', () => {
  let updater: DatasetUpdater;
  let served: Dataset | null;
  type Dataset = ReturnType<typeof minimalDataset>;

  beforeEach(() => {
    fakeBrowser.reset();
    served = null;
    const store = new DatasetStore(localStorageArea, minimalDataset);
    updater = new DatasetUpdater(localStorageArea, store, {
      fetch: async () => (served ? new Response(JSON.stringify(served)) : new Response('', { status: 404 })),
      hasPermission: async () => true,
    });
  });

  it('ignores messages from content scripts and malformed requests: they get no answer and change nothing', async () => {
    const router = createOptionsRouter(updater);
    const save = { type: 'crossread:settings-save', settings: { ...defaultSettings(), renderer: 'wrap' } };
    expect(router(save, contentScript())).toBeUndefined();
    expect(router({ type: 'crossread:dataset-rollback', extra: 1 }, ownPage())).toBeUndefined();
    expect(router({ type: 'crossread:unknown' }, ownPage())).toBeUndefined();
    expect(router('crossread:dataset-restore-bundled', ownPage())).toBeUndefined();
    expect((await loadSettings()).renderer).toBe('auto');
  });

  it('saves valid settings from the options page and reports invalid ones', async () => {
    const router = createOptionsRouter(updater);
    const saved = await router(
      { type: 'crossread:settings-save', settings: { ...defaultSettings(), renderer: 'wrap' } },
      ownPage(),
    );
    expect(saved).toMatchObject({ ok: true, settings: { renderer: 'wrap' } });
    expect((await loadSettings()).renderer).toBe('wrap');
    const refused = await router(
      { type: 'crossread:settings-save', settings: { ...defaultSettings(), renderer: 'blink' } },
      ownPage(),
    );
    expect(inWords(refused)).toEqual({ ok: false, errors: ['renderer: must be one of "auto", "paint", "wrap"'] });
    expect((await loadSettings()).renderer).toBe('wrap');
  });

  it('saves the popup’s switches: the toolbar popup (no tab) and the popup page opened in a tab', async () => {
    const router = createOptionsRouter(updater);
    const popupUrl = browser.runtime.getURL('/popup.html');
    const toolbarPopup: Browser.runtime.MessageSender = { id: browser.runtime.id, url: popupUrl };
    const popupInTab: Browser.runtime.MessageSender = {
      id: browser.runtime.id,
      url: `${popupUrl}?tab=4`,
      tab: { id: 5, url: `${popupUrl}?tab=4` } as Browser.tabs.Tab,
    };
    const off = withSiteEnabled({ ...defaultSettings(), enabled: false }, 'news.example', false);
    expect(await router({ type: 'crossread:settings-save', settings: off }, toolbarPopup)).toEqual({
      ok: true,
      settings: off,
    });
    expect(await loadSettings()).toEqual(off);
    const on = { ...off, enabled: true };
    expect(await router({ type: 'crossread:settings-save', settings: on }, popupInTab)).toMatchObject({ ok: true });
    expect(await loadSettings()).toMatchObject({ enabled: true, sites: { denied: ['news.example'] } });
  });

  it('checks, applies and schedules a URL dataset, keeping the alarm in step', async () => {
    const router = createOptionsRouter(updater);
    served = { ...minimalDataset(), version: '2.0.0' };
    const check = await router({ type: 'crossread:dataset-check-url', url: URL_A }, ownPage());
    expect(check).toMatchObject({ ok: true, candidate: { diff: { direction: 'newer' } } });
    if (!check || !('candidate' in check)) throw new Error('no candidate');
    const applied = await router({ type: 'crossread:dataset-apply', ...check.candidate, allowOlder: false }, ownPage());
    expect(applied).toBeUndefined(); // the diff is not part of an apply request: a strict schema refuses extras
    const { dataset, source, validators } = check.candidate;
    expect(
      inWords(
        await router({ type: 'crossread:dataset-apply', dataset, source, validators, allowOlder: false }, ownPage()),
      ),
    ).toEqual({ ok: true, message: 'Test dataset 2.0.0 is now active.' });
    expect(await browser.alarms.get(REFRESH_ALARM)).toBeUndefined();

    expect(inWords(await router({ type: 'crossread:dataset-set-schedule', schedule: 'daily' }, ownPage()))).toEqual({
      ok: true,
      message: 'The dataset URL will be checked daily.',
    });
    expect(await browser.alarms.get(REFRESH_ALARM)).toMatchObject({ periodInMinutes: 24 * 60 });
    await router({ type: 'crossread:dataset-set-schedule', schedule: 'weekly' }, ownPage());
    expect(await browser.alarms.get(REFRESH_ALARM)).toMatchObject({ periodInMinutes: 7 * 24 * 60 });
    await router({ type: 'crossread:dataset-set-schedule', schedule: 'off' }, ownPage());
    expect(await browser.alarms.get(REFRESH_ALARM)).toBeUndefined();
  });

  it('runs the refresh when the alarm fires, and only for its own alarm', async () => {
    served = { ...minimalDataset(), version: '2.0.0' };
    const check = await updater.checkUrl(URL_A);
    if (!check.ok) throw new Error(inWords(check.error));
    await updater.apply({ ...check.candidate, allowOlder: false });
    await updater.setSchedule('daily');
    await syncRefreshAlarm((await updater.readState()).subscription);

    browser.alarms.onAlarm.addListener(refreshOnAlarm(updater));
    served = { ...minimalDataset(), version: '2.1.0' };
    await fakeBrowser.alarms.onAlarm.trigger({
      name: 'something-else',
      scheduledTime: Date.now(),
      persistAcrossSessions: true,
    });
    expect((await updater.readState()).lastCheck?.outcome).toBe('updated'); // still the apply's record
    expect((await updater.readState()).lastCheck?.message).toEqual({
      code: 'update.appliedVersion',
      params: ['2.0.0'],
    });
    await fakeBrowser.alarms.onAlarm.trigger({
      name: REFRESH_ALARM,
      scheduledTime: Date.now(),
      periodInMinutes: 1440,
      persistAcrossSessions: true,
    });
    expect(inWords((await updater.readState()).lastCheck)).toMatchObject({
      outcome: 'updated',
      message: 'Updated from version 2.0.0 to 2.1.0.',
    });
  });

  it('answers rollback and restore requests', async () => {
    const router = createOptionsRouter(updater);
    expect(inWords(await router({ type: 'crossread:dataset-rollback' }, ownPage()))).toEqual({
      ok: false,
      error: 'There is no previous dataset to go back to.',
    });
    expect(inWords(await router({ type: 'crossread:dataset-restore-bundled' }, ownPage()))).toEqual({
      ok: true,
      message: 'The bundled dataset is active again.',
    });
  });
});
