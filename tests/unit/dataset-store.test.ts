import { beforeEach, describe, expect, it } from 'vitest';
import type { Dataset } from '../../lib/dataset';
import { DatasetStore, readActiveLocation, readActiveStoredDataset, STORE_KEYS } from '../../lib/dataset/store';
import { minimalDataset } from './dataset-fixture';
import { FakeStorage } from './fake-storage';
import { inWords } from './message-words';

function datasetVersion(version: string): Dataset {
  return { ...minimalDataset(), version, title: `Dataset ${version}` };
}

const bundled = { ...minimalDataset(), id: 'bundled', title: 'Bundled' };

describe('DatasetStore', () => {
  let storage: FakeStorage;
  let store: DatasetStore;

  beforeEach(() => {
    storage = new FakeStorage();
    store = new DatasetStore(
      storage,
      () => bundled,
      () => new Date('2025-06-01T10:00:00Z'),
    );
  });

  it('starts with the bundled dataset active and nothing previous', async () => {
    const state = await store.load();
    expect(state.active).toMatchObject({
      dataset: { title: 'Bundled' },
      source: { type: 'bundled' },
      location: 'bundled',
    });
    expect(state.previous).toBeNull();
    expect(state.lastError).toBeNull();
  });

  it('activates a new dataset and keeps the old one as previous', async () => {
    const first = await store.activate(datasetVersion('1.0.0'), { type: 'file', fileName: 'one.json' });
    expect(first.ok).toBe(true);
    const second = await store.activate(datasetVersion('2.0.0'), { type: 'url', url: 'https://data.example/two.json' });
    expect(second.ok).toBe(true);
    const state = await store.load();
    expect(state.active.dataset.version).toBe('2.0.0');
    expect(state.active.source).toEqual({ type: 'url', url: 'https://data.example/two.json' });
    expect(state.active.installedAt).toBe('2025-06-01T10:00:00.000Z');
    expect(state.previous?.dataset.version).toBe('1.0.0');
    // A third update overwrites the oldest slot, never the active one.
    await store.activate(datasetVersion('3.0.0'), { type: 'file', fileName: 'three.json' });
    const third = await store.load();
    expect([third.active.dataset.version, third.previous?.dataset.version]).toEqual(['3.0.0', '2.0.0']);
  });

  it('keeps the active dataset when writing the new one fails', async () => {
    await store.activate(datasetVersion('1.0.0'), { type: 'file', fileName: 'one.json' });
    storage.failWrites = new Error('IO error');
    const result = await store.activate(datasetVersion('2.0.0'), { type: 'file', fileName: 'two.json' });
    expect(result.ok).toBe(false);
    expect(result.ok ? '' : inWords(result.error)).toMatch(
      /Could not store the new dataset \(IO error\)\. The active dataset is unchanged/,
    );
    expect(result.state.active.dataset.version).toBe('1.0.0');
    storage.failWrites = null;
    expect((await store.load()).active.dataset.version).toBe('1.0.0');
  });

  it('keeps the active dataset on a quota error and records the error', async () => {
    await store.activate(datasetVersion('1.0.0'), { type: 'file', fileName: 'one.json' });
    let writes = 0;
    const realSet = storage.set.bind(storage);
    // The big slot write fails on quota; the small pointer write that records the error succeeds.
    storage.set = async (items) => {
      writes++;
      if (Object.keys(items).some((key) => key.startsWith('datasets.slot'))) {
        throw new Error('QUOTA_BYTES quota exceeded');
      }
      return realSet(items);
    };
    const result = await store.activate(datasetVersion('2.0.0'), { type: 'file', fileName: 'big.json' });
    // With its page index, then without, then the pointer.
    expect(writes).toBe(3);
    expect(result.ok).toBe(false);
    const state = await store.load();
    expect(state.active.dataset.version).toBe('1.0.0');
    expect(inWords(state.lastError?.messages ?? []).join(' ')).toMatch(/QUOTA_BYTES quota exceeded/);
  });

  it('stores a dataset without its page index when the two do not fit together', async () => {
    const realSet = storage.set.bind(storage);
    storage.set = async (items) => {
      const index = items[STORE_KEYS.pageIndexA] ?? items[STORE_KEYS.pageIndexB];
      if (index !== undefined && index !== null) throw new Error('QUOTA_BYTES quota exceeded');
      return realSet(items);
    };
    const result = await store.activate(datasetVersion('2.0.0'), { type: 'file', fileName: 'big.json' });
    expect(result.ok).toBe(true);
    expect(result.state.active.dataset.version).toBe('2.0.0');
    expect(storage.data.get(STORE_KEYS.pageIndexA)).toBeNull();
  });

  it('falls back to the previous dataset when the active stored copy is corrupt', async () => {
    await store.activate(datasetVersion('1.0.0'), { type: 'file', fileName: 'one.json' });
    await store.activate(datasetVersion('2.0.0'), { type: 'file', fileName: 'two.json' });
    storage.data.set(STORE_KEYS.slotB, { dataset: '{"broken', source: { type: 'file', fileName: 'two.json' } });
    const state = await store.load();
    expect(state.active.dataset.version).toBe('1.0.0');
    expect(inWords(state.lastError?.messages ?? []).join(' ')).toMatch(/slot b is missing or damaged/);
  });

  it('falls back to the bundled dataset when every stored copy is unusable', async () => {
    await store.activate(datasetVersion('1.0.0'), { type: 'file', fileName: 'one.json' });
    const record = storage.data.get(STORE_KEYS.slotA) as { dataset: { entities: unknown[] } };
    record.dataset.entities = [];
    const state = await store.load();
    expect(state.active.location).toBe('bundled');
    expect(inWords(state.lastError?.messages ?? []).join(' ')).toMatch(
      /no longer passes validation \(entities: a dataset needs at least one entity\)/,
    );
  });

  it('ignores a damaged pointer and serves the bundled dataset', async () => {
    storage.data.set(STORE_KEYS.pointer, { active: 'c', previous: 42 });
    expect((await store.load()).active.location).toBe('bundled');
  });

  it('rolls back to the previous dataset and forward again', async () => {
    await store.activate(datasetVersion('1.0.0'), { type: 'file', fileName: 'one.json' });
    await store.activate(datasetVersion('2.0.0'), { type: 'file', fileName: 'two.json' });
    const back = await store.rollback();
    expect(back.ok && [back.state.active.dataset.version, back.state.previous?.dataset.version]).toEqual([
      '1.0.0',
      '2.0.0',
    ]);
    const forward = await store.rollback();
    expect(forward.ok && forward.state.active.dataset.version).toBe('2.0.0');
  });

  it('refuses to roll back when there is nothing to go back to', async () => {
    const result = await store.rollback();
    expect(inWords(result)).toMatchObject({ ok: false, error: 'There is no previous dataset to go back to.' });
    expect(result.state.active.location).toBe('bundled');
  });

  it('keeps the active dataset when the pointer write of a rollback fails', async () => {
    await store.activate(datasetVersion('1.0.0'), { type: 'file', fileName: 'one.json' });
    await store.activate(datasetVersion('2.0.0'), { type: 'file', fileName: 'two.json' });
    storage.failWrites = new Error('disk full');
    const result = await store.rollback();
    expect(result.ok).toBe(false);
    storage.failWrites = null;
    expect((await store.load()).active.dataset.version).toBe('2.0.0');
  });

  it('restores the bundled dataset and keeps the current one as previous', async () => {
    await store.activate(datasetVersion('1.0.0'), { type: 'file', fileName: 'one.json' });
    const result = await store.restoreBundled();
    expect(result.ok && result.state.active.location).toBe('bundled');
    expect(result.state.previous?.dataset.version).toBe('1.0.0');
  });

  it('migrates a dataset stored under schema version 1 when reading it', async () => {
    const { outlets: _o, claims: _c, stories: _s, ...rest } = datasetVersion('0.9.0');
    const v1 = {
      ...rest,
      schemaVersion: 1,
      entities: rest.entities.map(({ related: _r, deal: _d, keyDates: _k, person: _p, ...entity }) => entity),
    };
    storage.data.set(STORE_KEYS.slotA, {
      dataset: v1,
      source: { type: 'file', fileName: 'old.json' },
      installedAt: '2025-01-01T00:00:00Z',
    });
    storage.data.set(STORE_KEYS.pointer, { active: 'a', previous: 'bundled', lastError: null });
    const state = await store.load();
    expect(state.active.location).toBe('a');
    expect(state.active.dataset).toMatchObject({ schemaVersion: 2, version: '0.9.0', claims: [], stories: [] });
    expect(state.lastError).toBeNull();
  });

  it('ignores a pointer with unknown fields or a malformed error, like any damaged pointer', async () => {
    await store.activate(datasetVersion('1.0.0'), { type: 'file', fileName: 'one.json' });
    const error = { code: 'store.slotDamaged', params: ['b'] };
    const good = { active: 'a', previous: 'bundled', lastError: { at: '2025-06-01', messages: [error] } };
    storage.data.set(STORE_KEYS.pointer, good);
    expect((await store.load()).active.location).toBe('a');
    for (const damaged of [
      { ...good, extra: 1 },
      { ...good, lastError: { at: '2025-06-01', messages: [error], extra: 1 } },
      { ...good, lastError: { at: 'x'.repeat(41), messages: [error] } },
      { ...good, lastError: { at: '2025-06-01', messages: [{ code: 'no.such.code', params: [] }] } },
      { ...good, lastError: { at: '2025-06-01', messages: [{ code: 'store.slotDamaged', params: [] }] } },
      { ...good, lastError: { at: '2025-06-01', messages: 'x' } },
      { ...good, lastError: { at: '2025-06-01', message: 'x', extra: 1 } },
      { ...good, lastError: undefined },
      { active: 'a', lastError: null },
      [good],
    ]) {
      storage.data.set(STORE_KEYS.pointer, damaged);
      expect((await store.load()).active.location).toBe('bundled');
      expect(await store.activeLocation()).toBe('bundled');
    }
  });

  it('keeps a pointer whose error was stored in words by an older Crossread, dropping the words', async () => {
    await store.activate(datasetVersion('1.0.0'), { type: 'file', fileName: 'one.json' });
    const legacy = { at: '2025-06-01', message: 'Could not switch datasets (IO error).' };
    storage.data.set(STORE_KEYS.pointer, { active: 'a', previous: 'bundled', lastError: legacy });
    const state = await store.load();
    expect(state.active.location).toBe('a');
    expect(state.lastError).toBeNull();
  });
});

