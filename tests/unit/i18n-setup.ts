// Vitest setup: WXT's fake browser has no i18n, so give it the real English messages
// (locales/en.yml, turned into messages.json the way the build does) and an English UI.
// Component tests then see the text users see; setLocale('fr') switches for one test.
import { setLocale } from './locale-messages';

setLocale('en');
