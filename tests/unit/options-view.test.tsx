// @vitest-environment happy-dom
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { OptionsView } from '../../components/OptionsView';
import type { OptionsApi, OptionsSnapshot } from '../../extension/options-client';
import type { Dataset } from '../../lib/dataset';
import { downloadDataset, type FetchLike } from '../../lib/dataset/download';
import { EMPTY_UPDATE_STATE, prepareCandidate } from '../../lib/dataset/updates';
import type { OptionsRequest, OptionsResponses } from '../../lib/options-messages';
import { defaultSettings } from '../../lib/settings';
import { minimalDataset } from './dataset-fixture';
import { setLocale } from './locale-messages';

const URL_OF_NEWER = 'https://data.example/crossread.json';

/** The same dataset one version on, with one entity more. */
function newerDataset(active: Dataset): Dataset {
  const next = structuredClone(active);
  next.version = '1.3.0';
  const added = structuredClone(next.entities[0]);
  const alias = added?.aliases[0];
  if (!added || !alias) throw new Error('the fixture has no entity');
  next.entities.push({ ...added, id: 'country:burundi', name: 'Burundi', aliases: [{ ...alias, text: 'Burundi' }] });
  return next;
}

function snapshot(): OptionsSnapshot {
  return {
    store: {
      active: { dataset: minimalDataset(), source: { type: 'bundled' }, installedAt: null, location: 'bundled' },
      previous: null,
      lastError: null,
    },
    updates: EMPTY_UPDATE_STATE,
    settings: defaultSettings(),
  };
}

type CheckAnswer = OptionsResponses['crossread:dataset-check-url'];

/** An OptionsApi that answers a URL check with the newer dataset (or `check`'s answer) and records nothing else. */
function fakeApi(initial: OptionsSnapshot, check?: (url: string) => Promise<CheckAnswer>): OptionsApi {
  return {
    load: async () => initial,
    watch: () => () => {},
    requestHostPermission: async () => true,
    send: (async (request: OptionsRequest) => {
      if (request.type !== 'crossread:dataset-check-url') throw new Error(`unexpected ${request.type}`);
      if (check) return check(request.url);
      const active = initial.store.active.dataset;
      return prepareCandidate(JSON.stringify(newerDataset(active)), { type: 'url', url: URL_OF_NEWER }, active);
    }) as <T extends OptionsRequest>(request: T) => Promise<OptionsResponses[T['type']]>,
  };
}

let root: HTMLElement;
beforeEach(() => {
  root = document.createElement('div');
  document.body.replaceChildren(root);
});
afterEach(() => {
  render(null, root);
  setLocale('en');
});

async function settle(): Promise<void> {
  for (let i = 0; i < 3; i++) {
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 0));
    });
  }
}

async function open(check?: (url: string) => Promise<CheckAnswer>): Promise<void> {
  const initial = snapshot();
  await act(async () => {
    render(<OptionsView api={fakeApi(initial, check)} initial={initial} />, root);
  });
  await settle();
}

async function checkUrl(url: string): Promise<void> {
  const input = root.querySelector<HTMLInputElement>('[data-testid="dataset-url"]');
  const form = input?.form;
  if (!input || !form) throw new Error('no URL form');
  await act(async () => {
    input.value = url;
    input.dispatchEvent(new Event('input', { bubbles: true }));
  });
  await act(async () => {
    form.dispatchEvent(new Event('submit', { bubbles: true, cancelable: true }));
  });
  await settle();
}

const text = (testId: string) => root.querySelector(`[data-testid="${testId}"]`)?.textContent ?? null;

