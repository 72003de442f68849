// @vitest-environment happy-dom
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { bundledPageIndex } from '../../lib/bundled-dataset';
import type { PageIndex } from '../../lib/page-index';
import { pageIndexFromDataset } from '../../lib/page-index';
import { defaultKindSetting, defaultSettings, type Settings } from '../../lib/settings';
import { PageHighlighting } from '../../page/page-highlighting';
import { minimalDataset } from './dataset-fixture';

function element(tag: string, ...children: Array<Node | string>): HTMLElement {
  const created = document.createElement(tag);
  created.append(...children);
  return created;
}

function article(): HTMLElement {
  return element(
    'article',
    element('h1', 'Rwanda confirms talks with the US'),
    element('p', 'Keir Starmer spoke; Kigali answered.'),
  );
}

function settingsWith(change: (settings: Settings) => void): Settings {
  const settings = defaultSettings();
  change(settings);
  return settings;
}

const marks = () =>
  [...document.querySelectorAll('mark.crossread-mention')].map((mark) => [
    mark.textContent,
    mark.getAttribute('data-crossread-id'),
  ]);

/** The rules of the style sheets Crossread adopted into the document. */
const adoptedCss = () =>
  document.adoptedStyleSheets.flatMap((sheet) => [...sheet.cssRules].map((rule) => rule.cssText)).join('\n');

interface Harness {
  highlighting: PageHighlighting;
  loads: number;
  reports: number[];
}

function start(hostname = 'news.example.com', index: () => PageIndex = bundledPageIndex): Harness {
  const harness: Harness = {
    loads: 0,
    reports: [],
    highlighting: undefined as unknown as PageHighlighting,
  };
  harness.highlighting = new PageHighlighting(document, {
    hostname,
    loadIndex: async () => {
      harness.loads++;
      return index();
    },
    onMentionsChanged: (total) => harness.reports.push(total),
  });
  return harness;
}

let running: Harness | null = null;
beforeEach(() => {
  document.body.replaceChildren(article());
  document.adoptedStyleSheets = [];
});
afterEach(() => {
  running?.highlighting.stop();
  running = null;
});

