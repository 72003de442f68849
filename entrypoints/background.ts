import { browser } from 'wxt/browser';
import { defineBackground } from 'wxt/utils/define-background';
import { handleMentionCountReport } from '../extension/badge';

export default defineBackground(() => {
  browser.runtime.onMessage.addListener(handleMentionCountReport);
});
