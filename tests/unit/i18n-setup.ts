// Vitest setup: WXT's fake browser has no i18n, so give it the real English messages
// (locales/en.yml, turned into messages.json the way the build does) and an English UI.
// Component tests then see the text users see.
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { chromeMessages, getMessageFrom } from './locale-messages';

const getMessage = getMessageFrom(chromeMessages('en'));

// Plain assignments, not vi.spyOn: `restoreMocks` would undo a spy after the first test.
Object.assign(fakeBrowser.i18n, {
  getMessage,
  getUILanguage: () => 'en',
});
