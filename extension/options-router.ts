import { type Browser, browser } from 'wxt/browser';
import type { DatasetUpdater } from '../lib/dataset/updates';
import { type OptionsRequest, type OptionsResponses, optionsRequestSchema } from '../lib/options-messages';
import { validateSettings } from '../lib/settings';
import { message as userMessage } from '../lib/user-message';
import { syncRefreshAlarm } from './refresh-alarm';
import { saveSettings } from './settings-store';

/**
 * True only for Crossread's own extension pages (options, popup): the same
 * extension id, and a document URL in the extension's own origin. A content
 * script shares the id but its sender URL is the web page's, and a page of
 * ours shown in a tab must be in a tab whose URL is ours too.
 */
export function isExtensionPageSender(sender: Browser.runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id) return false;
  const ownOrigin = browser.runtime.getURL('/');
  if (!sender.url?.startsWith(ownOrigin)) return false;
  if (sender.origin !== undefined && `${sender.origin}/` !== ownOrigin) return false;
  if (sender.tab?.url !== undefined && !sender.tab.url.startsWith(ownOrigin)) return false;
  return true;
}

type Answer<T extends OptionsRequest> = Promise<OptionsResponses[T['type']]>;

async function handle(request: OptionsRequest, updater: DatasetUpdater): Answer<OptionsRequest> {
  switch (request.type) {
    case 'crossread:dataset-check-url':
      return updater.checkUrl(request.url);
    case 'crossread:dataset-apply': {
      const result = await updater.apply(request);
      // Applying from a URL may create the subscription, which carries the schedule over.
      if (result.ok) await syncRefreshAlarm((await updater.readState()).subscription);
      return result.ok ? { ok: true, message: result.message } : result;
    }
    case 'crossread:dataset-rollback': {
      const result = await updater.rollback();
      return result.ok ? { ok: true, message: result.message } : result;
    }
    case 'crossread:dataset-restore-bundled': {
      const result = await updater.restoreBundled();
      return result.ok ? { ok: true, message: result.message } : result;
    }
    case 'crossread:dataset-set-schedule': {
      const result = await updater.setSchedule(request.schedule);
      if (!result.ok) return result;
      await syncRefreshAlarm(result.state.subscription);
      return {
        ok: true,
        message: userMessage(
          request.schedule === 'off'
            ? 'update.scheduleOff'
            : request.schedule === 'daily'
              ? 'update.scheduleDaily'
              : 'update.scheduleWeekly',
        ),
      };
    }
    case 'crossread:dataset-refresh-now':
      return updater.refresh();
    case 'crossread:settings-save': {
      const checked = validateSettings(request.settings);
      if (!checked.ok) return checked;
      await saveSettings(checked.settings);
      return { ok: true, settings: checked.settings };
    }
  }
}

/**
 * The background's listener for requests from the options page. Anything not
 * from an extension page, or not a valid request, gets no answer (undefined),
 * so other listeners may take it and a forged message changes nothing.
 */
export function createOptionsRouter(updater: DatasetUpdater) {
  return (message: unknown, sender: Browser.runtime.MessageSender) => {
    if (!isExtensionPageSender(sender)) return undefined;
    const parsed = optionsRequestSchema().safeParse(message);
    if (!parsed.success) return undefined;
    return handle(parsed.data, updater).catch((error: unknown) => ({
      ok: false,
      error: userMessage('update.backgroundFailed', error instanceof Error ? error.message : String(error)),
    }));
  };
}
