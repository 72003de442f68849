import { message, type UserMessage } from './user-message';
import { builtOnFirstUse, z } from './zod';

/**
 * The user's settings: how highlights are drawn, which kinds are highlighted
 * and in what colour, on which sites, and how the fact card opens.
 *
 * Stored under one browser.storage.local key as a versioned record. Reading
 * never fails: a missing or damaged record gives the defaults, and a damaged
 * field gives that field's default while the rest is kept, so one bad value
 * never costs the user all their choices. Writing goes through
 * validateSettings, which names every problem.
 *
 * Pure: no DOM, no `browser` (URL is used only to normalise host names).
 */

export const SETTINGS_KEY = 'settings';
export const SETTINGS_VERSION = 1;

export type Renderer = 'auto' | 'paint' | 'wrap';
export type SiteMode = 'all-except-denied' | 'only-allowed';
export type CardTriggerMode = 'click' | 'hover';

export interface KindSetting {
  enabled: boolean;
  /** "#rrggbb", lower case. */
  colour: string;
}

export interface Settings {
  version: 1;
  /** Crossread as a whole: when false no page is scanned or highlighted, as if every site were turned off. */
  enabled: boolean;
  renderer: Renderer;
  /** Kinds absent here are enabled with their default colour: dataset kinds are open-ended. */
  kinds: Record<string, KindSetting>;
  /** Whether figures that are claims of the dataset ("$100,000" beside "Rwanda") are highlighted and open a claim card. */
  claims: boolean;
  sites: { mode: SiteMode; denied: string[]; allowed: string[] };
  cardTrigger: { mode: CardTriggerMode; hoverDelayMs: number };
}

export const RENDERERS = ['auto', 'paint', 'wrap'] as const satisfies readonly Renderer[];
export const SITE_MODES = ['all-except-denied', 'only-allowed'] as const satisfies readonly SiteMode[];
export const CARD_TRIGGERS = ['click', 'hover'] as const satisfies readonly CardTriggerMode[];

export const SETTINGS_LIMITS = {
  kinds: 200,
  sitesPerList: 1_000,
  hoverDelayMinMs: 0,
  hoverDelayMaxMs: 3_000,
} as const;

/** The colours of entrypoints/content/highlights.css, so a default setting looks like the stylesheet. */
export const DEFAULT_KIND_COLOURS: Readonly<Record<string, string>> = Object.freeze({
  country: '#3884ff', // rgb(56 132 255)
  person: '#f0a014', // rgb(240 160 20)
  organization: '#28aa6e', // rgb(40 170 110)
  deal: '#c846c8', // rgb(200 70 200)
});
/** Kinds a dataset adds: rgb(128 128 128), like ::highlight(crossread-mention). */
export const OTHER_KIND_COLOUR = '#808080';

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null) {
    for (const inner of Object.values(value)) deepFreeze(inner);
    Object.freeze(value);
  }
  return value;
}

export const DEFAULT_SETTINGS: Settings = deepFreeze({
  version: 1,
  enabled: true,
  renderer: 'auto',
  kinds: {},
  claims: true,
  sites: { mode: 'all-except-denied', denied: [], allowed: [] },
  cardTrigger: { mode: 'click', hoverDelayMs: 400 },
});

/** A fresh, mutable copy of the defaults. */
export function defaultSettings(): Settings {
  return structuredClone(DEFAULT_SETTINGS);
}

/** The default for a kind that has no setting. */
export function defaultKindSetting(kind: string): KindSetting {
  const colour = Object.hasOwn(DEFAULT_KIND_COLOURS, kind) ? DEFAULT_KIND_COLOURS[kind] : undefined;
  return { enabled: true, colour: colour ?? OTHER_KIND_COLOUR };
}

/** Whether and in what colour `kind` is highlighted. */
export function kindSettings(settings: Settings, kind: string): KindSetting {
  // hasOwn: a kind named "constructor" must not find Object.prototype's.
  const own = Object.hasOwn(settings.kinds, kind) ? settings.kinds[kind] : undefined;
  return own ? { enabled: own.enabled, colour: own.colour } : defaultKindSetting(kind);
}

// ---------------------------------------------------------------------------
// Site patterns

