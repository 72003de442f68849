// @vitest-environment happy-dom

import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { Popup } from '../../components/Popup';
import type { PopupApi } from '../../extension/popup-client';
import { bundledDataset } from '../../lib/bundled-dataset';
import type { PageMentions } from '../../lib/messages';
import { defaultSettings, type Settings } from '../../lib/settings';
import { matchStories } from '../../lib/stories/match-stories';
import { message, type UserMessage } from '../../lib/user-message';

const HOST = 'news.example.com';

const pageMentions = (): PageMentions => ({
  total: 9,
  hostname: HOST,
  entities: [
    { entityId: 'country:rwanda', name: 'Rwanda', kind: 'country', count: 4 },
    { entityId: 'person:olivier-nduhungirehe', name: 'Olivier Nduhungirehe', kind: 'person', count: 3 },
    { entityId: 'country:united-states', name: 'United States', kind: 'country', count: 1 },
    { entityId: 'deal:us-rwanda', name: 'US–Rwanda agreement', kind: 'deal', count: 1 },
  ],
});

/** A PopupApi over plain data, recording what the popup asked for. */
class FakeApi implements PopupApi {
  mentions: PageMentions | undefined = pageMentions();
  stored: Settings = defaultSettings();
  /** What saveSettings answers: the problems, or 'no answer' to reject. */
  saveAnswer: UserMessage[] | 'no answer' = [];
  saved: Settings[] = [];
  revealed: string[] = [];
  calls: string[] = [];
  private settingsWatchers = new Set<(settings: Settings) => void>();
  private mentionWatchers = new Set<() => void>();

  requestMentions = async () => structuredClone(this.mentions);
  watchMentions = (onChange: () => void) => {
    this.mentionWatchers.add(onChange);
    return () => this.mentionWatchers.delete(onChange);
  };
  loadSettings = async () => structuredClone(this.stored);
  watchSettings = (onChange: (settings: Settings) => void) => {
    this.settingsWatchers.add(onChange);
    return () => this.settingsWatchers.delete(onChange);
  };
  saveSettings = async (settings: Settings) => {
    this.saved.push(settings);
    if (this.saveAnswer === 'no answer') throw new Error('no answer');
    if (this.saveAnswer.length > 0) return this.saveAnswer;
    this.stored = settings;
    for (const watcher of this.settingsWatchers) watcher(structuredClone(settings));
    return [];
  };
  /** What the tab found, each time the popup asked for stories; answered from the bundled dataset. */
  storyRequests: PageMentions[] = [];
  matchStories = async (page: PageMentions) => {
    this.storyRequests.push(page);
    return matchStories(bundledDataset(), {
      entityIds: page.entities.map((entity) => entity.entityId),
      claims: page.claims ?? [],
    });
  };
  revealEntity = async (entityId: string) => {
    this.revealed.push(entityId);
    this.calls.push(`reveal ${entityId}`);
  };
  openOptions = async () => {
    this.calls.push('options');
  };
  close = () => {
    this.calls.push('close');
  };
  access = true;
  /** What the browser's prompt answers. */
  grant = true;
  hasPageAccess = async () => this.access;
  requestPageAccess = async () => {
    this.calls.push('request access');
    this.access = this.grant;
    return this.grant;
  };
  /** The tab reports that its mentions changed (a scan finished). */
  reportMentions(mentions: PageMentions) {
    this.mentions = mentions;
    for (const watcher of this.mentionWatchers) watcher();
  }
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => render(null, root));

async function open(api: FakeApi): Promise<void> {
  await act(async () => {
    render(<Popup api={api} locale="en" />, root);
  });
  await settle();
}

/** Lets the fake's promises resolve and Preact re-render. */
async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

const byTestId = (id: string) => root.querySelector<HTMLElement>(`[data-testid="${id}"]`);
const text = (id: string) => byTestId(id)?.textContent ?? null;
async function click(element: HTMLElement | null): Promise<void> {
  if (!element) throw new Error('nothing to click');
  await act(async () => element.click());
  await settle();
}

