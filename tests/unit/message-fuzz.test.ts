// @vitest-environment happy-dom
/**
 * Issue 8, item 3: forged and malformed runtime messages change nothing.
 *
 * The background is started as the browser starts it (entrypoints/background.ts's main(), with WXT's fake
 * browser), and every runtime.onMessage listener it adds is captured and called directly, as the browser
 * would call it, with each message from each sender below. The storage holds a dataset from a URL (with a
 * previous one to roll back to), a refresh schedule and settings that are not the defaults, so a forged
 * rollback, restore, apply or save would show. The popup's listener (extension/popup-client.ts) and the
 * content script's are reached the same way: the content script by running entrypoints/content/index.ts's
 * main() on a happy-dom page, which it highlights, so its answers are a live script's.
 *
 * After each message: no storage write (spies on every storage area, and the whole of storage.local
 * compared before and after), no fetch (global fetch stubbed), no permission lookup, no alarm change, no
 * badge change, Object.prototype untouched; and a listener either returns undefined (no answer) or a
 * promise that resolves to a refusal. No listener throws.
 */
import { afterEach, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { type Browser, browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { ContentScriptContext } from 'wxt/utils/content-script-context';
import background from '../../entrypoints/background';
import contentScript from '../../entrypoints/content/index';
import { localStorageArea } from '../../extension/dataset-store';
import { createPopupApi } from '../../extension/popup-client';
import { REFRESH_ALARM } from '../../extension/refresh-alarm';
import { loadSettings, saveSettings } from '../../extension/settings-store';
import { bundledDataset } from '../../lib/bundled-dataset';
import { DatasetStore, readActiveStoredDataset } from '../../lib/dataset/store';
import { DatasetUpdater } from '../../lib/dataset/updates';
import { defaultSettings, type Settings, withSiteEnabled } from '../../lib/settings';
import { minimalDataset } from './dataset-fixture';
import { inWords } from './message-words';

type Listener = (message: unknown, sender: Browser.runtime.MessageSender, sendResponse: () => void) => unknown;

const DATASET_URL = 'https://data.example/crossread.json';
const ownUrl = (path: string) => browser.runtime.getURL(path as '/options.html');

/** The state the forged messages try to change: a URL dataset 2.1.0 over 2.0.0, a daily check, custom settings. */
async function seedStorage(): Promise<Settings> {
  const versions = [
    { ...minimalDataset(), version: '2.0.0' },
    { ...minimalDataset(), version: '2.1.0' },
  ];
  const updater = new DatasetUpdater(localStorageArea, new DatasetStore(localStorageArea, bundledDataset), {
    fetch: async () => new Response(JSON.stringify(versions.shift())),
    hasPermission: async () => true,
  });
  for (let i = 0; i < 2; i++) {
    const check = await updater.checkUrl(DATASET_URL);
    if (!check.ok) throw new Error(inWords(check.error));
    const applied = await updater.apply({ ...check.candidate, allowOlder: false });
    if (!applied.ok) throw new Error(inWords(applied.error));
  }
  const scheduled = await updater.setSchedule('daily');
  if (!scheduled.ok) throw new Error(inWords(scheduled.error));
  const settings = withSiteEnabled({ ...defaultSettings(), renderer: 'wrap' }, 'quiet.example', false);
  await saveSettings(settings);
  return settings;
}

// ---------------------------------------------------------------------------
// Senders

const ownId = () => browser.runtime.id;
const webTab = { id: 4, url: 'https://news.example/article' } as Browser.tabs.Tab;

/** Who may send what: only the first two are Crossread's own contexts. */
const senders = {
  /** The options page (the only sender the options router answers). */
  ownPage: (): Browser.runtime.MessageSender => ({
    id: ownId(),
    url: ownUrl('/options.html'),
    origin: new URL(ownUrl('/')).origin,
    tab: { id: 3, url: ownUrl('/options.html') } as Browser.tabs.Tab,
  }),
  /** Crossread's content script in a news page: same extension id, the page's URL, a tab. */
  contentScript: (): Browser.runtime.MessageSender => ({
    id: ownId(),
    url: webTab.url,
    origin: 'https://news.example',
    tab: webTab,
    frameId: 0,
  }),
  otherExtension: (): Browser.runtime.MessageSender => ({
    id: 'another-extension-id',
    url: 'chrome-extension://another-extension-id/options.html',
  }),
  otherExtensionInTab: (): Browser.runtime.MessageSender => ({
    id: 'another-extension-id',
    url: 'https://news.example/article',
    tab: webTab,
  }),
  noId: (): Browser.runtime.MessageSender => ({ url: ownUrl('/options.html') }),
  noIdInTab: (): Browser.runtime.MessageSender => ({ url: webTab.url, tab: webTab }),
  /** Our id with a web page's URL and no tab (a forged or confused sender). */
  pageUrlOnOwnId: (): Browser.runtime.MessageSender => ({ id: ownId(), url: 'https://evil.example/' }),
  /** Our options page's URL with a web page's origin (our page framed, or a forged URL). */
  pageOriginOnOwnUrl: (): Browser.runtime.MessageSender => ({
    id: ownId(),
    url: ownUrl('/options.html'),
    origin: 'https://evil.example',
  }),
  /** Our page's URL inside a web page's tab (an iframe). */
  ownUrlInWebTab: (): Browser.runtime.MessageSender => ({ id: ownId(), url: ownUrl('/options.html'), tab: webTab }),
  /** A host name that starts like our origin. */
  lookalikeOrigin: (): Browser.runtime.MessageSender => ({
    id: ownId(),
    url: `chrome-extension://${ownId()}.evil.example/options.html`,
  }),
  /** An own-origin URL with our id but no URL at all. */
  ownIdNoUrl: (): Browser.runtime.MessageSender => ({ id: ownId() }),
} satisfies Record<string, () => Browser.runtime.MessageSender>;
type SenderName = keyof typeof senders;
const forgedSenders = Object.keys(senders).filter(
  (name) => name !== 'ownPage' && name !== 'contentScript',
) as SenderName[];
/**
 * The badge and the fact cards answer any context of Crossread's in a tab (same id, a tab): its content
 * scripts, and its own pages opened in a tab. An extension page in a web page's tab is one of those (it
 * could only get there if a page could frame it, and no file of Crossread's is web-accessible), so for
 * these two listeners it is not a forged sender; the options router refuses it.
 */
const forgedForContentRequests = forgedSenders.filter((name) => name !== 'ownUrlInWebTab');

// ---------------------------------------------------------------------------
// Messages

/** Well-formed requests that change the dataset, the schedule or the settings: only ownPage may send them. */
function privilegedRequests(): Record<string, unknown> {
  const newer = { ...minimalDataset(), version: '9.0.0' };
  return {
    'dataset update (check a URL)': { type: 'crossread:dataset-check-url', url: 'https://evil.example/data.json' },
    'dataset apply': {
      type: 'crossread:dataset-apply',
      dataset: newer,
      source: { type: 'url', url: 'https://evil.example/data.json' },
      validators: null,
      allowOlder: true,
    },
    rollback: { type: 'crossread:dataset-rollback' },
    'restore bundled': { type: 'crossread:dataset-restore-bundled' },
    'schedule off': { type: 'crossread:dataset-set-schedule', schedule: 'off' },
    'refresh now': { type: 'crossread:dataset-refresh-now' },
    'settings save': { type: 'crossread:settings-save', settings: { ...defaultSettings(), enabled: false } },
  };
}

/** Well-formed content-script requests: only contentScript may send them. */
const contentScriptRequests: Record<string, unknown> = {
  'mention count': { type: 'crossread:mention-count', total: 12 },
  'entity card': { type: 'crossread:get-entity-card', entityId: 'country:rwanda' },
  'find claims': {
    type: 'crossread:find-claims',
    pageEntityIds: ['country:rwanda', 'deal:test-deal'],
    blocks: [
      {
        text: 'Rwanda requested $100,000.',
        lang: 'en-GB',
        mentions: [{ start: 0, end: 6, entityId: 'country:rwanda' }],
      },
    ],
  },
};

const claimBlock = { text: 'Rwanda requested $100,000.', mentions: [{ start: 0, end: 6, entityId: 'country:rwanda' }] };

const huge = 'x'.repeat(1_000_000);

/** Malformed or hostile messages: no sender may get anything done with them. */
function malformedMessages(): Record<string, unknown> {
  const settings = defaultSettings();
  return {
    null: null,
    undefined: undefined,
    'a bare string': 'crossread:dataset-rollback',
    'a number': 42,
    'an array holding a request': [{ type: 'crossread:dataset-rollback' }],
    'no type': { settings },
    'type of the wrong type': { type: ['crossread:dataset-rollback'] },
    'type with a trailing space': { type: 'crossread:dataset-rollback ' },
    'type in capitals': { type: 'CROSSREAD:DATASET-ROLLBACK' },
    'an unknown type': { type: 'crossread:dataset-delete-all' },
    'rollback with an extra field': { type: 'crossread:dataset-rollback', force: true },
    'apply with an extra field (the diff)': {
      type: 'crossread:dataset-apply',
      dataset: minimalDataset(),
      source: { type: 'file', fileName: 'x.json' },
      validators: null,
      allowOlder: true,
      diff: {},
    },
    'apply with a source of another kind': {
      type: 'crossread:dataset-apply',
      dataset: minimalDataset(),
      source: { type: 'javascript', url: 'javascript:alert(1)' },
      validators: null,
      allowOlder: true,
    },
    'apply without allowOlder': {
      type: 'crossread:dataset-apply',
      dataset: minimalDataset(),
      source: { type: 'bundled' },
      validators: null,
    },
    'schedule of an unknown value': { type: 'crossread:dataset-set-schedule', schedule: 'hourly' },
    'check-url with a number': { type: 'crossread:dataset-check-url', url: 42 },
    'check-url with a 1 MB URL': { type: 'crossread:dataset-check-url', url: `https://evil.example/${huge}` },
    'settings save without settings': { type: 'crossread:settings-save' },
    'settings save with a 1 MB renderer': {
      type: 'crossread:settings-save',
      settings: { ...settings, renderer: huge },
    },
    'settings save with 100,000 denied sites': {
      type: 'crossread:settings-save',
      settings: {
        ...settings,
        sites: { ...settings.sites, denied: Array.from({ length: 100_000 }, (_, i) => `s${i}.example`) },
      },
    },
    'settings save with an extra field': { type: 'crossread:settings-save', settings: { ...settings, admin: true } },
    'settings save with a string for enabled': {
      type: 'crossread:settings-save',
      settings: { ...settings, enabled: 'false' },
    },
    // Runtime messages travel as JSON-like data: a JSON "__proto__" key is an own property, not a prototype.
    '__proto__ key on a request': JSON.parse('{"type":"crossread:dataset-rollback","__proto__":{"polluted":true}}'),
    '__proto__ key in settings': JSON.parse(
      `{"type":"crossread:settings-save","settings":${JSON.stringify(settings).replace(/^\{/, '{"__proto__":{"polluted":true},')}}`,
    ),
    '__proto__ kind in settings': JSON.parse(
      `{"type":"crossread:settings-save","settings":${JSON.stringify({ ...settings, kinds: {} }).replace(
        '"kinds":{}',
        '"kinds":{"__proto__":{"enabled":false,"colour":"#000000"}}',
      )}}`,
    ),
    'constructor.prototype on a request': JSON.parse(
      '{"type":"crossread:dataset-refresh-now","constructor":{"prototype":{"polluted":true}}}',
    ),
    'mention count as a string': { type: 'crossread:mention-count', total: '3' },
    'negative mention count': { type: 'crossread:mention-count', total: -3 },
    'mention count beyond safe integers': { type: 'crossread:mention-count', total: 2 ** 60 },
    'mention count with a prototype key': JSON.parse(
      '{"type":"crossread:mention-count","total":"1","__proto__":{"total":1}}',
    ),
    'entity card without an id': { type: 'crossread:get-entity-card' },
    'entity card with a number id': { type: 'crossread:get-entity-card', entityId: 7 },
    'entity card with an empty id': { type: 'crossread:get-entity-card', entityId: '' },
    'entity card with a 301-character id': { type: 'crossread:get-entity-card', entityId: 'x'.repeat(301) },
    'entity card with an extra field': { type: 'crossread:get-entity-card', entityId: 'country:rwanda', page: 'x' },
    'claims with an extra field (the URL)': {
      type: 'crossread:find-claims',
      pageEntityIds: [],
      blocks: [claimBlock],
      url: 'https://x',
    },
    'claims without blocks': { type: 'crossread:find-claims' },
    'claims with a block of 20,001 characters': {
      type: 'crossread:find-claims',
      pageEntityIds: [],
      blocks: [{ text: 'x'.repeat(20_001), mentions: [] }],
    },
    'claims with 501 blocks': { type: 'crossread:find-claims', pageEntityIds: [], blocks: Array(501).fill(claimBlock) },
    'claims with a negative offset': {
      type: 'crossread:find-claims',
      pageEntityIds: [],
      blocks: [{ text: 'Rwanda', mentions: [{ start: -1, end: 6, entityId: 'country:rwanda' }] }],
    },
    'claims with a mention of no entity': {
      type: 'crossread:find-claims',
      pageEntityIds: [],
      blocks: [{ text: 'Rwanda', mentions: [{ start: 0, end: 6, entityId: 7 }] }],
    },
    'claims with a published date that is not one': {
      type: 'crossread:find-claims',
      pageEntityIds: [],
      published: 'yesterday',
      blocks: [claimBlock],
    },
    'claims with an extra field in a block': {
      type: 'crossread:find-claims',
      pageEntityIds: [],
      blocks: [{ ...claimBlock, html: '<img src=x onerror=alert(1)>' }],
    },
    'reveal with a 1 MB id': { type: 'crossread:reveal-entity', entityId: huge },
    'navigate sideways': { type: 'crossread:navigate-mentions', direction: 'sideways' },
  };
}

// ---------------------------------------------------------------------------
// Harness

interface Watch {
  writes: MockInstance[];
  fetch: ReturnType<typeof vi.fn>;
  permissions: ReturnType<typeof vi.fn>;
  badge: ReturnType<typeof vi.fn>;
}

function watchSideEffects(): Watch {
  const writes: MockInstance[] = [];
  for (const area of [fakeBrowser.storage.local, fakeBrowser.storage.sync, fakeBrowser.storage.session]) {
    writes.push(vi.spyOn(area, 'set'), vi.spyOn(area, 'remove'), vi.spyOn(area, 'clear'));
  }
  const fetch = vi.fn(async () => {
    throw new Error('no fetch expected');
  });
  vi.stubGlobal('fetch', fetch);
  const permissions = vi.fn(async () => true);
  browser.permissions.contains = permissions as unknown as typeof browser.permissions.contains;
  browser.permissions.request = permissions as unknown as typeof browser.permissions.request;
  const badge = vi.fn(async () => undefined);
  browser.action.setBadgeText = badge as unknown as typeof browser.action.setBadgeText;
  browser.action.setBadgeBackgroundColor = badge as unknown as typeof browser.action.setBadgeBackgroundColor;
  return { writes, fetch, permissions, badge };
}

/** Starts the background as the browser does and returns the runtime.onMessage listeners it added. */
async function startBackground(): Promise<Listener[]> {
  const listeners: Listener[] = [];
  vi.spyOn(browser.runtime.onMessage, 'addListener').mockImplementation((listener) => {
    listeners.push(listener as Listener);
  });
  // WXT's fake browser has no commands API: the background only adds a listener there.
  (browser as { commands: unknown }).commands = { onCommand: { addListener: vi.fn() } };
  background.main();
  // Let the start-up's alarm sync (readState, then syncRefreshAlarm) finish before anything is measured.
  await vi.waitFor(async () => expect(await browser.alarms.get(REFRESH_ALARM)).toBeDefined());
  return listeners;
}

const snapshot = async () => structuredClone(await browser.storage.local.get(null));

/**
 * Calls `listener` as the browser does. It must not throw; its answer must be undefined (no answer) or a
 * promise; a promise must resolve (a rejection would be an unhandled error in the background).
 */
async function deliver(listener: Listener, message: unknown, sender: Browser.runtime.MessageSender) {
  let answer: unknown;
  expect(() => {
    answer = listener(structuredClone(message), sender, () => undefined);
  }).not.toThrow();
  if (answer === undefined) return { answered: false as const };
  expect(answer).toBeInstanceOf(Promise);
  return { answered: true as const, value: await (answer as Promise<unknown>) };
}

/** A refusal the options router may answer its own page with: never an ok. */
function expectRefusal(value: unknown) {
  expect(value).toMatchObject({ ok: false });
}

describe('forged and malformed messages to the background', () => {
  let listeners: Listener[];
  let watch: Watch;
  let seededSettings: Settings;
  let before: Record<string, unknown>;
  let alarmBefore: Browser.alarms.Alarm | undefined;

  beforeEach(async () => {
    fakeBrowser.reset();
    seededSettings = await seedStorage();
    listeners = await startBackground();
    alarmBefore = await browser.alarms.get(REFRESH_ALARM);
    before = await snapshot();
    watch = watchSideEffects();
  });

  afterEach(async () => {
    // Nothing changed: no write call, every key as it was, the same settings, dataset and alarm.
    for (const write of watch.writes) expect(write).not.toHaveBeenCalled();
    expect(await snapshot()).toEqual(before);
    expect(await loadSettings()).toEqual(seededSettings);
    const active = await readActiveStoredDataset(localStorageArea);
    expect(active?.dataset.version).toBe('2.1.0');
    expect(active?.source).toEqual({ type: 'url', url: DATASET_URL });
    expect(await browser.alarms.get(REFRESH_ALARM)).toEqual(alarmBefore);
    expect(watch.fetch).not.toHaveBeenCalled();
    expect(watch.permissions).not.toHaveBeenCalled();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    vi.unstubAllGlobals();
  });

  it('adds the five listeners that are tested here (badge, fact cards, claims, stories, options router)', () => {
    expect(listeners).toHaveLength(5);
  });

  it('the popup asking which stories a page covers gets them; no other sender gets an answer', async () => {
    const request = {
      type: 'crossread:match-stories',
      entityIds: ['country:rwanda', 'deal:test-deal'],
      claims: [{ claimId: 'claim:payment', figure: { kind: 'money', asReported: '$6 million', value: 6e6 } }],
    };
    // The popup: our id and our page's URL, no tab.
    const popup = { id: ownId(), url: ownUrl('/popup.html') };
    const answers = [];
    for (const listener of listeners) {
      const result = await deliver(listener, request, popup);
      if (result.answered) answers.push(result.value);
    }
    expect(answers).toEqual([[expect.objectContaining({ id: 'story:talks', claims: 1 })]]);
    for (const senderName of forgedSenders) {
      for (const listener of listeners) {
        expect((await deliver(listener, request, senders[senderName]())).answered, senderName).toBe(false);
      }
    }
    for (const listener of listeners) {
      expect((await deliver(listener, request, senders.contentScript())).answered).toBe(false);
    }
  });

  it('a content script asking for claims gets them for its blocks, and nothing is stored or fetched', async () => {
    const answers = [];
    for (const listener of listeners) {
      const result = await deliver(listener, contentScriptRequests['find claims'], senders.contentScript());
      if (result.answered) answers.push(result.value);
    }
    // The active dataset (the stored URL one) has a money claim about Rwanda: one block, one claim mention.
    expect(answers).toEqual([
      [[expect.objectContaining({ claimId: 'claim:payment', start: 17, end: 25, terms: ['requested'] })]],
    ]);
  });

  it('a content script asking the options router to update, apply, roll back or save gets no answer', async () => {
    for (const [name, message] of Object.entries(privilegedRequests())) {
      for (const listener of listeners) {
        const result = await deliver(listener, message, senders.contentScript());
        expect(result.answered, name).toBe(false);
      }
    }
  });

  it('forged senders get no answer to any request, however well-formed', async () => {
    const cases: [SenderName[], Record<string, unknown>][] = [
      [forgedSenders, privilegedRequests()],
      [forgedForContentRequests, contentScriptRequests],
    ];
    for (const [senderNames, requests] of cases) {
      for (const senderName of senderNames) {
        for (const [name, message] of Object.entries(requests)) {
          for (const listener of listeners) {
            const result = await deliver(listener, message, senders[senderName]());
            expect(result.answered, `${name} from ${senderName}`).toBe(false);
          }
        }
      }
    }
    expect(watch.badge).not.toHaveBeenCalled();
  });

  it('malformed messages get no answer from any sender, or a refusal on the options page', async () => {
    const messages = malformedMessages();
    expect(Object.keys(messages).length).toBeGreaterThanOrEqual(12);
    for (const senderName of Object.keys(senders) as SenderName[]) {
      for (const [name, message] of Object.entries(messages)) {
        for (const listener of listeners) {
          const result = await deliver(listener, message, senders[senderName]());
          if (!result.answered) continue;
          // Only the options router answers, and only its own page, and only with a refusal (settings it rejects).
          expect(senderName, `${name} answered for ${senderName}`).toBe('ownPage');
          expectRefusal(result.value);
        }
      }
    }
    expect(watch.badge).not.toHaveBeenCalled();
  });

  it('a content script asking for the card of a prototype key gets null', async () => {
    for (const entityId of ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'x'.repeat(300)]) {
      const answers = [];
      for (const listener of listeners) {
        const result = await deliver(
          listener,
          { type: 'crossread:get-entity-card', entityId },
          senders.contentScript(),
        );
        if (result.answered) answers.push(result.value);
      }
      expect(answers, entityId).toEqual([null]);
    }
  });
});

describe('the popup’s listener for mention reports', () => {
  beforeEach(() => fakeBrowser.reset());

  it('never answers, and hears only well-formed reports from its own tab', async () => {
    const added: Listener[] = [];
    vi.spyOn(browser.runtime.onMessage, 'addListener').mockImplementation((l) => {
      added.push(l as Listener);
    });
    const heard = vi.fn();
    createPopupApi(webTab.id).watchMentions(heard);
    expect(added).toHaveLength(1);
    const listener = added[0] as Listener;
    const writes = [vi.spyOn(fakeBrowser.storage.local, 'set'), vi.spyOn(fakeBrowser.storage.local, 'remove')];
    const messages = { ...malformedMessages(), ...privilegedRequests() };
    for (const senderName of Object.keys(senders) as SenderName[]) {
      for (const [name, message] of Object.entries(messages)) {
        expect((await deliver(listener, message, senders[senderName]())).answered, name).toBe(false);
      }
    }
    const otherTab = { ...senders.contentScript(), tab: { ...webTab, id: 5 } };
    expect((await deliver(listener, contentScriptRequests['mention count'], otherTab)).answered).toBe(false);
    expect(heard).not.toHaveBeenCalled();
    // The same listener hears a real report from its tab (and still does not answer it: the badge does).
    expect((await deliver(listener, contentScriptRequests['mention count'], senders.contentScript())).answered).toBe(
      false,
    );
    expect(heard).toHaveBeenCalledTimes(1);
    for (const write of writes) expect(write).not.toHaveBeenCalled();
  });
});

describe('the content script’s message listener', () => {
  let listener: Listener;
  let ctx: ContentScriptContext;

  beforeEach(async () => {
    fakeBrowser.reset();
    document.body.innerHTML = '<p>Rwanda signed the deal.</p>';
    const added: Listener[] = [];
    vi.spyOn(browser.runtime.onMessage, 'addListener').mockImplementation((l) => {
      added.push(l as Listener);
    });
    ctx = new ContentScriptContext('content');
    const started = contentScript.main(ctx);
    // The listener is added before main() first waits: a popup's question is answered from the start.
    expect(added).toHaveLength(1);
    listener = added[0] as Listener;
    await started;
  });

  afterEach(() => {
    ctx.abort();
    document.body.replaceChildren();
  });

  it('ignores every malformed message and answers the page-mentions request with counts only', async () => {
    const writes = [vi.spyOn(fakeBrowser.storage.local, 'set'), vi.spyOn(fakeBrowser.storage.local, 'remove')];
    const fetch = vi.fn();
    vi.stubGlobal('fetch', fetch);
    const before = document.body.innerHTML;
    for (const [name, message] of Object.entries(malformedMessages())) {
      const result = await deliver(listener, message, senders.contentScript());
      expect(result.answered, name).toBe(false);
    }
    // The background's requests are not the content script's to answer (only the extension can message it:
    // no sender check is needed there, and none is made).
    for (const [name, message] of Object.entries({ ...privilegedRequests(), ...contentScriptRequests })) {
      expect((await deliver(listener, message, {})).answered, name).toBe(false);
    }
    const summary = await deliver(listener, { type: 'crossread:get-page-mentions' }, {});
    expect(summary).toEqual({
      answered: true,
      value: {
        total: 1,
        entities: [{ entityId: 'country:rwanda', name: 'Rwanda', kind: 'country', count: 1 }],
        hostname: location.hostname,
        // Figures on the page that are claims (ids and figures, never text): none here.
        claims: [],
      },
    });
    // This read-only request's schema is not strict: an extra field is dropped, and the answer is the same.
    const withExtra = { type: 'crossread:get-page-mentions', url: 'https://evil.example/' };
    expect(await deliver(listener, withExtra, {})).toEqual(summary);
    // Reveal with prototype keys as ids: answered, and nothing is found.
    for (const entityId of ['__proto__', 'constructor', 'toString']) {
      expect(await deliver(listener, { type: 'crossread:reveal-entity', entityId }, {}), entityId).toEqual({
        answered: true,
        value: false,
      });
    }
    for (const write of writes) expect(write).not.toHaveBeenCalled();
    expect(fetch).not.toHaveBeenCalled();
    expect(document.body.innerHTML).toBe(before);
    // The same listener does reveal a name the page has, so the refusals above are not a dead listener's.
    expect(await deliver(listener, { type: 'crossread:reveal-entity', entityId: 'country:rwanda' }, {})).toEqual({
      answered: true,
      value: true,
    });
    vi.unstubAllGlobals();
  });
});