const HOST_CHARS = /^[a-z0-9_-]+(?:\.[a-z0-9_-]+)*$/;
const IPV6_HOST = /^\[[0-9a-f:.]+\]$/;

/**
 * Turns what a user types into a site pattern: a lower-case, punycoded host
 * name ("https://News.Example.com/path" → "news.example.com",
 * "*.bücher.de" → "xn--bcher-kva.de"). Returns null when no host name can be
 * read from it.
 */
export function normaliseSitePattern(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (text === '' || text.length > 2_048 || /\s/.test(text)) return null;
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//.test(text);
  if (!hasScheme) text = `http://${text.replace(/^\*?\./, '')}`;
  let host: string;
  try {
    host = new URL(text).hostname;
  } catch {
    return null;
  }
  host = host.replace(/^\*\./, '').replace(/\.$/, '');
  if (host === '' || host.length > 253) return null;
  return HOST_CHARS.test(host) || IPV6_HOST.test(host) ? host : null;
}

/** Whether the site pattern `pattern` covers `host`: the host itself or one of its subdomains (both normalised). */
export function hostMatches(pattern: string, host: string): boolean {
  return host === pattern || (host.endsWith(pattern) && host.charAt(host.length - pattern.length - 1) === '.');
}

function normaliseHostname(hostname: string): string {
  const lower = hostname.toLowerCase().replace(/\.$/, '');
  // location.hostname is already ASCII; anything else goes through URL for punycode.
  if (/^[\x21-\x7e]*$/.test(lower)) return lower;
  return normaliseSitePattern(lower) ?? lower;
}

/**
 * Whether the site lists let Crossread highlight on `hostname` (the global
 * switch, `settings.enabled`, is not looked at). A pattern matches its host
 * and every subdomain: "example.com" covers "news.example.com" but not
 * "badexample.com".
 */
export function isSiteEnabled(settings: Settings, hostname: string): boolean {
  const host = normaliseHostname(hostname);
  if (settings.sites.mode === 'only-allowed') {
    return host !== '' && settings.sites.allowed.some((pattern) => hostMatches(pattern, host));
  }
  return !settings.sites.denied.some((pattern) => hostMatches(pattern, host));
}

/**
 * The settings with Crossread turned on or off for `hostname` (the popup's
 * site switch), in whichever list the site mode uses:
 * - all-except-denied: off adds the host to `denied`; on removes every denied
 *   pattern that covers the host ("example.com" for "news.example.com" too,
 *   or the site would stay off);
 * - only-allowed: on adds the host to `allowed`; off removes every allowed
 *   pattern that covers it.
 * The other list is left alone. Returns `settings` itself when the site is
 * already as asked, or when `hostname` is not a host name a pattern can hold.
 */
export function withSiteEnabled(settings: Settings, hostname: string, enabled: boolean): Settings {
  if (isSiteEnabled(settings, hostname) === enabled) return settings;
  const pattern = normaliseSitePattern(hostname);
  if (pattern === null) return settings;
  const host = normaliseHostname(hostname);
  const listName = settings.sites.mode === 'only-allowed' ? 'allowed' : 'denied';
  const list = settings.sites[listName];
  const adding = listName === 'allowed' ? enabled : !enabled;
  // Adding: no pattern of the list covers the host yet (isSiteEnabled said so), so the host is not in it.
  const next = adding ? [...list, pattern] : list.filter((entry) => !hostMatches(entry, host));
  return { ...settings, sites: { ...settings.sites, [listName]: next } };
}

// ---------------------------------------------------------------------------
// Schemas (built on first use: the content script pays for them only when it reads settings)

const KIND_NAME = /^[a-z][a-z0-9-]{0,30}$/;
const COLOUR = /^#[0-9a-f]{6}$/i;