describe('popup: the tab’s entities', () => {
  it('groups them by kind, most mentioned kind first, with a heading and count per kind', async () => {
    await open(new FakeApi());
    const groups = [...root.querySelectorAll('section[data-kind]')];
    expect(groups.map((group) => group.getAttribute('data-kind'))).toEqual(['country', 'person', 'deal']);
    expect(groups.map((group) => group.querySelector('h2')?.textContent)).toEqual([
      'Countries55 mentions',
      'People33 mentions',
      'Deals11 mention',
    ]);
    // Each group is a region named by its heading.
    const country = groups[0];
    expect(country?.getAttribute('aria-labelledby')).toBe(country?.querySelector('h2')?.id);
    expect([...(country?.querySelectorAll('button') ?? [])].map((button) => button.textContent)).toEqual([
      'Rwanda4',
      'United States1',
    ]);
    expect(text('mention-total')).toBe('9 mentions of 4 entities on this page');
    expect(byTestId('mention-total')?.getAttribute('data-count')).toBe('9');
  });

  it('makes each entity a button whose accessible name has the count', async () => {
    await open(new FakeApi());
    const rwanda = root.querySelector('[data-entity-id="country:rwanda"]');
    expect(rwanda?.tagName).toBe('BUTTON');
    expect(rwanda?.getAttribute('aria-label')).toBe('Rwanda, 4 mentions');
    expect(root.querySelector('[data-entity-id="deal:us-rwanda"]')?.getAttribute('aria-label')).toBe(
      'US–Rwanda agreement, 1 mention',
    );
    expect(document.getElementById(rwanda?.getAttribute('aria-describedby') ?? '')?.textContent).toBe(
      'Choose a name to see it on the page.',
    );
  });

  it('asks the tab to reveal the entity chosen, then closes', async () => {
    const api = new FakeApi();
    await open(api);
    await click(root.querySelector('[data-entity-id="person:olivier-nduhungirehe"]'));
    expect(api.calls).toEqual(['reveal person:olivier-nduhungirehe', 'close']);
  });

  it('puts every control in the tab order: the switches, the entities, then the options', async () => {
    await open(new FakeApi());
    const controls = [...root.querySelectorAll<HTMLButtonElement>('button')];
    expect(controls.every((control) => control.tabIndex === 0 && !control.disabled)).toBe(true);
    expect(controls.map((control) => control.dataset.testid ?? control.dataset.entityId)).toEqual([
      'global-switch',
      'site-switch',
      'country:rwanda',
      'country:united-states',
      'person:olivier-nduhungirehe',
      'deal:us-rwanda',
      'open-options',
    ]);
  });

  it('opens the options page', async () => {
    const api = new FakeApi();
    await open(api);
    await click(byTestId('open-options'));
    expect(api.calls).toEqual(['options', 'close']);
  });

  it('says when the page has no known names, or cannot be read', async () => {
    const api = new FakeApi();
    api.mentions = { total: 0, entities: [], hostname: HOST };
    await open(api);
    expect(text('mention-total')).toBe('No known names on this page.');
    expect(byTestId('site-switch')?.getAttribute('aria-checked')).toBe('true');

    render(null, root);
    const unreadable = new FakeApi();
    unreadable.mentions = undefined;
    await open(unreadable);
    expect(text('popup-unavailable')).toMatch(/cannot read this page/);
    expect(byTestId('site-switch')).toBeNull();
    // Crossread as a whole can still be switched.
    expect(byTestId('global-switch')).not.toBeNull();
  });
});

describe('popup: the story the page covers', () => {
  it('names the story, lists the other outlets’ versions, and the claims where the page’s figure differs', async () => {
    const api = new FakeApi();
    api.mentions = {
      total: 4,
      hostname: 'news.example',
      entities: [
        { entityId: 'country:rwanda', name: 'Rwanda', kind: 'country', count: 2 },
        { entityId: 'country:united-states', name: 'United States', kind: 'country', count: 1 },
        { entityId: 'person:olivier-nduhungirehe', name: 'Olivier Nduhungirehe', kind: 'person', count: 1 },
      ],
      claims: [
        {
          claimId: 'claim:us-rwanda-payment',
          figure: { kind: 'money', asReported: '$6 million', value: 6_000_000, unit: 'USD' },
        },
      ],
    };
    await open(api);
    const story = byTestId('story-match');
    expect(story?.querySelector('h2')?.textContent).toBe('This page covers');
    expect(story?.querySelector('[data-story-id]')?.getAttribute('data-story-id')).toBe('story:us-rwanda-2025');
    const versions = byTestId('story-versions');
    expect(versions?.querySelector('summary')?.textContent).toMatch(/^How other outlets told it: /);
    expect(versions?.querySelectorAll('li').length).toBeGreaterThanOrEqual(3);
    const differences = byTestId('story-differences');
    const payment = differences?.querySelector('[data-claim-id="claim:us-rwanda-payment"]');
    expect(payment?.textContent).toContain('This page: $6 million');
    expect(payment?.textContent).toContain('$100,000');
    expect(api.storyRequests).toHaveLength(1);
  });

  it('shows no story when the page names too little of any', async () => {
    const api = new FakeApi();
    api.mentions = {
      total: 3,
      hostname: 'news.example',
      entities: [{ entityId: 'country:united-states', name: 'United States', kind: 'country', count: 3 }],
    };
    await open(api);
    expect(byTestId('mention-total')?.getAttribute('data-count')).toBe('3');
    expect(byTestId('story-match')).toBeNull();
  });
});