describe('PageHighlighting without the Custom Highlight API (happy-dom): wrap', () => {
  it('highlights with the defaults and summarises for the popup', async () => {
    running = start();
    await running.highlighting.applySettings(defaultSettings());
    expect(running.highlighting.mode()).toBe('wrap');
    expect(marks()).toEqual([
      ['Rwanda', 'country:rwanda'],
      ['US', 'country:united-states'],
      ['Keir Starmer', 'person:keir-starmer'],
      ['Kigali', 'country:rwanda'],
    ]);
    const summary = running.highlighting.summary();
    expect(summary.total).toBe(4);
    expect(summary.siteDisabled).toBeUndefined();
    expect(summary.hostname).toBe('news.example.com');
    expect(summary.entities[0]).toEqual({ entityId: 'country:rwanda', name: 'Rwanda', kind: 'country', count: 2 });
    expect(running.reports).toEqual([4]);
  });

  it('shows the new text of a wrapped text node the page changes in place (as frameworks do), highlighted again', async () => {
    const paragraph = document.querySelector('p') as HTMLParagraphElement;
    const held = paragraph.firstChild as Text;
    running = start();
    await running.highlighting.applySettings(defaultSettings());
    expect(marks()).toContainEqual(['Kigali', 'country:rwanda']);
    expect(held.isConnected).toBe(false);

    held.data = 'Kigali answered first; Keir Starmer spoke later.';
    await vi.waitFor(() => expect(paragraph.textContent).toBe('Kigali answered first; Keir Starmer spoke later.'));
    await vi.waitFor(() => expect(paragraph.querySelectorAll('mark')).toHaveLength(2));
    expect(running.highlighting.summary().total).toBe(4);
  });

  it('leaves a denied site alone at once, and highlights it again when it is allowed', async () => {
    const original = document.body.innerHTML;
    running = start('www.news.example.com');
    await running.highlighting.applySettings(defaultSettings());
    expect(marks().length).toBe(4);

    await running.highlighting.applySettings(settingsWith((s) => s.sites.denied.push('news.example.com')));
    expect(marks()).toEqual([]);
    expect(document.body.innerHTML).toBe(original);
    expect(adoptedCss()).toBe('');
    expect(running.highlighting.summary()).toEqual({
      total: 0,
      entities: [],
      siteDisabled: true,
      hostname: 'www.news.example.com',
    });
    expect(running.reports.at(-1)).toBe(0);

    await running.highlighting.applySettings(defaultSettings());
    expect(marks().length).toBe(4);
    expect(running.highlighting.summary().total).toBe(4);
  });

  it('turned off globally behaves like a turned-off site: nothing highlighted, nothing loaded, the summary says so', async () => {
    const original = document.body.innerHTML;
    const off = settingsWith((s) => {
      s.enabled = false;
    });
    running = start();
    await running.highlighting.applySettings(off);
    expect(running.loads).toBe(0);
    expect(marks()).toEqual([]);
    expect(running.highlighting.siteDisabled()).toBe(true);
    expect(running.highlighting.summary()).toEqual({
      total: 0,
      entities: [],
      siteDisabled: true,
      hostname: 'news.example.com',
    });

    await running.highlighting.applySettings(defaultSettings());
    expect(running.loads).toBe(1);
    expect(marks().length).toBe(4);

    // Turned off while highlighted: everything goes at once, as for a site.
    await running.highlighting.applySettings(off);
    expect(marks()).toEqual([]);
    expect(document.body.innerHTML).toBe(original);
    expect(adoptedCss()).toBe('');
    expect(running.reports.at(-1)).toBe(0);
    expect(running.highlighting.mode()).toBeNull();
  });

  it('in allow-only mode highlights only the listed sites, and loads no dataset anywhere else', async () => {
    const allowOnly = settingsWith((s) => {
      s.sites.mode = 'only-allowed';
      s.sites.allowed = ['example.org'];
    });
    running = start('news.example.com');
    await running.highlighting.applySettings(allowOnly);
    expect(marks()).toEqual([]);
    expect(running.loads).toBe(0);
    expect(running.highlighting.summary().siteDisabled).toBe(true);

    await running.highlighting.applySettings(
      settingsWith((s) => {
        s.sites.mode = 'only-allowed';
        s.sites.allowed = ['example.com'];
      }),
    );
    expect(running.loads).toBe(1);
    expect(marks().length).toBe(4);
  });

  it('neither highlights nor counts a kind the user turned off', async () => {
    running = start();
    await running.highlighting.applySettings(
      settingsWith((s) => {
        s.kinds.country = { enabled: false, colour: '#3884ff' };
      }),
    );
    expect(marks()).toEqual([['Keir Starmer', 'person:keir-starmer']]);
    expect(running.highlighting.summary()).toMatchObject({ total: 1, entities: [{ entityId: 'person:keir-starmer' }] });

    await running.highlighting.applySettings(defaultSettings());
    expect(marks().length).toBe(4);
  });

  it('still finds the countries named inside a deal’s name when deals are turned off', async () => {
    document.body.replaceChildren(element('p', 'The US–Rwanda third-country relocation arrangement was signed.'));
    running = start();
    await running.highlighting.applySettings(defaultSettings());
    expect(marks().map(([, entityId]) => entityId)).toEqual(['deal:us-rwanda-2025']);

    await running.highlighting.applySettings(
      settingsWith((s) => {
        s.kinds.deal = { enabled: false, colour: defaultKindSetting('deal').colour };
      }),
    );
    expect(marks()).toEqual([
      ['US', 'country:united-states'],
      ['Rwanda', 'country:rwanda'],
    ]);
  });

  it('colours each kind as the user chose, in a style sheet, without rescanning or touching the DOM', async () => {
    running = start();
    await running.highlighting.applySettings(defaultSettings());
    // The default colours are highlights.css's: no sheet, so the page is not restyled.
    expect(document.adoptedStyleSheets).toHaveLength(0);
    const before = [...document.querySelectorAll('mark')];

    await running.highlighting.applySettings(
      settingsWith((s) => {
        s.kinds.country = { enabled: true, colour: '#ff0000' };
      }),
    );
    expect(document.adoptedStyleSheets).toHaveLength(1);
    expect(adoptedCss()).toBe(
      'html mark.crossread-mention--country { background-color: rgb(255 0 0 / 0.22); text-decoration-color: rgb(255 0 0 / 0.9); }',
    );
    // The same marks: a colour change rescans nothing.
    expect([...document.querySelectorAll('mark')]).toEqual(before);
    const kigali = document.querySelectorAll('mark')[3] as HTMLElement;
    expect(getComputedStyle(kigali).backgroundColor).toBe('rgb(255 0 0 / 0.22)');

    await running.highlighting.applySettings(defaultSettings());
    expect(document.adoptedStyleSheets).toHaveLength(0);
    expect([...document.querySelectorAll('mark')]).toEqual(before);
  });

  it('highlights with a new dataset after a switch, and stops cleanly', async () => {
    let index: PageIndex = bundledPageIndex();
    running = start('news.example.com', () => index);
    await running.highlighting.applySettings(defaultSettings());
    expect(marks().length).toBe(4);

    const dataset = minimalDataset();
    index = pageIndexFromDataset(dataset);
    await running.highlighting.reloadIndex();
    expect(running.loads).toBe(2);
    // The small dataset knows Rwanda by name only.
    expect(marks()).toEqual([['Rwanda', 'country:rwanda']]);

    const original = article().outerHTML;
    running.highlighting.stop();
    expect(marks()).toEqual([]);
    expect(document.body.innerHTML).toBe(original);
    expect(document.adoptedStyleSheets).toHaveLength(0);
  });
});

