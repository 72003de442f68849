import { type Browser, browser } from 'wxt/browser';
import { entityCardBuilder } from '../lib/card/build-entity-card';
import type { EntityCard } from '../lib/card/entity-card';
import { entityCardRequestSchema, type NavigateMentions } from '../lib/messages';
import { fromActiveDataset } from './active-dataset';

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
  const activeBuilder = fromActiveDataset(entityCardBuilder);
  return (message, sender) => {
    // Only our own content scripts, running in a tab, ask for cards.
    if (sender.id !== browser.runtime.id || sender.tab?.id === undefined) return undefined;
    const request = entityCardRequestSchema().safeParse(message);
    if (!request.success) return undefined;
    return activeBuilder().then((build) => build(request.data.entityId));
  };
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
