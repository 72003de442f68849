import { browser } from 'wxt/browser';
import type { EntityCard } from '../lib/card/entity-card';
import type { EntityCardRequest } from '../lib/messages';

/** Asks the background for an entity's fact card (null: the active dataset has no such entity). */
export async function requestEntityCard(entityId: string): Promise<EntityCard | null> {
  const request: EntityCardRequest = { type: 'crossread:get-entity-card', entityId };
  const answer: unknown = await browser.runtime.sendMessage(request);
  if (answer === null || answer === undefined) return null;
  // The answer comes from our own background; a shape check guards against a stale worker of another version.
  if (
    typeof answer !== 'object' ||
    (answer as EntityCard).id !== entityId ||
    !Array.isArray((answer as EntityCard).facts)
  ) {
    throw new Error('the background sent no usable card');
  }
  return answer as EntityCard;
}