describe('PageHighlighting with the Custom Highlight API', () => {
  // happy-dom has none; a Highlight is a set of ranges and the registry a map, which is all this needs.
  // The real API is exercised by the e2e suite in Chromium.
  const registry = new Map<string, Set<AbstractRange>>();
  const globals = [globalThis, window] as unknown as Array<Record<string, unknown>>;
  // happy-dom's window.CSS is a getter that makes a new object on every read.
  const cssDescriptor = Object.getOwnPropertyDescriptor(window, 'CSS');
  beforeAll(() => {
    for (const scope of globals) scope.Highlight = class extends Set<AbstractRange> {};
    Object.defineProperty(window, 'CSS', { value: { highlights: registry }, configurable: true });
  });
  afterAll(() => {
    for (const scope of globals) delete scope.Highlight;
    if (cssDescriptor) Object.defineProperty(window, 'CSS', cssDescriptor);
    else delete (window as unknown as Record<string, unknown>).CSS;
  });
  beforeEach(() => registry.clear());

  const painted = () => Object.fromEntries([...registry].map(([name, ranges]) => [name, ranges.size]));

  it('paints by default, and a renderer switch fully removes what the other renderer did', async () => {
    const original = document.body.innerHTML;
    running = start();
    await running.highlighting.applySettings(defaultSettings());
    expect(running.highlighting.mode()).toBe('paint');
    expect(painted()).toEqual({ 'crossread-country': 3, 'crossread-person': 1 });
    expect(marks()).toEqual([]);

    await running.highlighting.applySettings(settingsWith((s) => (s.renderer = 'wrap')));
    expect(running.highlighting.mode()).toBe('wrap');
    expect(painted()).toEqual({});
    expect(marks().length).toBe(4);
    expect(running.highlighting.summary().total).toBe(4);

    await running.highlighting.applySettings(settingsWith((s) => (s.renderer = 'paint')));
    expect(marks()).toEqual([]);
    expect(document.body.innerHTML).toBe(original);
    expect(painted()).toEqual({ 'crossread-country': 3, 'crossread-person': 1 });

    // "auto" paints too: no switch, no rescan.
    await running.highlighting.applySettings(defaultSettings());
    expect(running.highlighting.mode()).toBe('paint');
    expect(running.loads).toBe(1);
  });

  it('draws kinds a dataset adds with the shared style, and under their own name once the user colours them', async () => {
    const dataset = minimalDataset();
    const rwanda = dataset.entities[0];
    if (!rwanda) throw new Error('fixture has no entity');
    rwanda.kind = 'place';
    rwanda.id = 'place:rwanda';
    dataset.entities = [rwanda];
    running = start('news.example.com', () => pageIndexFromDataset(dataset));
    await running.highlighting.applySettings(defaultSettings());
    expect(painted()).toEqual({ 'crossread-mention': 1 });
    expect(document.adoptedStyleSheets).toHaveLength(0);

    await running.highlighting.applySettings(
      settingsWith((s) => {
        s.kinds.place = { enabled: true, colour: '#123456' };
      }),
    );
    expect(painted()).toEqual({ 'crossread-place': 1 });
    // happy-dom's CSS parser drops ::highlight() rules, so only the sheet is seen here; its text is tested in
    // highlight-style.test.ts, and the colour of a painted highlight in Chromium by the e2e suite.
    expect(document.adoptedStyleSheets).toHaveLength(1);
  });
});
