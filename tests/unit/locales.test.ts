import { parseMessagesText } from '@wxt-dev/i18n/build';
import { describe, expect, it } from 'vitest';
import { LOCALES, localeText } from './locale-messages';

type Parsed = ReturnType<typeof parseMessagesText>[number];

/** Every message of locales/<lang>.yml by its dotted key. */
function messages(lang: string): Map<string, Parsed> {
  return new Map(parseMessagesText(localeText(lang), 'YAML').map((message) => [message.key.join('.'), message]));
}

/** The message's texts: one, or each plural form. */
function texts(message: Parsed): string[] {
  switch (message.type) {
    case 'plural':
      return Object.values(message.plurals);
    case 'simple':
    case 'chrome':
      return [message.message];
  }
}

/** The placeholders a message uses, `$1` … `$9` and `{name}` (a literal `$$` is none). */
function placeholders(message: Parsed): string[] {
  const found = new Set<string>();
  for (const text of texts(message)) {
    for (const [match] of text.replaceAll('$$', '').matchAll(/\$[1-9]|\{[A-Za-z0-9_]+\}/g)) found.add(match);
  }
  return [...found].sort();
}

const english = messages('en');

describe('locales', () => {
  it('has the sections common, options, popup and card, in that order', () => {
    for (const lang of LOCALES) {
      const headers = localeText(lang).match(/^[A-Za-z]\w*(?=:)/gm);
      expect(headers, `${lang}.yml`).toEqual(['common', 'options', 'popup', 'card']);
    }
  });

  for (const lang of LOCALES.filter((lang) => lang !== 'en')) {
    describe(`${lang}.yml`, () => {
      const translated = messages(lang);

      it('has every English key and no other', () => {
        expect([...translated.keys()].sort()).toEqual([...english.keys()].sort());
      });

      it('uses the same placeholders as English in each message', () => {
        const differing = [...english].flatMap(([key, message]) => {
          const other = translated.get(key);
          if (other === undefined) return [];
          const [want, got] = [placeholders(message), placeholders(other)];
          return want.join() === got.join()
            ? []
            : [`${key}: en ${want.join(' ') || '(none)'}, ${lang} ${got.join(' ') || '(none)'}`];
        });
        expect(differing).toEqual([]);
      });

      it('is a plural exactly where English is', () => {
        const differing = [...english]
          .filter(([key, message]) => (translated.get(key)?.type === 'plural') !== (message.type === 'plural'))
          .map(([key]) => key);
        expect(differing).toEqual([]);
      });
    });
  }

  it('writes only positional substitutions ($1 … $9): t() passes no named ones', () => {
    for (const lang of LOCALES) {
      const named = [...messages(lang)].filter(([, message]) => message.namedSubstitutions.length > 0);
      expect(
        named.map(([key]) => key),
        `${lang}.yml`,
      ).toEqual([]);
    }
  });

  // French typography: a no-break space before : ; ? ! and inside « », never an ordinary one.
  it('spaces French punctuation with no-break spaces', () => {
    const bad = [...messages('fr')]
      .flatMap(([key, message]) => texts(message).map((text) => [key, text] as const))
      .filter(([, text]) => / [:;?!»]|« /.test(text) || /[^\s\u00a0\u202f][;?!»]|«[^\s\u00a0\u202f]/.test(text));
    expect(bad).toEqual([]);
  });
});
