import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset';
import type { FetchLike } from '../../lib/dataset/download';
import { DatasetStore, STORE_KEYS } from '../../lib/dataset/store';
import { DatasetUpdater, UPDATES_KEY, type UpdaterDeps } from '../../lib/dataset/updates';
import { minimalDataset } from './dataset-fixture';
import { FakeStorage } from './fake-storage';
import { inWords } from './message-words';

const URL_A = 'https://data.example/crossread.json';

function version(number: string, change?: (dataset: Dataset) => void): Dataset {
  const dataset = { ...minimalDataset(), version: number, title: `Test dataset ${number}` };
  change?.(dataset);
  return dataset;
}

const bundled = version('1.2.0');
/** 1.3.0 adds a person, rewrites Rwanda's summary and drops the story's claim list entry nothing else needs. */
const newer = version('1.3.0', (dataset) => {
  dataset.entities.push({
    id: 'person:amara-okafor',
    kind: 'person',
    name: 'Amara Okafor',
    summary: 'A correspondent.',
    asOf: '2025-06-01',
    aliases: [{ text: 'Amara Okafor', lang: 'en', caseSensitive: true }],
  });
  const rwanda = dataset.entities.find((entity) => entity.id === 'country:rwanda');
  if (rwanda) rwanda.summary = 'A country in East Africa.';
});
const older = version('1.0.0');
const schemaInvalid = version('1.4.0', (dataset) => {
  const [first] = dataset.entities;
  if (first) first.aliases = [];
});

interface Served {
  status?: number;
  body?: string | null;
  headers?: Record<string, string>;
}

/** A fetch stub that answers from `routes` (the latest answer per URL) and records each request's headers. */
function stubFetch() {
  const routes = new Map<string, Served | 'network-error' | 'stall'>();
  const requests: { url: string; headers: Record<string, string> }[] = [];
  const fetch: FetchLike = async (url, init) => {
    requests.push({ url, headers: { ...(init.headers as Record<string, string>) } });
    const route = routes.get(url);
    if (!route || route === 'network-error') throw new TypeError('Failed to fetch');
    if (route === 'stall') {
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"schemaVersion": 2, "id": '));
        },
      });
      return new Response(body, { headers: { 'content-type': 'application/json' } });
    }
    return new Response(route.body ?? null, {
      status: route.status ?? 200,
      headers: { 'content-type': 'application/json', ...route.headers },
    });
  };
  return { routes, requests, fetch };
}

