import { type Browser, browser } from 'wxt/browser';
import { bundledDataset } from '../lib/bundled-dataset';
import { entityCardBuilder } from '../lib/card/build-entity-card';
import type { EntityCard } from '../lib/card/entity-card';
import type { Dataset } from '../lib/dataset/schema';
import { readActiveStoredDataset, STORE_KEYS } from '../lib/dataset/store';
import { entityCardRequestSchema, type NavigateMentions } from '../lib/messages';
import { localStorageArea } from './storage-area';

/**
 * Background side of the fact card. A page holds only the page index (names
 * and kinds); when the reader opens a card, its content script asks here and
 * gets that one entity's card, built from the active dataset. The request
 * carries an entity id and nothing about the page.
 */
export function createEntityCardResponder(): (
  message: unknown,
  sender: Browser.runtime.MessageSender,
) => Promise<EntityCard | null> | undefined {
  let builder: Promise<(entityId: string) => EntityCard | null> | null = null;
  // Another dataset became active: the next card is built from it.
  browser.storage.local.onChanged.addListener((changes) => {
    if (STORE_KEYS.pointer in changes) builder = null;
  });
  const activeBuilder = () => {
    builder ??= activeDataset().then(entityCardBuilder);
    builder.catch(() => {
      builder = null;
    });
    return builder;
  };
  return (message, sender) => {
    // Only our own content scripts, running in a tab, ask for cards.
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined) return undefined;
    const request = entityCardRequestSchema().safeParse(message);
    if (!request.success) return undefined;
    return activeBuilder().then((build) => build(request.data.entityId));
  };
}

async function activeDataset(): Promise<Dataset> {
  const stored = await readActiveStoredDataset(localStorageArea);
  return stored?.dataset ?? bundledDataset();
}

/**
 * The keyboard shortcuts (manifest `commands`, rebindable in the browser's
 * shortcut settings): the active tab's content script moves to the next or
 * previous mention and opens its card.
 */
export async function handleCommand(command: string): Promise<void> {
  const direction = command === 'next-mention' ? 'next' : command === 'previous-mention' ? 'previous' : null;
  if (!direction) return;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  if (tab?.id === undefined) return;
  const message: NavigateMentions = { type: 'crossread:navigate-mentions', direction };
  // A tab without our content script (a browser page) has nothing to walk through.
  await browser.tabs.sendMessage(tab.id, message).catch(() => undefined);
}