describe('reading the active dataset without the bundled one (content scripts)', () => {
  let storage: FakeStorage;
  let store: DatasetStore;
  let bundledReads: number;

  beforeEach(() => {
    storage = new FakeStorage();
    bundledReads = 0;
    store = new DatasetStore(storage, () => {
      bundledReads++;
      return bundled;
    });
  });

  it('reads only the pointer to tell which dataset is active', async () => {
    expect(await readActiveLocation(storage)).toBe('bundled');
    expect(await readActiveStoredDataset(storage)).toBeNull();
    await store.activate(datasetVersion('1.0.0'), { type: 'file', fileName: 'one.json' });
    expect(await store.activeLocation()).toBe('a');
    expect((await readActiveStoredDataset(storage))?.dataset.version).toBe('1.0.0');
    expect((await store.loadActive()).dataset.version).toBe('1.0.0');
    await store.restoreBundled();
    expect(await readActiveLocation(storage)).toBe('bundled');
    expect(await readActiveStoredDataset(storage)).toBeNull();
    bundledReads = 0;
    expect((await store.loadActive()).location).toBe('bundled');
    expect(bundledReads).toBe(1);
  });

  it('falls back like load(): a damaged active copy gives way to the previous one, then to the bundled one', async () => {
    await store.activate(datasetVersion('1.0.0'), { type: 'file', fileName: 'one.json' });
    await store.activate(datasetVersion('2.0.0'), { type: 'file', fileName: 'two.json' });
    storage.data.set(STORE_KEYS.slotB, { dataset: { nonsense: true }, source: { type: 'bundled' }, installedAt: '' });
    expect((await readActiveStoredDataset(storage))?.dataset.version).toBe('1.0.0');
    expect((await store.load()).active.dataset.version).toBe('1.0.0');
    storage.data.set(STORE_KEYS.slotA, 'damaged');
    expect(await readActiveStoredDataset(storage)).toBeNull();
    expect((await store.loadActive()).location).toBe('bundled');
  });

  it('never parses the bundled dataset while a stored one is active', async () => {
    await store.activate(datasetVersion('1.0.0'), { type: 'file', fileName: 'one.json' });
    bundledReads = 0;
    await store.loadActive();
    await store.activeLocation();
    expect(bundledReads).toBe(0);
  });
});
