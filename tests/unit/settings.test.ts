import { describe, expect, it } from 'vitest';
import {
  DEFAULT_SETTINGS,
  defaultSettings,
  hostMatches,
  isSiteEnabled,
  kindSettings,
  normaliseSitePattern,
  parseStoredSettings,
  type Settings,
  validateSettings,
  withSiteEnabled,
} from '../../lib/settings';
import { inWords } from './message-words';

function settingsWith(change: Partial<Settings>): Settings {
  return { ...defaultSettings(), ...change };
}

describe('defaults', () => {
  it('match the colours of highlights.css for the four known kinds and grey for others', () => {
    expect(kindSettings(DEFAULT_SETTINGS, 'country')).toEqual({ enabled: true, colour: '#3884ff' });
    expect(kindSettings(DEFAULT_SETTINGS, 'person')).toEqual({ enabled: true, colour: '#f0a014' });
    expect(kindSettings(DEFAULT_SETTINGS, 'organization')).toEqual({ enabled: true, colour: '#28aa6e' });
    expect(kindSettings(DEFAULT_SETTINGS, 'deal')).toEqual({ enabled: true, colour: '#c846c8' });
    expect(kindSettings(DEFAULT_SETTINGS, 'law')).toEqual({ enabled: true, colour: '#808080' });
    expect(kindSettings(DEFAULT_SETTINGS, 'constructor')).toEqual({ enabled: true, colour: '#808080' });
  });

  it('are valid, frozen, and copied rather than shared', () => {
    expect(validateSettings(DEFAULT_SETTINGS)).toEqual({ ok: true, settings: DEFAULT_SETTINGS });
    expect(Object.isFrozen(DEFAULT_SETTINGS.sites.denied)).toBe(true);
    const copy = parseStoredSettings(undefined);
    copy.sites.denied.push('example.com');
    expect(DEFAULT_SETTINGS.sites.denied).toEqual([]);
  });
});

describe('parseStoredSettings', () => {
  it('gives the defaults for nothing stored or a record that is not an object', () => {
    for (const raw of [undefined, null, 'settings', 42, [], true]) {
      expect(parseStoredSettings(raw)).toEqual(DEFAULT_SETTINGS);
    }
  });

  it('keeps a valid record as it is', () => {
    const stored: Settings = {
      version: 1,
      enabled: false,
      renderer: 'wrap',
      kinds: { person: { enabled: false, colour: '#123456' }, law: { enabled: true, colour: '#abcdef' } },
      claims: false,
      sites: { mode: 'only-allowed', denied: ['ads.example'], allowed: ['bbc.co.uk', 'example.com'] },
      cardTrigger: { mode: 'hover', hoverDelayMs: 250 },
    };
    expect(parseStoredSettings(structuredClone(stored))).toEqual(stored);
  });

  it('reads a record stored before the claims setting existed as showing claims, and keeps the rest', () => {
    const { claims: _claims, ...older } = { ...DEFAULT_SETTINGS, renderer: 'wrap' as const };
    expect(parseStoredSettings(structuredClone(older))).toEqual({ ...DEFAULT_SETTINGS, renderer: 'wrap' });
    expect(parseStoredSettings({ ...DEFAULT_SETTINGS, claims: 'no' }).claims).toBe(true);
    expect(validateSettings({ ...DEFAULT_SETTINGS, claims: 'no' })).toMatchObject({ ok: false });
  });

  it('replaces only the invalid fields with their defaults', () => {
    const parsed = parseStoredSettings({
      version: 1,
      enabled: 'yes',
      renderer: 'sparkles',
      kinds: {
        person: { enabled: false, colour: '#ABCDEF' },
        deal: { enabled: 'no', colour: '#000000' },
        country: { enabled: true, colour: 'blue' },
        'Not A Kind': { enabled: false, colour: '#000000' },
      },
      sites: { mode: 'everywhere', denied: ['https://Ads.Example.com/path', 'not a host', 7], allowed: 'x' },
      cardTrigger: { mode: 'hover', hoverDelayMs: -5 },
    });
    expect(parsed).toEqual({
      version: 1,
      enabled: true,
      renderer: 'auto',
      kinds: { person: { enabled: false, colour: '#abcdef' } },
      claims: true,
      sites: { mode: 'all-except-denied', denied: ['ads.example.com'], allowed: [] },
      cardTrigger: { mode: 'hover', hoverDelayMs: 400 },
    });
  });

  it('reads a record stored before the global switch existed as turned on', () => {
    const stored = { ...defaultSettings(), renderer: 'wrap' } as Partial<Settings>;
    delete stored.enabled;
    expect(parseStoredSettings(stored)).toEqual({ ...defaultSettings(), renderer: 'wrap', enabled: true });
    expect(parseStoredSettings({ ...stored, enabled: false }).enabled).toBe(false);
  });

  it('reads a record without a version, or from a newer Crossread, field by field', () => {
    expect(parseStoredSettings({ renderer: 'paint' }).renderer).toBe('paint');
    const newer = parseStoredSettings({ version: 7, renderer: 'wrap', futureField: { x: 1 } });
    expect(newer).toEqual({ ...defaultSettings(), renderer: 'wrap' });
    expect(newer.version).toBe(1);
  });

  it('never throws, even on a record whose getters throw', () => {
    const hostile = {
      version: 1,
      get renderer(): string {
        throw new Error('boom');
      },
    };
    expect(parseStoredSettings(hostile)).toEqual(DEFAULT_SETTINGS);
  });

  it('drops duplicate site patterns', () => {
    const parsed = parseStoredSettings({
      sites: { mode: 'all-except-denied', denied: ['a.com', 'A.com', 'http://a.com/x'] },
    });
    expect(parsed.sites.denied).toEqual(['a.com']);
  });
});