describe('DatasetUpdater', () => {
  let storage: FakeStorage;
  let store: DatasetStore;
  let updater: DatasetUpdater;
  let server: ReturnType<typeof stubFetch>;
  let permitted: boolean;

  function makeUpdater(overrides: Partial<UpdaterDeps> = {}) {
    return new DatasetUpdater(storage, store, {
      fetch: server.fetch,
      hasPermission: async () => permitted,
      now: () => new Date('2025-06-02T08:00:00Z'),
      download: { timeoutMs: 2_000, idleTimeoutMs: 50, maxBytes: 64 * 1024 },
      ...overrides,
    });
  }

  beforeEach(() => {
    storage = new FakeStorage();
    store = new DatasetStore(
      storage,
      () => bundled,
      () => new Date('2025-06-02T08:00:00Z'),
    );
    server = stubFetch();
    permitted = true;
    updater = makeUpdater();
  });

  const activeVersion = async () => (await store.load()).active.dataset.version;

  /** Applies `dataset` as if the user had checked and applied URL_A. */
  async function subscribeTo(dataset: Dataset, etag = '"v1"') {
    server.routes.set(URL_A, { body: JSON.stringify(dataset), headers: { etag } });
    const check = await updater.checkUrl(URL_A);
    if (!check.ok) throw new Error(inWords(check.error));
    const applied = await updater.apply({ ...check.candidate, allowOlder: false });
    if (!applied.ok) throw new Error(inWords(applied.error));
  }

  describe('a check from a URL', () => {
    it('previews a valid newer dataset: version change and what was added and changed, by name', async () => {
      server.routes.set(URL_A, { body: JSON.stringify(newer), headers: { etag: '"abc"' } });
      const check = await updater.checkUrl(URL_A);
      expect(check.ok).toBe(true);
      if (!check.ok) return;
      const { diff, source, validators } = check.candidate;
      expect(source).toEqual({ type: 'url', url: URL_A });
      expect(validators).toEqual({ etag: '"abc"', lastModified: null });
      expect(diff).toMatchObject({
        sameDataset: true,
        direction: 'newer',
        from: { version: '1.2.0' },
        to: { version: '1.3.0' },
      });
      expect(diff.entities.added).toEqual([{ id: 'person:amara-okafor', name: 'Amara Okafor' }]);
      expect(diff.entities.changed).toEqual([{ id: 'country:rwanda', name: 'Rwanda', fields: ['summary'] }]);
      expect(diff.entities.removed).toEqual([]);
      // A check alone changes nothing.
      expect(await activeVersion()).toBe('1.2.0');
      expect((await updater.readState()).lastCheck).toMatchObject({ outcome: 'available', url: URL_A });
    });

    const failures: [string, () => void, RegExp][] = [
      [
        'a network failure',
        () => server.routes.set(URL_A, 'network-error'),
        /Could not reach data.example \(Failed to fetch\)/,
      ],
      ['a stalled body', () => server.routes.set(URL_A, 'stall'), /stopped sending the dataset for 50 milliseconds/],
      ['404', () => server.routes.set(URL_A, { status: 404, body: 'Not found' }), /answered 404 Not Found/],
      ['500', () => server.routes.set(URL_A, { status: 500, body: 'Oops' }), /answered 500 Internal Server Error/],
      [
        'a 200 with an HTML page',
        () =>
          server.routes.set(URL_A, {
            body: '<html><body>Log in</body></html>',
            headers: { 'content-type': 'text/html' },
          }),
        /sent a web page, not a JSON dataset/,
      ],
      ['an empty body', () => server.routes.set(URL_A, { body: '' }), /sent an empty response/],
      [
        'truncated JSON',
        () => server.routes.set(URL_A, { body: JSON.stringify(newer).slice(0, 500) }),
        /is not valid JSON: it stops part-way through, so it may have been cut short/,
      ],
      [
        'a body over the size cap',
        () => server.routes.set(URL_A, { body: JSON.stringify({ ...newer, description: 'x'.repeat(70 * 1024) }) }),
        /larger than 64 kB, the most Crossread accepts/,
      ],
      [
        'a schema-invalid dataset',
        () => server.routes.set(URL_A, { body: JSON.stringify(schemaInvalid) }),
        /has a problem, so it cannot be used/,
      ],
      ['a refused permission', () => (permitted = false), /does not have permission to read data.example/],
    ];

    it.each(failures)('keeps the active dataset and reports %s', async (_name, arrange, message) => {
      arrange();
      const check = await updater.checkUrl(URL_A);
      expect(check.ok).toBe(false);
      if (check.ok) return;
      expect(inWords(check.error)).toMatch(message);
      expect(await activeVersion()).toBe('1.2.0');
      expect((await store.load()).previous).toBeNull();
      expect((await updater.readState()).lastCheck).toEqual({
        at: '2025-06-02T08:00:00.000Z',
        url: URL_A,
        outcome: 'failed',
        message: check.error,
      });
    });

    it('lists a schema-invalid dataset’s problems by path', async () => {
      server.routes.set(URL_A, { body: JSON.stringify(schemaInvalid) });
      const check = await updater.checkUrl(URL_A);
      expect(check.ok ? [] : check.issues).toEqual([
        { path: 'entities[0].aliases', message: 'needs at least one alias' },
      ]);
    });

    it('refuses an address that is not https before any request', async () => {
      const check = await updater.checkUrl('http://data.example/crossread.json');
      expect(check.ok ? '' : inWords(check.error)).toMatch(/Only secure https:\/\/ addresses/);
      expect(server.requests).toEqual([]);
    });
  });

  describe('applying', () => {
    it('switches atomically, keeps the old dataset for rollback, and stores the validators', async () => {
      server.routes.set(URL_A, {
        body: JSON.stringify(newer),
        headers: { etag: '"abc"', 'last-modified': 'Mon, 02 Jun 2025 07:00:00 GMT' },
      });
      const check = await updater.checkUrl(URL_A);
      if (!check.ok) throw new Error(inWords(check.error));
      const applied = await updater.apply({ ...check.candidate, allowOlder: false });
      expect(inWords(applied)).toMatchObject({ ok: true, message: 'Test dataset 1.3.0 1.3.0 is now active.' });
      const state = await store.load();
      expect(state.active).toMatchObject({ dataset: { version: '1.3.0' }, source: { type: 'url', url: URL_A } });
      expect(state.previous).toMatchObject({ location: 'bundled' });
      expect((await updater.readState()).subscription).toEqual({
        url: URL_A,
        schedule: 'off',
        etag: '"abc"',
        lastModified: 'Mon, 02 Jun 2025 07:00:00 GMT',
      });
    });

    it('validates the dataset again and refuses an invalid one', async () => {
      const applied = await updater.apply({
        dataset: schemaInvalid,
        source: { type: 'file', fileName: 'bad.json' },
        validators: null,
        allowOlder: false,
      });
      expect(inWords(applied)).toEqual({
        ok: false,
        error:
          'The dataset did not pass its checks (entities[0].aliases: needs at least one alias). Nothing was changed.',
      });
      expect(await activeVersion()).toBe('1.2.0');
    });

    it('refuses an older version of the active dataset unless the user confirmed it', async () => {
      const request = { dataset: older, source: { type: 'file', fileName: 'old.json' } as const, validators: null };
      const refused = await updater.apply({ ...request, allowOlder: false });
      expect(inWords(refused)).toEqual({
        ok: false,
        error:
          'Version 1.0.0 is older than the active version 1.2.0. Confirm that you want the older version to apply it.',
      });
      expect(await activeVersion()).toBe('1.2.0');
      const confirmed = await updater.apply({ ...request, allowOlder: true });
      expect(confirmed.ok).toBe(true);
      expect(await activeVersion()).toBe('1.0.0');
    });

    it('reports a failed write and keeps the active dataset', async () => {
      storage.failWrites = new Error('QUOTA_BYTES quota exceeded');
      const applied = await updater.apply({
        dataset: newer,
        source: { type: 'file', fileName: 'n.json' },
        validators: null,
        allowOlder: false,
      });
      expect(inWords(applied)).toEqual({
        ok: false,
        error: 'Could not store the new dataset (QUOTA_BYTES quota exceeded). The active dataset is unchanged.',
      });
      storage.failWrites = null;
      expect(await activeVersion()).toBe('1.2.0');
    });

    it('rolls back to the previous dataset, and restores the bundled one', async () => {
      await subscribeTo(newer);
      expect(await activeVersion()).toBe('1.3.0');
      expect(inWords(await updater.rollback())).toMatchObject({
        ok: true,
        message: 'Back to Test dataset 1.2.0 1.2.0.',
      });
      expect((await store.load()).active.location).toBe('bundled');
      expect(inWords(await updater.rollback())).toMatchObject({ ok: true });
      expect(await activeVersion()).toBe('1.3.0');
      expect(inWords(await updater.restoreBundled())).toMatchObject({ ok: true });
      expect((await store.load()).active.location).toBe('bundled');
    });

    it('has nothing to roll back to at first', async () => {
      expect(inWords(await updater.rollback())).toEqual({
        ok: false,
        error: 'There is no previous dataset to go back to.',
      });
    });
  });

  describe('the scheduled refresh', () => {
    it('does nothing without a subscription', async () => {
      expect(inWords(await updater.refresh())).toEqual({ outcome: 'off', message: 'No dataset URL to check.' });
      expect(server.requests).toEqual([]);
    });

    it('sends the stored ETag and Last-Modified and keeps everything on 304', async () => {
      server.routes.set(URL_A, {
        body: JSON.stringify(newer),
        headers: { etag: '"v1"', 'last-modified': 'Mon, 02 Jun 2025 07:00:00 GMT' },
      });
      const check = await updater.checkUrl(URL_A);
      if (!check.ok) throw new Error(inWords(check.error));
      await updater.apply({ ...check.candidate, allowOlder: false });
      server.routes.set(URL_A, { status: 304 });
      expect(inWords(await updater.refresh())).toEqual({
        outcome: 'unchanged',
        message: 'The dataset has not changed since the last check.',
      });
      expect(server.requests.at(-1)?.headers).toMatchObject({
        'if-none-match': '"v1"',
        'if-modified-since': 'Mon, 02 Jun 2025 07:00:00 GMT',
      });
      expect(await activeVersion()).toBe('1.3.0');
    });

    it('applies a valid newer version and records the new validators', async () => {
      await subscribeTo(bundled);
      const newest = version('2.0.0');
      server.routes.set(URL_A, { body: JSON.stringify(newest), headers: { etag: '"v2"' } });
      expect(inWords(await updater.refresh())).toEqual({
        outcome: 'updated',
        message: 'Updated from version 1.2.0 to 2.0.0.',
      });
      expect(await activeVersion()).toBe('2.0.0');
      expect((await store.load()).previous?.dataset.version).toBe('1.2.0');
      expect((await updater.readState()).subscription?.etag).toBe('"v2"');
    });

    it('never replaces the dataset with an invalid one, a failed download or an older version', async () => {
      await subscribeTo(newer);
      server.routes.set(URL_A, { body: JSON.stringify(schemaInvalid) });
      expect(inWords(await updater.refresh())).toMatchObject({
        outcome: 'failed',
        message: `The dataset from ${URL_A} has a problem, so it cannot be used: entities[0].aliases: needs at least one alias.`,
      });
      server.routes.set(URL_A, { status: 500 });
      expect(inWords(await updater.refresh())).toMatchObject({ outcome: 'failed' });
      server.routes.set(URL_A, { body: JSON.stringify(older) });
      expect(inWords(await updater.refresh())).toEqual({
        outcome: 'needs-confirmation',
        message: `${URL_A} now serves version 1.0.0, older than the active 1.3.0. It was not applied; check the address to review it.`,
      });
      server.routes.set(URL_A, { body: JSON.stringify({ ...newer, id: 'another-dataset', version: '9.0.0' }) });
      expect(inWords(await updater.refresh())).toMatchObject({ outcome: 'needs-confirmation' });
      expect(await activeVersion()).toBe('1.3.0');
      expect((await updater.readState()).lastCheck).toMatchObject({ outcome: 'needs-confirmation' });
    });

    it('leaves the same version alone', async () => {
      await subscribeTo(newer);
      server.routes.set(URL_A, { body: JSON.stringify(newer), headers: { etag: '"v1b"' } });
      expect(inWords(await updater.refresh())).toEqual({
        outcome: 'unchanged',
        message: 'Version 1.3.0 is still the latest.',
      });
      expect((await store.load()).previous?.location).toBe('bundled');
      expect((await updater.readState()).subscription?.etag).toBe('"v1b"');
    });

    it('skips while the active dataset came from somewhere else', async () => {
      await subscribeTo(newer);
      await updater.restoreBundled();
      server.routes.set(URL_A, { body: JSON.stringify(version('5.0.0')) });
      expect(inWords(await updater.refresh())).toMatchObject({ outcome: 'skipped' });
      expect((await store.load()).active.location).toBe('bundled');
    });

    it('reports a withdrawn permission without fetching', async () => {
      await subscribeTo(newer);
      const requestsBefore = server.requests.length;
      permitted = false;
      expect(inWords(await updater.refresh())).toMatchObject({
        outcome: 'failed',
        message: expect.stringMatching(/permission/),
      });
      expect(server.requests.length).toBe(requestsBefore);
    });

    it('stores the schedule only with a subscription', async () => {
      expect(inWords(await updater.setSchedule('daily'))).toMatchObject({ ok: false });
      await subscribeTo(newer);
      expect(inWords(await updater.setSchedule('weekly'))).toMatchObject({
        ok: true,
        state: { subscription: { schedule: 'weekly' } },
      });
      // Applying a newer version from the same URL keeps the schedule.
      await subscribeTo(version('1.5.0'));
      expect((await updater.readState()).subscription?.schedule).toBe('weekly');
    });

    it('runs one operation at a time', async () => {
      await subscribeTo(bundled);
      server.routes.set(URL_A, { body: JSON.stringify(version('3.0.0')) });
      const [refreshed, rolledBack] = await Promise.all([updater.refresh(), updater.rollback()]);
      expect(refreshed.outcome).toBe('updated');
      // The rollback ran after the refresh, so it went back to the version the refresh replaced.
      expect(inWords(rolledBack)).toMatchObject({ ok: true, message: 'Back to Test dataset 1.2.0 1.2.0.' });
    });
  });

  it('reads a damaged update record as empty', async () => {
    storage.data.set(UPDATES_KEY, { subscription: 'garbage' });
    expect(await updater.readState()).toEqual({ subscription: null, lastCheck: null });
    expect(storage.data.has(STORE_KEYS.pointer)).toBe(false);
  });

  it('reads a last check stored in words by an older Crossread as that text, and refuses an unknown code', async () => {
    const subscription = { url: URL_A, schedule: 'daily', etag: null, lastModified: null };
    const lastCheck = { at: '2025-06-01T00:00:00.000Z', url: URL_A, outcome: 'unchanged' };
    storage.data.set(UPDATES_KEY, {
      subscription,
      lastCheck: { ...lastCheck, message: 'Version 1.2.0 is still the latest.' },
    });
    expect(await updater.readState()).toEqual({
      subscription,
      lastCheck: { ...lastCheck, message: { code: 'legacy.text', params: ['Version 1.2.0 is still the latest.'] } },
    });
    storage.data.set(UPDATES_KEY, { subscription, lastCheck: { ...lastCheck, message: { code: 'nope', params: [] } } });
    expect(await updater.readState()).toEqual({ subscription: null, lastCheck: null });
  });
});
