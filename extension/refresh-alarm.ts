import { type Browser, browser } from 'wxt/browser';
import type { DatasetUpdater } from '../lib/dataset/updates';
import { SCHEDULE_MINUTES, type Subscription } from '../lib/dataset/updates';

export const REFRESH_ALARM = 'crossread:dataset-refresh';

/**
 * Keeps the one refresh alarm in step with the subscription: none when there
 * is no URL or the schedule is off, otherwise a periodic alarm. Alarms may not
 * survive a browser restart, so the background calls this every time it starts.
 */
export async function syncRefreshAlarm(subscription: Subscription | null): Promise<void> {
  if (!subscription || subscription.schedule === 'off') {
    await browser.alarms.clear(REFRESH_ALARM);
    return;
  }
  const period = SCHEDULE_MINUTES[subscription.schedule];
  const existing = await browser.alarms.get(REFRESH_ALARM);
  if (existing?.periodInMinutes === period) return;
  await browser.alarms.create(REFRESH_ALARM, { delayInMinutes: period, periodInMinutes: period });
}

/** The onAlarm listener: runs the scheduled check when the refresh alarm fires. */
export function refreshOnAlarm(updater: DatasetUpdater) {
  return (alarm: Browser.alarms.Alarm) => {
    if (alarm.name !== REFRESH_ALARM) return undefined;
    return updater.refresh();
  };
}
