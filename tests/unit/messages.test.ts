import { afterEach, describe, expect, it } from 'vitest';
import { messageText } from '../../components/messages';
import {
  isUserMessage,
  MESSAGE_CODES,
  MESSAGE_PARAM_COUNTS,
  type MessageCode,
  type MessageParams,
  message,
  type UserMessage,
} from '../../lib/user-message';
import { LOCALES, setLocale } from './locale-messages';

const HOST = 'data.example';
const URL_A = 'https://data.example/d.json';

/** Parameters for every code (tsc checks that each code has some, of the right types). */
const SAMPLES: { [C in MessageCode]: MessageParams[C] } = {
  'download.urlEmpty': [],
  'download.notUrl': ['not a url'],
  'download.notHttps': ['http:'],
  'download.urlCredentials': [],
  'download.urlTooLong': [2048],
  'download.timeout': [HOST, 30_000],
  'download.idle': [HOST, 50],
  'download.unreachable': [HOST, 'Failed to fetch'],
  'download.insecureRedirect': [HOST],
  'download.httpNotFound': [HOST, '404 Not Found'],
  'download.httpForbidden': [HOST, '403 Forbidden'],
  'download.httpTooMany': [HOST, '429 Too Many Requests'],
  'download.httpServer': [HOST, '500 Internal Server Error'],
  'download.httpOther': [HOST, '418'],
  'download.tooLarge': [HOST, 5 * 1024 * 1024],
  'download.webPage': [HOST],
  'download.markup': [HOST],
  'download.brokeOff': [HOST, 'network error'],
  'download.empty': [HOST],
  'download.notUtf8': [HOST],
  'download.failed': [HOST, 'boom'],
  'download.noPermission': [HOST],
  'download.notModifiedFresh': [HOST],
  'dataset.invalidFile': [2, 'broken.json'],
  'dataset.invalidUrl': [1, URL_A],
  'dataset.unreadableFile': ['broken.json', 'is empty'],
  'dataset.unreadableUrl': [URL_A, 'is not valid JSON (Unexpected token)'],
  'dataset.failedChecks': ['entities[0].aliases', 'needs at least one alias'],
  'dataset.older': ['1.0.0', '1.2.0'],
  'update.available': ['1.3.0'],
  'update.appliedVersion': ['1.3.0'],
  'update.active': ['Test dataset', '1.3.0'],
  'update.rolledBack': ['Test dataset', '1.2.0'],
  'update.bundledActive': [],
  'update.needsSubscription': [],
  'update.scheduleNotSaved': [],
  'update.scheduleOff': [],
  'update.scheduleDaily': [],
  'update.scheduleWeekly': [],
  'update.backgroundFailed': ['TypeError: x'],
  'refresh.noUrl': [],
  'refresh.skipped': [URL_A],
  'refresh.notModified': [],
  'refresh.invalid': [3, URL_A, 'entities[0].aliases: needs at least one alias'],
  'refresh.otherDataset': [URL_A, 'Another dataset'],
  'refresh.older': [URL_A, '1.0.0', '1.3.0'],
  'refresh.latest': ['1.3.0'],
  'refresh.updated': ['1.2.0', '1.3.0'],
  'legacy.text': ['An old English message.'],
  'store.writeFailed': ['QUOTA_BYTES quota exceeded'],
  'store.switchFailed': ['IO error'],
  'store.noPrevious': [],
  'store.slotDamaged': ['b'],
  'store.slotInvalid': ['a', 'entities', 'a dataset needs at least one entity'],
  'settings.missing': ['enabled', 'boolean'],
  'settings.wrongType': ['enabled', 'boolean'],
  'settings.missingOneOf': ['renderer', '"auto", "paint", "wrap"'],
  'settings.notOneOf': ['renderer', '"auto", "paint", "wrap"'],
  'settings.unknownFields': ['sites', 2, '"a", "b"'],
  'settings.badKindName': ['kinds'],
  'settings.badColour': ['kinds.country.colour'],
  'settings.badSite': ['sites.denied[0]', 'ht tp://x'],
  'settings.tooManyKinds': ['kinds', 100],
  'settings.tooManySites': ['sites.denied', 1000],
  'settings.notWholeNumber': ['cardTrigger.hoverDelayMs'],
  'settings.tooSmall': ['cardTrigger.hoverDelayMs', 0],
  'settings.tooLarge': ['cardTrigger.hoverDelayMs', 3000],
  'settings.other': ['sites.denied[0]', 'Too big: expected string to have <=2048 characters'],
};

