import type { Browser } from 'wxt/browser';
import { storyMatchRequestSchema } from '../lib/messages';
import { matchStories, type StoryMatch } from '../lib/stories/match-stories';
import { fromActiveDataset } from './active-dataset';
import { isExtensionPageSender } from './options-router';

/**
 * Background side of the popup's story match: the popup sends what the tab
 * found (entity ids and claim figures, never page text) and gets the stories
 * of the active dataset that the page covers. Only Crossread's own pages ask.
 */
export function createStoryResponder(): (
  message: unknown,
  sender: Browser.runtime.MessageSender,
) => Promise<StoryMatch[]> | undefined {
  const activeDataset = fromActiveDataset((dataset) => dataset);
  return (message, sender) => {
    if (!isExtensionPageSender(sender)) return undefined;
    const request = storyMatchRequestSchema().safeParse(message);
    if (!request.success) return undefined;
    return activeDataset().then((dataset) => matchStories(dataset, request.data));
  };
}
