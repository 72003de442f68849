import { beforeEach, describe, expect, it, vi } from 'vitest';
import { browser } from 'wxt/browser';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { createEntityCardResponder, handleCommand } from '../../extension/entity-cards';
import { localStorageArea } from '../../extension/storage-area';
import { bundledDataset } from '../../lib/bundled-dataset';
import { DatasetStore } from '../../lib/dataset/store';
import { minimalDataset } from './dataset-fixture';

const ownContentScript = { id: browser.runtime.id, tab: { id: 4 } as never, url: 'https://news.example/a' };

describe('the background answers fact card requests', () => {
  beforeEach(() => fakeBrowser.reset());

  it('gives a content script of ours the card of an entity of the bundled dataset', async () => {
    const respond = createEntityCardResponder();
    const card = await respond({ type: 'crossread:get-entity-card', entityId: 'country:rwanda' }, ownContentScript);
    expect(card?.name).toBe('Rwanda');
    expect(card?.dataset.title).toBe(bundledDataset().title);
    expect(card?.claims.some((claim) => claim.id === 'claim:us-rwanda-payment')).toBe(true);
  });

  it('answers null for an id the dataset does not have', async () => {
    const respond = createEntityCardResponder();
    expect(await respond({ type: 'crossread:get-entity-card', entityId: 'country:atlantis' }, ownContentScript)).toBe(
      null,
    );
  });

  it('ignores malformed requests, other extensions, and senders outside a tab', () => {
    const respond = createEntityCardResponder();
    const answers = [
      respond({ type: 'crossread:get-entity-card' }, ownContentScript),
      respond({ type: 'crossread:get-entity-card', entityId: 42 }, ownContentScript),
      respond({ type: 'crossread:get-entity-card', entityId: 'x'.repeat(301) }, ownContentScript),
      respond({ type: 'crossread:get-entity-card', entityId: 'country:rwanda', extra: 1 }, ownContentScript),
      respond(
        { type: 'crossread:get-entity-card', entityId: 'country:rwanda' },
        { id: 'another', tab: { id: 4 } as never },
      ),
      respond({ type: 'crossread:get-entity-card', entityId: 'country:rwanda' }, { id: browser.runtime.id }),
      respond('crossread:get-entity-card', ownContentScript),
    ];
    expect(answers).toEqual([undefined, undefined, undefined, undefined, undefined, undefined, undefined]);
  });

  it('builds cards from the dataset that is active now, after a switch too', async () => {
    const respond = createEntityCardResponder();
    const request = { type: 'crossread:get-entity-card', entityId: 'person:minister' } as const;
    expect(await respond(request, ownContentScript)).toBe(null);
    const store = new DatasetStore(localStorageArea, bundledDataset);
    const activated = await store.activate(minimalDataset(), { type: 'file', fileName: 'test.json' });
    expect(activated.ok).toBe(true);
    await vi.waitFor(async () => expect((await respond(request, ownContentScript))?.name).toBe('A Minister'));
    const rwanda = await respond({ type: 'crossread:get-entity-card', entityId: 'country:rwanda' }, ownContentScript);
    expect(rwanda?.dataset.title).toBe('Test dataset');
  });
});

describe('the keyboard shortcuts', () => {
  beforeEach(() => fakeBrowser.reset());

  it('send next or previous to the active tab, and nothing for another command', async () => {
    browser.tabs.query = vi.fn(async () => [{ id: 9 }]) as unknown as typeof browser.tabs.query;
    const sent = vi.fn(async () => true);
    browser.tabs.sendMessage = sent as unknown as typeof browser.tabs.sendMessage;
    await handleCommand('next-mention');
    await handleCommand('previous-mention');
    await handleCommand('_execute_action');
    expect(sent.mock.calls).toEqual([
      [9, { type: 'crossread:navigate-mentions', direction: 'next' }],
      [9, { type: 'crossread:navigate-mentions', direction: 'previous' }],
    ]);
  });

  it('do not fail on a tab without Crossread (a browser page)', async () => {
    browser.tabs.query = vi.fn(async () => [{ id: 9 }]) as unknown as typeof browser.tabs.query;
    browser.tabs.sendMessage = vi.fn(async () => {
      throw new Error('Could not establish connection. Receiving end does not exist.');
    }) as unknown as typeof browser.tabs.sendMessage;
    await expect(handleCommand('next-mention')).resolves.toBeUndefined();
  });
});