const sample = (code: MessageCode) => ({ code, params: SAMPLES[code] }) as UserMessage;

afterEach(() => setLocale('en'));

describe('user messages (lib/user-message.ts → components/messages.ts)', () => {
  it('lists each code once, with its parameter count', () => {
    expect(new Set(MESSAGE_CODES).size).toBe(MESSAGE_CODES.length);
    for (const code of MESSAGE_CODES) expect(SAMPLES[code], code).toHaveLength(MESSAGE_PARAM_COUNTS[code]);
  });

  for (const lang of LOCALES) {
    it(`puts every code into words in ${lang}, with each text parameter in them`, () => {
      setLocale(lang);
      for (const code of MESSAGE_CODES) {
        const words = messageText(sample(code));
        expect(words.trim(), code).not.toBe('');
        expect(words, code).not.toMatch(/\$\d|undefined|NaN/);
        for (const param of SAMPLES[code]) {
          if (typeof param === 'string') expect(words, code).toContain(param);
        }
      }
    });
  }

  it('has French words of its own for every code but the stored legacy text', () => {
    const english = new Map(MESSAGE_CODES.map((code) => [code, messageText(sample(code))]));
    setLocale('fr');
    const same = MESSAGE_CODES.filter((code) => messageText(sample(code)) === english.get(code));
    expect(same).toEqual(['legacy.text']);
  });

  it('writes numbers, sizes and durations the UI language’s way', () => {
    const words = (m: UserMessage) => messageText(m);
    expect(words(message('download.timeout', HOST, 1500))).toContain('within 1.5 seconds');
    expect(words(message('download.idle', HOST, 1000))).toContain('for 1 second,');
    expect(words(message('download.tooLarge', HOST, 1024))).toContain('larger than 1 kB');
    expect(words(message('dataset.invalidFile', 1, 'x.json'))).toBe(
      'The dataset from the file x.json has a problem, so it cannot be used:',
    );
    expect(words(message('dataset.invalidFile', 1234, 'x.json'))).toContain('has 1,234 problems');
    setLocale('fr');
    expect(words(message('download.timeout', HOST, 1500))).toContain('en 1,5\u00a0seconde');
    expect(words(message('download.tooLarge', HOST, 5 * 1024 * 1024))).toContain('dépasse 5,0\u00a0Mo');
    expect(words(message('download.urlTooLong', 2048))).toContain('dépasse 2\u202f048 caractères');
    expect(words(message('settings.unknownFields', '', 1, '"extra"'))).toBe(
      '(les paramètres)\u00a0: champ inconnu "extra"',
    );
    expect(words(message('settings.tooLarge', 'cardTrigger.hoverDelayMs', 3000))).toBe(
      'cardTrigger.hoverDelayMs\u00a0: doit être au plus 3\u202f000',
    );
    expect(words(message('dataset.invalidFile', 2, 'x.json'))).toBe(
      'Le jeu de données du fichier x.json présente 2 problèmes et ne peut donc pas être utilisé\u00a0:',
    );
  });

  it('recognises a message only with a known code and the right parameters', () => {
    expect(isUserMessage(message('download.empty', HOST))).toBe(true);
    for (const bad of [
      null,
      'text',
      { code: 'download.empty', params: [] },
      { code: 'download.empty', params: [HOST, HOST] },
      { code: 'download.empty', params: [{}] },
      { code: 'download.timeout', params: [HOST, Number.NaN] },
      { code: 'no.such', params: [] },
      { code: 'toString', params: [] },
      { code: 'download.empty', params: [HOST], extra: 1 },
      { code: 'download.empty', params: ['x'.repeat(5001)] },
    ]) {
      expect(isUserMessage(bad), JSON.stringify(bad)?.slice(0, 80)).toBe(false);
    }
    expect(message('download.failed', HOST, 'x'.repeat(6000)).params[1]).toHaveLength(5000);
  });
});