describe('validateSettings', () => {
  it('accepts valid settings and normalises colours and sites', () => {
    const result = validateSettings({
      ...defaultSettings(),
      kinds: { country: { enabled: true, colour: '#AABBCC' } },
      sites: { mode: 'all-except-denied', denied: ['https://WWW.Example.com/news', 'www.example.com'], allowed: [] },
    });
    expect(result).toEqual({
      ok: true,
      settings: {
        ...defaultSettings(),
        kinds: { country: { enabled: true, colour: '#aabbcc' } },
        sites: { mode: 'all-except-denied', denied: ['www.example.com'], allowed: [] },
      },
    });
  });

  it('lists every problem with the path of the field, in plain words', () => {
    const result = validateSettings({
      version: 1,
      enabled: 'no',
      renderer: 'sparkles',
      kinds: { country: { enabled: true, colour: 'blue' } },
      sites: { mode: 'all-except-denied', denied: ['ht tp://x'], allowed: [] },
      cardTrigger: { mode: 'hover', hoverDelayMs: 99_999 },
      extra: true,
    });
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(inWords(result.errors)).toEqual(
      expect.arrayContaining([
        '(the settings): has unknown field "extra"',
        'enabled: must be boolean',
        'renderer: must be one of "auto", "paint", "wrap"',
        'kinds.country.colour: must be a colour written #rrggbb',
        'sites.denied[0]: "ht tp://x" is not a site name such as example.com',
        'cardTrigger.hoverDelayMs: must be at most 3,000',
      ]),
    );
  });

  it('rejects a missing field, a wrong version and bad kind names', () => {
    const missing = validateSettings({ version: 1 });
    expect(missing.ok).toBe(false);
    if (!missing.ok)
      expect(inWords(missing.errors)).toEqual([
        'enabled: is missing (expected boolean)',
        'renderer: is missing (expected one of "auto", "paint", "wrap")',
        'kinds: is missing (expected object)',
        'claims: is missing (expected boolean)',
        'sites: is missing (expected object)',
        'cardTrigger: is missing (expected object)',
      ]);
    expect(validateSettings({ ...defaultSettings(), version: 2 }).ok).toBe(false);
    const badKind = validateSettings({
      ...defaultSettings(),
      kinds: { 'Bad Kind': { enabled: true, colour: '#000000' } },
    });
    expect(badKind.ok).toBe(false);
    expect(validateSettings('nope').ok).toBe(false);
  });
});

describe('normaliseSitePattern', () => {
  it.each([
    ['example.com', 'example.com'],
    ['  Example.COM ', 'example.com'],
    ['https://news.example.com/path?q=1', 'news.example.com'],
    ['example.com/path', 'example.com'],
    ['example.com:8080', 'example.com'],
    ['*.example.com', 'example.com'],
    ['.example.com', 'example.com'],
    ['example.com.', 'example.com'],
    ['bücher.de', 'xn--bcher-kva.de'],
    ['https://bücher.de/', 'xn--bcher-kva.de'],
    ['127.0.0.1', '127.0.0.1'],
    ['localhost', 'localhost'],
  ])('%s → %s', (input, expected) => {
    expect(normaliseSitePattern(input)).toBe(expected);
  });

  it.each(['', '   ', 'not a host', 'http://', 'exa mple.com', 'a..b', `${'a'.repeat(254)}.com`])(
    'rejects %j',
    (input) => {
      expect(normaliseSitePattern(input)).toBeNull();
    },
  );
});

