import { type Browser, browser } from 'wxt/browser';
import {
  mentionCountReportSchema,
  type PageMentions,
  type RevealEntity,
  type StoryMatchRequest,
} from '../lib/messages';
import type { OptionsRequest, OptionsResponses } from '../lib/options-messages';
import type { Settings } from '../lib/settings';
import type { StoryMatch } from '../lib/stories/match-stories';
import type { UserMessage } from '../lib/user-message';
import { requestPageMentions } from './page-mentions-client';
import { loadSettings, watchSettings } from './settings-store';

/** How long the popup waits for the tab to take a reveal request before it closes anyway. */
const REVEAL_WAIT_MS = 300;

/**
 * What the popup needs from the extension, for one tab. Components get it as
 * a prop, so the popup can be rendered with a fake (tests/unit/popup.test.tsx).
 */
export interface PopupApi {
  /** The tab's mentions and host name; undefined when no Crossread content script answers there. */
  requestMentions(): Promise<PageMentions | undefined>;
  /** Calls `onChange` when the tab's content script reports that its mentions changed; returns the unsubscribe. */
  watchMentions(onChange: () => void): () => void;
  loadSettings(): Promise<Settings>;
  /** Calls `onChange` with the stored settings whenever they change; returns the unsubscribe. */
  watchSettings(onChange: (settings: Settings) => void): () => void;
  /**
   * Saves through the background, which checks them (as the options page does); resolves to the problems
   * (for the popup to put into words), empty when saved, and rejects when the background does not answer.
   */
  saveSettings(settings: Settings): Promise<UserMessage[]>;
  /** The stories of the active dataset that the tab covers, by what it found (empty when none, or on failure). */
  matchStories(page: PageMentions): Promise<StoryMatch[]>;
  /** Asks the tab to scroll to the entity's first mention and open its card. */
  revealEntity(entityId: string): Promise<void>;
  openOptions(): Promise<void>;
  close(): void;
  /** Whether Crossread may read web pages (Firefox MV3 lets the user withhold it). */
  hasPageAccess(): Promise<boolean>;
  /** Asks the browser for that access (a prompt; call from a click); resolves whether it was granted. */
  requestPageAccess(): Promise<boolean>;
}

/** The pages the content script runs on (its manifest `matches`). */
const PAGE_ORIGINS = ['http://*/*', 'https://*/*'];

/** The popup's API for the tab `tabId` (undefined: no tab to describe, so no mentions). */
export function createPopupApi(tabId: number | undefined): PopupApi {
  return {
    requestMentions: () => (tabId === undefined ? Promise.resolve(undefined) : requestPageMentions(tabId)),
    watchMentions(onChange) {
      // The content script reports its count to the background for the badge; extension pages hear it too.
      const listener = (message: unknown, sender: Browser.runtime.MessageSender) => {
        if (tabId !== undefined && sender.tab?.id === tabId && mentionCountReportSchema().safeParse(message).success) {
          onChange();
        }
        // No answer: the badge's listener in the background answers this report.
        return undefined;
      };
      browser.runtime.onMessage.addListener(listener);
      return () => browser.runtime.onMessage.removeListener(listener);
    },
    loadSettings,
    watchSettings,
    async saveSettings(settings) {
      const request: OptionsRequest = { type: 'crossread:settings-save', settings };
      const answer: OptionsResponses['crossread:settings-save'] | undefined =
        await browser.runtime.sendMessage(request);
      if (!answer) throw new Error('Crossread’s background did not answer');
      return answer.ok ? [] : answer.errors;
    },
    async matchStories(page) {
      const request: StoryMatchRequest = {
        type: 'crossread:match-stories',
        entityIds: page.entities.map((entity) => entity.entityId),
        claims: page.claims ?? [],
      };
      const answer: unknown = await browser.runtime.sendMessage(request).catch(() => undefined);
      // Our own background answers; a stale worker of another version may not.
      return Array.isArray(answer) && answer.every(isStoryMatch) ? answer : [];
    },
    async revealEntity(entityId) {
      if (tabId === undefined) return;
      const request: RevealEntity = { type: 'crossread:reveal-entity', entityId };
      // The tab may answer once the card is open, or never (an old content script): do not hold the popup open for it.
      const sent = browser.tabs.sendMessage(tabId, request).catch(() => undefined);
      await Promise.race([sent, new Promise((resolve) => setTimeout(resolve, REVEAL_WAIT_MS))]);
    },
    openOptions: () => browser.runtime.openOptionsPage(),
    close: () => window.close(),
    async hasPageAccess() {
      // Firefox answers contains() for the content script's origins; Chromium answers false for them
      // (they are not host_permissions) but lists them in getAll(). Either one saying yes means granted.
      if (await browser.permissions.contains({ origins: PAGE_ORIGINS })) return true;
      const { origins = [] } = await browser.permissions.getAll();
      return PAGE_ORIGINS.every((origin) => origins.includes(origin));
    },
    requestPageAccess: () => browser.permissions.request({ origins: PAGE_ORIGINS }),
  };
}

function isStoryMatch(value: unknown): value is StoryMatch {
  const story = value as StoryMatch;
  return (
    typeof story === 'object' &&
    story !== null &&
    typeof story.id === 'string' &&
    typeof story.title === 'string' &&
    Array.isArray(story.versions) &&
    Array.isArray(story.differences)
  );
}