describe('options page strings', () => {
  it('shows the dataset and the preview in English, every message found', async () => {
    const warn = vi.spyOn(console, 'warn');
    await open();
    expect(root.querySelector('h1')?.textContent).toBe('Crossread settings');
    expect(text('active-dataset')).toContain('Bundled with Crossread');
    expect(text('active-dataset')).toContain('PublishedMay 20, 2025');
    expect(text('active-dataset')).toContain('Country: 1');
    expect(text('active-dataset')).toContain('Claims: ');
    expect(root.textContent).toContain('From a file: drop a .json dataset here, or choose a file');
    expect(root.querySelector('label:has(input[value="wrap"])')?.textContent).toMatch(/^Wrap: puts each name/);

    await checkUrl(URL_OF_NEWER);
    expect(text('notice')).toBe('The dataset passed every check. Review the changes below, then apply them.');
    expect(text('version-change')).toBe('Version 1.2.0 → 1.3.0 (newer)');
    expect(root.querySelector('[data-testid="version-change"] strong')?.textContent).toBe('1.3.0');
    expect(text('diff-entities')).toContain('Entities: 1 added, 0 removed, 0 changed,');
    expect(text('diff-entities-added')).toContain('Added (1)');
    expect(text('preview')).toContain(`Downloaded from ${URL_OF_NEWER}. It passed every check:`);
    expect(text('apply')).toBe('Apply 1.3.0');
    expect(warn).not.toHaveBeenCalled();
  });

  it('shows them in French when that is the UI language, with French dates, plurals and spacing', async () => {
    setLocale('fr');
    const warn = vi.spyOn(console, 'warn');
    await open();
    expect(root.querySelector('h1')?.textContent).toBe('Paramètres de Crossread');
    expect(text('active-dataset')).toContain('Fourni avec Crossread');
    expect(text('active-dataset')).toContain('Publié le20 mai 2025');
    expect(text('active-dataset')).toContain('Pays\u00a0: 1');
    expect(root.textContent).toContain(
      'Depuis un fichier\u00a0: déposez ici un jeu de données .json, ou choisissez un fichier',
    );

    await checkUrl(URL_OF_NEWER);
    expect(text('version-change')).toBe('Version 1.2.0 → 1.3.0 (plus récente)');
    // French uses the singular for 0 and 1.
    expect(text('diff-entities')).toContain('Entités\u00a0: 1 ajoutée, 0 supprimée, 0 modifiée,');
    expect(text('preview')).toMatch(/Toutes les vérifications sont réussies\u00a0: \d+ entités, /);
    expect(text('apply')).toBe('Appliquer la version 1.3.0');
    expect(warn).not.toHaveBeenCalled();
  });

  describe('errors from the download and the checks, in the UI language', () => {
    /** The background's answer to a check of a URL that `fetch` serves, from the real download code. */
    const downloading =
      (fetch: FetchLike, maxBytes?: number) =>
      async (url: string): Promise<CheckAnswer> => {
        const result = await downloadDataset(new URL(url), { fetch, maxBytes });
        if (!result.ok) return { ok: false, error: result.error, issues: [] };
        throw new Error('expected the download to fail');
      };
    const notFound = downloading(async () => new Response('Not found', { status: 404 }));
    const tooLarge = downloading(async () => new Response('x'.repeat(6_000_000)), 5 * 1024 * 1024);

    it('in English', async () => {
      await open(notFound);
      await checkUrl('https://data.example/missing.json');
      expect(text('notice')).toContain('data.example answered 404 Not Found: there is no dataset at this address.');
      await checkUrl('http://data.example/x.json');
      expect(text('notice')).toContain('Only secure https:// addresses can be used');
      render(null, root);
      await open(tooLarge);
      await checkUrl('https://data.example/big.json');
      expect(text('notice')).toContain(
        'The dataset at data.example is larger than 5.0 MB, the most Crossread accepts.',
      );
    });

    it('in French, with French numbers and units', async () => {
      setLocale('fr');
      await open(notFound);
      await checkUrl('https://data.example/missing.json');
      expect(text('notice')).toContain(
        'data.example a répondu 404 Not Found\u00a0: il n’y a pas de jeu de données à cette adresse.',
      );
      expect(text('notice')).toContain('Le jeu de données actif n’a pas changé.');
      await checkUrl('http://data.example/x.json');
      expect(text('notice')).toContain('Seules les adresses sécurisées https:// sont acceptées');
      expect(text('notice')).toContain('(celle-ci commence par http://)');
      render(null, root);
      await open(tooLarge);
      await checkUrl('https://data.example/big.json');
      expect(text('notice')).toBe(
        'Le jeu de données de data.example dépasse 5,0\u00a0Mo, le maximum accepté par Crossread.' +
          'Le jeu de données actif n’a pas changé.',
      );
    });
  });
});