function buildSchemas() {
  const colour = z
    .string()
    .regex(COLOUR, 'must be a colour written #rrggbb')
    .transform((value) => value.toLowerCase());
  const kindSetting = z.strictObject({ enabled: z.boolean(), colour });
  const kinds = z
    .record(z.string().regex(KIND_NAME, 'must be a lower-case kind name such as "country"'), kindSetting)
    .refine((value) => Object.keys(value).length <= SETTINGS_LIMITS.kinds, {
      message: `must have at most ${SETTINGS_LIMITS.kinds} kinds`,
      params: { problem: 'kinds' },
    });
  const site = z
    .string()
    .max(2_048)
    .transform((value, context) => {
      const pattern = normaliseSitePattern(value);
      if (pattern === null) {
        context.addIssue({
          code: 'custom',
          message: `"${value.slice(0, 80)}" is not a site name such as example.com`,
          params: { problem: 'site', value: value.slice(0, 80) },
        });
        return z.NEVER;
      }
      return pattern;
    });
  const siteList = z
    .array(site)
    .max(SETTINGS_LIMITS.sitesPerList, `must have at most ${SETTINGS_LIMITS.sitesPerList} sites`)
    .transform((list) => [...new Set(list)]);
  const enabled = z.boolean();
  const renderer = z.enum(RENDERERS);
  const siteMode = z.enum(SITE_MODES);
  const triggerMode = z.enum(CARD_TRIGGERS);
  const hoverDelayMs = z
    .number()
    .int('must be a whole number of milliseconds')
    .min(SETTINGS_LIMITS.hoverDelayMinMs, `must be at least ${SETTINGS_LIMITS.hoverDelayMinMs}`)
    .max(SETTINGS_LIMITS.hoverDelayMaxMs, `must be at most ${SETTINGS_LIMITS.hoverDelayMaxMs}`);
  const sites = z.strictObject({ mode: siteMode, denied: siteList, allowed: siteList });
  const cardTrigger = z.strictObject({ mode: triggerMode, hoverDelayMs });
  const settings = z.strictObject({
    version: z.literal(SETTINGS_VERSION),
    enabled,
    renderer,
    kinds,
    claims: enabled,
    sites,
    cardTrigger,
  });
  return { colour, kindSetting, site, renderer, siteMode, triggerMode, hoverDelayMs, enabled, settings };
}

const settingsSchemas = builtOnFirstUse(buildSchemas);

// ---------------------------------------------------------------------------
// Reading stored settings

type JsonObject = Record<string, unknown>;
const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * Steps that turn a stored record of version N into N + 1. Version 1 is the
 * first stored format; the next format change adds its step here, and
 * parseStoredSettings runs every step from the stored version up.
 */
const MIGRATIONS: Record<number, (stored: JsonObject) => JsonObject> = {};

function migrate(stored: JsonObject): JsonObject {
  const version = stored.version;
  // A record without a version, or from a newer Crossread (after a downgrade),
  // is read field by field: whatever still fits is kept.
  if (typeof version !== 'number' || !Number.isInteger(version) || version >= SETTINGS_VERSION) return stored;
  let current = stored;
  for (let step = Math.max(version, 0); step < SETTINGS_VERSION; step++) {
    const next = MIGRATIONS[step];
    if (next) current = next(current);
  }
  return current;
}

function pick<T>(schema: z.ZodType<T>, value: unknown, fallback: T): T {
  const parsed = schema.safeParse(value);
  return parsed.success ? parsed.data : fallback;
}

function readKinds(value: unknown): Record<string, KindSetting> {
  const kinds: Record<string, KindSetting> = {};
  if (!isObject(value)) return kinds;
  const { kindSetting } = settingsSchemas();
  let count = 0;
  for (const [kind, entry] of Object.entries(value)) {
    if (count >= SETTINGS_LIMITS.kinds) break;
    if (!KIND_NAME.test(kind)) continue;
    const parsed = kindSetting.safeParse(entry);
    if (!parsed.success) continue;
    kinds[kind] = parsed.data;
    count++;
  }
  return kinds;
}

function readSiteList(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const sites = new Set<string>();
  for (const entry of value.slice(0, SETTINGS_LIMITS.sitesPerList)) {
    const pattern = typeof entry === 'string' ? normaliseSitePattern(entry) : null;
    if (pattern) sites.add(pattern);
  }
  return [...sites];
}

/**
 * Settings from whatever storage holds. Never throws: a missing or invalid
 * record gives the defaults; an invalid field gives that field's default and
 * keeps the rest; a record of an older version is migrated first.
 */
