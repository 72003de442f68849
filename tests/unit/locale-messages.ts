import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type ChromeMessage, generateChromeMessages, parseMessagesText } from '@wxt-dev/i18n/build';

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
  '@@ui_locale': 'en',
  '@@bidi_dir': 'ltr',
  '@@bidi_reversed_dir': 'rtl',
  '@@bidi_start_edge': 'left',
  '@@bidi_end_edge': 'right',
};

/**
 * browser.i18n.getMessage over `messages`, as Chromium does it: '' for an unknown name, `$1` … `$9`
 * replaced by the substitutions ('' when one is missing), `$$` a literal dollar sign.
 */
export function getMessageFrom(messages: Record<string, ChromeMessage>) {
  return (name: string, substitutions?: string | string[]): string => {
    const predefined = PREDEFINED[name];
    if (predefined !== undefined) return predefined;
    const message = messages[name]?.message;
    if (message === undefined) return '';
    const subs = substitutions === undefined ? [] : Array.isArray(substitutions) ? substitutions : [substitutions];
    return message.replace(/\$(\$|[1-9])/g, (_, what: string) => (what === '$' ? '$' : (subs[Number(what) - 1] ?? '')));
  };
}
