import { beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { type Browser, browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createPopupApi } from '../../extension/popup-client';
import { defaultSettings } from '../../lib/settings';

const fromTab = (id: number): Browser.runtime.MessageSender => ({
  id: browser.runtime.id,
  url: 'https://news.example/a',
  tab: { id } as Browser.tabs.Tab,
});

const noResponse = () => undefined;

/** A spy on a sendMessage, typed loosely: the browser's overloads type its answer as void. */
type SendSpy = MockInstance<(...args: unknown[]) => Promise<unknown>>;
const spyOnTabsSend = (): SendSpy => vi.spyOn(browser.tabs, 'sendMessage') as unknown as SendSpy;
const spyOnRuntimeSend = (): SendSpy => vi.spyOn(browser.runtime, 'sendMessage') as unknown as SendSpy;

describe('popup client', () => {
  beforeEach(() => fakeBrowser.reset());

  it('hears mention reports from its own tab only, until it stops listening', async () => {
    const api = createPopupApi(7);
    const heard = vi.fn();
    const stop = api.watchMentions(heard);
    const report = { type: 'crossread:mention-count', total: 3 };
    await fakeBrowser.runtime.onMessage.trigger(report, fromTab(7), noResponse);
    await fakeBrowser.runtime.onMessage.trigger(report, fromTab(8), noResponse);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'crossread:mention-count', total: -1 }, fromTab(7), noResponse);
    await fakeBrowser.runtime.onMessage.trigger({ type: 'crossread:get-page-mentions' }, fromTab(7), noResponse);
    expect(heard).toHaveBeenCalledTimes(1);
    stop();
    await fakeBrowser.runtime.onMessage.trigger(report, fromTab(7), noResponse);
    expect(heard).toHaveBeenCalledTimes(1);
  });

  it('answers nothing to the reports it hears, so the badge listener answers them', async () => {
    createPopupApi(7).watchMentions(() => undefined);
    const answers = await fakeBrowser.runtime.onMessage.trigger(
      { type: 'crossread:mention-count', total: 3 },
      fromTab(7),
      noResponse,
    );
    expect(answers).toEqual([undefined]);
  });

  it('sends the reveal request to its tab, and nothing without a tab', async () => {
    const send = spyOnTabsSend().mockResolvedValue(undefined);
    await createPopupApi(7).revealEntity('country:rwanda');
    expect(send).toHaveBeenCalledWith(7, { type: 'crossread:reveal-entity', entityId: 'country:rwanda' });
    await createPopupApi(undefined).revealEntity('country:rwanda');
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('does not wait for a tab that never answers the reveal request, nor fail when it refuses it', async () => {
    vi.useFakeTimers();
    try {
      spyOnTabsSend().mockReturnValue(new Promise(() => undefined));
      const revealed = createPopupApi(7).revealEntity('country:rwanda');
      await vi.advanceTimersByTimeAsync(1_000);
      await expect(revealed).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
    spyOnTabsSend().mockRejectedValue(new Error('Could not establish connection'));
    await expect(createPopupApi(7).revealEntity('country:rwanda')).resolves.toBeUndefined();
  });

  it('saves settings through the background: the problems it names, or a rejection when it does not answer', async () => {
    const send = spyOnRuntimeSend();
    const settings = { ...defaultSettings(), enabled: false };
    send.mockResolvedValueOnce({ ok: true, settings });
    await expect(createPopupApi(7).saveSettings(settings)).resolves.toEqual([]);
    expect(send).toHaveBeenCalledWith({ type: 'crossread:settings-save', settings });
    const tooMany = { code: 'settings.tooManySites', params: ['sites.denied', 1000] };
    send.mockResolvedValueOnce({ ok: false, errors: [tooMany] });
    await expect(createPopupApi(7).saveSettings(settings)).resolves.toEqual([tooMany]);
    send.mockResolvedValueOnce(undefined);
    await expect(createPopupApi(7).saveSettings(settings)).rejects.toThrow(/did not answer/);
  });
});

describe('popup client: may Crossread read pages?', () => {
  beforeEach(() => fakeBrowser.reset());
  const answers = (contains: boolean, origins: string[]) => {
    browser.permissions.contains = vi.fn(async () => contains) as unknown as typeof browser.permissions.contains;
    browser.permissions.getAll = vi.fn(async () => ({
      origins,
      permissions: [],
    })) as unknown as typeof browser.permissions.getAll;
  };

  it('yes in Firefox, which answers contains() for the content script’s origins', async () => {
    answers(true, []);
    expect(await createPopupApi(1).hasPageAccess()).toBe(true);
  });

  it('yes in Chromium, which answers false there but lists them in getAll()', async () => {
    answers(false, ['http://*/*', 'https://*/*']);
    expect(await createPopupApi(1).hasPageAccess()).toBe(true);
  });

  it('no when the user withheld them, or granted only one scheme', async () => {
    answers(false, []);
    expect(await createPopupApi(1).hasPageAccess()).toBe(false);
    answers(false, ['https://*/*']);
    expect(await createPopupApi(1).hasPageAccess()).toBe(false);
  });

  it('asks for exactly the pages the content script runs on', async () => {
    const request = vi.fn(async () => true);
    browser.permissions.request = request as unknown as typeof browser.permissions.request;
    expect(await createPopupApi(1).requestPageAccess()).toBe(true);
    expect(request).toHaveBeenCalledWith({ origins: ['http://*/*', 'https://*/*'] });
  });
});