export function parseStoredSettings(raw: unknown): Settings {
  const defaults = defaultSettings();
  if (!isObject(raw)) return defaults;
  try {
    const stored = migrate(raw);
    const s = settingsSchemas();
    const sites = isObject(stored.sites) ? stored.sites : {};
    const trigger = isObject(stored.cardTrigger) ? stored.cardTrigger : {};
    return {
      version: 1,
      // Records stored before the global switch existed have no `enabled`: Crossread was on.
      enabled: pick(s.enabled, stored.enabled, defaults.enabled),
      renderer: pick(s.renderer, stored.renderer, defaults.renderer),
      kinds: readKinds(stored.kinds),
      // Records stored before claims were highlighted have no `claims`: they are shown, as for a new user.
      claims: pick(s.enabled, stored.claims, defaults.claims),
      sites: {
        mode: pick(s.siteMode, sites.mode, defaults.sites.mode),
        denied: readSiteList(sites.denied),
        allowed: readSiteList(sites.allowed),
      },
      cardTrigger: {
        mode: pick(s.triggerMode, trigger.mode, defaults.cardTrigger.mode),
        hoverDelayMs: pick(s.hoverDelayMs, trigger.hoverDelayMs, defaults.cardTrigger.hoverDelayMs),
      },
    };
  } catch {
    // A getter on a hostile object, a stack overflow: nothing is worth losing highlighting over.
    return defaults;
  }
}

// ---------------------------------------------------------------------------
// Validating settings to be saved

/** The field an issue is about ("sites.denied[2]"); '' for the settings as a whole. */
function formatPath(path: readonly PropertyKey[]): string {
  let text = '';
  for (const part of path) {
    if (typeof part === 'number') text += `[${part}]`;
    else text += text === '' ? String(part) : `.${String(part)}`;
  }
  return text;
}

/** The problem `issue` names, as a message the page puts into words. */
function settingsProblem(issue: z.core.$ZodIssue): UserMessage {
  const path = formatPath(issue.path);
  switch (issue.code) {
    case 'invalid_type': {
      if (issue.expected === 'int') return message('settings.notWholeNumber', path);
      const expected = issue.expected === 'record' ? 'object' : issue.expected;
      return issue.input === undefined
        ? message('settings.missing', path, expected)
        : message('settings.wrongType', path, expected);
    }
    case 'unrecognized_keys':
      return message('settings.unknownFields', path, issue.keys.length, issue.keys.map((key) => `"${key}"`).join(', '));
    case 'invalid_value': {
      const values = issue.values.map((value) => JSON.stringify(value)).join(', ');
      return issue.input === undefined
        ? message('settings.missingOneOf', path, values)
        : message('settings.notOneOf', path, values);
    }
    case 'invalid_key':
      return message('settings.badKindName', path);
    case 'invalid_format':
      return message('settings.badColour', path);
    case 'too_small':
      return issue.origin === 'number'
        ? message('settings.tooSmall', path, Number(issue.minimum))
        : message('settings.other', path, issue.message);
    case 'too_big':
      if (issue.origin === 'array') return message('settings.tooManySites', path, Number(issue.maximum));
      return issue.origin === 'number'
        ? message('settings.tooLarge', path, Number(issue.maximum))
        : message('settings.other', path, issue.message);
    case 'custom': {
      const params = issue.params as { problem?: string; value?: string } | undefined;
      if (params?.problem === 'site') return message('settings.badSite', path, params.value ?? '');
      if (params?.problem === 'kinds') return message('settings.tooManyKinds', path, SETTINGS_LIMITS.kinds);
      return message('settings.other', path, issue.message);
    }
    default:
      return message('settings.other', path, issue.message);
  }
}

/**
 * Checks settings before they are saved (they arrive in a message from the
 * options page). On success the settings are normalised: colours in lower
 * case, site patterns as host names without duplicates. Each error names the
 * field, for the page to put into words (components/messages.ts):
 * `sites.denied[2]: "ht tp://x" is not a site name such as example.com`.
 */
export function validateSettings(
  raw: unknown,
): { ok: true; settings: Settings } | { ok: false; errors: UserMessage[] } {
  const parsed = settingsSchemas().settings.safeParse(raw, { reportInput: true });
  if (parsed.success) return { ok: true, settings: parsed.data };
  return {
    ok: false,
    errors: parsed.error.issues.slice(0, 50).map(settingsProblem),
  };
}