describe('isSiteEnabled', () => {
  const deny = settingsWith({ sites: { mode: 'all-except-denied', denied: ['example.com'], allowed: ['other.org'] } });
  const allow = settingsWith({ sites: { mode: 'only-allowed', denied: [], allowed: ['example.com'] } });

  it('highlights everywhere by default', () => {
    expect(isSiteEnabled(DEFAULT_SETTINGS, 'www.bbc.co.uk')).toBe(true);
    expect(isSiteEnabled(DEFAULT_SETTINGS, '')).toBe(true);
  });

  it('denies a host and its subdomains, but not look-alikes', () => {
    expect(isSiteEnabled(deny, 'example.com')).toBe(false);
    expect(isSiteEnabled(deny, 'news.example.com')).toBe(false);
    expect(isSiteEnabled(deny, 'NEWS.Example.com.')).toBe(false);
    expect(isSiteEnabled(deny, 'badexample.com')).toBe(true);
    expect(isSiteEnabled(deny, 'example.com.evil.net')).toBe(true);
    expect(isSiteEnabled(deny, 'other.org')).toBe(true);
  });

  it('in allow-only mode highlights only the allowed hosts and their subdomains', () => {
    expect(isSiteEnabled(allow, 'example.com')).toBe(true);
    expect(isSiteEnabled(allow, 'a.b.example.com')).toBe(true);
    expect(isSiteEnabled(allow, 'badexample.com')).toBe(false);
    expect(isSiteEnabled(allow, 'other.org')).toBe(false);
    expect(isSiteEnabled(allow, '')).toBe(false);
  });

  it('matches internationalised host names in either form', () => {
    const settings = settingsWith({ sites: { mode: 'all-except-denied', denied: ['xn--bcher-kva.de'], allowed: [] } });
    expect(isSiteEnabled(settings, 'xn--bcher-kva.de')).toBe(false);
    expect(isSiteEnabled(settings, 'www.bücher.de')).toBe(false);
  });
});

describe('hostMatches', () => {
  it('covers the host itself and its subdomains only', () => {
    expect(hostMatches('example.com', 'example.com')).toBe(true);
    expect(hostMatches('example.com', 'a.b.example.com')).toBe(true);
    expect(hostMatches('example.com', 'badexample.com')).toBe(false);
    expect(hostMatches('news.example.com', 'example.com')).toBe(false);
  });
});

describe('withSiteEnabled', () => {
  const deny = (denied: string[], allowed: string[] = []) =>
    settingsWith({ sites: { mode: 'all-except-denied', denied, allowed } });
  const allow = (allowed: string[], denied: string[] = []) =>
    settingsWith({ sites: { mode: 'only-allowed', denied, allowed } });

  it('turning a site off in deny mode adds its normalised host to the denied list', () => {
    const next = withSiteEnabled(deny(['ads.example']), 'News.Example.com.', false);
    expect(next.sites).toEqual({ mode: 'all-except-denied', denied: ['ads.example', 'news.example.com'], allowed: [] });
    expect(isSiteEnabled(next, 'news.example.com')).toBe(false);
    expect(isSiteEnabled(next, 'example.com')).toBe(true);
    expect(withSiteEnabled(deny([]), 'www.bücher.de', false).sites.denied).toEqual(['www.xn--bcher-kva.de']);
  });

  it('turning a site on in deny mode removes every denied pattern that covers it, and no other', () => {
    const settings = deny(['example.com', 'news.example.com', 'other.example.com', 'badexample.com', 'x.org']);
    const next = withSiteEnabled(settings, 'news.example.com', true);
    expect(next.sites.denied).toEqual(['other.example.com', 'badexample.com', 'x.org']);
    expect(isSiteEnabled(next, 'news.example.com')).toBe(true);
  });

  it('in allow-only mode, on adds the host to the allowed list and off removes the patterns that cover it', () => {
    const on = withSiteEnabled(allow(['x.org'], ['kept.example']), 'https://www.Example.com/', true);
    expect(on.sites).toEqual({ mode: 'only-allowed', denied: ['kept.example'], allowed: ['x.org', 'www.example.com'] });
    expect(isSiteEnabled(on, 'www.example.com')).toBe(true);

    const off = withSiteEnabled(allow(['example.com', 'www.example.com', 'x.org']), 'www.example.com', false);
    expect(off.sites.allowed).toEqual(['x.org']);
    expect(isSiteEnabled(off, 'www.example.com')).toBe(false);
  });

  it('changes nothing when the site is already as asked, or the host cannot be a pattern', () => {
    const settings = deny(['example.com']);
    expect(withSiteEnabled(settings, 'news.example.com', false)).toBe(settings);
    expect(withSiteEnabled(settings, 'other.org', true)).toBe(settings);
    expect(withSiteEnabled(allow([]), '', true)).toEqual(allow([]));
    expect(withSiteEnabled(allow([]), 'not a host', true)).toEqual(allow([]));
  });

  it('leaves the global switch, the rest of the settings and the argument alone, and its result is valid', () => {
    const settings = { ...deny(['a.example']), enabled: false, renderer: 'wrap' as const };
    const frozen = structuredClone(settings);
    const next = withSiteEnabled(settings, 'b.example', false);
    expect(settings).toEqual(frozen);
    expect(next).toEqual({ ...settings, sites: { ...settings.sites, denied: ['a.example', 'b.example'] } });
    expect(validateSettings(next)).toEqual({ ok: true, settings: next });
  });
});
