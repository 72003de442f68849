import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChromeMessage, generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';
import { fakeBrowser } from 'wxt/testing/fake-browser';

/** The locales Crossread ships: one locales/<lang>.yml each. */
export const LOCALES = ['en', 'fr'] as const;

/** locales/<lang>.yml as the text of the file. */
export function localeText(lang: string): string {
  // Not `new URL(relative, import.meta.url)`: under happy-dom, URL is the DOM's and loses file: paths.
  return readFileSync(join(dirname(fileURLToPath(import.meta.url)), '../../locales', `${lang}.yml`), 'utf8');
}

/** locales/<lang>.yml as the build writes it to _locales/<lang>/messages.json (keys with `_` for `.`). */
export function chromeMessages(lang: string): Record<string, ChromeMessage> {
  return generateChromeMessages(parseMessagesText(localeText(lang), 'YAML'));
}

const PREDEFINED: Record<string, string> = {
  '@@bidi_dir': 'ltr',
  '@@bidi_reversed_dir': 'rtl',
  '@@bidi_start_edge': 'left',
  '@@bidi_end_edge': 'right',
};

/**
 * browser.i18n.getMessage over `messages`, as Chromium does it: '' for an unknown name, `$1` … `$9`
 * replaced by the substitutions ('' when one is missing), `$$` a literal dollar sign.
 */
export function getMessageFrom(messages: Record<string, ChromeMessage>, lang = 'en') {
  return (name: string, substitutions?: string | string[]): string => {
    const predefined = name === '@@ui_locale' ? lang : PREDEFINED[name];
    if (predefined !== undefined) return predefined;
    const message = messages[name]?.message;
    if (message === undefined) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (subs[Number(what) - 1] ?? '')));
  };
}

/**
 * Makes the fake browser's UI language `lang`: getMessage answers from locales/<lang>.yml and
 * getUILanguage with `lang`. The Vitest setup sets 'en'; a test that sets another sets 'en' back after.
 * Plain assignments, not vi.spyOn: `restoreMocks` would undo a spy after the first test.
 */
export function setLocale(lang: string): void {
  Object.assign(fakeBrowser.i18n, {
    getMessage: getMessageFrom(chromeMessages(lang), lang),
    getUILanguage: () => lang,
  });
}