describe('popup: switches', () => {
  it('turns the site off (its host added to the deny list), says so, and on again', async () => {
    const api = new FakeApi();
    api.stored = { ...defaultSettings(), sites: { mode: 'all-except-denied', denied: ['ads.example'], allowed: [] } };
    await open(api);
    const site = byTestId('site-switch');
    expect(site?.getAttribute('role')).toBe('switch');
    expect(site?.textContent).toContain(HOST);

    await click(site);
    expect(api.saved.at(-1)?.sites.denied).toEqual(['ads.example', HOST]);
    expect(byTestId('site-switch')?.getAttribute('aria-checked')).toBe('false');
    expect(text('site-disabled')).toMatch(/turned off on this site/);
    expect(root.querySelector('[data-entity-id]')).toBeNull();

    // Back on: the tab is reading the page until it reports, then the list returns.
    api.mentions = { total: 0, entities: [], siteDisabled: true, hostname: HOST };
    await click(byTestId('site-switch'));
    expect(api.saved.at(-1)?.sites.denied).toEqual(['ads.example']);
    expect(root.textContent).toContain('Highlighting this page…');
    await act(async () => api.reportMentions(pageMentions()));
    await settle();
    expect(root.querySelectorAll('[data-entity-id]').length).toBe(4);
  });

  it('in allow-only mode turns the site on by adding it to the allowed list', async () => {
    const api = new FakeApi();
    api.stored = { ...defaultSettings(), sites: { mode: 'only-allowed', denied: [], allowed: [] } };
    api.mentions = { total: 0, entities: [], siteDisabled: true, hostname: HOST };
    await open(api);
    expect(byTestId('site-switch')?.getAttribute('aria-checked')).toBe('false');
    await click(byTestId('site-switch'));
    expect(api.saved.at(-1)?.sites).toEqual({ mode: 'only-allowed', denied: [], allowed: [HOST] });
  });

  it('turned off globally: greyed, the site switch disabled, one switch to turn it back on', async () => {
    const api = new FakeApi();
    await open(api);
    const global = byTestId('global-switch');
    expect(global?.getAttribute('aria-checked')).toBe('true');
    expect(global?.textContent).toContain('Crossread turned on');

    api.mentions = { total: 0, entities: [], siteDisabled: true, hostname: HOST };
    await click(global);
    expect(api.saved.at(-1)).toEqual({ ...defaultSettings(), enabled: false });
    expect(root.querySelector('main')?.classList.contains('popup--off')).toBe(true);
    expect(text('globally-off')).toMatch(/turned off/);
    expect(byTestId('site-switch')?.hasAttribute('disabled')).toBe(true);
    expect(root.querySelector('[data-entity-id]')).toBeNull();
    const enabledControls = [...root.querySelectorAll<HTMLButtonElement>('button:not(:disabled)')];
    expect(enabledControls.map((control) => control.dataset.testid)).toEqual(['global-switch', 'open-options']);

    await click(byTestId('global-switch'));
    expect(api.saved.at(-1)?.enabled).toBe(true);
    expect(byTestId('globally-off')).toBeNull();
  });

  it('moves a switch back and says why when the change is refused or the background does not answer', async () => {
    const api = new FakeApi();
    api.saveAnswer = [message('settings.tooManySites', 'sites.denied', 1000)];
    await open(api);
    await click(byTestId('site-switch'));
    expect(byTestId('popup-errors')?.getAttribute('role')).toBe('alert');
    expect(text('popup-errors')).toContain('sites.denied: must have at most 1,000 sites');
    expect(byTestId('site-switch')?.getAttribute('aria-checked')).toBe('true');

    api.saveAnswer = 'no answer';
    await click(byTestId('global-switch'));
    expect(text('popup-errors')).toContain('did not answer');
    expect(byTestId('global-switch')?.getAttribute('aria-checked')).toBe('true');
  });

  it('follows settings changed elsewhere (the options page)', async () => {
    const api = new FakeApi();
    await open(api);
    api.mentions = { total: 0, entities: [], siteDisabled: true, hostname: HOST };
    await act(async () => {
      await api.saveSettings({
        ...defaultSettings(),
        sites: { mode: 'all-except-denied', denied: [HOST], allowed: [] },
      });
    });
    await settle();
    expect(byTestId('site-switch')?.getAttribute('aria-checked')).toBe('false');
    expect(text('site-disabled')).toMatch(/turned off on this site/);
  });
});

describe('Popup, on a tab Crossread cannot read', () => {
  it('says the page cannot be read when Crossread may read pages (a browser page, a tab opened before install)', async () => {
    const api = new FakeApi();
    api.mentions = undefined;
    await open(api);
    expect(root.querySelector('[data-testid="popup-unavailable"]')?.textContent).toContain('cannot read this page');
    expect(root.querySelector('[data-testid="popup-no-access"]')).toBeNull();
  });

  it('offers to ask for access when the user withheld it, and says to reload once granted', async () => {
    const api = new FakeApi();
    api.mentions = undefined;
    api.access = false;
    await open(api);
    const prompt = root.querySelector('[data-testid="popup-no-access"]');
    expect(prompt?.textContent).toContain('not allowed to read web pages');
    await click(prompt?.querySelector('button') as HTMLElement);
    expect(api.calls).toEqual(['request access']);
    expect(root.querySelector('[data-testid="popup-unavailable"]')?.textContent).toContain('Reload this page');
  });

  it('keeps offering when the prompt is refused', async () => {
    const api = new FakeApi();
    api.mentions = undefined;
    api.access = false;
    api.grant = false;
    await open(api);
    await click(root.querySelector('[data-testid="popup-no-access"] button') as HTMLElement);
    expect(root.querySelector('[data-testid="popup-no-access"] button')).not.toBeNull();
  });
});
