import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMentionCountReport } from '../extension/badge';
import { createClaimResponder } from '../extension/claim-finder';
import { openDatasetUpdater } from '../extension/dataset-updater';
import { createEntityCardResponder, handleCommand } from '../extension/entity-cards';
import { createOptionsRouter } from '../extension/options-router';
import { refreshOnAlarm, syncRefreshAlarm } from '../extension/refresh-alarm';
import { createStoryResponder } from '../extension/story-matcher';

export default defineBackground(() => {
  const updater = openDatasetUpdater();
  // Listeners are added synchronously so a message, command or alarm that wakes the worker is not missed.
  browser.runtime.onMessage.addListener(handleMentionCountReport);
  browser.runtime.onMessage.addListener(createEntityCardResponder());
  browser.runtime.onMessage.addListener(createClaimResponder());
  browser.runtime.onMessage.addListener(createStoryResponder());
  browser.runtime.onMessage.addListener(createOptionsRouter(updater));
  browser.commands.onCommand.addListener((command) => void handleCommand(command));
  browser.alarms.onAlarm.addListener(refreshOnAlarm(updater));
  updater
    .readState()
    .then((state) => syncRefreshAlarm(state.subscription))
    .catch((error: unknown) => console.warn('Crossread could not set the refresh alarm', error));
});
